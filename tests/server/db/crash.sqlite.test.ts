/**
 * Crash durability: the real server as a child process takes up to 1,000 concurrent submissions from 50
 * learners and is SIGKILLed after a seeded number of acknowledged answers, with requests still in flight.
 * After a restart every acknowledged answer is there (or a later answer to the same item by the same
 * learner), PRAGMA integrity_check says ok and foreign_key_check is empty. Five rounds.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDataSource } from "../../../server/src/database.js";
import { FIXTURE_DIR, PROJECT_ROOT, fixtureContent } from "../../helpers/test-server.js";

// The server process serves the fixture course; its short answers (in practice) carry texts that identify each submission.
const content = await fixtureContent();
const SHORT = content.quizzes.flatMap((q) => q.items.filter((i) => i.type === "SHORT_ANSWER" && i.pool !== "assessment").map((i) => ({ quizId: q.id, itemId: i.id })));
import { seededRandom } from "../../../server/src/shared/seeded-random.js";

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 5);
const SUBMISSIONS = 1000;
const WORKERS = 50;
let dir: string;
let child: ChildProcess | undefined;
afterAll(async () => {
  child?.kill("SIGKILL");
  if (dir) await rm(dir, { recursive: true, force: true });
});

function start(dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, CONTENT_DIR: FIXTURE_DIR, PASSWORD_HASH_LOG_N: "10", NODE_ENV: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stderr!.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`server did not start in 10 s\n${out}\n${err}`)), 10_000);
    proc.on("exit", (code, signal) => (signal === "SIGKILL" ? undefined : reject(new Error(`server exited ${code}\n${err}`))));
    proc.stdout!.on("data", (d) => {
      out += d;
      const m = /Listening on (http:\/\/\S+\/)/.exec(out);
      if (m) {
        clearTimeout(guard);
        resolve({ proc, url: m[1] });
      }
    });
  });
}

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const res = await fetch(`${url}graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}


describe("crash durability (SIGKILL mid-load)", () => {
  it(`should keep every acknowledged answer through ${ROUNDS} kills`, async () => {
    const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : Date.now() % 1_000_000;
    console.log(`crash test seed: ${seed} (rerun with CRASH_SEED=${seed})`);
    const random = seededRandom(seed);
    dir = await mkdtemp(path.join(tmpdir(), "crash-"));
    let server = await start(dir);
    child = server.proc;
    const tokens: string[] = [];
    for (let i = 0; i < WORKERS; i++) {
      const r = await gql(server.url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email: `c${i}@crash.test`, password: "long enough pw", displayName: `c${i}` } });
      tokens.push(r.data.signUp.token);
    }
    const items = SHORT.map((s) => s.itemId); // short answers: the text identifies the submission
    const quizOf: Record<string, string> = Object.fromEntries(SHORT.map((s) => [s.itemId, s.quizId]));
    const acked: { attemptId: string; itemId: string; text: string; seq: number }[] = [];
    let seq = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const killAfter = 100 + Math.floor(random() * 600);
      const attempts: Record<string, string>[] = [];
      for (const t of tokens) {
        const mine: Record<string, string> = {};
        for (const q of new Set(Object.values(quizOf))) mine[q] = (await gql(server.url, `mutation($q: ID!) { startAttempt(quizId: $q, mode: PRACTICE) { id } }`, { q }, t)).data.startAttempt.id;
        attempts.push(mine);
      }
      let sent = 0;
      let ackedThisRound = 0;
      let killed = false;
      const url = server.url;
      const proc = server.proc;
      await Promise.all(
        tokens.map(async (t, w) => {
          while (sent < SUBMISSIONS && !killed) {
            sent++;
            const itemId = items[Math.floor(random() * items.length)];
            const attemptId = attempts[w][quizOf[itemId]];
            const text = `r${round}-s${++seq}`;
            const mySeq = seq;
            try {
              const r = await gql(url, `mutation($i: SubmitAnswerInput!) { submitAnswer(input: $i) { id } }`, { i: { attemptId, itemId, answer: { text } } }, t);
              if (r.data?.submitAnswer?.id) {
                acked.push({ attemptId, itemId, text, seq: mySeq });
                if (++ackedThisRound >= killAfter && !killed) {
                  killed = true;
                  proc.kill("SIGKILL");
                }
              }
            } catch {
              // connection refused or reset after the kill: not acknowledged, nothing to check
            }
          }
        }),
      );
      if (!killed) proc.kill("SIGKILL");
      await new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(null) : proc.once("exit", r)));
      server = await start(dir);
      child = server.proc;
    }

    const db = createDataSource({ dataDir: dir });
    await db.initialize();
    expect(await db.query(`PRAGMA integrity_check`)).toEqual([{ integrity_check: "ok" }]);
    expect(await db.query(`PRAGMA foreign_key_check`)).toEqual([]);
    const stored = new Map<string, number>();
    for (const r of (await db.query(`SELECT "attemptId", "itemId", answer FROM response WHERE mode = 'PRACTICE'`)) as { attemptId: string; itemId: string; answer: string }[]) {
      stored.set(`${r.attemptId}|${r.itemId}`, Number(/-s(\d+)$/.exec(JSON.parse(r.answer).text)![1]));
    }
    await db.destroy();
    const lost = acked.filter((a) => (stored.get(`${a.attemptId}|${a.itemId}`) ?? -1) < a.seq);
    expect(acked.length).toBeGreaterThan(ROUNDS * 100);
    expect(lost).toEqual([]);
    child.kill("SIGTERM");
  }, 240_000);
});
