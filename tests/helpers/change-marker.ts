/**
 * A marker that moves whenever anything writes to the database, on either engine: two equal markers mean not
 * one row was inserted, updated (even to the same values) or deleted in between.
 * - SQLite: total_changes(), the rows inserted, updated or deleted on the connection since it opened (TypeORM's
 *   SQLite driver has one connection, so that is every write of the data source).
 * - PostgreSQL: a digest over every table of each row's xmin and contents. Every UPDATE writes a new row
 *   version with the writing transaction's xmin, so one to the same values moves the marker too.
 */
import type { DataSource } from "typeorm";

export async function changeMarker(db: DataSource): Promise<string> {
  if (db.options.type !== "postgres") return String((await db.query(`SELECT total_changes() AS n`))[0].n);
  const tables: { name: string }[] = await db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const digests: string[] = [];
  for (const { name } of tables) {
    const [row] = await db.query(
      `SELECT count(*) AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS d FROM (SELECT t.xmin::text || ' ' || t::text AS r FROM "${name}" t) s`,
    );
    digests.push(`${name}:${row.n}:${row.d}`);
  }
  return digests.join("\n");
}
