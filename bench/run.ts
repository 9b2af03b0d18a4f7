/**
 * `npm run bench`: measures, in one run on this machine, the lesson query against the raw node:http limit,
 * durable answer submissions, class dashboards and item statistics at 10,000 learners × 40 items, cold start,
 * peak memory and client bundle sizes; writes bench/results/latest.json and latest.md.
 * Load is generated with autocannon against 127.0.0.1 only; every run is bounded in time.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { createApp } from "../server/src/app.js";
import { loadContent } from "../server/src/content/content.loader.js";
import { openDatabase } from "../server/src/db/data-source.js";
import { BENCH_ITEMS, BENCH_QUIZ, benchContentDir } from "./lib/bench-content.js";
import { startChild } from "./lib/child.js";
import { cpuMicros, peakRssMiB } from "./lib/proc.js";
import { insertScaleData } from "./lib/scale-data.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const QUICK = process.argv.includes("--quick");
const WARMUP_S = QUICK ? 1 : 3;
const MEASURE_S = QUICK ? 3 : 10;
const ROUNDS = 2;

interface Target {
  name: string;
  value: number | null;
  unit: string;
  target: string;
  met: boolean;
}
const targets: Target[] = [];
const runs: Record<string, unknown> = {};
const target = (name: string, value: number | null, unit: string, op: "<=" | ">=" | "==", limit: number) =>
  targets.push({
    name,
    value: value === null ? null : Math.round(value * 100) / 100,
    unit,
    target: `${op} ${limit}`,
    met: value !== null && (op === "<=" ? value <= limit : op === ">=" ? value >= limit : value === limit),
  });
const log = (s: string) => console.log(`[bench] ${s}`);

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await fetch(`${url}graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const inst = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    autocannon.track(inst, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

/** Load at 50 connections: warm-up, then a measured run whose server CPU time is read from /proc. */
async function measure(url: string, pid: number, body: string, label: string) {
  const common = { url: `${url}graphql`, method: "POST" as const, headers: { "content-type": "application/json" }, body, connections: 50, pipelining: 1 };
  await load({ ...common, duration: WARMUP_S });
  const cpu0 = cpuMicros(pid);
  const r = await load({ ...common, duration: MEASURE_S });
  const cpu = cpuMicros(pid) - cpu0;
  const out = { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors: r.errors + r.non2xx, cpuMicrosPerRequest: cpu / Math.max(1, r.requests.total) };
  log(`${label}: ${out.rps.toFixed(0)} req/s, p50 ${out.p50} ms, p99 ${out.p99} ms, ${out.cpuMicrosPerRequest.toFixed(0)} µs CPU/req, ${out.errors} errors`);
  return out;
}

const LESSON_QUERY = `query Lesson($slug: String!, $locale: Locale) { lesson(slug: $slug, locale: $locale) {
  slug order title summary estimatedMinutes objectives { id text }
  sections { id heading paragraphs { id text sourceParagraphs } }
  keyTerms { id term definition } timeline { date event sourceParagraphs }
  sources { id n title publisher date url } quiz { id title settings { maxAttempts timeLimitMinutes gradingMethod reviewPolicy }
  items { id type prompt points objectiveIds choices { id text } targets { id text } } } } }`;

