/**
 * Online backups while the server runs.
 * - SQLite: VACUUM INTO, a consistent copy of the last committed state, taken while the server keeps writing
 *   (WAL readers do not block the writer).
 * - PostgreSQL: pg_dump --format=custom, which reads one snapshot (a repeatable-read transaction) and so is
 *   consistent too without stopping writers; pg_restore puts it back into an empty database.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";

export async function backupSqlite(db: DataSource, target: string): Promise<string> {
  if (db.options.type !== "sqlite") throw new Error("backupSqlite takes an SQLite data source; PostgreSQL goes through backupPostgres");
  const file = newFile(target);
  await db.query(`VACUUM INTO ?`, [file]);
  return file;
}

/**
 * pg_dump --format=custom of the database at databaseUrl into target (a file that must not exist yet). The
 * password, if the URL has one, goes to pg_dump as PGPASSWORD rather than on its command line. A failed dump
 * leaves no file behind.
 */
export async function backupPostgres(databaseUrl: string, target: string): Promise<string> {
  const file = newFile(target);
  const pgDump = findPostgresTool("pg_dump");
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(pgDump, ["--format=custom", `--file=${file}`, `--dbname=${url.toString()}`], { env }, (error, _stdout, stderr) =>
        error ? reject(new Error(`pg_dump failed (${pgDump}): ${stderr.trim() || error.message}`)) : resolve(),
      ),
    );
  } catch (e) {
    rmSync(file, { force: true });
    throw e;
  }
  return file;
}

/** Where the PostgreSQL client programs are looked for when they are not on PATH (Debian and Ubuntu's layout). */
export const POSTGRES_BIN_ROOT = "/usr/lib/postgresql";

/**
 * The path of a PostgreSQL client program (pg_dump, pg_restore …): on PATH, else the newest
 * /usr/lib/postgresql/<version>/bin, as scripts/postgres-throwaway.sh looks. Throws, saying how to install
 * it, when there is none.
 */
export function findPostgresTool(name: string, where: { path?: string; root?: string } = {}): string {
  const dirs = (where.path ?? process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  const root = where.root ?? POSTGRES_BIN_ROOT;
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+(\.\d+)*$/.test(v)) : [];
  versions.sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  for (const version of versions) {
    const candidate = path.join(root, version, "bin", name);
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(
    `${name} was not found on PATH or in ${root}/*/bin. Install the PostgreSQL client programs, at the server's major version or newer ` +
      `(Debian/Ubuntu: sudo apt-get install -y postgresql-client), or put ${name} on PATH.`,
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function newFile(target: string): string {
  const file = path.resolve(target);
  if (existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  return file;
}
