/**
 * Storage faults on SQLite: a write is acknowledged only once it has committed, whatever the disk does.
 * For each fault — the disk fills up (a tmpfs of the test's own as root, SQLite's max_page_count otherwise and
 * as well), an I/O error on COMMIT, a ROLLBACK that fails, a lock held by another process — learners keep
 * writing through the real API; afterwards the server is stopped and the file read again: every acknowledged
 * write is there, and every write acknowledged after the fault (once it cleared) is there too. /health reports
 * the fault while it lasts and recovers by itself. STORAGE_FAULT_ROUNDS=N runs the disk-full round N times.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDataSource } from "../../../server/src/database.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import type { Tmpfs } from "../../helpers/storage-faults.js";
import { injectSqliteFaults, isRoot, mountTmpfs, sqliteError } from "../../helpers/storage-faults.js";

let server: TestServer | undefined;
let mount: Tmpfs | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.stop().catch(() => {});
  server = undefined;
  await mount?.unmount();
  mount = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A server on a data folder of this test's own, kept after stop so that the file can be read again. */
async function serverOnOwnFolder(): Promise<TestServer> {
  dir = await mkdtemp(path.join(tmpdir(), "storage-faults-"));
  return startTestServer({ dataDir: dir });
}

/** One learner's PRACTICE attempt on a quiz with an essay; answers to it overwrite the previous one. */
interface Writer {
  learner: Learner;
  attemptId: string;
  itemId: string;
  /** The text of the last answer the server acknowledged. */
  acknowledged?: string;
  sent: number;
  failed: number;
}

const essayQuiz = (s: TestServer) => {
  const quiz = s.app.store.content.quizzes.find((q) => q.items.some((i) => i.type === "ESSAY"))!;
  return { quizId: quiz.id, itemId: quiz.items.find((i) => i.type === "ESSAY")!.id };
};

async function writers(s: TestServer, n: number): Promise<Writer[]> {
  const { quizId, itemId } = essayQuiz(s);
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const learner = await s.learner(`writer${i}`);
      const start = await learner.gql(START, { quizId, mode: "PRACTICE" });
      return { learner, attemptId: start.body.data.startAttempt.id, itemId, sent: 0, failed: 0 };
    }),
  );
}

/** An essay of about `size` characters that names its writer and its number, so a stored one is recognised. */
const essay = (w: Writer, size: number) => {
  const tag = `essay ${w.learner.id} #${w.sent} `;
  return (tag + "تحليل مكتوب يستند إلى فقرات المقال ويقارن بين المواقف. ".repeat(Math.ceil(size / 50))).slice(0, size);
};

/** Every writer sends one essay; the acknowledged ones are remembered. Returns the error codes seen. */
async function round(ws: Writer[], size: number): Promise<string[]> {
  const codes: string[] = [];
  await Promise.all(
    ws.map(async (w) => {
      w.sent++;
      const text = essay(w, size);
      const res = await w.learner.gql(SUBMIT, { input: { attemptId: w.attemptId, itemId: w.itemId, answer: { text } } });
      if (res.body.data?.submitAnswer) w.acknowledged = text;
      else {
        w.failed++;
        codes.push(String(res.body.errors?.[0]?.extensions?.code));
      }
    }),
  );
  return codes;
}

async function health(s: TestServer): Promise<{ status: number; body: any }> {
  const res = await fetch(`${s.url}health`);
  return { status: res.status, body: await res.json() };
}

/** A learner who signs up, starts an assessment, answers and finishes it: four acknowledged writes. */
async function freshLearnerFinishes(s: TestServer): Promise<{ learnerId: string; attemptId: string }> {
  const learner = await s.learner("after");
  const { quizId, itemId } = essayQuiz(s);
  const start = await learner.gql(START, { quizId, mode: "ASSESSMENT" });
  expect(start.body.errors).toBeUndefined();
  const attemptId = start.body.data.startAttempt.id;
  const answer = await learner.gql(SUBMIT, { input: { attemptId, itemId, answer: { text: "after the fault" } } });
  expect(answer.body.errors).toBeUndefined();
  const finish = await learner.gql(FINISH, { id: attemptId });
  expect(finish.body.data.finishAttempt.state).toMatch(/FINISHED|PENDING|GRADED/);
  return { learnerId: learner.id, attemptId };
}

