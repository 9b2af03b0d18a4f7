/**
 * Storage faults on PostgreSQL: a connection killed in the middle of a transaction (pg_terminate_backend, as an
 * administrator or a failover would) fails that write's caller with storage/unavailable, never acknowledges it,
 * and the server goes on with new connections. Under load with backends killed again and again, every
 * acknowledged answer is in the database after a restart. (A disk quota cannot be set up on a throwaway server
 * without a filesystem of its own; the disk-full round runs on SQLite, storage-faults.sqlite.test.ts.)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { START, SUBMIT } from "../../helpers/operations.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { PG_ADMIN_URL } from "../../helpers/test-database.js";
import { seededRandom } from "../../../server/src/shared/seeded-random.js";

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.stop().catch(() => {});
  server = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Terminates the backends of `database` that are in a transaction or running a statement and whose current
 * query matches `like` (any, when omitted): a connection killed mid-transaction.
 */
async function terminate(database: string, like?: string): Promise<number> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const res = await admin.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')
          AND ($2::text IS NULL OR query LIKE $2)`,
      [database, like ?? null],
    );
    return res.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

const dbName = (url: string) => new URL(url).pathname.slice(1);
/** STORAGE_FAULT_ROUNDS=N repeats the round under load N times; 1 in `npm test`. */
const ROUNDS = Math.max(1, Number(process.env.STORAGE_FAULT_ROUNDS ?? 1));

describe("storage faults on PostgreSQL", () => {
  it("should fail a write whose connection is killed mid-transaction, and keep writing on new connections", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pg-faults-"));
    server = await startTestServer({ dataDir: dir });
    const name = dbName(server.databaseUrl!);
    await server.db.query(`CREATE TABLE probe (id INTEGER PRIMARY KEY)`);
    const inside = server.app.writes.run(async (em) => {
      await em.query(`INSERT INTO probe VALUES (1)`);
      await em.query(`SELECT pg_sleep(30) /* held open */`);
    });
    const outcome = inside.then(
      () => "acknowledged",
      (e) => String(e?.extensions?.code ?? e),
    );
    // Wait until the transaction is inside its sleep, then kill its backend.
    for (let i = 0; i < 100 && (await terminate(name, "%held open%")) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await outcome).toBe("storage/unavailable");
    expect(await server.sql(`SELECT id FROM probe`)).toEqual([]);
    const failing = await fetch(`${server.url}health`);
    expect(failing.status).toBe(503);
    expect((await failing.json()).writes.lastError).toMatch(/terminat/i);

    await server.app.writes.run((em) => em.query(`INSERT INTO probe VALUES (2)`));
    expect(await server.sql(`SELECT id FROM probe`)).toEqual([{ id: 2 }]);
    expect((await fetch(`${server.url}health`)).status).toBe(200);
  });

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))("should keep every acknowledged answer while backends are killed under load (round %i)", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pg-faults-"));
    server = await startTestServer({ dataDir: dir });
    const name = dbName(server.databaseUrl!);
    const quiz = server.app.store.content.quizzes.find((q) => q.items.some((i) => i.type === "SHORT_ANSWER"))!;
    const items = quiz.items.filter((i) => i.type === "SHORT_ANSWER" || i.type === "ESSAY");
    const learners = await Promise.all(Array.from({ length: 8 }, (_, i) => server!.learner(`pgw${i}`)));
    const attempts = await Promise.all(learners.map(async (l) => (await l.gql(START, { quizId: quiz.id, mode: "PRACTICE" })).body.data.startAttempt.id as string));

    const seed = Date.now() % 100000;
    console.log(`killer seed ${seed}`);
    const random = seededRandom(seed);
    let killing = true;
    let killed = 0;
    const killer = (async () => {
      while (killing) {
        await new Promise((r) => setTimeout(r, 100 + Math.floor(random() * 200)));
        killed += await terminate(name);
      }
    })();

    /** The text of the last acknowledged answer per (attempt, item). */
    const acknowledged = new Map<string, string>();
    let failures = 0;
    await Promise.all(
      learners.map(async (l, li) => {
        for (let n = 0; n < 30; n++) {
          const item = items[n % items.length];
          const text = `answer ${li}-${n}`;
          const res = await l.gql(SUBMIT, { input: { attemptId: attempts[li], itemId: item.id, answer: { text } } }).catch(() => null);
          if (res?.body.data?.submitAnswer) acknowledged.set(`${attempts[li]}|${item.id}`, text);
          else failures++;
        }
      }),
    );
    killing = false;
    await killer;
    expect(killed).toBeGreaterThan(0);
    console.log(`backends killed ${killed}, answers refused ${failures}, acknowledged ${acknowledged.size} (attempt, item) pairs`);

    // Restart on the same database and read every answer back.
    await server.stop();
    server = await startTestServer({ dataDir: dir });
    for (const [key, text] of acknowledged) {
      const [attemptId, itemId] = key.split("|");
      const rows = await server.sql<{ answer: string }>(`SELECT answer FROM response WHERE "attemptId" = ? AND "itemId" = ?`, [attemptId, itemId]);
      const stored = rows.map((r) => (typeof r.answer === "string" ? JSON.parse(r.answer) : r.answer).text);
      // The stored answer is the last acknowledged one, or a later one whose acknowledgement was lost with its
      // connection (never an earlier one).
      const [li, n] = text.slice("answer ".length).split("-").map(Number);
      const storedN = stored.length ? Number(String(stored[0]).split("-")[1]) : -1;
      expect(stored.length, key).toBe(1);
      expect(Number(String(stored[0]).slice("answer ".length).split("-")[0])).toBe(li);
      expect(storedN, `${key}: stored ${stored[0]}, acknowledged ${text}`).toBeGreaterThanOrEqual(n);
    }
  }, 60_000);
});
