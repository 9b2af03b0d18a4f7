/**
 * The bench's PostgreSQL: a throwaway PostgreSQL 15 from scripts/postgres-throwaway.sh, started with
 * PG_DURABLE=1 (fsync, synchronous_commit and full_page_writes at PostgreSQL's defaults, unlike the tests'),
 * one database per measured server, and a count of the serialization failures the server logged.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { treeCpuMicros } from "./proc.js";

export interface BenchPostgres {
  adminUrl: string;
  /** The server's log (its stderr). */
  logFile: string;
  /** Creates an empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Version and the settings that decide durability and memory, as the server reports them. */
  settings(): Promise<Record<string, string>>;
  /** Current end of the server's log, for serializationFailures(since). */
  logOffset(): number;
  /**
   * ERROR lines for serialization failures (40001) and deadlocks (40P01) in the server's log since `offset`:
   * each is one write the write queue runs again (unless it had run 25 times, when it reaches the client).
   */
  serializationFailures(since: number): number;
  /** CPU time of the whole server (postmaster and every backend), in microseconds. */
  cpuMicros(): number;
  stop(): void;
}

const SETTINGS = ["server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers", "work_mem", "max_connections"];

export async function startPostgres(root: string, port: number): Promise<BenchPostgres> {
  const script = path.join(root, "scripts", "postgres-throwaway.sh");
  const [dir, adminUrl] = execFileSync(script, ["start", String(port)], { encoding: "utf8", env: { ...process.env, PG_DURABLE: "1" }, stdio: ["ignore", "pipe", "inherit"] })
    .trim()
    .split("\n");
  const logFile = path.join(dir, "log");
  const admin = async <T>(text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  };
  return {
    adminUrl,
    logFile,
    async createDatabase(name) {
      await admin(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async settings() {
      const rows = await admin<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN (${SETTINGS.map((s) => `'${s}'`).join(", ")})`,
      );
      const out: Record<string, string> = {};
      for (const r of rows) out[r.name] = r.unit === "8kB" ? `${(Number(r.setting) * 8) / 1024} MB` : r.unit === "kB" ? `${Number(r.setting) / 1024} MB` : r.setting;
      return Object.fromEntries(SETTINGS.filter((s) => s in out).map((s) => [s, out[s]]));
    },
    logOffset: () => statSync(logFile).size,
    serializationFailures(since) {
      const text = readFileSync(logFile).subarray(since).toString("utf8");
      return (text.match(/ERROR:\s+(could not serialize access|deadlock detected)/g) ?? []).length;
    },
    cpuMicros: () => treeCpuMicros(Number(readFileSync(path.join(dir, "db", "postmaster.pid"), "utf8").split("\n")[0])),
    stop() {
      execFileSync(script, ["stop", dir], { stdio: ["ignore", "ignore", "inherit"] });
    },
  };
}
