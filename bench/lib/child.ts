/** Starts a Node child process and waits for the line that prints its URL. */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";

export interface Child {
  proc: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the printed URL. */
  startMs: number;
  /** What the child has written to stderr so far (the server logs unexpected errors there). */
  stderr(): string;
  stop(): Promise<void>;
}

export function startChild(args: string[], env: Record<string, string>, cwd: string, pattern = /Listening on (http:\/\/\S+\/)/): Promise<Child> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  proc.stderr!.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`child did not start in 60 s:\n${out}\n${err}`)), 60_000);
    proc.on("exit", (code) => reject(new Error(`child exited with ${code}:\n${out}\n${err}`)));
    proc.stdout!.on("data", (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(guard);
        resolve({
          proc,
          url: m[1],
          startMs: performance.now() - t0,
          stderr: () => err,
          stop: () =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null) return done();
              proc.once("exit", () => done());
              proc.kill("SIGTERM");
            }),
        });
      }
    });
  });
}
