/** Configuration from the environment, with the defaults DESIGN.md lists. */
import path from "node:path";
import { parseTrustedProxies } from "./http/client-address.js";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  production: boolean;
  contentDir: string;
  clientDir: string;
  trustedProxies: string[];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const port = env.PORT === undefined || env.PORT === "" ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535 (0 picks a free port), got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || "127.0.0.1",
    dataDir: path.resolve(root, env.DATA_DIR || "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    production: env.NODE_ENV === "production",
    contentDir: path.resolve(root, env.CONTENT_DIR || "content"),
    clientDir: path.resolve(root, "client", "dist"),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
  };
}
