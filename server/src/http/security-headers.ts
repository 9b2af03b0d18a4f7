/**
 * Security headers on every HTTP response, written by hand (five headers do not need a library).
 * - Content-Security-Policy: scripts, styles, fonts and connections from this origin only; no inline script
 *   or style (the built client has none: Vite emits files, Vue sets styles through the CSSOM, which CSP allows);
 *   `frame-ancestors 'none'`, as no page of this site is meant to be framed, except the pages an LTI launch
 *   answers with (http/lti.routes.ts), which list the registered platforms' origins instead. Two pages carry their own policy: the information page (its one inline style, by hash)
 *   and Apollo's landing page at GET /graphql, which brings a nonce-based policy in a <meta> tag.
 * - X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer (links to sources leave no trace of the
 *   course page); X-Frame-Options: DENY for browsers that predate frame-ancestors.
 * - Strict-Transport-Security only when the request really came over TLS: a TLS socket, or
 *   X-Forwarded-Proto: https set by a proxy listed in TRUSTED_PROXIES (anyone else can write that header).
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { normalizeAddress } from "./client-address.js";

const POLICY: [string, string][] = [
  ["default-src", "'self'"],
  ["script-src", "'self'"],
  ["style-src", "'self'"],
  ["img-src", "'self' data:"],
  ["font-src", "'self' data:"],
  // 'self' covers ws:// and wss:// to this origin (CSP Level 3) for the subscriptions socket.
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'self'"],
  ["frame-ancestors", "'none'"],
];

/** The policy with some directives replaced (LTI-launched pages name the platforms that may frame them). */
export const policy = (overrides: Record<string, string> = {}): string =>
  POLICY.map(([name, value]) => `${name} ${overrides[name] ?? value}`).join("; ");

export const CONTENT_SECURITY_POLICY = policy();

export const HSTS = "max-age=31536000";

/** Whether the request reached the client over TLS, as far as this server can know it. */
export function cameOverTls(req: IncomingMessage, trustedProxies: ReadonlySet<string>): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  const peer = normalizeAddress(req.socket.remoteAddress ?? "");
  const proto = req.headers["x-forwarded-proto"];
  // The nearest proxy's value is the last one when several proxies appended theirs.
  const last = (Array.isArray(proto) ? proto.join(",") : (proto ?? "")).split(",").pop()?.trim().toLowerCase();
  return trustedProxies.has(peer) && last === "https";
}

/** Sets the headers every response carries; call before anything else writes to `res`. */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, trustedProxies: ReadonlySet<string>): void {
  res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-frame-options", "DENY");
  if (cameOverTls(req, trustedProxies)) res.setHeader("strict-transport-security", HSTS);
}

/** The policy for a page of ours with inline <style> blocks: each allowed by its sha256, nothing else inline. */
export function allowInlineStyles(res: ServerResponse, html: string): void {
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`);
  res.setHeader("content-security-policy", policy({ "style-src": ["'self'", ...hashes].join(" ") }));
}

/**
 * Apollo's landing page (GET /graphql from a browser) sets its own policy in a <meta> tag, with a nonce for its
 * scripts and styles and Apollo's CDN; a header policy would be enforced as well and block it. It keeps only
 * frame-ancestors, which a <meta> policy cannot set.
 */
export function useLandingPagePolicy(res: ServerResponse): void {
  res.setHeader("content-security-policy", "frame-ancestors 'none'");
}
