/**
 * Finds Chromium for the e2e tests: CHROMIUM_PATH, else Debian's /usr/bin/chromium. When there is none, it
 * installs Debian's package if it can (root with apt-get), or stops with the one command that installs it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";
const DEFAULT_PATH = "/usr/bin/chromium";

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return existsSync(DEFAULT_PATH) ? DEFAULT_PATH : null;
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" }).status === 0;
  if (!root || !apt) throw new Error(`Chromium was not found at ${DEFAULT_PATH}. Install it with:\n  sudo ${INSTALL_COMMAND}\n(or set CHROMIUM_PATH).`);
  console.log(`Chromium is missing: running ${INSTALL_COMMAND}`);
  execFileSync("sh", ["-c", INSTALL_COMMAND], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const installed = findChromium();
  if (!installed) throw new Error(`${INSTALL_COMMAND} finished but ${DEFAULT_PATH} is still missing.`);
  return installed;
}

/** Flags for a quiet, reproducible headless run in a container. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
