/**
 * `npm start`: opens the database (migrations run), loads and validates content/, imports it, and serves
 * GraphQL at /graphql and the client at /. Bad content stops the start with file, path and reason.
 */
import { createApp } from "./app.js";
import { readConfig } from "./config.js";
import type { Config } from "./config.js";
import { loadContent } from "./content/content.loader.js";
import { ContentValidationError } from "./content/content.model.js";
import { openDatabase } from "./db/data-source.js";

/** An error the operator can fix from its message alone: printed without a stack, exit code 1. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (e) {
    fail((e as Error).message);
  }
  let content;
  try {
    content = await loadContent(config.contentDir);
  } catch (e) {
    if (e instanceof ContentValidationError) fail(e.message);
    throw e;
  }
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }).catch((e: Error): never => {
    if (!config.databaseUrl) throw e;
    const url = new URL(config.databaseUrl);
    // Host, port and database name only: the URL may hold a password.
    fail(`Cannot open the PostgreSQL database ${url.hostname}:${url.port || 5432}${url.pathname} (DATABASE_URL): ${e.message}`);
  });
  const app = await createApp({ db, content, production: config.production, clientDir: config.clientDir, trustedProxies: config.trustedProxies, publicCacheBytes: config.publicCacheBytes });
  const url = await app.listen(config.port, config.host);
  const what = app.imported.changed ? `imported ${app.imported.newVersions.length} new item version(s)` : "unchanged";
  console.log(`Content ${content.hash.slice(0, 12)} ${what}: ${content.lessons.length} lessons, ${content.quizzes.length} quizzes`);
  console.log(`Database: ${db.options.type === "postgres" ? "PostgreSQL (DATABASE_URL)" : `SQLite ${String(db.options.database)}`}`);
  console.log(`Listening on ${url}`);

  // Deadlines are enforced on every read and write of an attempt; this sweep also closes attempts nobody touches.
  const sweep = setInterval(() => {
    app.services.attempts.expireOverdue().catch((e: unknown) => console.error("deadline sweep failed", e));
  }, 15_000);
  sweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    clearInterval(sweep);
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  // `on`, not `once`: tsx's own signal relay exits at once when it sees no listener left.
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
