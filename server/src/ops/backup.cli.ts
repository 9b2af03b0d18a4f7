/**
 * `npm run backup [-- --out FILE]`: a consistent copy of the database while the server runs.
 *
 * SQLite: VACUUM INTO; default file DATA_DIR/backups/course-<UTC timestamp>.sqlite. Restore: stop the server,
 * replace DATA_DIR/course.sqlite with the copy (removing course.sqlite-wal and -shm), start it again.
 *
 * PostgreSQL (DATABASE_URL=postgres://…): pg_dump --format=custom of that database; default file
 * DATA_DIR/backups/course-<UTC timestamp>.dump. pg_dump is taken from PATH, else the newest
 * /usr/lib/postgresql/<version>/bin; it must be the server's major version or newer (Debian/Ubuntu:
 * postgresql-client). Restore into a new, empty database and point the server at it:
 *   createdb course_restored
 *   pg_restore --no-owner -d postgres://USER@HOST:PORT/course_restored course-<time>.dump
 *   DATABASE_URL=postgres://USER@HOST:PORT/course_restored npm start
 * (--no-owner makes the restoring user own the tables; add --role=NAME to give them to another role.)
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../config.js";
import { createDataSource } from "../database.js";
import { backupPostgres, backupSqlite } from "./backup.js";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const config = readConfig();
const postgresUrl = config.databaseUrl; // readConfig accepts only postgres:// URLs here
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = values.out ?? path.join(config.dataDir, "backups", `course-${stamp}.${postgresUrl ? "dump" : "sqlite"}`);
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });

async function backupSqliteDatabase(): Promise<string> {
  const db = createDataSource({ dataDir: config.dataDir });
  await db.initialize();
  try {
    return await backupSqlite(db, out);
  } finally {
    await db.destroy();
  }
}

try {
  const file = postgresUrl ? await backupPostgres(postgresUrl, out) : await backupSqliteDatabase();
  console.log(`Backup written to ${file}`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
