/**
 * The write path on PostgreSQL: real concurrency (SERIALIZABLE transactions side by side from the pool) and
 * writes that collide are run again, so that the outcome equals some serial order, as on SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { openDatabase } from "../../../server/src/database.js";
import { WriteQueue } from "../../../server/src/db/write-queue.js";
import { AppError } from "../../../server/src/errors.js";
import { ServerSecretRow } from "../../../server/src/db/server-secret.js";
import { createPostgresDatabase } from "../../helpers/test-database.js";

let db: DataSource;
let drop: () => Promise<void>;
beforeEach(async () => {
  const created = await createPostgresDatabase();
  drop = created.drop;
  db = await openDatabase({ databaseUrl: created.url });
  await db.query(`CREATE TABLE probe (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`);
  await db.query(`CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)`);
  await db.query(`INSERT INTO counter VALUES (1, 0)`);
});
afterEach(async () => {
  await db.destroy();
  await drop();
});

/** A promise and the function that settles it, to hold a transaction open until another has started. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

describe("WriteQueue on PostgreSQL (concurrent SERIALIZABLE transactions)", () => {
  it("should run two writes at the same time: each waits for the other to have started", async () => {
    const q = new WriteQueue(db);
    const aStarted = gate();
    const bStarted = gate();
    // On a serial path this would never finish: A waits for B, which only starts after A.
    const a = q.run(async (em) => {
      aStarted.open();
      await bStarted.wait;
      await em.query(`INSERT INTO probe VALUES (1, 'a')`);
    });
    const b = q.run(async (em) => {
      bStarted.open();
      await aStarted.wait;
      await em.query(`INSERT INTO probe VALUES (2, 'b')`);
    });
    await Promise.all([a, b]);
    expect((await db.query(`SELECT id FROM probe ORDER BY id`)).map((r: { id: number }) => r.id)).toEqual([1, 2]);
  });

  it("should begin each transaction with one statement that sets its isolation, and end it with COMMIT or ROLLBACK", async () => {
    const url = (db.options as { url: string }).url;
    const statements: string[] = [];
    const logger = { logQuery: (q: string) => void statements.push(q), logQueryError: () => {}, logQuerySlow: () => {}, logSchemaBuild: () => {}, logMigration: () => {}, log: () => {} };
    const counted = await openDatabase({ databaseUrl: url, logger });
    try {
      const q = new WriteQueue(counted);
      statements.length = 0;
      await q.run((em) => em.query(`INSERT INTO probe VALUES (100, 'one')`));
      // save() must join the transaction, not start one of its own (TypeORM's flags match the one we began).
      await q.run(async (em) => {
        await em.query(`INSERT INTO probe VALUES (101, 'two')`);
        await em.save(ServerSecretRow, { name: "probe", value: "x", createdAt: new Date() });
      }, { isolation: "READ COMMITTED" });
      await q.run(async (em) => {
        await em.query(`INSERT INTO probe VALUES (102, 'three')`);
        throw new Error("no");
      }).catch(() => {});
      expect(statements.filter((s) => !/^(INSERT|SELECT)/.test(s))).toEqual([
        "START TRANSACTION ISOLATION LEVEL SERIALIZABLE",
        "COMMIT",
        "START TRANSACTION ISOLATION LEVEL READ COMMITTED",
        "COMMIT",
        "START TRANSACTION ISOLATION LEVEL SERIALIZABLE",
        "ROLLBACK",
      ]);
      expect((await counted.query(`SELECT id FROM probe WHERE id >= 100 ORDER BY id`)).map((r: { id: number }) => r.id)).toEqual([100, 101]);
    } finally {
      await counted.destroy();
    }
  });

  it("should run a read-modify-write again after a serialization failure, losing no update", async () => {
    const q = new WriteQueue(db);
    const bothRead = { count: 0, all: gate() };
    let runs = 0;
    const increment = () =>
      q.run(async (em) => {
        runs++;
        const [{ n }] = await em.query(`SELECT n FROM counter WHERE id = 1`);
        if (++bothRead.count === 2) bothRead.all.open();
        await bothRead.all.wait; // both have read the same n before either writes
        await em.query(`UPDATE counter SET n = $1 WHERE id = 1`, [n + 1]);
      });
    await Promise.all([increment(), increment()]);
    expect((await db.query(`SELECT n FROM counter WHERE id = 1`))[0].n).toBe(2);
    expect(q.stats.retries).toBe(1);
    expect(runs).toBe(3);
  });

  it("should commit 50 concurrent writers, and reject a failing write alone", async () => {
    const q = new WriteQueue(db);
    const writes = Array.from({ length: 50 }, (_, i) =>
      q.run(async (em) => {
        await em.query(`INSERT INTO probe VALUES ($1, $2)`, [i, `w${i}`]);
        if (i === 7) throw new Error("business rule says no");
      }),
    );
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual(["Error: business rule says no"]);
    const ids = (await db.query(`SELECT id FROM probe ORDER BY id`)).map((r: { id: number }) => r.id);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => i).filter((i) => i !== 7));
    await q.drain();
    expect(q.depth).toBe(0);
  });

  it("should commit 40 writers of one row at once, each run again until it has committed", async () => {
    const q = new WriteQueue(db);
    const increment = () =>
      q.run(async (em) => {
        const [{ n }] = await em.query(`SELECT n FROM counter WHERE id = 1`);
        await em.query(`UPDATE counter SET n = $1 WHERE id = 1`, [n + 1]);
      });
    const results = await Promise.allSettled(Array.from({ length: 40 }, increment));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await db.query(`SELECT n FROM counter WHERE id = 1`))[0].n).toBe(40);
    expect(q.stats.gaveUp).toBe(0);
  });

  it("should give up after its tries and tell the caller storage/unavailable (nothing saved, send it again), not the engine's error", async () => {
    const q = new WriteQueue(db, { maxTries: 1 });
    const bothRead = { count: 0, all: gate() };
    const increment = () =>
      q.run(async (em) => {
        const [{ n }] = await em.query(`SELECT n FROM counter WHERE id = 1`);
        if (++bothRead.count === 2) bothRead.all.open();
        await bothRead.all.wait;
        await em.query(`UPDATE counter SET n = $1 WHERE id = 1`, [n + 1]);
      });
    const results = await Promise.allSettled([increment(), increment()]);
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toBeInstanceOf(AppError);
    expect(failed[0].reason.extensions.code).toBe("storage/unavailable");
    expect(failed[0].reason.cause.driverError?.code ?? failed[0].reason.cause.code).toBe("40001");
    expect(q.stats.gaveUp).toBe(1);
    expect(q.health.ok).toBe(true); // contention is no fault of the storage
    expect((await db.query(`SELECT n FROM counter WHERE id = 1`))[0].n).toBe(1);
  });
});
