/**
 * Where a test server keeps its data. By default a fresh SQLite file in a temporary folder. In the `pg` test
 * project, which names a PostgreSQL server, each test server gets a database of its own on it, created empty
 * and dropped at the end: test files run in parallel and never meet.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";

/** The PostgreSQL server's admin URL in the `pg` project (see postgres-global-setup.ts); undefined elsewhere. */
export const PG_ADMIN_URL: string | undefined = inject("pgAdminUrl");
export const onPostgres = !!PG_ADMIN_URL;

let counter = 0;

/** Creates an empty PostgreSQL database on the PG_ADMIN_URL server; returns its URL and how to drop it. */
export async function createPostgresDatabase(adminUrl = PG_ADMIN_URL!): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the project's engine, for tests that open it themselves or hand it to a CLI. */
export interface ScratchDatabase {
  /** A temporary folder: the SQLite file's on SQLite, DATA_DIR for CLIs on either engine. */
  dataDir: string;
  /** The PostgreSQL database in the `pg` project; undefined on SQLite. */
  databaseUrl?: string;
  /** DATA_DIR and DATABASE_URL for a process (`npm run migrate`, `demo` …) working on this database. */
  env: Record<string, string>;
  /** Drops the PostgreSQL database and removes the folder. */
  dispose(): Promise<void>;
}

/** A temporary folder and, in the `pg` project, an empty PostgreSQL database of its own. */
export async function scratchDatabase(prefix = "db-"): Promise<ScratchDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  const created = onPostgres ? await createPostgresDatabase() : undefined;
  return {
    dataDir,
    databaseUrl: created?.url,
    env: databaseEnv({ dataDir, databaseUrl: created?.url }),
    async dispose() {
      await created?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The environment that points a CLI process at a database: DATA_DIR, and DATABASE_URL on PostgreSQL (empty on
 * SQLite, so a DATABASE_URL in the test's own environment cannot send it elsewhere). Takes a ScratchDatabase
 * or a TestServer.
 */
export const databaseEnv = (db: { dataDir: string; databaseUrl?: string }): Record<string, string> => ({ DATA_DIR: db.dataDir, DATABASE_URL: db.databaseUrl ?? "" });
