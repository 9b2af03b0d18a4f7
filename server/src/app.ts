/**
 * Builds the whole server from a data source and validated content: imports the content, builds the schema
 * and Apollo, and returns an HTTP server ready to listen. Shared by main.ts and the tests.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { DataSource } from "typeorm";
import { importContent } from "./content/content.import.js";
import type { ImportResult } from "./content/content.import.js";
import type { CourseContent } from "./content/content.model.js";
import { ContentStore } from "./content/content.store.js";
import { WriteQueue } from "./db/write-queue.js";
import { ReadPool } from "./db/read-pool.js";
import { PgNotifyBus } from "./db/pg-notify-bus.js";
import type { ClusterBus } from "./shared/cluster-bus.js";
import { LocalBus } from "./shared/cluster-bus.js";
import type { ScryptParams } from "./accounts/password.js";
import { paramsFromEnv } from "./accounts/password.js";
import type { Services } from "./services.js";
import { createServices } from "./services.js";
import { readSessionToken, sessionCookie } from "./http/session-cookie.js";
import { attachSubscriptions } from "./http/ws.server.js";
import { PublicResponseCache } from "./http/public-cache.js";
import { armor, LIMITS, PARSE_OPTIONS } from "./http/limits.js";
import { isKnownErrorCode } from "./errors.js";
import { createRequestHandler } from "./http/http.handler.js";
import { clientAddress } from "./http/client-address.js";
import { buildAppSchema } from "./schema.js";
import type { Clock } from "./shared/clock.js";
import { systemClock } from "./shared/clock.js";
import type { AppContext } from "./shared/context.js";

export interface AppOptions {
  db: DataSource;
  content: CourseContent;
  clock?: Clock;
  /** NODE_ENV=production: introspection off, unexpected errors masked. */
  production?: boolean;
  /** Built client directory served at /. */
  clientDir?: string;
  log?: (message: string, detail?: unknown) => void;
  /** scrypt cost; defaults to PASSWORD_HASH_LOG_N or OWASP's production parameters. */
  passwordParams?: ScryptParams;
  /** Load balancers whose X-Forwarded-For is believed (TRUSTED_PROXIES); see http/client-address.ts. */
  trustedProxies?: string[];
  /** PUBLIC_CACHE_BYTES: memory for answers to public queries (0 turns the cache off); see http/public-cache.ts. */
  publicCacheBytes?: number;
}

export interface App {
  apollo: ApolloServer<AppContext>;
  server: Server;
  store: ContentStore;
  writes: WriteQueue;
  services: Services;
  imported: ImportResult;
  publicCache: PublicResponseCache;
  /** Starts listening; resolves to the base URL (http://host:port/). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** GraphQL's own codes that are safe to pass through when errors are masked. */
const PASS_THROUGH = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "PERSISTED_QUERY_NOT_FOUND", "BAD_REQUEST", "OPERATION_RESOLUTION_FAILURE"]);

export async function createApp(opts: AppOptions): Promise<App> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? ((m: string, d?: unknown) => (d === undefined ? console.error(m) : console.error(m, d)));
  const writes = new WriteQueue(opts.db);
  const imported = await importContent(opts.db, writes, opts.content, clock);
  const store = new ContentStore(opts.content, imported.currentVersions);
  const schema = await buildAppSchema();
  const reads = await ReadPool.open(opts.db);
  const bus = await clusterBus(opts.db, log);
  const services = createServices(opts.db, writes, clock, store, opts.passwordParams ?? paramsFromEnv(), reads, bus);

  const limits = armor(!!opts.production);
  const trusted = new Set(opts.trustedProxies ?? []);
  const publicCache = new PublicResponseCache(opts.publicCacheBytes);
  const apollo = new ApolloServer<AppContext>({
    schema,
    plugins: limits.plugins,
    validationRules: limits.validationRules,
    parseOptions: PARSE_OPTIONS,
    introspection: !opts.production,
    // No "Did you mean …?" field suggestions in production: they map the schema for a stranger.
    hideSchemaDetailsFromClientErrors: !!opts.production,
    includeStacktraceInErrorResponses: !opts.production,
    // Batched requests multiply work per HTTP request and defeat per-request limits.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      const code = formatted.extensions?.code;
      if (!opts.production || isKnownErrorCode(code) || (typeof code === "string" && PASS_THROUGH.has(code))) return formatted;
      // Unexpected: the detail goes to the log only, the client gets a request id to quote.
      const requestId = randomUUID();
      log(`[${requestId}] internal error`, error);
      return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } };
    },
  });
  await apollo.start();

  const handler = createRequestHandler<AppContext>({
    apollo,
    clientDir: opts.clientDir,
    publicCache,
    trustedProxies: trusted,
    maxBodyBytes: LIMITS.maxBodyBytes,
    context: async (req, res) => {
      const viewer = await services.accounts.authenticate(readSessionToken(req));
      const secure = (req.socket as { encrypted?: boolean }).encrypted === true || req.headers["x-forwarded-proto"] === "https";
      return {
        ...services,
        db: opts.db,
        viewer,
        requestId: randomUUID(),
        clientAddress: clientAddress(req, trusted),
        setSessionCookie: (token: string | null, maxAge?: number) => res.appendHeader("set-cookie", sessionCookie(token, maxAge ?? 0, secure)),
      };
    },
  });
  const server = createServer(handler);
  const subscriptions = attachSubscriptions<AppContext>({
    server,
    schema,
    authenticate: (token) => services.accounts.authenticate(token),
    context: (viewer) => ({ ...services, db: opts.db, viewer, requestId: randomUUID(), clientAddress: "websocket", setSessionCookie: () => {} }),
  });

  return {
    apollo,
    server,
    store,
    writes,
    services,
    imported,
    publicCache,
    listen(port: number, host: string) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const addr = server.address() as AddressInfo;
          resolve(`http://${host.includes(":") ? `[${host}]` : host}:${addr.port}/`);
        });
      });
    },
    async close() {
      await subscriptions.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
      await writes.drain();
      await reads.close();
      await bus.close();
    },
  };
}

/** In-process on SQLite (one instance per file); LISTEN/NOTIFY on PostgreSQL, shared by every instance. */
async function clusterBus(db: DataSource, log: (m: string, d?: unknown) => void): Promise<ClusterBus> {
  if (db.options.type !== "postgres") return new LocalBus();
  const url = db.options.url;
  if (!url) throw new Error("PostgreSQL is configured without a URL; set DATABASE_URL=postgres://…");
  return PgNotifyBus.connect(url, db, log);
}
