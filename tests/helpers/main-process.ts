/** `npm start` and the ops CLIs as real processes (server/src/main.ts …), for tests of what an operator sees. */
import { spawn } from "node:child_process";
import { FIXTURE_DIR, PROJECT_ROOT } from "./test-server.js";

export interface MainRun {
  pid: number;
  exit: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM by default. */
  kill: (signal?: NodeJS.Signals) => void;
  /** Resolves with the printed URL; rejects if the process exits first or after a failure guard (STARTUP_GUARD_MS). */
  url: Promise<string>;
}

/**
 * How long a start may take before the test gives up. A start loads tsx, the whole server and content/: about
 * 2 s on an idle machine, but 10–15 s were measured on the 2 shared cores under a load average of 12.
 */
const STARTUP_GUARD_MS = 30_000;

/**
 * Starts the server as a process; it serves the fixture course unless `env` names another CONTENT_DIR. The
 * sources by default; `args` names another entry (the compiled server/dist/main.mjs that `npm start` runs).
 */
export function startMain(env: Record<string, string>, args: string[] = ["--import", "tsx", "server/src/main.ts"]): MainRun {
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "", CONTENT_DIR: FIXTURE_DIR, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`no "Listening on" within ${STARTUP_GUARD_MS / 1000} s\n${out}\n${err}`)), STARTUP_GUARD_MS);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/Listening on (http:\/\/\S+\/)/);
      if (m) {
        clearTimeout(guard);
        resolve(m[1]);
      }
    });
    void exit.then((code) => {
      clearTimeout(guard);
      reject(new Error(`exited with ${code}\n${err}`));
    });
  });
  url.catch(() => {});
  return { pid: child.pid!, exit, stdout: () => out, stderr: () => err, kill: (signal = "SIGTERM") => child.kill(signal), url };
}

/** Runs a CLI (`server/src/ops/backup.cli.ts`, say) to its end; resolves with its exit code and output. */
export function runCli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
