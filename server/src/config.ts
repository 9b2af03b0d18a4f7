/** Configuration from the environment, with the defaults DESIGN.md lists. */
import path from "node:path";
import { parseTrustedProxies } from "./http/client-address.js";
import { isPostgresUrl } from "./db/engine.js";
import type { LiveLimits } from "./http/live-limits.js";
import { DEFAULT_LIVE_LIMITS } from "./http/live-limits.js";

/** PUBLIC_CACHE_BYTES when unset: memory for answers to public queries (http/public-cache.ts). */
export const DEFAULT_PUBLIC_CACHE_BYTES = 32 * 1024 * 1024;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  production: boolean;
  contentDir: string;
  clientDir: string;
  trustedProxies: string[];
  /** ALLOWED_ORIGINS: origins whose pages may open the WebSocket; undefined: the server's own (plus Vite's dev server outside production). */
  allowedOrigins?: string[];
  /** WebSocket caps (WS_MAX_*). */
  live: Omit<LiveLimits, "sessionRecheckMs">;
  publicCacheBytes: number;
  /** LTI_TOOL_URL: the tool's public base URL as platforms reach it (redirect URI, JWKS URL); https in production. */
  ltiToolUrl?: string;
  /** INSTRUCTOR_SEES_EMAIL (true): false shows instructors a learner code instead of the email. */
  instructorSeesEmail: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const port = env.PORT === undefined || env.PORT === "" ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535 (0 picks a free port), got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || "127.0.0.1",
    dataDir: path.resolve(root, env.DATA_DIR || "data"),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    production: env.NODE_ENV === "production",
    contentDir: path.resolve(root, env.CONTENT_DIR || "content"),
    clientDir: path.resolve(root, "client", "dist"),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    live: {
      socketsPerAddress: positiveInteger(env, "WS_MAX_SOCKETS_PER_ADDRESS", DEFAULT_LIVE_LIMITS.socketsPerAddress),
      socketsPerSession: positiveInteger(env, "WS_MAX_SOCKETS_PER_SESSION", DEFAULT_LIVE_LIMITS.socketsPerSession),
      subscriptionsPerSocket: positiveInteger(env, "WS_MAX_SUBSCRIPTIONS_PER_SOCKET", DEFAULT_LIVE_LIMITS.subscriptionsPerSocket),
      maxBufferedBytes: positiveInteger(env, "WS_MAX_BUFFERED_BYTES", DEFAULT_LIVE_LIMITS.maxBufferedBytes),
    },
    publicCacheBytes: bytes("PUBLIC_CACHE_BYTES", env.PUBLIC_CACHE_BYTES, DEFAULT_PUBLIC_CACHE_BYTES),
    ltiToolUrl: ltiToolUrl(env.LTI_TOOL_URL),
    instructorSeesEmail: flag("INSTRUCTOR_SEES_EMAIL", env.INSTRUCTOR_SEES_EMAIL, true),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return n;
}

/** ALLOWED_ORIGINS: comma-separated origins (scheme://host[:port]), e.g. "https://course.example.org". */
export function parseAllowedOrigins(raw: string | undefined): string[] | undefined {
  if (!raw?.trim()) return undefined;
  const entries = raw.split(",").map((s) => s.trim()).filter(Boolean);
  return entries.map((entry) => {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    const onlyOrigin = url && (url.protocol === "http:" || url.protocol === "https:") && url.pathname === "/" && !url.search && !url.hash && !url.username;
    if (!url || !onlyOrigin)
      throw new Error(`ALLOWED_ORIGINS must list origins such as https://course.example.org (scheme, host and port, no path) separated by commas, got "${entry}"`);
    return url.origin;
  });
}

/** true or false (any case); unset or empty: the default. */
function flag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === "") return fallback;
  const v = raw.trim().toLowerCase();
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** A size in bytes: a whole number, or one with a KB / MB / GB suffix (powers of 1024). */
function bytes(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const m = /^(\d+)\s*(KB|MB|GB)?$/i.exec(raw.trim());
  if (!m) throw new Error(`${name} must be a number of bytes, optionally with KB, MB or GB (32MB, say), got "${raw}"`);
  return Number(m[1]) * { "": 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(m[2] ?? "").toUpperCase() as "" | "KB" | "MB" | "GB"];
}

/** DATABASE_URL, if set, must be a PostgreSQL URL: a typo must not quietly run the app on an SQLite file. */
function databaseUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (isPostgresUrl(raw)) return raw;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
  throw new Error(
    `DATABASE_URL must be a postgres:// or postgresql:// URL${scheme ? `, not ${scheme}:` : ""} (leave it unset to use the SQLite file in DATA_DIR)`,
  );
}

/** LTI_TOOL_URL, if set: an http(s) URL ending in "/" (the base of /lti/login, /lti/launch, /lti/jwks). */
function ltiToolUrl(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) throw new Error(`LTI_TOOL_URL must be the tool's base URL such as https://course.example.org/, got "${raw}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