async function main() {
  const started = performance.now();
  const work = await mkdtemp(path.join(tmpdir(), "bench-"));
  const contentDir = await benchContentDir(ROOT);
  const env = { CONTENT_DIR: contentDir, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", PASSWORD_HASH_LOG_N: "10" };
  const serverArgs = ["--import", "tsx", "server/src/main.ts"];
  let peakRss = 0;

  // 1. Cold start: a fresh data directory, migrations, content import, first answered query.
  const cold = await startChild(serverArgs, { ...env, DATA_DIR: path.join(work, "cold") }, ROOT);
  const t0 = performance.now();
  await gql(cold.url, `{ course { title } }`);
  const coldStartMs = cold.startMs + (performance.now() - t0);
  await cold.stop();
  log(`cold start to first answered query: ${coldStartMs.toFixed(0)} ms`);
  target("cold start to first answered query", coldStartMs / 1000, "s", "<=", 3);
  runs.coldStart = { ms: coldStartMs };

  // 2. Lesson query vs the raw limit, two rounds, alternating.
  const server = await startChild(serverArgs, { ...env, DATA_DIR: path.join(work, "main") }, ROOT);
  const lessonBody = JSON.stringify({ query: LESSON_QUERY, variables: { slug: "regional-context", locale: "AR" } });
  const bytes = await (await fetch(`${server.url}graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: lessonBody })).text();
  const bytesFile = path.join(work, "lesson.json");
  await writeFile(bytesFile, bytes);
  const raw = await startChild(["--import", "tsx", "bench/lib/raw-server.ts", bytesFile], {}, ROOT);
  const lessonRounds: { raw: Awaited<ReturnType<typeof measure>>; graphql: Awaited<ReturnType<typeof measure>> }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const rawR = await measure(raw.url, raw.proc.pid!, lessonBody, `round ${round} raw node:http`);
    const gqlR = await measure(server.url, server.proc.pid!, lessonBody, `round ${round} lesson query`);
    lessonRounds.push({ raw: rawR, graphql: gqlR });
  }
  await raw.stop();
  const best = (k: "graphql" | "raw") => lessonRounds.map((r) => r[k]).sort((a, b) => b.rps - a.rps)[0];
  const g = best("graphql");
  const r = best("raw");
  runs.lesson = { responseBytes: Buffer.byteLength(bytes), rounds: lessonRounds };
  target("lesson query req/s ÷ raw req/s", g.rps / r.rps, "ratio", ">=", 0.55);
  target("lesson query CPU/req ÷ raw CPU/req", g.cpuMicrosPerRequest / r.cpuMicrosPerRequest, "ratio", "<=", 2.5);
  target("lesson query p99 at 50 connections", Math.max(...lessonRounds.map((x) => x.graphql.p99)), "ms", "<=", 30);
  target("lesson query errors", lessonRounds.reduce((s, x) => s + x.graphql.errors, 0), "count", "==", 0);
  peakRss = Math.max(peakRss, peakRssMiB(server.proc.pid!));

  // 3. Durable answer submissions: 50 learners, 50 connections, each its own attempt; every ack verified.
  const learners: { token: string; attemptId: string }[] = [];
  for (let i = 0; i < 50; i++) {
    const { signUp } = await gql(server.url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email: `bench${i}@bench.test`, password: "bench-password", displayName: `bench ${i}` },
    });
    const { startAttempt } = await gql(server.url, `mutation { startAttempt(quizId: "${BENCH_QUIZ}", mode: ASSESSMENT) { id } }`, {}, signUp.token);
    learners.push({ token: signUp.token, attemptId: startAttempt.id });
  }
  const SUBMIT = `mutation($i: SubmitAnswerInput!) { submitAnswer(input: $i) { id itemId status } }`;
  const acked = new Map<string, number>(); // attemptId|itemId → number of the latest acknowledged answer
  let clientNo = 0;
  let sent = 0;
  let graphqlErrors = 0;
  const submissions = async (duration: number, record: boolean) => {
    const cpu0 = cpuMicros(server.proc.pid!);
    const result = await load({
      url: `${server.url}graphql`,
      connections: 50,
      pipelining: 1,
      duration,
      requests: [
        {
          method: "POST",
          // autocannon's context is per connection: the first request of each connection picks its learner.
          setupRequest: (req: any, context: any) => {
            context.learner ??= learners[clientNo++ % learners.length];
            const me = context.learner;
            const n = sent++;
            const item = `qb-${String((n % (BENCH_ITEMS / 4)) * 4 + 1).padStart(2, "0")}`; // short-answer items only
            // A queue per connection, matched in order by onResponse: autocannon may prepare the next request
            // before it reports the previous response.
            (context.pending ??= []).push({ key: `${me.attemptId}|${item}`, n });
            return {
              ...req,
              headers: { "content-type": "application/json", authorization: `Bearer ${me.token}` },
              body: JSON.stringify({ query: SUBMIT, variables: { i: { attemptId: me.attemptId, itemId: item, answer: { text: `ans-${n}` } } } }),
            };
          },
          onResponse: (status: number, body: string, context: any) => {
            const pending = context.pending?.shift();
            if (!record || !pending) return;
            // A GraphQL error is an HTTP 200 too: only a submitAnswer result counts as acknowledged.
            if (status === 200 && body.includes('"submitAnswer":{')) acked.set(pending.key, Math.max(acked.get(pending.key) ?? -1, pending.n));
            else graphqlErrors++;
          },
        },
      ],
    } as autocannon.Options);
    return { result, cpu: cpuMicros(server.proc.pid!) - cpu0 };
  };
  // autocannon keeps per-client state on the client object; expose it to setupRequest through context.
  await submissions(WARMUP_S, false);
  const { result: sub, cpu: subCpu } = await submissions(MEASURE_S, true);
  const submitOut = { rps: sub.requests.average, p50: sub.latency.p50, p99: sub.latency.p99, requests: sub.requests.total, errors: sub.errors + sub.non2xx + graphqlErrors, cpuMicrosPerRequest: subCpu / Math.max(1, sub.requests.total), acknowledged: acked.size };
  log(`submissions: ${submitOut.rps.toFixed(0)} req/s, p99 ${submitOut.p99} ms, ${submitOut.errors} errors`);
  peakRss = Math.max(peakRss, peakRssMiB(server.proc.pid!));
  await server.stop();

  // Every acknowledged answer must be in the database (the last one per attempt and item, since answering again replaces).
  const check = await openDatabase({ dataDir: path.join(work, "main") });
  let lost = 0;
  // Answering again replaces: the database must hold, for each attempt and item, the latest acknowledged
  // answer or a later one from the same connection (numbers grow along a connection's requests).
  const stored = new Map<string, number>();
  for (const row of (await check.query(`SELECT "attemptId", "itemId", answer FROM response WHERE mode = 'ASSESSMENT'`)) as { attemptId: string; itemId: string; answer: string }[]) {
    stored.set(`${row.attemptId}|${row.itemId}`, Number(String(JSON.parse(row.answer).text).slice(4)));
  }
  for (const [k, n] of acked) if ((stored.get(k) ?? -1) < n) lost++;
  await check.destroy();
  runs.submissions = { ...submitOut, lost, synchronous: "FULL", journal: "WAL" };
  target("durable submissions per second", submitOut.rps, "req/s", ">=", 1000);
  target("submission p99 at 50 connections", submitOut.p99, "ms", "<=", 50);
  target("acknowledged answers lost", lost, "count", "==", 0);
  target("submission errors (HTTP or GraphQL)", submitOut.errors, "count", "==", 0);

  // 4. Dashboards at scale, in process (the real app, with a statement-counting logger).
  const content = await loadContent(contentDir);
  const statements: string[] = [];
  const scaleDir = path.join(work, "scale");
  const db = await openDatabase({
    dataDir: scaleDir,
    logger: { logQuery: (q: string) => void statements.push(q), logQueryError: () => {}, logQuerySlow: () => {}, logSchemaBuild: () => {}, logMigration: () => {}, log: () => {} },
  });
  const app = await createApp({ db, content, production: true, log: () => {}, passwordParams: { logN: 10, r: 8, p: 1 } });
  const tIns = performance.now();
  const scale = await insertScaleData(db, content.lessons.map((l) => l.slug));
  const insertS = (performance.now() - tIns) / 1000;
  log(`inserted ${scale.rows.users} learners and ${scale.rows.responses} responses in ${insertS.toFixed(1)} s`);
  const url = await app.listen(0, "127.0.0.1");
  const { signIn } = await gql(url, `mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email: scale.instructorEmail, password: scale.password } });
  const DASHBOARD = `query($id: ID!) { classroom(id: $id) { learnerCount
    progress(limit: 50) { learner { id displayName } lessons { status bestScore } objectives { level } }
    lessonAverages { lessonSlug completionRate averageBestScore } mastery { objectiveId attempted familiar proficient mastered }
    needsHelp(limit: 20) { learner { displayName } reasons } recentActivity(limit: 20) { type at } } }`;
  const ITEM_STATS = `query($id: ID!) { classroom(id: $id) { itemStats(quizId: "${BENCH_QUIZ}") { itemId facilityIndex discriminationIndex distribution { key count } } } }`;
  const time = async (query: string, id: string) => {
    const times: number[] = [];
    await gql(url, query, { id }, signIn.token); // warm
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await gql(url, query, { id }, signIn.token);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: times[7], p95: times[14] };
  };
  const countStatements = async (query: string, id: string) => {
    statements.length = 0;
    await gql(url, query, { id }, signIn.token);
    return statements.filter((s) => !/session|"UserRow"/i.test(s)).length;
  };
  const dash = await time(DASHBOARD, scale.bigClassId);
  const stats = await time(ITEM_STATS, scale.bigClassId);
  const stmts = {
    dashboardBig: await countStatements(DASHBOARD, scale.bigClassId),
    dashboardSmall: await countStatements(DASHBOARD, scale.smallClassIds[0]),
    itemStatsBig: await countStatements(ITEM_STATS, scale.bigClassId),
    itemStatsSmall: await countStatements(ITEM_STATS, scale.smallClassIds[0]),
  };
  log(`dashboard p50 ${dash.p50.toFixed(1)} ms p95 ${dash.p95.toFixed(1)} ms; item stats p50 ${stats.p50.toFixed(1)} ms p95 ${stats.p95.toFixed(1)} ms; statements ${JSON.stringify(stmts)}`);
  // Where the dashboard's time goes: each of its parts alone, p50 of 15 runs, in process.
  const d = app.services.dashboard;
  const parts: Record<string, () => Promise<unknown>> = {
    learnerCount: () => d.learnerCount(scale.bigClassId),
    progress: () => d.progress(scale.bigClassId, 0, 50),
    lessonAverages: () => d.lessonAverages(scale.bigClassId),
    mastery: () => d.masterySummary(scale.bigClassId),
    needsHelp: () => d.needsHelp(scale.bigClassId, 0.6, 20),
    recentActivity: () => d.recentActivity(scale.bigClassId, 20),
  };
  const profile: Record<string, number> = {};
  for (const [name, f] of Object.entries(parts)) {
    const ts: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await f();
      ts.push(performance.now() - t);
    }
    profile[name] = Math.round(ts.sort((a, b) => a - b)[7] * 10) / 10;
  }
  log(`dashboard parts, p50 ms: ${JSON.stringify(profile)}`);
  await app.close();
  await db.destroy();
  runs.dashboards = { learners: scale.rows.users, responses: scale.rows.responses, insertSeconds: insertS, dashboard: dash, itemStats: stats, statements: stmts, partsP50ms: profile };
  target("class dashboard p95 (10k learners × 40 items)", dash.p95, "ms", "<=", 100);
  target("item statistics p95 (10k learners × 40 items)", stats.p95, "ms", "<=", 100);
  target("dashboard statements, 10k class − 30 class", stmts.dashboardBig - stmts.dashboardSmall, "statements", "==", 0);
  target("item statistics statements, 10k class − 30 class", stmts.itemStatsBig - stmts.itemStatsSmall, "statements", "==", 0);
  target("server peak RSS during load", peakRss, "MiB", "<=", 512);

  // 5. Client bundle sizes (gzipped): the JS index.html loads at once, and the largest lazy chunk.
  const dist = path.join(ROOT, "client", "dist");
  try {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "ignore" });
    const html = await readFile(path.join(dist, "index.html"), "utf8");
    const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    const all = (await readdir(path.join(dist, "assets"))).filter((f) => f.endsWith(".js")).map((f) => `assets/${f}`);
    const gz = async (f: string) => gzipSync(await readFile(path.join(dist, f))).length / 1024;
    const initialKB = (await Promise.all(initial.map(gz))).reduce((s, v) => s + v, 0);
    const lazy = await Promise.all(all.filter((f) => !initial.includes(f)).map(async (f) => ({ f, kb: await gz(f) })));
    const largest = lazy.sort((a, b) => b.kb - a.kb)[0] ?? { f: "-", kb: 0 };
    runs.client = { initial, initialKB, largestChunk: largest.f, largestChunkKB: largest.kb };
    log(`client: initial JS ${initialKB.toFixed(1)} KB gz, largest route chunk ${largest.kb.toFixed(1)} KB gz (${largest.f})`);
    target("initial JS (gzipped)", initialKB, "KB", "<=", 150);
    target("largest route chunk (gzipped)", largest.kb, "KB", "<=", 100);
  } catch (e) {
    runs.client = { error: String(e) };
    target("initial JS (gzipped)", null, "KB", "<=", 150);
    target("largest route chunk (gzipped)", null, "KB", "<=", 100);
  }

  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, quick: QUICK };
  const totalSeconds = (performance.now() - started) / 1000;
  runs.totalSeconds = totalSeconds;
  await mkdir(path.join(ROOT, "bench", "results"), { recursive: true });
  await writeFile(path.join(ROOT, "bench", "results", "latest.json"), JSON.stringify({ machine, date: new Date().toISOString(), runs, targets }, null, 2) + "\n");
  const md = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, by \`npm run bench\`${QUICK ? " --quick" : ""}.`,
    "",
    "| measure | value | target | met |",
    "| --- | --- | --- | --- |",
    ...targets.map((t) => `| ${t.name} | ${t.value ?? "—"} ${t.unit} | ${t.target} | ${t.met ? "yes" : "**no**"} |`),
    "",
    `Submissions: with 50 requests in flight at ${Math.round(submitOut.rps)} answers/s, Little's law puts the mean latency at ` +
      `${Math.round((50 / Math.max(1, submitOut.rps)) * 1000)} ms (measured p50 ${submitOut.p50} ms); p99 adds the wait for the group commit already in progress ` +
      `(${submitOut.cpuMicrosPerRequest.toFixed(0)} µs of server CPU per answer).`,
    "",
    `Dashboard parts alone (p50, ms; they run on ${process.env.READ_POOL_SIZE ?? 2} read connections side by side): ` +
      Object.entries((runs.dashboards as { partsP50ms: Record<string, number> }).partsP50ms)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") +
      ".",
    "",
  ].join("\n");
  await writeFile(path.join(ROOT, "bench", "results", "latest.md"), md);
  console.log("\n" + md);
  await rm(work, { recursive: true, force: true });
  await rm(path.dirname(contentDir), { recursive: true, force: true });
  log(`done in ${totalSeconds.toFixed(0)} s`);
}

await main();
