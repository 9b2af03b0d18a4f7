/**
 * The scale data generated once and kept under bench/results/raw/ (git ignores it), keyed by a hash of what
 * decides its content: the generator (bench/lib/scale-data.ts and the rebuild of the read models it calls),
 * the migrations, the bench's copy of the content, the number of learners and the engine. A later run with the
 * same key restores it instead of generating it again; a changed key replaces the older files of that engine
 * and size.
 *
 * SQLite: `VACUUM INTO` writes a compact copy of the database file, restored by copying it to DATA_DIR before
 * the server opens it. PostgreSQL: `pg_dump -Fc` (one compressed file; pg_restore loads each table with COPY,
 * then builds the indexes, which is faster than replaying the generator's INSERTs and keeps one file per key),
 * restored with `pg_restore` into the run's fresh database, then VACUUM ANALYZE as after generating.
 */
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { DataSource } from "typeorm";
import type { Engine } from "./report.js";
import type { ScaleData } from "./scale-data.js";

const run = promisify(execFile);

/** The files whose content decides the generated rows, relative to the project root (folders: every file in them). */
const GENERATOR_FILES = [
  "bench/lib/scale-data.ts",
  "bench/lib/bench-content.ts",
  "server/src/migrations",
  "server/src/classrooms/stat-rollup.ts",
  "server/src/classrooms/class-rollup.ts",
  "server/src/progress/learner-summary.ts",
];

async function filesUnder(p: string): Promise<string[]> {
  try {
    const entries = await readdir(p, { withFileTypes: true });
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(path.join(p, e.name)) : [path.join(p, e.name)])));
    return nested.flat().sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOTDIR") return [p];
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
}

/** Hex SHA-256 over the generator's files, the content folder, the size and the engine (each file by its path and bytes). */
export async function scaleKey(root: string, contentDir: string, learners: number, engine: Engine): Promise<string> {
  const hash = createHash("sha256").update(`${engine}\n${learners}\n`);
  const add = async (base: string, files: string[]) => {
    for (const f of files) hash.update(`${path.relative(base, f)}\n`).update(await readFile(f));
  };
  for (const f of GENERATOR_FILES) await add(root, await filesUnder(path.join(root, f)));
  await add(contentDir, await filesUnder(contentDir));
  return hash.digest("hex");
}

export interface ScaleCache {
  /** The cached data's description, or undefined when nothing is cached under this key. */
  find(): Promise<ScaleData | undefined>;
  /** SQLite: copies the cached file into `dataDir` (before the database is opened). PostgreSQL: pg_restore into `databaseUrl`. */
  restore(target: { dataDir?: string; databaseUrl?: string }): Promise<void>;
  /** Stores the freshly generated data of `db` and its description, replacing this engine and size's older files. */
  save(db: DataSource, data: ScaleData, databaseUrl?: string): Promise<void>;
  /** Where the data file is (or would be). */
  file: string;
}

export function scaleCache(root: string, key: string, learners: number, engine: Engine): ScaleCache {
  const dir = path.join(root, "bench", "results", "raw");
  const prefix = `scale-${engine}-${learners}-`;
  const base = path.join(dir, `${prefix}${key.slice(0, 16)}`);
  const file = `${base}.${engine === "sqlite" ? "sqlite" : "pgdump"}`;
  const meta = `${base}.json`;
  return {
    file,
    async find() {
      try {
        const data = JSON.parse(await readFile(meta, "utf8")) as ScaleData & { key: string };
        if (data.key !== key) return undefined;
        return (await stat(file)).isFile() ? data : undefined;
      } catch {
        return undefined;
      }
    },
    async restore({ dataDir, databaseUrl }) {
      if (engine === "sqlite") {
        await mkdir(dataDir!, { recursive: true });
        await copyFile(file, path.join(dataDir!, "course.sqlite"));
      } else {
        await run("pg_restore", ["--no-owner", "--jobs", "2", "--dbname", databaseUrl!, file], { maxBuffer: 1 << 24 });
      }
    },
    async save(db, data, databaseUrl) {
      await mkdir(dir, { recursive: true });
      for (const f of await readdir(dir)) if (f.startsWith(prefix)) await rm(path.join(dir, f), { force: true });
      const tmp = `${file}.tmp`;
      if (engine === "sqlite") await db.query(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
      else await run("pg_dump", ["--format", "custom", "--no-owner", "--file", tmp, databaseUrl!], { maxBuffer: 1 << 24 });
      await rename(tmp, file);
      await writeFile(meta, JSON.stringify({ ...data, key }, null, 2) + "\n");
    },
  };
}