/**
 * Stops the server, opens the file with a new connection, and checks every writer's stored essay is its last
 * acknowledged one and that the learner who came after the fault is there with a finished attempt.
 */
async function checkFile(dataDir: string, ws: Writer[], after: { learnerId: string; attemptId: string }): Promise<void> {
  await server!.stop();
  server = undefined;
  const db = createDataSource({ dataDir });
  await db.initialize();
  try {
    for (const w of ws) {
      const [row] = await db.query(`SELECT answer FROM response WHERE "attemptId" = ? AND "itemId" = ?`, [w.attemptId, w.itemId]);
      const stored = row ? (JSON.parse(row.answer).text as string) : undefined;
      expect(stored?.slice(0, 60), `writer ${w.learner.id}`).toBe(w.acknowledged?.slice(0, 60));
    }
    const [user] = await db.query(`SELECT id FROM "user" WHERE id = ?`, [after.learnerId]);
    expect(user?.id).toBe(after.learnerId);
    const [attempt] = await db.query(`SELECT state FROM attempt WHERE id = ?`, [after.attemptId]);
    expect(attempt?.state).not.toBe("IN_PROGRESS");
    const [{ integrity_check }] = await db.query(`PRAGMA integrity_check`);
    expect(integrity_check).toBe("ok");
  } finally {
    await db.destroy();
  }
}

/** STORAGE_FAULT_ROUNDS=N repeats the disk-full round N times (each on a new disk); 1 in `npm test`. */
const ROUNDS = Math.max(1, Number(process.env.STORAGE_FAULT_ROUNDS ?? 1));

