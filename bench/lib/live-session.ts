/**
 * The live class session row of the bench (issue 17): PHONES simulated phones over graphql-ws (guests with
 * their participant cookie) on one server instance, or on PostgreSQL (`instances` 2) half on each of two
 * instances sharing one database (the cluster bus carries the session between them); an instructor's projector
 * subscription on the first instance; 5 questions with a timer of SECONDS each, every phone answering each at a
 * random moment within the timer. The phones run in child processes of their own (bench/lib/live-phones.ts, at
 * most PHONES_PER_PROCESS each, each process from its own loopback address, under the server's default
 * per-address socket cap), so the server's RSS and CPU are its own. Measures: "show question" to a phone
 * receiving it (p95), an answer's acknowledgement-order rank appearing in the projector's answered count
 * (p95, from the moment the answer was sent), acknowledged answers missing from the report (must be 0), the
 * projector's update rate, server RSS and CPU per phone (summed over the instances).
 * After each reveal the instructor waits LIVE_BENCH_PAUSE_MS (2,000) before showing the next question.
 * LIVE_BENCH_PHONES (1,000) and LIVE_BENCH_SECONDS (20) make it small for a busy machine. LIVE_BENCH_PROFILE=1
 * starts the instances under `node --cpu-prof` (profiles in bench/results/raw/, ignored by git) and prints each
 * instance's heaviest frames: where the fan-out's time goes.
 */
import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { createClient } from "graphql-ws";
import type { Client } from "graphql-ws";
import WebSocket from "ws";
import { loadContent } from "../../server/src/content/content.loader.js";
import { DEFAULT_LIVE_LIMITS } from "../../server/src/http/live-limits.js";
import { benchClass } from "./live-feed.js";
import { startChild } from "./child.js";
import type { Child } from "./child.js";
import type { PhonesCommand, PhonesReport, PublicItem } from "./live-phones.js";
import { wallNow } from "./live-phones.js";
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { topSelfFrames } from "./answer-path.js";
import { cpuMicros, peakRssMiB } from "./proc.js";

/** Resident memory of a process now (VmRSS), in MiB: the peak (VmHWM) is the start-up's, before any phone. */
function rssNowMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return kb / 1024;
}

type Gql = (url: string, query: string, variables?: Record<string, unknown>, token?: string) => Promise<any>;

/** Phones per child process, and so per loopback address: a class behind one NAT, under the default cap (300). */
export const PHONES_PER_PROCESS = 250;

export interface LiveSessionResult {
  phones: number;
  instances: number;
  phoneProcesses: number;
  /** The server's default per-address socket cap (not overridden here) and the most phones on one address. */
  socketsPerAddressDefault: number;
  phonesPerAddressMax: number;
  questions: number;
  timerSeconds: number;
  /** How long the instructor waited after each reveal before showing the next question. */
  pauseAfterRevealMs: number;
  showToPhoneMs: { p50: number; p95: number; max: number; received: number; expected: number };
  /**
   * Where "show → phone" goes: the instructor's SHOW_NEXT acknowledged (its write committed and published),
   * then each instance's fan-out (phones by the instance they are connected to; the first instance is the
   * one that wrote, the others hear it on the cluster bus). `spreadP95`: per phones process and question, the
   * last phone's receipt minus the first's (fan-out plus the phones process's own parsing), p95 over them.
   */
  showBreakdownMs: { mutationP50: number; mutationMax: number; byInstance: { p50: number; p95: number }[]; spreadP95: number; byQuestionP95: number[] };
  answerToProjectorMs: { p50: number; p95: number; max: number; seen: number };
  acknowledged: number;
  lost: number;
  refused: number;
  refusedBy: Record<string, number>;
  /** The most projector messages in any one second that were answer updates (not the instructor's phase changes). */
  projectorUpdatesPerSecondMax: number;
  phoneMessagesPerQuestion: number;
  /** Peak RSS of each instance, MiB. */
  rssMiB: number[];
  /** Resident memory the phones added, summed over the instances (VmRSS with every phone subscribed, after the last question, minus before the first joined). */
  rssKiBPerPhone: number;
  cpuMsPerPhone: number;
}

