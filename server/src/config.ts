/** Configuration from the environment, with the defaults DESIGN.md lists. */
import path from "node:path";
import { parseTrustedProxies } from "./http/client-address.js";

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
  publicCacheBytes: number;
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
    publicCacheBytes: bytes("PUBLIC_CACHE_BYTES", env.PUBLIC_CACHE_BYTES, DEFAULT_PUBLIC_CACHE_BYTES),
  };
}

/** A size in bytes: a whole number, or one with a KB / MB / GB suffix (powers of 1024). */
function bytes(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const m = /^(\d+)\s*(KB|MB|GB)?$/i.exec(raw.trim());
  if (!m) throw new Error(`${name} must be a number of bytes, optionally with KB, MB or GB (32MB, say), got "${raw}"`);
  return Number(m[1]) * { "": 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(m[2] ?? "").toUpperCase() as "" | "KB" | "MB" | "GB"];
}

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/** DATABASE_URL, if set, must be a PostgreSQL URL: a typo must not quietly run the app on an SQLite file. */
function databaseUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (isPostgresUrl(raw)) return raw;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
  throw new Error(
    `DATABASE_URL must be a postgres:// or postgresql:// URL${scheme ? `, not ${scheme}:` : ""} (leave it unset to use the SQLite file in DATA_DIR)`,
  );
}