describe("storage faults on SQLite: nothing acknowledged is lost", () => {
  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))("should fail writes while the disk is full, acknowledge none of them, and recover when space returns (round %i)", async () => {
    // As root the disk really fills up (a tmpfs of this test's own); elsewhere SQLite's max_page_count
    // stands in for it. Both end in SQLITE_FULL in the middle of group transactions.
    let grow: () => Promise<void>;
    if (isRoot()) {
      mount = await mountTmpfs(64 * 1024 * 1024);
      server = await startTestServer({ dataDir: mount.dir });
      const m = mount;
      grow = () => m.resize(64 * 1024 * 1024);
    } else {
      server = await serverOnOwnFolder();
    }
    const ws = await writers(server, 10);
    await round(ws, 4000);
    if (mount) {
      // Leave a little room: the WAL fills it within a few rounds.
      await mount.resize((await mount.used()) + 256 * 1024);
    } else {
      const [{ page_count }] = await server.db.query(`PRAGMA page_count`);
      await server.db.query(`PRAGMA max_page_count = ${page_count + 4}`);
      const s = server;
      grow = async () => void (await s.db.query(`PRAGMA max_page_count = 1073741823`));
    }

    const codes: string[] = [];
    for (let i = 0; i < 40 && codes.length < 20; i++) codes.push(...(await round(ws, 9000)));
    expect(codes.length, "the disk never filled up").toBeGreaterThanOrEqual(10);
    expect(new Set(codes)).toEqual(new Set(["storage/unavailable"]));
    const failing = await health(server);
    expect(failing.status).toBe(503);
    expect(failing.body.writes.ok).toBe(false);
    expect(failing.body.writes.lastError).toMatch(/SQLITE_FULL|full/i);

    // Keep writing while full: whatever is acknowledged must be in the file in the end.
    for (let i = 0; i < 5; i++) await round(ws, 9000);

    await grow!();
    for (let i = 0; i < 3; i++) await round(ws, 2000);
    expect((await round(ws, 2000)).length, "writes should succeed once space returned").toBe(0);
    const after = await freshLearnerFinishes(server);
    const healthy = await health(server);
    expect(healthy.status).toBe(200);
    expect(healthy.body.writes.failures).toBeGreaterThanOrEqual(10);
    await checkFile(server.dataDir, ws, after);
  });

  it("should fail a group whose COMMIT hits an I/O error, then commit the next ones", async () => {
    server = await serverOnOwnFolder();
    const ws = await writers(server, 8);
    await round(ws, 500);
    const remove = injectSqliteFaults(server.db, [{ match: /^COMMIT/, error: () => sqliteError("SQLITE_IOERR", "disk I/O error"), times: 2 }]);
    const codes = [...(await round(ws, 500)), ...(await round(ws, 500))];
    remove();
    // Nobody in a group whose COMMIT failed was acknowledged: their last acknowledged answer is older.
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(["storage/unavailable"]));
    expect((await round(ws, 500)).length).toBe(0);
    const after = await freshLearnerFinishes(server);
    await checkFile(server.dataDir, ws, after);
  });

  it("should replace the connection when a ROLLBACK fails, and keep committing", async () => {
    server = await serverOnOwnFolder();
    const ws = await writers(server, 6);
    await round(ws, 500);
    // COMMIT fails (SQLite keeps the transaction open), then the ROLLBACK fails too: the transaction is left
    // open on that connection. The write path must not build later groups inside it.
    injectSqliteFaults(server.db, [
      { match: /^COMMIT/, error: () => sqliteError("SQLITE_IOERR", "disk I/O error"), times: 1 },
      { match: /^ROLLBACK$/, error: () => sqliteError("SQLITE_BUSY", "cannot rollback transaction - SQL statements in progress"), times: 1 },
    ]);
    const codes = await round(ws, 500);
    expect(codes.length).toBeGreaterThan(0);
    expect(server.app.writes.stats.reconnects).toBe(1);
    for (let i = 0; i < 3; i++) expect((await round(ws, 500)).length).toBe(0);
    const after = await freshLearnerFinishes(server);
    await checkFile(server.dataDir, ws, after);
  });

  it("should fail writes while another process holds the write lock, and commit again once it lets go", async () => {
    server = await serverOnOwnFolder();
    const ws = await writers(server, 4);
    await round(ws, 500);
    // Another process takes SQLite's write lock and keeps it past the server's busy timeout (5 s).
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const sqlite3 = require("sqlite3");
         const db = new sqlite3.Database(process.argv[1]);
         db.exec("BEGIN IMMEDIATE", (err) => {
           if (err) { console.error(err); process.exit(1); }
           console.log("locked");
           process.stdin.once("data", () => db.exec("ROLLBACK", () => db.close(() => console.log("released"))));
         });`,
        `${server.dataDir}/course.sqlite`,
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    let out = "";
    const said = (word: string) =>
      new Promise<void>((resolve, reject) => {
        const guard = setTimeout(() => reject(new Error(`the lock holder did not say "${word}" in 10 s: ${out}`)), 10_000);
        const check = () => out.includes(word) && (clearTimeout(guard), resolve());
        holder.stdout!.on("data", (d) => ((out += d), check()));
        check();
      });
    await said("locked");
    const codes = await round(ws, 500);
    expect(codes.length).toBe(ws.length);
    expect(new Set(codes)).toEqual(new Set(["storage/unavailable"]));
    expect((await health(server)).body.writes.lastError).toMatch(/SQLITE_BUSY|locked/i);
    holder.stdin!.write("go\n");
    await said("released");
    expect((await round(ws, 500)).length).toBe(0);
    const after = await freshLearnerFinishes(server);
    expect((await health(server)).status).toBe(200);
    await checkFile(server.dataDir, ws, after);
  }, 40_000);
});