/** A phones process and a way to wait for its next report of a kind. */
interface Phones {
  proc: ChildProcess;
  instance: number;
  count: number;
  next<T extends PhonesReport["type"]>(type: T): Promise<Extract<PhonesReport, { type: T }>>;
}

function startPhones(root: string, instance: number, count: number): Phones {
  const proc = fork(path.join(root, "bench", "lib", "live-phones.ts"), [], { cwd: root, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const waiting: { type: string; resolve: (r: any) => void; reject: (e: Error) => void }[] = [];
  proc.on("message", (r: PhonesReport) => {
    if (r.type === "error") for (const w of waiting.splice(0)) w.reject(new Error(`phones process: ${r.message}`));
    const i = waiting.findIndex((w) => w.type === r.type);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(r);
  });
  proc.on("exit", (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`phones process exited with ${code}`));
  });
  return {
    proc,
    instance,
    count,
    next: (type) => new Promise((resolve, reject) => waiting.push({ type, resolve, reject })),
  };
}

const tell = (p: Phones, c: PhonesCommand) => p.proc.send(c);

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** `serverArgs`: how to start an instance (npm start's compiled server in the bench). */
export async function liveSessionRow(root: string, env: Record<string, string>, dbEnv: Record<string, string>, contentDir: string, gql: Gql, instances = 1, serverArgs = ["--import", "tsx", "server/src/main.ts"]): Promise<LiveSessionResult> {
  const PHONES = Number(process.env.LIVE_BENCH_PHONES || 1000);
  const SECONDS = Number(process.env.LIVE_BENCH_SECONDS || 20);
  const QUESTIONS = 5;
  const PROFILE = process.env.LIVE_BENCH_PROFILE === "1";
  const PAUSE_MS = Number(process.env.LIVE_BENCH_PAUSE_MS ?? 2000);
  const content = await loadContent(contentDir);
  const quiz = content.quizzes.find((q) => !q.retired && q.items.filter((i) => i.pool === "practice").length >= QUESTIONS)!; // a retired quiz no longer runs live
  const itemIds = quiz.items.filter((i) => i.pool === "practice").slice(0, QUESTIONS).map((i) => i.id);
  // The default per-address socket cap stays: each phones process is one address with at most a class.
  const servers: Child[] = [];
  const phoneSets: Phones[] = [];
  const clients: Client[] = [];
  let profiled: { dir: string; pids: number[] } | null = null;
  try {
    const profileDir = path.join(root, "bench/results/raw", `live-profile-${Date.now()}`);
    if (PROFILE) await mkdir(profileDir, { recursive: true });
    const args = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, ...serverArgs] : serverArgs;
    for (let i = 0; i < instances; i++) servers.push(await startChild(args, { ...env, ...dbEnv }, root));
    const url = servers[0].url;
    const { token: teacher, classroomId } = await benchClass(root, { ...env, ...dbEnv }, gql, url, []);
    const { startLiveSession: session } = await gql(
      url,
      `mutation($i: StartLiveSessionInput!) { startLiveSession(input: $i) { id code } }`,
      { i: { classroomId, quizId: quiz.id, itemIds, allowGuests: true } },
      teacher,
    );
    const pids = servers.map((s) => s.proc.pid!);
    const rss0 = pids.map(rssNowMiB);
    const cpu0 = pids.map(cpuMicros);

    // The projector: the instructor's subscription on the first instance, in this process.
    const projector: { at: number; answered: number; itemIndex: number; phase: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      const client = createClient({ url: url.replace(/^http/, "ws") + "graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${teacher}` }, retryAttempts: 0, lazy: false });
      clients.push(client);
      let first = true;
      client.subscribe(
        { query: `subscription($id: ID!) { liveSession(id: $id) { phase itemIndex answeredCount } }`, variables: { id: session.id } },
        {
          next: (v) => {
            if (v.errors) return reject(new Error(JSON.stringify(v.errors)));
            const s = (v.data as { liveSession: { answeredCount: number; itemIndex: number; phase: string } }).liveSession;
            projector.push({ at: wallNow(), answered: s.answeredCount, itemIndex: s.itemIndex, phase: s.phase });
            if (first) {
              first = false;
              resolve();
            }
          },
          error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
          complete: () => {},
        },
      );
    });

    // The phones: processes of at most PHONES_PER_PROCESS, at least one per instance, spread evenly.
    const processes = Math.max(instances, Math.ceil(PHONES / PHONES_PER_PROCESS));
    let first = 0;
    for (let w = 0; w < processes; w++) {
      const count = Math.floor(PHONES / processes) + (w < PHONES % processes ? 1 : 0);
      const phones = startPhones(root, w % instances, count);
      phoneSets.push(phones);
      tell(phones, { type: "init", url: servers[phones.instance].url, code: session.code, sessionId: session.id, count, first, localAddress: `127.0.0.${10 + w}` });
      first += count;
    }
    await Promise.all(phoneSets.map((p) => p.next("ready")));

    const showLatency: number[] = [];
    const showMutation: number[] = [];
    const showByInstance: number[][] = servers.map(() => []);
    const spreads: number[] = [];
    const byQuestion: number[][] = [];
    const answerLatency: number[] = [];
    let acknowledged = 0;
    const refusedBy: Record<string, number> = {};
    let rssLoaded = rss0;
    const control = async (action: string, seconds?: number) =>
      (await gql(url, `mutation($s: ID!, $a: LiveAction!, $sec: Int) { liveControl(sessionId: $s, action: $a, seconds: $sec) { itemIndex item { id type choices { id } targets { id } } } }`, { s: session.id, a: action, sec: seconds }, teacher)).liveControl;
    for (let q = 0; q < QUESTIONS; q++) {
      const shownAt = wallNow();
      const { item } = (await control("SHOW_NEXT")) as { item: PublicItem };
      showMutation.push(wallNow() - shownAt);
      await control("START_TIMER", SECONDS);
      const answered = phoneSets.map((p) => p.next("answered"));
      for (const p of phoneSets) tell(p, { type: "question", q, item, seconds: SECONDS, sessionId: session.id });
      const reports = await Promise.all(answered);
      // The k-th acknowledged answer is in the projector's count once it reads ≥ k (after the last ones settle).
      await new Promise((r) => setTimeout(r, 500));
      const sends = reports.flatMap((r) => r.sends).sort((a, b) => a[1] - b[1]);
      acknowledged += sends.length;
      for (const r of reports) for (const [why, n] of Object.entries(r.refused)) refusedBy[why] = (refusedBy[why] ?? 0) + n;
      const seen = projector.filter((m) => m.itemIndex === q);
      sends.forEach(([sentAt], k) => {
        const m = seen.find((x) => x.answered >= k + 1 && x.at >= sentAt);
        if (m) answerLatency.push(m.at - sentAt);
      });
      byQuestion.push(reports.flatMap((r) => r.received.map((at) => at - shownAt)));
      reports.forEach((r, i) => {
        for (const at of r.received) {
          showLatency.push(at - shownAt);
          showByInstance[phoneSets[i].instance].push(at - shownAt);
        }
        if (r.received.length) spreads.push(Math.max(...r.received) - Math.min(...r.received));
      });
      if (q === QUESTIONS - 1) rssLoaded = pids.map(rssNowMiB);
      await control("REVEAL");
      // The class looks at the answer before the next question (LIVE_BENCH_PAUSE_MS=0: the next one at once,
      // so that its "show → phone" includes what is left of the reveal's own fan-out).
      if (q < QUESTIONS - 1) await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
    await control("END");
    const { liveSessionReport } = await gql(url, `query($id: ID!) { liveSessionReport(id: $id) { items { answered } } }`, { id: session.id }, teacher);
    const stored = (liveSessionReport.items as { answered: number }[]).reduce((n, i) => n + i.answered, 0);
    const stopped = phoneSets.map((p) => p.next("stopped"));
    for (const p of phoneSets) tell(p, { type: "stop" });
    const messages = (await Promise.all(stopped)).reduce((n, r) => n + r.messages, 0);
    // The projector's distribution updates: messages in the same phase and item as the one before (a phase
    // change is the instructor's action or the timer, not an answer); the most of them in any one second.
    const updates = projector.filter((m, i) => i > 0 && m.phase === projector[i - 1].phase && m.itemIndex === projector[i - 1].itemIndex);
    let maxPerSecond = 0;
    for (const m of updates) maxPerSecond = Math.max(maxPerSecond, updates.filter((x) => x.at >= m.at && x.at < m.at + 1000).length);
    // An answer refused with an internal error is a defect: show what the servers logged for it.
    if (refusedBy.INTERNAL_SERVER_ERROR) {
      for (const [i, s] of servers.entries()) {
        const lines = s.stderr().split("\n");
        const at = lines.findIndex((l) => l.includes("internal error"));
        if (at >= 0) console.error(`[bench] instance ${i + 1} logged ${lines.filter((l) => l.includes("internal error")).length} internal errors; the first:\n${lines.slice(at, at + 25).join("\n")}`);
      }
    }
    const rss = pids.map(peakRssMiB);
    if (PROFILE) profiled = { dir: profileDir, pids };
    const cpuMs = pids.reduce((n, pid, i) => n + (cpuMicros(pid) - cpu0[i]) / 1000, 0);
    return {
      phones: PHONES,
      instances,
      phoneProcesses: processes,
      socketsPerAddressDefault: DEFAULT_LIVE_LIMITS.socketsPerAddress,
      phonesPerAddressMax: Math.max(...phoneSets.map((p) => p.count)),
      questions: QUESTIONS,
      timerSeconds: SECONDS,
      pauseAfterRevealMs: PAUSE_MS,
      showToPhoneMs: { p50: pct(showLatency, 50), p95: pct(showLatency, 95), max: Math.max(...showLatency), received: showLatency.length, expected: PHONES * QUESTIONS },
      showBreakdownMs: {
        mutationP50: pct(showMutation, 50),
        mutationMax: Math.max(...showMutation),
        byInstance: showByInstance.map((xs) => ({ p50: pct(xs, 50), p95: pct(xs, 95) })),
        spreadP95: pct(spreads, 95),
        byQuestionP95: byQuestion.map((xs) => pct(xs, 95)),
      },
      answerToProjectorMs: { p50: pct(answerLatency, 50), p95: pct(answerLatency, 95), max: Math.max(...answerLatency), seen: answerLatency.length },
      acknowledged,
      lost: acknowledged - stored,
      refused: Object.values(refusedBy).reduce((a, b) => a + b, 0),
      refusedBy,
      projectorUpdatesPerSecondMax: maxPerSecond,
      phoneMessagesPerQuestion: messages / PHONES / QUESTIONS,
      rssMiB: rss,
      rssKiBPerPhone: (rssLoaded.reduce((n, r, i) => n + r - rss0[i], 0) * 1024) / PHONES,
      cpuMsPerPhone: cpuMs / PHONES,
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    for (const p of phoneSets) if (p.proc.exitCode === null) p.proc.kill("SIGTERM");
    for (const s of servers) await s.stop();
    if (profiled) await printProfiles(profiled.dir, profiled.pids);
  }
}

/** Each instance's heaviest frames (node names a profile CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile). */
async function printProfiles(dir: string, pids: number[]): Promise<void> {
  const files = await readdir(dir);
  for (const [i, pid] of pids.entries()) {
    const file = files.find((f) => f.includes(`.${pid}.`) && f.endsWith(".cpuprofile"));
    if (!file) continue;
    console.log(`[bench] live: instance ${i + 1}'s profile ${path.join(dir, file)}, heaviest frames by self time:`);
    for (const t of topSelfFrames(JSON.parse(await readFile(path.join(dir, file), "utf8")), 30)) console.log(`  ${t.percent.toFixed(1).padStart(5)}%  ${t.selfMs.toFixed(0).padStart(6)} ms  ${t.frame}`);
  }
}
