/**
 * What a database holds, for tests that must show nothing was written, or that two databases hold the same.
 *
 * changeMarker moves whenever anything writes to the database, on either engine: two equal markers mean not
 * one row was inserted, updated (even to the same values) or deleted in between.
 * - SQLite: total_changes(), the rows inserted, updated or deleted on the connection since it opened (TypeORM's
 *   SQLite driver has one connection, so that is every write of the data source).
 * - PostgreSQL: a digest over every table of each row's xmin and contents. Every UPDATE writes a new row
 *   version with the writing transaction's xmin, so one to the same values moves the marker too.
 */
import type { DataSource } from "typeorm";

export async function changeMarker(db: DataSource): Promise<string> {
  if (db.options.type !== "postgres") return String((await db.query(`SELECT total_changes() AS n`))[0].n);
  return JSON.stringify(await tableDigests(db, { rowVersions: true }));
}

/**
 * PostgreSQL: every table of the current schema with its row count and an md5 of its rows in a fixed order;
 * with rowVersions, each row's xmin is part of it (so a rewrite to the same values shows), else only contents
 * (so a restored copy compares equal to its original).
 */
export async function tableDigests(db: DataSource, { rowVersions = false } = {}): Promise<Record<string, { rows: number; md5: string }>> {
  const tables: { name: string }[] = await db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const row = rowVersions ? `t.xmin::text || ' ' || t::text` : `t::text`;
  const digests: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [d] = await db.query(`SELECT count(*) AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS md5 FROM (SELECT ${row} AS r FROM "${name}" t) s`);
    digests[name] = { rows: Number(d.n), md5: d.md5 };
  }
  return digests;
}
