/**
 * `npm start`: opens the database (migrations run), loads and validates content/, imports it, and serves
 * GraphQL at /graphql and the client at /. Bad content stops the start with file, path and reason. Every other
 * startup failure is one line on stderr saying what to do (exit code 1), never a stack: an unusable DATA_DIR,
 * another server on the same SQLite DATA_DIR (ops/data-dir-lock.ts), a port in use, an unreachable PostgreSQL.
 */
import { accessSync, constants, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { readConfig } from "./config.js";
import type { Config } from "./config.js";
import { ContentValidationError } from "./content/content.model.js";
import type { DataDirLock } from "./ops/data-dir-lock.js";
import { DataDirInUseError, lockDataDir } from "./ops/data-dir-lock.js";

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
  // Port and host first, on a bare socket: fails fast, before the database is opened, and in one line (once the
  // app's HTTP server exists, the WebSocket server attached to it logs listen errors on its own as well).
  await canListen(config.port, config.host).catch((e: NodeJS.ErrnoException) => listenFailed(config, e));
  // SQLite: DATA_DIR must be a writable folder, and this server its only user.
  let lock: DataDirLock | undefined;
  if (!config.databaseUrl) {
    usableDataDir(config.dataDir);
    lock = await lockDataDir(config.dataDir).catch((e: Error): never => {
      if (e instanceof DataDirInUseError) fail(e.message);
      fail(`Cannot lock DATA_DIR ${config.dataDir} (${oneLine(e)}): make the folder writable for this user, or set DATA_DIR to one that is.`);
    });
  }
  // The server itself (Apollo, TypeORM, the schema) loads only now: the checks above answer in a moment.
  const [{ createApp }, { loadContent }, { openDatabase }] = await Promise.all([import("./app.js"), import("./content/content.loader.js"), import("./database.js")]);
  // Content and database side by side: the content's parsing and checks run while the database waits for
  // its disk (on a fresh database, migrations commit one by one).
  const contentLoaded = loadContent(config.contentDir).catch((e: unknown): never => {
    if (e instanceof ContentValidationError) fail(e.message);
    throw e;
  });
  const opened = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }).catch((e: Error): never => {
    if (!config.databaseUrl) fail(`Cannot open the SQLite database in DATA_DIR ${config.dataDir} (${oneLine(e)}): check that course.sqlite there is a database this user can write, or set DATA_DIR to another folder.`);
    const url = new URL(config.databaseUrl);
    // Host, port and database name only: the URL may hold a password.
    fail(`Cannot open the PostgreSQL database ${url.hostname}:${url.port || 5432}${url.pathname} (DATABASE_URL): ${e.message}`);
  });
  const [content, db] = await Promise.all([contentLoaded, opened]);
  const app = await createApp({
    db,
    content,
    production: config.production,
    clientDir: config.clientDir,
    trustedProxies: config.trustedProxies,
    allowedOrigins: config.allowedOrigins,
    live: config.live,
    publicCacheBytes: config.publicCacheBytes,
    ltiToolUrl: config.ltiToolUrl,
    instructorSeesEmail: config.instructorSeesEmail,
  });
  const url = await app.listen(config.port, config.host).catch((e: NodeJS.ErrnoException): never => listenFailed(config, e));
  await lock?.listening(url);
  const what = app.imported.changed ? `imported ${app.imported.newVersions.length} new item version(s)` : "unchanged";
  console.log(`Content ${content.hash.slice(0, 12)} ${what}: ${content.lessons.length} lessons, ${content.quizzes.length} quizzes`);
  console.log(`Database: ${db.options.type === "postgres" ? "PostgreSQL (DATABASE_URL)" : `SQLite ${String(db.options.database)}`}`);
  console.log(`Listening on ${url}`);

  // Deadlines are enforced on every read and write of an attempt; this sweep also closes attempts nobody touches.
  const sweep = setInterval(() => {
    app.services.attempts.expireOverdue().catch((e: unknown) => console.error("deadline sweep failed", e));
  }, 15_000);
  sweep.unref();
  // Live sessions: guests' answers are deleted 24 h after their session ends (issue 17); hourly is soon enough.
  const liveSweep = setInterval(() => {
    app.services.live.sweepGuests().catch((e: unknown) => console.error("live guest sweep failed", e));
  }, 60 * 60_000);
  liveSweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    clearInterval(sweep);
    clearInterval(liveSweep);
    await app.close();
    await db.destroy();
    await lock?.release();
    process.exit(0);
  };
  // `on`, not `once`: tsx's own signal relay exits at once when it sees no listener left.
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

function canListen(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function listenFailed(config: Config, e: NodeJS.ErrnoException): never {
  if (e.code === "EADDRINUSE") fail(`Port ${config.port} on ${config.host} is already in use (EADDRINUSE): stop what uses it, or set PORT to another port (PORT=0 picks a free one).`);
  if (e.code === "EACCES") fail(`Not allowed to listen on port ${config.port} (EACCES): ports below 1024 need privileges; set PORT to 1024 or above.`);
  if (e.code === "EADDRNOTAVAIL") fail(`HOST ${config.host} is not an address of this machine (EADDRNOTAVAIL): set HOST to one of its addresses, or 0.0.0.0 for all.`);
  fail(`Cannot listen on ${config.host}:${config.port} (${oneLine(e)}): check HOST and PORT.`);
}

/** DATA_DIR exists (created if missing) and this user can write in it; otherwise stop with what to do. */
function usableDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail(`Cannot create DATA_DIR ${dir} (${(e as NodeJS.ErrnoException).code ?? oneLine(e)}): create it writable for this user, or set DATA_DIR to a folder that can be created.`);
  }
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    fail(`DATA_DIR ${dir} is not writable (${(e as NodeJS.ErrnoException).code ?? oneLine(e)}): make it writable for this user, or set DATA_DIR to a writable folder.`);
  }
}

const oneLine = (e: unknown): string => (e instanceof Error ? `${(e as NodeJS.ErrnoException).code ? `${(e as NodeJS.ErrnoException).code}: ` : ""}${e.message}` : String(e)).split("\n")[0];

main().catch((e: unknown) => {
  // Anything not foreseen above: still one line, with where to look; STARTUP_STACK=1 prints the stack too.
  if (process.env.STARTUP_STACK) console.error(e);
  fail(`Startup failed: ${oneLine(e)} (run again with STARTUP_STACK=1 for the stack trace)`);
});
