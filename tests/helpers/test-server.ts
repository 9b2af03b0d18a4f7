/**
 * Starts the real server (migrations, content import, Apollo, node:http) on an ephemeral port of 127.0.0.1
 * with the fixture course (tests/fixtures/course) unless a test passes other content, a fresh database (an SQLite file in a temporary directory, or a PostgreSQL database of its own when
 * TEST_DATABASE_URL is set: see test-database.ts), and gives tests a small GraphQL client.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import type { App, AppOptions } from "../../server/src/app.js";
import { createApp } from "../../server/src/app.js";
import { loadContent } from "../../server/src/content/content.loader.js";
import type { CourseContent } from "../../server/src/content/content.model.js";
import { openDatabase } from "../../server/src/database.js";
import { sql } from "../../server/src/db/sql.js";
import type { Clock } from "../../server/src/shared/clock.js";
import type { Role } from "../../server/src/shared/role.enum.js";
import { createPostgresDatabase, onPostgres } from "./test-database.js";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
/** The real course: only tests/content/ (the course's own checks) and the e2e journeys read it. */
export const CONTENT_DIR = path.join(PROJECT_ROOT, "content");
/**
 * A small fictional course with every item type and review policy, for the engine's tests: the real course may
 * change shape (lessons merged, items replaced) without breaking them. Its ids start with fx- and fq-.
 */
export const FIXTURE_DIR = path.join(PROJECT_ROOT, "tests", "fixtures", "course");

let contentOnce: Promise<CourseContent> | undefined;
/** The real content/, loaded once per test file. */
export const realContent = () => (contentOnce ??= loadContent(CONTENT_DIR));
let fixtureOnce: Promise<CourseContent> | undefined;
/** The fixture course (tests/fixtures/course), loaded once per test file; what a test server serves by default. */
export const fixtureContent = () => (fixtureOnce ??= loadContent(FIXTURE_DIR));

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] };
  raw: string;
}

export interface TestServer {
  url: string;
  app: App;
  db: DataSource;
  dataDir: string;
  /** The PostgreSQL database's URL when the server runs on PostgreSQL. */
  databaseUrl?: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
  /** Raw SQL on the server's database, written for both engines: `?` placeholders, camelCase in double quotes. */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** The names of the database's tables, sorted. */
  tables(): Promise<string[]>;
  /** Signs up a new learner and returns a client that sends its bearer token. */
  learner(name?: string): Promise<Learner>;
  /** Creates an instructor (as `npm run user:create` would) and signs them in. */
  instructor(name?: string, role?: "INSTRUCTOR" | "ADMIN"): Promise<Learner>;
  /** The same learner, talking to this server (after a restart, say). */
  rebind(learner: Learner): Learner;
  stop(): Promise<void>;
}

