/**
 * The answer path's prepared statements (server/src/db/prepared.ts): prepared once per connection and run
 * again, reported to the logger, errors with SQLite's codes, statements finalized before the connection
 * closes, and a connection replaced by the write path's recovery starting afresh.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { openDatabase } from "../../../server/src/database.js";
import { prepared } from "../../../server/src/db/prepared.js";
import { WriteQueue } from "../../../server/src/db/write-queue.js";
import { injectSqliteFaults, sqliteError } from "../../helpers/storage-faults.js";

let dir: string;
let db: DataSource;
let logged: string[];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "prepared-"));
  logged = [];
  const logger = { logQuery: (q: string) => void logged.push(q), logQueryError: () => {}, logQuerySlow: () => {}, logSchemaBuild: () => {}, logMigration: () => {}, log: () => {} };
  db = await openDatabase({ dataDir: dir, logger });
  await db.query(`CREATE TABLE probe (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`);
});
afterEach(async () => {
  if (db.isInitialized) await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

interface Conn {
  prepare: (...a: unknown[]) => unknown;
}
/** Counts the statements prepared on the current connection from now on. */
function countPrepares(): { n: number } {
  const conn = (db.driver as unknown as { databaseConnection: Conn }).databaseConnection;
  const counter = { n: 0 };
  const prepare = conn.prepare;
  conn.prepare = function (this: Conn, ...a: unknown[]) {
    counter.n++;
    return prepare.apply(this, a);
  };
  return counter;
}

const INSERT = `/* probe */ INSERT INTO probe (id, v) VALUES (?, ?) RETURNING id, v`;
const SELECT = `SELECT v FROM probe WHERE id = ?`;

describe("prepared statements on SQLite", () => {
  it("should prepare a statement once and run it with each call's parameters, reported to the logger each time", async () => {
    const prepares = countPrepares();
    expect(await prepared(db, INSERT, [1, "a"])).toEqual([{ id: 1, v: "a" }]);
    expect(await prepared(db, INSERT, [2, "b"])).toEqual([{ id: 2, v: "b" }]);
    expect(await Promise.all([prepared(db, SELECT, [2]), prepared(db, SELECT, [1]), prepared(db, SELECT, [3])])).toEqual([[{ v: "b" }], [{ v: "a" }], []]);
    expect(prepares.n).toBe(2);
    expect(logged.filter((q) => q === INSERT || q === SELECT)).toHaveLength(5);
  });

  it("should reject with SQLite's code and keep the statement usable after a constraint fails", async () => {
    await prepared(db, INSERT, [1, "a"]);
    await expect(prepared(db, INSERT, [1, "again"])).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    await expect(prepared(db, INSERT, [2, null])).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect(await prepared(db, INSERT, [3, "c"])).toEqual([{ id: 3, v: "c" }]);
    expect(await db.query(`SELECT id FROM probe ORDER BY id`)).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it("should report a statement that cannot be prepared and prepare it again on the next call", async () => {
    const prepares = countPrepares();
    const bad = `SELECT v FROM missing_table WHERE id = ?`;
    await expect(prepared(db, bad, [1])).rejects.toMatchObject({ code: "SQLITE_ERROR" });
    await db.query(`CREATE TABLE missing_table (id INTEGER PRIMARY KEY, v TEXT)`);
    await db.query(`INSERT INTO missing_table VALUES (7, 'found')`);
    expect(await prepared(db, bad, [7])).toEqual([{ v: "found" }]);
    expect(prepares.n).toBe(2);
  });

  it("should roll a failing write back alone inside a group, its statement reused by the next writes", async () => {
    const q = new WriteQueue(db);
    const writes = [1, 2, 2, 3].map((id, i) => q.run((em) => prepared(em, INSERT, [id, `w${i}`])));
    const results = await Promise.allSettled(writes);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(await db.query(`SELECT id, v FROM probe ORDER BY id`)).toEqual([
      { id: 1, v: "w0" },
      { id: 2, v: "w1" },
      { id: 3, v: "w3" },
    ]);
  });

  it("should finalize its statements when the connection closes, so that closing succeeds and nothing is lost", async () => {
    await prepared(db, INSERT, [1, "a"]);
    await prepared(db, SELECT, [1]);
    await db.destroy(); // SQLite refuses to close a connection with statements left: this would throw
    db = await openDatabase({ dataDir: dir });
    expect(await db.query(`SELECT id, v FROM probe`)).toEqual([{ id: 1, v: "a" }]);
  });

  it("should prepare afresh on the connection that replaces one left in an unknown state", async () => {
    const q = new WriteQueue(db, { log: () => {} });
    await q.run((em) => prepared(em, INSERT, [1, "a"]));
    const before = (db.driver as unknown as { databaseConnection: object }).databaseConnection;
    // A lone write that fails, then a ROLLBACK that fails: the write path replaces the connection.
    injectSqliteFaults(db, [{ match: /^ROLLBACK$/, error: () => sqliteError("SQLITE_IOERR", "disk I/O error"), times: 1 }]);
    await expect(q.run(async (em) => {
      await prepared(em, INSERT, [2, "b"]);
      throw sqliteError("SQLITE_IOERR", "disk I/O error");
    })).rejects.toMatchObject({ extensions: { code: "storage/unavailable" } });
    expect(q.stats.reconnects).toBe(1);
    expect((db.driver as unknown as { databaseConnection: object }).databaseConnection).not.toBe(before);
    const prepares = countPrepares();
    expect(await q.run((em) => prepared(em, INSERT, [3, "c"]))).toEqual([{ id: 3, v: "c" }]);
    expect(prepares.n).toBe(1);
    expect(await db.query(`SELECT id FROM probe ORDER BY id`)).toEqual([{ id: 1 }, { id: 3 }]);
  });
});
