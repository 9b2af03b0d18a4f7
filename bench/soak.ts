/**
 * `npm run soak` (not part of npm test): mixed traffic at moderate load against the real server on
 * 127.0.0.1 for SOAK_SECONDS (default 600): public lesson reads, answer submissions and progress reads from
 * 30 learners. Reports the error rate, p99 latency and the server's memory drift (RSS sampled every 10 s).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { loadContent } from "../server/src/content/content.loader.js";
import { startChild } from "./lib/child.js";
import { medianLesson, practiceShortAnswers } from "./lib/content-picks.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = Number(process.env.SOAK_RATE ?? 200); // requests per second in all, spread over the connections

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await fetch(`${url}graphql`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()).data;
}

const rssMiB = async (pid: number) => {
  const { readFile } = await import("node:fs/promises");
  return Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
};

// What is read and answered, chosen from content/ by shape (the server below serves content/ too).
const content = await loadContent(path.join(ROOT, "content"));
const LESSON = medianLesson(content);
const { quiz: QUIZ, itemIds: SHORT_ITEMS } = practiceShortAnswers(content, LESSON);
console.log(`soak: reads lesson ${LESSON.slug}, answers ${SHORT_ITEMS.join(", ")} of ${QUIZ.id}`);

const dir = await mkdtemp(path.join(tmpdir(), "soak-"));
const server = await startChild(["--import", "tsx", "server/src/main.ts"], { PORT: "0", HOST: "127.0.0.1", DATA_DIR: dir, PASSWORD_HASH_LOG_N: "10", NODE_ENV: "production" }, ROOT);
const learners: { token: string; attemptId: string }[] = [];
for (let i = 0; i < 30; i++) {
  const { signUp } = await gql(server.url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email: `soak${i}@soak.test`, password: "long enough pw", displayName: `s${i}` } });
  const { startAttempt } = await gql(server.url, `mutation($q: ID!) { startAttempt(quizId: $q, mode: PRACTICE) { id } }`, { q: QUIZ.id }, signUp.token);
  learners.push({ token: signUp.token, attemptId: startAttempt.id });
}
const samples: number[] = [await rssMiB(server.proc.pid!)];
const sampler = setInterval(async () => samples.push(await rssMiB(server.proc.pid!)), 10_000);
let client = 0;
const result = await new Promise<autocannon.Result>((resolve, reject) =>
  autocannon(
    {
      url: `${server.url}graphql`,
      connections: 30,
      overallRate: RATE,
      duration: SECONDS,
      setupClient: (c: any) => {
        c.learner = learners[client++ % learners.length];
      },
      requests: [
        {
          method: "POST",
          setupRequest: (req: any, ctx: any) => {
            const me = ctx.learner ?? learners[0];
            const r = Math.random();
            const headers = { "content-type": "application/json", authorization: `Bearer ${me.token}` };
            if (r < 0.5) return { ...req, headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ lesson(slug: "${LESSON.slug}") { title sections { paragraphs { id text } } } }` }) };
            if (r < 0.85) {
              const item = SHORT_ITEMS[Math.floor(Math.random() * SHORT_ITEMS.length)];
              return { ...req, headers, body: JSON.stringify({ query: `mutation($i: SubmitAnswerInput!) { submitAnswer(input: $i) { id } }`, variables: { i: { attemptId: me.attemptId, itemId: item, answer: { text: `t${Math.random()}` } } } }) };
            }
            return { ...req, headers, body: JSON.stringify({ query: `{ myProgress { reviewsDue lessons { status } objectives { level } } }` }) };
          },
        },
      ],
    } as autocannon.Options,
    (err, res) => (err ? reject(err) : resolve(res)),
  ),
);
clearInterval(sampler);
samples.push(await rssMiB(server.proc.pid!));
await server.stop();
await rm(dir, { recursive: true, force: true });
const errors = result.errors + result.non2xx;
const firstThird = samples.slice(0, Math.max(1, Math.floor(samples.length / 3)));
const lastThird = samples.slice(-Math.max(1, Math.floor(samples.length / 3)));
const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
console.log(
  JSON.stringify(
    {
      seconds: SECONDS,
      requests: result.requests.total,
      reqPerSecond: result.requests.average,
      errorRate: errors / Math.max(1, result.requests.total),
      p50ms: result.latency.p50,
      p99ms: result.latency.p99,
      rssMiB: { start: samples[0], end: samples[samples.length - 1], max: Math.max(...samples), driftFirstToLastThird: mean(lastThird) - mean(firstThird) },
    },
    null,
    2,
  ),
);
