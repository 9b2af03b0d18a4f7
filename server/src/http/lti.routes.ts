/**
 * The LTI 1.3 endpoints of the tool (server/src/lti/ does the work):
 *   GET  /lti/jwks                the tool's public keys (JWK Set)
 *   GET|POST /lti/login           OIDC third-party login initiation → 302 to the platform's authorization endpoint
 *   POST /lti/launch              the platform's form post (id_token, state) → the launched page, or an error page
 *   GET  /lti/register            LTI Dynamic Registration (lti/lti-dynamic.ts), with an invitation code
 *   POST /lti/deep-link           the deep linking picker's choice → the signed response auto-posted to the platform
 * The launched page may be framed by the launching platform only (CSP frame-ancestors lists its registered
 * origins; X-Frame-Options is dropped, as it cannot name an origin). The session goes two ways: a cookie that
 * works in a cross-site iframe (SameSite=None; Secure; Partitioned, over TLS), and the token in the page for
 * the client to send as a bearer token where the browser keeps no third-party cookie; never in a URL.
 */
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { LtiService } from "../lti/lti.service.js";
import type { ToolKeys } from "../lti/lti-keys.js";
import type { DynamicRegistration } from "../lti/lti-dynamic.js";
import type { DeepLinking } from "../lti/lti-deep-linking.js";
import { LtiError } from "../lti/lti-errors.js";
import { deepLinkPickerPage, deepLinkReturnPage, errorPage, framedBy, launchPage, registeredPage } from "./lti.pages.js";
import { readCookie, SESSION_COOKIE } from "./session-cookie.js";
import { cameOverTls } from "./security-headers.js";

export interface LtiRouteOptions {
  lti: LtiService;
  keys: ToolKeys;
  dynamic: DynamicRegistration;
  deepLinking: DeepLinking;
  clientDir?: string;
  trustedProxies: ReadonlySet<string>;
  log: (message: string, detail?: unknown) => void;
  maxBodyBytes: number;
}

const FORM_TYPE = "application/x-www-form-urlencoded";

