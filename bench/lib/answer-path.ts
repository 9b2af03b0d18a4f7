/**
 * The answer path's CPU (issue 20 point 1), two rows measured alone:
 *
 * - `npm run bench -- --only answer-profile`: a server started under `node --cpu-prof` takes a bounded load of
 *   practice answers (ANSWER_PROFILE_ANSWERS, 3,000 by default, from 20 learners at once); on exit it writes its
 *   .cpuprofile under bench/results/raw/ (ignored by git; open it in Chrome DevTools or speedscope), and the
 *   row prints the top self-time frames and the server's CPU per answer.
 * - `npm run bench -- --only history`: server CPU per practice answer for learners with 10 and with 2,000
 *   (HISTORY_PRIOR) prior graded answers, measured in alternating rounds on one warm server: the issue asks
 *   for per-answer cost flat in history (within 10%).
 *
 * CPU is the server process's user + system time from /proc over the measured answers (it suffers less from
 * the load of the rest of the machine than answers per second do). Each measured phase includes one
 * startAttempt and one finishAttempt per 30 answers, the same for both histories.
 */
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { BENCH_ITEMS, BENCH_QUIZ } from "./bench-content.js";
import { startChild } from "./child.js";
import { cpuMicros } from "./proc.js";

type Gql = (url: string, query: string, variables?: Record<string, unknown>, token?: string) => Promise<any>;

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`;
const START = `mutation { startAttempt(quizId: "${BENCH_QUIZ}", mode: PRACTICE) { id } }`;
const FINISH = `mutation($id: ID!) { finishAttempt(attemptId: $id) { id } }`;
const SUBMIT = `mutation($i: SubmitAnswerInput!) { submitAnswer(input: $i) { id itemId status correct } }`;

/** The short-answer items of the bench quiz (0-based index i, accepted answer "جوابi"): 30 of 40. */
const SHORT = Array.from({ length: BENCH_ITEMS }, (_, i) => i).filter((i) => i % 4 !== 3);
const itemId = (i: number) => `qb-${String(i + 1).padStart(2, "0")}`;

interface Learner {
  token: string;
  answered: number;
}

async function signUp(gql: Gql, url: string, name: string): Promise<Learner> {
  const { signUp: s } = await gql(url, SIGN_UP, { i: { email: `${name}@bench.test`, password: "bench-password", displayName: name } });
  return { token: s.token, answered: 0 };
}

/**
 * `count` practice answers by one learner, one at a time, in fresh practice attempts of 30 answers each (every
 * answer a new response: none replaces an earlier one); about two in three right.
 */
async function answer(gql: Gql, url: string, learner: Learner, count: number): Promise<void> {
  let left = count;
  while (left > 0) {
    const { startAttempt } = await gql(url, START, {}, learner.token);
    const n = Math.min(left, SHORT.length);
    for (let k = 0; k < n; k++) {
      const i = SHORT[k];
      const right = (learner.answered + k) % 3 !== 0;
      await gql(url, SUBMIT, { i: { attemptId: startAttempt.id, itemId: itemId(i), answer: { text: right ? `جواب${i}` : "خطأ" } } }, learner.token);
    }
    await gql(url, FINISH, { id: startAttempt.id }, learner.token);
    learner.answered += n;
    left -= n;
  }
}

/** Server CPU in µs per answer while `learners` each give `each` answers at once. */
async function cpuPerAnswer(gql: Gql, url: string, pid: number, learners: Learner[], each: number): Promise<number> {
  const cpu0 = cpuMicros(pid);
  await Promise.all(learners.map((l) => answer(gql, url, l, each)));
  return (cpuMicros(pid) - cpu0) / (learners.length * each);
}

export interface HistoryResult {
  prior: { short: number; long: number };
  learners: number;
  answersPerRound: number;
  rounds: { short: number; long: number }[];
  /** Mean µs of server CPU per answer over the rounds. */
  short: number;
  long: number;
  ratio: number;
}

/** CPU per practice answer at 10 and at HISTORY_PRIOR (2,000) prior answers, alternating rounds on one server. */
export async function historyRow(root: string, env: Record<string, string>, dbEnv: Record<string, string>, gql: Gql, log: (s: string) => void): Promise<HistoryResult> {
  const longPrior = Number(process.env.HISTORY_PRIOR || 2000);
  const shortPrior = 10;
  const learners = Number(process.env.HISTORY_LEARNERS || 4);
  const each = Number(process.env.HISTORY_ANSWERS || 60);
  const rounds = Number(process.env.HISTORY_ROUNDS || 3);
  const server = await startChild(["--import", "tsx", "server/src/main.ts"], { ...env, ...dbEnv }, root);
  try {
    const short = await Promise.all(Array.from({ length: learners }, (_, k) => signUp(gql, server.url, `hist-short-${k}`)));
    const long = await Promise.all(Array.from({ length: learners }, (_, k) => signUp(gql, server.url, `hist-long-${k}`)));
    const t0 = performance.now();
    await Promise.all([...short.map((l) => answer(gql, server.url, l, shortPrior)), ...long.map((l) => answer(gql, server.url, l, longPrior))]);
    log(`history: ${learners} learners with ${shortPrior} and ${learners} with ${longPrior} prior answers written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const warm = await signUp(gql, server.url, "hist-warm");
    await answer(gql, server.url, warm, 300);
    const out: { short: number; long: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      const s = await cpuPerAnswer(gql, server.url, server.proc.pid!, short, each);
      const l = await cpuPerAnswer(gql, server.url, server.proc.pid!, long, each);
      out.push({ short: Math.round(s), long: Math.round(l) });
      log(`history round ${r + 1}: ${s.toFixed(0)} µs CPU/answer at ${shortPrior} prior answers, ${l.toFixed(0)} µs at ${longPrior}`);
    }
    const mean = (k: "short" | "long") => out.reduce((a, x) => a + x[k], 0) / out.length;
    return { prior: { short: shortPrior, long: longPrior }, learners, answersPerRound: learners * each, rounds: out, short: mean("short"), long: mean("long"), ratio: mean("long") / mean("short") };
  } finally {
    await server.stop();
  }
}

