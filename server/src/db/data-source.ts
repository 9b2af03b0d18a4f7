/**
 * Builds the TypeORM data source: an SQLite file in DATA_DIR by default, PostgreSQL when DATABASE_URL says so.
 * Production and `npm start` run migrations; `synchronize` is only for throwaway test databases.
 */
import "reflect-metadata";
import { mkdirSync } from "node:fs";
import path from "node:path";
import sqlite3 from "sqlite3";
import { DataSource } from "typeorm";
import type { DataSourceOptions, Logger, Migration } from "typeorm";
import { isPostgresUrl } from "./engine.js";


export interface DbOptions {
  /** Directory of the SQLite file (created if missing). Ignored when databaseUrl is set. */
  dataDir?: string;
  /** postgres:// or postgresql:// switches to PostgreSQL. */
  databaseUrl?: string;
  /** ":memory:" for a throwaway in-memory SQLite database. */
  sqlitePath?: string;
  logging?: boolean;
  /** A TypeORM logger; tests pass one that counts statements. */
  logger?: Logger;
}


function poolSize(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`DATABASE_POOL_SIZE must be an integer 1–1000, got "${raw}"`);
  return n;
}

/** What the data source maps and migrates: assembled by the composition root (server/src/database.ts). */
export interface DbModel {
  entities: NonNullable<DataSourceOptions["entities"]>;
  migrations: NonNullable<DataSourceOptions["migrations"]>;
  /** Entity subscribers (e.g. accounts/identity-keys.ts fills derived columns on insert). */
  subscribers?: NonNullable<DataSourceOptions["subscribers"]>;
}

export function buildDataSource(opts: DbOptions, { entities, migrations, subscribers = [] }: DbModel): DataSource {
  if (isPostgresUrl(opts.databaseUrl)) {
    return new DataSource({
      type: "postgres",
      url: opts.databaseUrl,
      // Connections per instance (node-postgres pool); N instances hold N × this plus one for the cluster bus.
      poolSize: poolSize(process.env.DATABASE_POOL_SIZE),
      entities,
      migrations,
      subscribers,
      logging: opts.logging ?? false,
      logger: opts.logger,
    });
  }
  let database = opts.sqlitePath;
  if (!database) {
    const dir = path.resolve(opts.dataDir ?? "data");
    mkdirSync(dir, { recursive: true });
    database = path.join(dir, "course.sqlite");
  }
  return new DataSource({
    type: "sqlite",
    // TypeORM calls sqlite3.verbose(), which wraps every statement in a stack capture plus util.inspect of its
    // parameters: a measurable share of CPU per answer under load. Handing it the module with a verbose()
    // that returns the module unchanged keeps the driver as it is.
    driver: { ...sqlite3, verbose: () => sqlite3 },
    database,
    entities,
    migrations,
    subscribers,
    enableWAL: database !== ":memory:",
    busyTimeout: 5000,
    logging: opts.logging ?? false,
    logger: opts.logger,
  });
}

/** Opens the data source, applies durability pragmas on SQLite, and runs pending migrations. */
export async function openDataSource(opts: DbOptions, model: DbModel): Promise<DataSource> {
  const ds = buildDataSource(opts, model);
  await ds.initialize();
  if (ds.options.type === "sqlite") {
    // foreign_keys and busy_timeout are set by the driver, WAL by enableWAL; FULL makes each commit durable.
    await ds.query("PRAGMA synchronous = FULL");
  }
  await migrateOnce(ds);
  return ds;
}

/** Any fixed number: the PostgreSQL advisory lock that instances starting together take around migrations. */
const MIGRATION_LOCK = 7_303_412;

/**
 * Runs pending migrations and returns those that ran. On PostgreSQL several instances (and `npm run migrate`)
 * may start at once against one database: the first takes an advisory lock and migrates, the others wait
 * for it and then find nothing left to do.
 */
export async function migrateOnce(ds: DataSource): Promise<Migration[]> {
  if (ds.options.type !== "postgres") return ds.runMigrations({ transaction: "each" });
  const lock = ds.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    return await ds.runMigrations({ transaction: "each" });
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {});
    await lock.release();
  }
}
