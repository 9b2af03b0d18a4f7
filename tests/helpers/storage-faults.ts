/**
 * Faults of the storage under a running test server, for the fault-injection suites:
 * - a tmpfs of our own (root only: `mount -t tmpfs`), shrunk to fill up and enlarged to free space again;
 * - SQLite's `max_page_count` on the server's connection (works without root);
 * - errors injected at the SQLite driver boundary (an I/O error on COMMIT, a ROLLBACK that fails), for
 *   faults a test cannot make the kernel produce on demand.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { DataSource } from "typeorm";

const run = promisify(execFile);

export const isRoot = () => process.getuid?.() === 0;

export interface Tmpfs {
  dir: string;
  /** Bytes in use on the mount. */
  used(): Promise<number>;
  /** Changes the mount's size (a remount; shrinking below what is used fails). */
  resize(bytes: number): Promise<void>;
  unmount(): Promise<void>;
}

/** A tmpfs mounted on a fresh folder of its own (one per test), `size` bytes. */
export async function mountTmpfs(bytes: number): Promise<Tmpfs> {
  const dir = await mkdtemp(path.join(tmpdir(), "course-tmpfs-"));
  await run("mount", ["-t", "tmpfs", "-o", `size=${bytes}`, "tmpfs", dir]);
  return {
    dir,
    async used() {
      const { stdout } = await run("df", ["--output=used", "-B1", dir]);
      return Number(stdout.trim().split("\n").pop());
    },
    async resize(size: number) {
      await run("mount", ["-o", `remount,size=${size}`, dir]);
    },
    async unmount() {
      await run("umount", ["-l", dir]).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

type Callback = (err: Error | null, ...rest: unknown[]) => void;
interface SqliteConnection {
  run(sql: string, params: unknown, cb: Callback): unknown;
  all(sql: string, params: unknown, cb: Callback): unknown;
}

/** An error shaped like the sqlite3 driver's own. */
export function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code, errno: 10 });
}

/**
 * Makes statements of the server's current SQLite connection fail: each rule matches a statement by text
 * and fails the next `times` matches with the given error, without running them. A replaced connection
 * (the write path's recovery) carries no rules. Statements run through db/prepared.ts (the answer's own) are not
 * matched: they never pass through the connection's run()/all(); COMMIT and ROLLBACK always do. Returns a
 * function that removes them.
 */
export function injectSqliteFaults(db: DataSource, rules: { match: RegExp; error: () => Error; times: number }[]): () => void {
  const conn = (db.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  const originals = { run: conn.run, all: conn.all };
  const wrap = (method: "run" | "all") =>
    function (this: SqliteConnection, sql: string, params: unknown, cb: Callback) {
      const rule = rules.find((r) => r.times > 0 && r.match.test(sql));
      if (rule) {
        rule.times--;
        setImmediate(() => cb(rule.error()));
        return this;
      }
      return originals[method].call(this, sql, params, cb);
    };
  conn.run = wrap("run");
  conn.all = wrap("all");
  return () => {
    conn.run = originals.run;
    conn.all = originals.all;
  };
}
