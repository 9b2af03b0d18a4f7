/** npm run backup takes a consistent online copy while answers keep arriving; the copy restores. */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDataSource } from "../../../server/src/database.js";
import { quizWhere } from "../../helpers/course-lookup.js";
import { START, SUBMIT } from "../../helpers/operations.js";
import type { TestServer } from "../../helpers/test-server.js";
import { PROJECT_ROOT, startTestServer } from "../../helpers/test-server.js";

let server: TestServer;
let dir: string;
afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm run backup", () => {
  it("should copy every answer committed before it began, while writes go on, into a sound database", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "backup-"));
    server = await startTestServer({ dataDir: path.join(dir, "data") });
    const quiz = quizWhere(server.app.store.content, "two short answers", (q) => q.items.filter((i) => i.type === "SHORT_ANSWER").length >= 2);
    const short = quiz.items.filter((i) => i.type === "SHORT_ANSWER");
    const learners = await Promise.all(Array.from({ length: 10 }, () => server.learner()));
    const attempts = await Promise.all(learners.map(async (l) => (await l.gql(START, { quizId: quiz.id, mode: "PRACTICE" })).body.data.startAttempt.id));
    const acked: { attemptId: string; itemId: string; text: string; at: number }[] = [];
    let stop = false;
    let n = 0;
    const writers = learners.map(async (l, k) => {
      while (!stop) {
        const item = short[n % short.length];
        const text = `answer-${n++}`;
        const res = await l.gql(SUBMIT, { input: { attemptId: attempts[k], itemId: item.id, answer: { text } } });
        if (res.body.data?.submitAnswer) acked.push({ attemptId: attempts[k], itemId: item.id, text, at: performance.now() });
      }
    });
    // Let some answers land, then back up while the writers keep going.
    while (acked.length < 50) await new Promise((r) => setImmediate(r));
    const began = performance.now();
    const out = path.join(dir, "copy.sqlite");
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/ops/backup.cli.ts", "--out", out], { cwd: PROJECT_ROOT, env: { ...process.env, DATA_DIR: path.join(dir, "data") } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on("exit", r));
    stop = true;
    await Promise.all(writers);
    expect(code, stderr).toBe(0);
    const afterBackup = acked.filter((a) => a.at > began).length;
    expect(afterBackup).toBeGreaterThan(0); // writes really went on during the backup

    const copy = createDataSource({ sqlitePath: out });
    await copy.initialize();
    expect(await copy.query(`PRAGMA integrity_check`)).toEqual([{ integrity_check: "ok" }]);
    expect(await copy.query(`PRAGMA foreign_key_check`)).toEqual([]);
    const stored = new Map<string, string>();
    for (const r of (await copy.query(`SELECT "attemptId", "itemId", answer FROM response`)) as { attemptId: string; itemId: string; answer: string }[]) {
      stored.set(`${r.attemptId}|${r.itemId}`, JSON.parse(r.answer).text);
    }
    await copy.destroy();
    // Each (attempt, item) holds its latest answer: for every pair answered before the backup began, the copy
    // has that answer or a later one from the same writer — never an older one, never none.
    const order = new Map(acked.map((a, i) => [a.text, i]));
    for (const a of acked.filter((x) => x.at < began)) {
      const got = stored.get(`${a.attemptId}|${a.itemId}`);
      expect(got, `${a.attemptId} ${a.itemId}`).toBeDefined();
      expect(order.get(got!)!).toBeGreaterThanOrEqual(order.get(a.text)!);
    }
  }, 60_000);
});