async function readForm(req: IncomingMessage, limit: number): Promise<URLSearchParams> {
  const type = String(req.headers["content-type"] ?? "");
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new LtiError("lti/missing_parameter", `body over ${limit} bytes`);
    chunks.push(chunk);
  }
  if (!type.startsWith(FORM_TYPE)) return new URLSearchParams();
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Answers the request when its path is one of the LTI endpoints; false otherwise. */
export function ltiRoutes(opts: LtiRouteOptions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const method = (req.method ?? "GET").toUpperCase();
    const route = url.pathname;
    if (route !== "/lti/jwks" && route !== "/lti/login" && route !== "/lti/launch" && route !== "/lti/register" && route !== "/lti/deep-link") return false;
    const tls = cameOverTls(req, opts.trustedProxies);
    try {
      if (route === "/lti/jwks") {
        if (method !== "GET" && method !== "HEAD") return methodNotAllowed(res, "GET, HEAD");
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.setHeader("cache-control", "public, max-age=300");
        res.end(JSON.stringify(await opts.keys.jwks()));
        return true;
      }
      if (route === "/lti/register") {
        if (method !== "GET") return methodNotAllowed(res, "GET");
        const q = (name: string) => url.searchParams.get(name) ?? undefined;
        const done = await opts.dynamic.register({ invite: q("invite"), openid_configuration: q("openid_configuration"), registration_token: q("registration_token") });
        const page = registeredPage(done.hasDeployment);
        res.statusCode = 200;
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("cache-control", "no-store");
        res.removeHeader("x-frame-options");
        res.setHeader("content-security-policy", page.policy(done.platform.frameOrigins));
        res.end(page.html);
        opts.log(`LTI dynamic registration: ${done.platform.issuer} client ${done.platform.clientId} deployments ${done.platform.deploymentIds.join(", ") || "none yet"}`);
        return true;
      }
      if (route === "/lti/login") {
        if (method !== "GET" && method !== "POST") return methodNotAllowed(res, "GET, POST");
        const params = method === "POST" ? await readForm(req, opts.maxBodyBytes) : url.searchParams;
        const get = (name: string) => params.get(name) ?? undefined;
        const redirect = await opts.lti.login({
          iss: get("iss"),
          login_hint: get("login_hint"),
          target_link_uri: get("target_link_uri"),
          lti_message_hint: get("lti_message_hint"),
          client_id: get("client_id"),
          lti_deployment_id: get("lti_deployment_id"),
        });
        res.statusCode = 302;
        res.setHeader("location", redirect.location);
        res.setHeader("cache-control", "no-store");
        res.appendHeader("set-cookie", crossSiteCookie(redirect.cookie.name, redirect.cookie.value, "/lti/", 600, tls));
        res.end();
        return true;
      }
      if (method !== "POST") return methodNotAllowed(res, "POST");
      const form = await readForm(req, opts.maxBodyBytes);
      if (route === "/lti/deep-link") {
        const answer = await opts.deepLinking.respond(form.get("state") ?? undefined, form.getAll("item"));
        const page = deepLinkReturnPage(answer.returnUrl, answer.jwt);
        const origins = (await opts.lti.registry.all().catch(() => [])).flatMap((p) => p.frameOrigins);
        res.statusCode = 200;
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("cache-control", "no-store");
        res.removeHeader("x-frame-options");
        res.setHeader("content-security-policy", page.policy([...new Set(origins)]));
        res.end(page.html);
        opts.log(`LTI deep linking response to ${new URL(answer.returnUrl).origin}: ${form.getAll("item").join(", ") || "nothing"}`);
        return true;
      }
      const launch = await opts.lti.launch(
        { id_token: form.get("id_token") ?? undefined, state: form.get("state") ?? undefined, error: form.get("error") ?? undefined },
        (name) => readCookie(req.headers.cookie, name),
      );
      res.statusCode = 200;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("cache-control", "no-store");
      res.removeHeader("x-frame-options");
      res.appendHeader("set-cookie", crossSiteCookie(SESSION_COOKIE, launch.token, "/", 30 * 24 * 3600, tls));
      if (launch.deepLinking) {
        const picker = deepLinkPickerPage({ state: await opts.deepLinking.pickState(launch), multiple: launch.deepLinking.acceptMultiple, locale: launch.deepLinking.locale, choices: opts.deepLinking.choices() });
        res.setHeader("content-security-policy", picker.policy(launch.platform.frameOrigins));
        res.end(picker.html);
        opts.log(`LTI deep linking request: ${launch.platform.issuer} deployment ${launch.deploymentId} user ${launch.userId}`);
        return true;
      }
      const index = await clientIndex(opts.clientDir);
      const page = launchPage({ token: launch.token, target: launch.target, index });
      res.setHeader("content-security-policy", page.policy(launch.platform.frameOrigins));
      res.end(page.html);
      opts.log(`LTI launch: ${launch.platform.issuer} deployment ${launch.deploymentId} user ${launch.userId} as ${launch.role}`);
      return true;
    } catch (e) {
      if (!(e instanceof LtiError)) throw e;
      opts.log(`LTI ${route} refused: ${e.code} (${e.detail})`);
      res.statusCode = e.status;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("cache-control", "no-store");
      const page = errorPage(e.code);
      const origins = (await opts.lti.registry.all().catch(() => [])).flatMap((p) => p.frameOrigins);
      // The error page shows inside the platform's frame too: any registered platform may frame it.
      res.removeHeader("x-frame-options");
      res.setHeader("content-security-policy", framedBy([...new Set(origins)]));
      res.end(page.html);
      return true;
    }
  };
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  res.statusCode = 405;
  res.setHeader("allow", allow);
  res.end();
  return true;
}

/**
 * A cookie that a cross-site iframe keeps: SameSite=None needs Secure, and Partitioned (CHIPS) lets browsers
 * that block third-party cookies keep it for this platform's site. Over plain http (local development) such a
 * cookie would be dropped; there it is SameSite=Lax and works in a new window only.
 */
export function crossSiteCookie(name: string, value: string, cookiePath: string, maxAge: number, tls: boolean): string {
  const base = [`${name}=${encodeURIComponent(value)}`, `Path=${cookiePath}`, "HttpOnly", `Max-Age=${maxAge}`];
  return (tls ? [...base, "SameSite=None", "Secure", "Partitioned"] : [...base, "SameSite=Lax"]).join("; ");
}

async function clientIndex(clientDir: string | undefined): Promise<string | undefined> {
  if (!clientDir) return undefined;
  const file = path.join(clientDir, "index.html");
  if (!(await stat(file).catch(() => null))) return undefined;
  return readFile(file, "utf8");
}
