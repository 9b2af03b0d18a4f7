/**
 * The answer path's statements, prepared once per SQLite connection and run again with new parameters
 * (issue 20: "prepared statements reused").
 *
 * node-sqlite3's Database#all prepares a new statement, runs it and finalizes it on every call: for the
 * answer upsert that is a parse and a query plan per answer, on the one connection every write waits for.
 * `prepared()` keeps one sqlite3 Statement per SQL text and connection and only binds, steps and resets it.
 * It takes the same `?` SQL as `sql()` (no `??` lists: a prepared text has a fixed number of parameters) and
 * on PostgreSQL simply is `sql()`.
 *
 * What stays as with TypeORM's runner: the statement is reported to the DataSource's logger (tests count
 * statements through it); an error reaches the caller with SQLite's code (`SQLITE_FULL` …) where the write
 * queue looks for it (isStorageFault). A statement is reset after each run (node-sqlite3 does it), so it
 * holds no lock between runs and a ROLLBACK is never refused because of it. The connection's close() first
 * finalizes the kept statements: SQLite refuses to close a connection that still has any (SQLITE_BUSY).
 */
import type { DataSource, EntityManager } from "typeorm";
import type { Runner } from "./sql.js";
import { isPostgres, sql } from "./sql.js";

interface SqliteStatement {
  all(params: unknown[], cb: (err: Error | null, rows: unknown[]) => void): unknown;
  finalize(cb?: (err: Error | null) => void): unknown;
}
interface SqliteConnection {
  prepare(text: string, cb?: (err: Error | null) => void): SqliteStatement;
  close(cb?: (err: Error | null) => void): unknown;
}

/** The statements kept for each connection (a connection replaced after a fault starts with none), once prepared. */
const kept = new WeakMap<SqliteConnection, Map<string, Promise<SqliteStatement>>>();

export async function prepared<T = Record<string, unknown>>(runner: Runner, text: string, params: unknown[] = []): Promise<T[]> {
  if (isPostgres(runner) || text.includes("??")) return sql<T>(runner, text, params);
  const ds = ("manager" in runner ? runner : (runner as EntityManager).connection) as DataSource;
  const conn = (ds.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection;
  if (!conn || typeof conn.prepare !== "function") return sql<T>(runner, text, params); // not node-sqlite3
  ds.logger.logQuery(text, params);
  const statement = await statementFor(conn, text);
  return new Promise<T[]>((resolve, reject) => {
    statement.all(params, (err, rows) => (err ? reject(err) : resolve(rows as T[])));
  });
}

function statementFor(conn: SqliteConnection, text: string): Promise<SqliteStatement> {
  let statements = kept.get(conn);
  if (!statements) {
    statements = new Map();
    kept.set(conn, statements);
    finalizeBeforeClose(conn, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    // Runs wait for the prepare: node-sqlite3 never calls back a run queued on a statement that failed to
    // prepare. A failed one reaches its caller with SQLite's error and is forgotten (the next call prepares again).
    const all = statements;
    statement = new Promise<SqliteStatement>((resolve, reject) => {
      const s = conn.prepare(text, (err) => {
        if (!err) return resolve(s);
        all.delete(text);
        reject(err);
      });
    });
    statements.set(text, statement);
  }
  return statement;
}

function finalizeBeforeClose(conn: SqliteConnection, statements: Map<string, Promise<SqliteStatement>>): void {
  const close = conn.close.bind(conn);
  conn.close = (cb?: (err: Error | null) => void) => {
    const pending = [...statements.values()];
    statements.clear();
    // A statement that failed to prepare has nothing to finalize.
    void Promise.all(pending.map((p) => p.then((s) => new Promise<void>((done) => s.finalize(() => done())), () => {}))).then(() => close(cb));
    return conn;
  };
}
