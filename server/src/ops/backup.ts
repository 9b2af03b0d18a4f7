/**
 * Online backup of the SQLite database with VACUUM INTO: a consistent copy of the last committed state,
 * taken while the server keeps writing (WAL readers do not block the writer). PostgreSQL deployments use
 * pg_dump / base backups instead (see the scale-out notes).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";

export async function backupSqlite(db: DataSource, target: string): Promise<string> {
  if (db.options.type !== "sqlite") throw new Error("npm run backup covers SQLite; back PostgreSQL up with pg_dump");
  const file = path.resolve(target);
  if (existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  await db.query(`VACUUM INTO ?`, [file]);
  return file;
}