/** Cheap scrypt for tests (N = 2^10); one test checks the production parameters separately. */
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id displayName role } } }`;
let learnerCount = 0;

export interface Learner {
  id: string;
  email: string;
  token: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
}

export const TEST_PASSWORD_PARAMS = { logN: 10, r: 8, p: 1 };

export interface TestServerOptions {
  content?: CourseContent;
  clock?: Clock;
  production?: boolean;
  dataDir?: string;
  passwordParams?: { logN: number; r: number; p: number };
  /** Receives every SQL statement the server runs (for counting statements per query). */
  onQuery?: (sql: string) => void;
  /** A built client (client/dist) to serve at /, as `npm start` does; the e2e tests pass it. */
  clientDir?: string;
  /** TRUSTED_PROXIES of the server (the test client connects from 127.0.0.1). */
  trustedProxies?: string[];
  /** ALLOWED_ORIGINS of the server (WebSocket upgrades). */
  allowedOrigins?: string[];
  /** Caps of the WebSocket server (tests make them small). */
  live?: AppOptions["live"];
  /**
   * Sign-ups per address per hour. Every test client connects from 127.0.0.1, so the default here is large
   * (a file may sign up hundreds of learners); the throttle tests pass the production budget.
   */
  signUpsPerAddress?: number;
  /** Bounds of the password hashing line (default: production's). */
  hashing?: { concurrency?: number; maxWaiting?: number };
  /** PUBLIC_CACHE_BYTES of the server. */
  publicCacheBytes?: number;
  /** INSTRUCTOR_SEES_EMAIL of the server (default true). */
  instructorSeesEmail?: boolean;
  /** Use this PostgreSQL database (a second instance on the same database, say); it is not dropped at stop. */
  databaseUrl?: string;
  /** Receives the server's log lines (default: dropped). */
  log?: AppOptions["log"];
  /** LTI_TOOL_URL of the server. */
  ltiToolUrl?: string;
  /** How often the server sends due LTI scores (default 0: tests call services.ltiScores.runOnce()). */
  ltiOutboxIntervalMs?: number;
}

/**
 * A test that passes its own dataDir restarts a server on the same data: on PostgreSQL the database's URL is
 * kept in that folder and reused; such databases are dropped when the test file ends (pg-setup.ts).
 */
async function postgresFor(dataDir: string, kept: boolean): Promise<{ url: string; drop: () => Promise<void> }> {
  const file = path.join(dataDir, "postgres-url");
  if (kept) {
    const known = await readFile(file, "utf8").catch(() => undefined);
    if (known) return { url: known, drop: async () => {} };
  }
  const created = await createPostgresDatabase();
  if (!kept) return created;
  await writeFile(file, created.url);
  keptDatabases.push(created.drop);
  return { url: created.url, drop: async () => {} };
}

const keptDatabases: (() => Promise<void>)[] = [];

/** Drops the databases kept for restarts in this test file; the pg project runs it after each file. */
export async function dropKeptDatabases(): Promise<void> {
  for (const drop of keptDatabases.splice(0)) await drop();
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), "course-test-")));
  const onQuery = opts.onQuery;
  const logger = onQuery
    ? { logQuery: (q: string) => onQuery(q), logQueryError: () => {}, logQuerySlow: () => {}, logSchemaBuild: () => {}, logMigration: () => {}, log: () => {} }
    : undefined;
  const pgDb = opts.databaseUrl
    ? { url: opts.databaseUrl, drop: async () => {} }
    : onPostgres
      ? await postgresFor(dataDir, !!opts.dataDir)
      : undefined;
  const db = await openDatabase({ dataDir, databaseUrl: pgDb?.url, logger });
  const app = await createApp({
    db,
    content: opts.content ?? (await fixtureContent()),
    clock: opts.clock,
    production: opts.production,
    passwordParams: opts.passwordParams ?? TEST_PASSWORD_PARAMS,
    clientDir: opts.clientDir,
    trustedProxies: opts.trustedProxies,
    allowedOrigins: opts.allowedOrigins,
    live: opts.live,
    signUpsPerAddress: opts.signUpsPerAddress ?? 100_000,
    hashing: opts.hashing,
    publicCacheBytes: opts.publicCacheBytes,
    instructorSeesEmail: opts.instructorSeesEmail,
    log: opts.log ?? (() => {}),
    ltiToolUrl: opts.ltiToolUrl,
    ltiOutboxIntervalMs: opts.ltiOutboxIntervalMs ?? 0,
  });
  const url = await app.listen(0, "127.0.0.1");
  const endpoint = `${url}graphql`;
  const server: TestServer = {
    url,
    app,
    db,
    dataDir,
    databaseUrl: pgDb?.url,
    sql: (text, params) => sql(db, text, params),
    async tables() {
      const rows: { name: string }[] = await db.query(
        db.options.type === "postgres"
          ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`
          : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      );
      return rows.map((r) => r.name).sort();
    },
    async gql(query, variables, headers = {}) {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const raw = await res.text();
      return { status: res.status, body: JSON.parse(raw), raw };
    },
    async learner(name = "learner") {
      const email = `${name.replace(/[^A-Za-z0-9]/g, "") || "u"}-${++learnerCount}-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const res = await server.gql<any>(SIGN_UP, { input: { email, password: "correct horse battery", displayName: name } });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      const { token, user } = res.body.data.signUp;
      const headers = { authorization: `Bearer ${token}` };
      return { id: user.id, email, token, gql: (q, v) => server.gql(q, v, headers) };
    },
    async instructor(name = "teacher", role = "INSTRUCTOR") {
      const email = `${name.replace(/[^A-Za-z0-9]/g, "") || "u"}-${++learnerCount}-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const user = await app.services.accounts.createUser({ email, password: "correct horse battery", displayName: name, role: role as Role });
      const res = await server.gql<any>(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email, password: "correct horse battery" } });
      const token = res.body.data.signIn.token;
      const headers = { authorization: `Bearer ${token}` };
      return { id: user.id, email, token, gql: (q, v) => server.gql(q, v, headers) };
    },
    rebind(l) {
      const headers = { authorization: `Bearer ${l.token}` };
      return { ...l, gql: (q, v) => server.gql(q, v, headers) };
    },
    async stop() {
      await app.close();
      await db.destroy();
      await pgDb?.drop();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
