#!/usr/bin/env node
/**
 * Builds the client (client/dist) only when it is missing or older than what it is built from: the client's
 * sources and config, and package-lock.json. `npm start` runs this first (prestart), so a fresh clone serves
 * the client after `npm install && npm start`; the e2e tests call it too.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLIENT_DIR = path.join(ROOT, "client");
export const CLIENT_DIST = path.join(CLIENT_DIR, "dist");

function newestMtime(p) {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === "dist" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Why the client must be built, or null when client/dist is up to date. */
export function staleReason() {
  const index = path.join(CLIENT_DIST, "index.html");
  if (!existsSync(index) || !existsSync(path.join(CLIENT_DIST, ".vite", "manifest.json"))) return "client/dist is missing";
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(CLIENT_DIR), newestMtime(path.join(ROOT, "package-lock.json")));
  return sources > built ? "client sources changed since the last build" : null;
}

export function ensureClient({ quiet = false } = {}) {
  const reason = staleReason();
  if (!reason) {
    if (!quiet) console.log("client/dist is up to date");
    return false;
  }
  console.log(`Building the client (${reason}) …`);
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--config", path.join(CLIENT_DIR, "vite.config.ts"), "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    // Always the production build: vitest sets NODE_ENV=test, and Vite would then bundle Vue's development
    // build (24 KB more, devtools hooks), which `npm start` would go on serving as up to date.
    env: { ...process.env, NODE_ENV: "production" },
  });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureClient();
