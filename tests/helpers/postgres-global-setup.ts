/**
 * Global setup of the `pg` test project: the server suite again, on PostgreSQL. Uses the server PG_ADMIN_URL
 * names (.ci/run starts one), or starts a throwaway PostgreSQL 15 with scripts/postgres-throwaway.sh and
 * stops it at the end. Each test server then creates a database of its own on it (test-database.ts).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

const script = path.resolve(import.meta.dirname, "../../scripts/postgres-throwaway.sh");

export default function setup(project: TestProject): () => void {
  const given = process.env.PG_ADMIN_URL;
  if (given) {
    project.provide("pgAdminUrl", given);
    return () => {};
  }
  const port = String(55000 + (process.pid % 5000));
  const [dir, url] = execFileSync(script, ["start", port], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim().split("\n");
  project.provide("pgAdminUrl", url);
  return () => execFileSync(script, ["stop", dir], { stdio: "inherit" });
}
