/**
 * `npm run backup [-- --out FILE]`: a consistent copy of the SQLite database while the server runs.
 * Default file: DATA_DIR/backups/course-<UTC timestamp>.sqlite. Restore: stop the server, replace
 * DATA_DIR/course.sqlite with the copy (removing course.sqlite-wal and -shm), start it again.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../config.js";
import { createDataSource } from "../db/data-source.js";
import { backupSqlite } from "./backup.js";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const config = readConfig();
const out = values.out ?? path.join(config.dataDir, "backups", `course-${new Date().toISOString().replace(/[:.]/g, "-")}.sqlite`);
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
const db = createDataSource({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
await db.initialize();
try {
  const file = await backupSqlite(db, out);
  console.log(`Backup written to ${file}`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
