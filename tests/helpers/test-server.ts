/**
 * Starts the real server (migrations, content import, Apollo, node:http) on an ephemeral port of 127.0.0.1
 * with a fresh SQLite file in a temporary directory, and gives tests a small GraphQL client.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import type { App } from "../../server/src/app.js";
import { createApp } from "../../server/src/app.js";
import { loadContent } from "../../server/src/content/content.loader.js";
import type { CourseContent } from "../../server/src/content/content.model.js";
import { openDatabase } from "../../server/src/db/data-source.js";
import type { Clock } from "../../server/src/shared/clock.js";
import type { Role } from "../../server/src/accounts/role.enum.js";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const CONTENT_DIR = path.join(PROJECT_ROOT, "content");

let contentOnce: Promise<CourseContent> | undefined;
/** The real content/, loaded once per test file. */
export const realContent = () => (contentOnce ??= loadContent(CONTENT_DIR));

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
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
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
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), "course-test-")));
  const onQuery = opts.onQuery;
  const logger = onQuery
    ? { logQuery: (q: string) => onQuery(q), logQueryError: () => {}, logQuerySlow: () => {}, logSchemaBuild: () => {}, logMigration: () => {}, log: () => {} }
    : undefined;
  const db = await openDatabase({ dataDir, logger });
  const app = await createApp({
    db,
    content: opts.content ?? (await realContent()),
    clock: opts.clock,
    production: opts.production,
    passwordParams: opts.passwordParams ?? TEST_PASSWORD_PARAMS,
    clientDir: opts.clientDir,
    log: () => {},
  });
  const url = await app.listen(0, "127.0.0.1");
  const endpoint = `${url}graphql`;
  const server: TestServer = {
    url,
    app,
    db,
    dataDir,
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
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
