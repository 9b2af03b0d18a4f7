/**
 * Where a test server keeps its data. By default a fresh SQLite file in a temporary folder. In the `pg` test
 * project, which names a PostgreSQL server, each test server gets a
 * database of its own on it, created empty and dropped at the end: test files run in parallel and never meet.
 */
import pg from "pg";
import { inject } from "vitest";

/** The PostgreSQL server's admin URL in the `pg` project (see postgres-global-setup.ts); undefined elsewhere. */
export const PG_ADMIN_URL: string | undefined = inject("pgAdminUrl");
export const onPostgres = !!PG_ADMIN_URL;

let counter = 0;

/** Creates an empty PostgreSQL database on TEST_DATABASE_URL's server; returns its URL and how to drop it. */
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