export interface ProfileResult {
  answers: number;
  cpuMicrosPerAnswer: number;
  profile: string;
  /** The heaviest frames by self time: "function (file:line)" and its share of all samples, in %. */
  top: { frame: string; selfMs: number; percent: number }[];
}

/** Practice answers under `node --cpu-prof`; the profile's top self-time frames. */
export async function answerProfileRow(root: string, env: Record<string, string>, dbEnv: Record<string, string>, gql: Gql, log: (s: string) => void): Promise<ProfileResult> {
  const dir = path.join(root, "bench/results/raw");
  await mkdir(dir, { recursive: true });
  const before = new Set(await readdir(dir));
  const total = Number(process.env.ANSWER_PROFILE_ANSWERS || 3000);
  const learners = 20;
  const server = await startChild(["--cpu-prof", `--cpu-prof-dir=${dir}`, "--import", "tsx", "server/src/main.ts"], { ...env, ...dbEnv }, root);
  let perAnswer = 0;
  try {
    const ls = await Promise.all(Array.from({ length: learners }, (_, k) => signUp(gql, server.url, `profile-${k}`)));
    await Promise.all(ls.map((l) => answer(gql, server.url, l, 60))); // warm-up
    perAnswer = await cpuPerAnswer(gql, server.url, server.proc.pid!, ls, Math.ceil(total / learners));
  } finally {
    await server.stop(); // SIGTERM: the server exits and node writes the profile
  }
  // One profile per thread (tsx's loader runs in a worker): the main thread's is the largest.
  const written = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile") && !before.has(f));
  const sizes = await Promise.all(written.map(async (f) => ({ f, size: (await stat(path.join(dir, f))).size })));
  const file = sizes.sort((a, b) => b.size - a.size)[0]?.f;
  if (!file) throw new Error("the server wrote no .cpuprofile");
  const top = topSelfFrames(JSON.parse(await readFile(path.join(dir, file), "utf8")), 25);
  log(`answer profile: ${perAnswer.toFixed(0)} µs server CPU per practice answer; profile bench/results/raw/${file}`);
  for (const t of top) log(`  ${t.percent.toFixed(1).padStart(5)}%  ${t.selfMs.toFixed(0).padStart(6)} ms  ${t.frame}`);
  return { answers: Math.ceil(total / learners) * learners, cpuMicrosPerAnswer: perAnswer, profile: `bench/results/raw/${file}`, top };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per frame (function, file, line), summed over the profile's samples, heaviest first. */
export function topSelfFrames(p: CpuProfile, n: number): ProfileResult["top"] {
  const byNode = new Map(p.nodes.map((x) => [x.id, x.callFrame]));
  const self = new Map<string, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const f = byNode.get(id)!;
    const file = f.url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "");
    const key = `${f.functionName || "(anonymous)"} (${file ? `${path.basename(path.dirname(file))}/${path.basename(file)}:${f.lineNumber + 1}` : "native"})`;
    const dt = p.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    all += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([frame, us]) => ({ frame, selfMs: us / 1000, percent: (100 * us) / Math.max(1, all) }));
}

interface Sink {
  runs: Record<string, unknown>;
  target: (name: string, value: number | null, unit: string, op: "<=" | ">=" | "==", limit: number) => void;
  report: (name: string, value: number | null, unit: string) => void;
}

/** The hook in bench/run.ts for `--only answer-profile` and `--only history`. */
export async function answerPathRow(row: "answer-profile" | "history", root: string, env: Record<string, string>, dbEnv: Record<string, string>, gql: Gql, log: (s: string) => void, out: Sink): Promise<void> {
  if (row === "answer-profile") {
    const r = await answerProfileRow(root, env, dbEnv, gql, log);
    out.runs.answerProfile = r;
    out.report("server CPU per practice answer (under --cpu-prof)", r.cpuMicrosPerAnswer, "µs");
    return;
  }
  const r = await historyRow(root, env, dbEnv, gql, log);
  out.runs.history = r;
  out.report(`server CPU per practice answer, ${r.prior.short} prior answers`, r.short, "µs");
  out.report(`server CPU per practice answer, ${r.prior.long} prior answers`, r.long, "µs");
  out.target(`CPU per answer at ${r.prior.long} ÷ at ${r.prior.short} prior answers`, r.ratio, "ratio", "<=", 1.1);
}
