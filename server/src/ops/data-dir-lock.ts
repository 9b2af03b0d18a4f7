/**
 * One SQLite file, one server: `npm start` holds an exclusive lock on DATA_DIR/server.lock for as long as it
 * runs, and a second server on the same DATA_DIR refuses to start, naming the first (pid, host, address).
 * Two servers on one file would both start and then fail half their writes with SQLITE_BUSY.
 *
 * The lock is an OS advisory lock: SQLite's own POSIX (fcntl) lock, taken on a separate, empty SQLite file with
 * `locking_mode=EXCLUSIVE` and a `BEGIN EXCLUSIVE` that never ends. The kernel drops it when the process ends
 * in any way — exit, crash, SIGKILL — so there is no stale lock to clear, and no race between two starts (a
 * pid file checked with kill(pid, 0) has both, and a recycled pid after a container restart looks alive). It
 * uses the sqlite3 driver the server already has. It is NOT the course database's EXCLUSIVE mode, which would
 * lock out the read pool, `npm run backup` and `npm run user:create`: those open course.sqlite and never look
 * at server.lock. Beside the lock, server.lock.json says who holds it; it is information for the message only.
 * Limit: like SQLite itself, this needs a local file system (POSIX locks on NFS are unreliable).
 * PostgreSQL takes no lock: any number of instances may share one database.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import sqlite3 from "sqlite3";

export const LOCK_FILE = "server.lock";
export const LOCK_INFO_FILE = "server.lock.json";

export interface LockHolder {
  pid: number;
  host: string;
  /** The URL it listens on, once it does. */
  address?: string;
  startedAt: string;
}

/** Another server holds DATA_DIR; the message names it and says what to do. */
export class DataDirInUseError extends Error {}

export interface DataDirLock {
  /** Records the address the server listens on, for the message a second server prints. */
  listening(address: string): Promise<void>;
  release(): Promise<void>;
}

const run = (db: sqlite3.Database, sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
const close = (db: sqlite3.Database) => new Promise<void>((resolve) => db.close(() => resolve()));

/** Takes DATA_DIR's lock (the folder must exist) or throws DataDirInUseError naming the holder. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const infoFile = path.join(dataDir, LOCK_INFO_FILE);
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(file, (e) => (e ? reject(e) : resolve(opened)));
  });
  try {
    // busy_timeout 0: a held lock answers SQLITE_BUSY at once instead of waiting.
    await run(db, "PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;");
  } catch (e) {
    await close(db);
    if ((e as { code?: string }).code === "SQLITE_BUSY" || (e as { code?: string }).code === "SQLITE_LOCKED") throw new DataDirInUseError(inUseMessage(dataDir, await readHolder(infoFile)));
    throw e;
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  await writeFile(infoFile, JSON.stringify(holder));
  let released = false;
  return {
    async listening(address) {
      holder.address = address;
      await writeFile(infoFile, JSON.stringify(holder));
    },
    async release() {
      if (released) return;
      released = true;
      await rm(infoFile, { force: true });
      await close(db);
    },
  };
}

async function readHolder(infoFile: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(infoFile, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

function inUseMessage(dataDir: string, holder: LockHolder | undefined): string {
  const who = holder
    ? `pid ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ""}${holder.address ? `, listening on ${holder.address}` : ", still starting"}`
    : "pid unknown";
  return `Another server is already running on DATA_DIR ${dataDir} (${who}): stop it first, or give this one its own DATA_DIR (one SQLite file serves one server; use PostgreSQL for several).`;
}
