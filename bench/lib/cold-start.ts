/**
 * Cold start (issue 20 point 4): a fresh, empty database each time, from spawning `npm start`'s command to the
 * first answered query (migrations, content import and schema build included). Run several times; the median is
 * the figure, with the load average beside it because the machine is shared.
 */
import { loadavg } from "node:os";
import { startChild } from "./child.js";
import { cpuMicros, peakRssMiB } from "./proc.js";

export interface ColdStart {
  /** Median of the runs, ms. */
  ms: number;
  runsMs: number[];
  /** The server's own CPU time (user + system) up to the first answer, per run, ms: what a busy machine does not inflate. */
  cpuMs: number[];
  /** The server's peak RSS up to the first answer, per run, MiB. */
  peakRssMiB: number[];
  /** 1-minute load average before the first and after the last run. */
  load: [number, number];
}

export async function measureColdStart(
  serverArgs: string[],
  env: Record<string, string>,
  cwd: string,
  freshDatabase: (name: string) => Promise<{ env: Record<string, string> }>,
  gql: (url: string, query: string) => Promise<unknown>,
  runs: number,
): Promise<ColdStart> {
  const load0 = loadavg()[0];
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = await freshDatabase(`cold${i}`);
    const child = await startChild(serverArgs, { ...env, ...db.env }, cwd);
    const t0 = performance.now();
    await gql(child.url, `{ course { title } }`);
    runsMs.push(Math.round(child.startMs + (performance.now() - t0)));
    cpuMs.push(Math.round(cpuMicros(child.proc.pid!) / 1000));
    rss.push(peakRssMiB(child.proc.pid!));
    await child.stop();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)], runsMs, cpuMs, peakRssMiB: rss, load: [round2(load0), round2(loadavg()[0])] };
}

const round2 = (v: number) => Math.round(v * 100) / 100;
