/**
 * Builds the whole server from a data source and validated content: imports the content, builds the schema
 * and Apollo, and returns an HTTP server ready to listen. Shared by main.ts and the tests.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { DataSource } from "typeorm";
import { importContent } from "./content/content.import.js";
import { remapRetiredMastery } from "./progress/mastery.query.js";
import type { ImportResult } from "./content/content.import.js";
import type { CourseContent } from "./content/content.model.js";
import { ContentStore } from "./content/content.store.js";
import { serverSecret } from "./db/server-secret.js";
import { OPTION_ID_SECRET, OptionIds } from "./quizzes/option-ids.js";
import { WriteQueue } from "./db/write-queue.js";
import { ReadPool } from "./db/read-pool.js";
import { PgNotifyBus } from "./db/pg-notify-bus.js";
import type { ClusterBus } from "./shared/cluster-bus.js";
import { LocalBus } from "./shared/cluster-bus.js";
import type { HasherOptions, ScryptParams } from "./accounts/password.js";
import { hashingFromEnv, paramsFromEnv } from "./accounts/password.js";
import { signUpsFromEnv } from "./accounts/rate-limiter.js";
import { fillIdentityKeys } from "./accounts/identity-keys.js";
import type { Services } from "./services.js";
import { createServices } from "./services.js";
import { compiledExecution } from "./http/compiled-execution.js";
import { liveParticipantCookie, readLiveToken, readSessionToken, sessionCookie } from "./http/session-cookie.js";
import { attachSubscriptions, DEFAULT_LIVE_LIMITS } from "./http/ws.server.js";
import type { LiveLimits, LiveServer } from "./http/ws.server.js";
import { PublicResponseCache } from "./http/public-cache.js";
import { DEFAULT_PUBLIC_CACHE_BYTES } from "./config.js";
import { LIMITS, requestRules } from "./http/limits.js";
import { createRequestHandler } from "./http/http.handler.js";
import { clientAddress } from "./http/client-address.js";
import { ltiRoutes } from "./http/lti.routes.js";
import { ToolKeys } from "./lti/lti-keys.js";
import { buildAppSchema } from "./schema.js";
import type { Clock } from "./shared/clock.js";
import { systemClock } from "./shared/clock.js";
import type { AppContext } from "./context.js";

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
  /** Sign-ups per address per hour; defaults to SIGN_UPS_PER_ADDRESS or 50 (accounts/rate-limiter.ts). */
  signUpsPerAddress?: number;
  /** Bounds of the password hashing line (accounts/password.ts). */
  hashing?: HasherOptions;
  /** Load balancers whose X-Forwarded-For is believed (TRUSTED_PROXIES); see http/client-address.ts. */
  trustedProxies?: string[];
  /** Origins allowed to open the WebSocket (ALLOWED_ORIGINS); default: the server's own, plus Vite's dev server outside production. */
  allowedOrigins?: string[];
  /** Caps of the WebSocket server (config.ts); defaults in ws.server.ts. */
  live?: Partial<LiveLimits>;
  /** INSTRUCTOR_SEES_EMAIL: instructors tell same-named learners apart by email (default) or by learner code (false). */
  instructorSeesEmail?: boolean;
  /** PUBLIC_CACHE_BYTES: memory for answers to public queries (0 turns the cache off); see http/public-cache.ts. */
  publicCacheBytes?: number;
  /** LTI_TOOL_URL: the tool's public base URL (https://course.example.org/); default: the URL it listens on. */
  ltiToolUrl?: string;
  /** How often this instance sends due LTI scores (default 5 s; 0: never, as tests drive the outbox by hand). */
  ltiOutboxIntervalMs?: number;
}

export interface App {
  apollo: ApolloServer<AppContext>;
  server: Server;
  store: ContentStore;
  writes: WriteQueue;
  services: Services;
  live: LiveServer;
  imported: ImportResult;
  publicCache: PublicResponseCache;
  /** Starts listening; resolves to the base URL (http://host:port/). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? ((m: string, d?: unknown) => (d === undefined ? console.error(m) : console.error(m, d)));
  const writes = new WriteQueue(opts.db, { clock, log });
  // The RSA key generation (50-250 ms on the thread pool) runs while the content is imported and the schema
  // built; its row goes through the write queue like every write (lti/lti-keys.ts).
  const firstKey = new ToolKeys(opts.db, writes, clock).ensureKey();
  firstKey.catch(() => {}); // awaited below; should a step before then fail, this is not an unhandled rejection too
  const imported = await importContent(opts.db, writes, opts.content, clock);
  await fillIdentityKeys(opts.db, writes);
  const store = new ContentStore(opts.content, imported.currentVersions, new OptionIds(await serverSecret(opts.db, writes, OPTION_ID_SECRET)));
  // Content that retired objectives: stored mastery moves onto the surviving ones now (issue 13).
  if (imported.changed) await remapRetiredMastery(opts.db, (work) => writes.run(work), store, clock.now());
  const schema = await buildAppSchema();
  const reads = await ReadPool.open(opts.db);
  const bus = await clusterBus(opts.db, log);
  const services = createServices(opts.db, writes, clock, store, opts.passwordParams ?? paramsFromEnv(), reads, bus, {
    signUpsPerAddress: opts.signUpsPerAddress ?? signUpsFromEnv(),
    hashing: opts.hashing ?? hashingFromEnv(),
    ltiToolUrl: opts.ltiToolUrl,
    log,
    instructorSeesEmail: opts.instructorSeesEmail ?? true,
  });
  // The first start's LTI signing key, begun with the content's import above, is stored before the app is
  // ready: nothing this app writes is in flight once createApp resolves.
  await firstKey;
  services.ltiScores.start(opts.ltiOutboxIntervalMs ?? 5000);

  // One rule set for HTTP and WebSocket: parse, validation, limits, introspection, suggestions, masking.
  const rules = requestRules({ production: !!opts.production, log });
  const trusted = new Set(opts.trustedProxies ?? []);
  const publicCache = new PublicResponseCache(opts.publicCacheBytes ?? DEFAULT_PUBLIC_CACHE_BYTES);
  const apollo = new ApolloServer<AppContext>({
    schema,
    // No cache hints are used (the public response cache is ours, http/public-cache.ts): Apollo's cache-control
    // plugin, installed by default, would only cost a hook per resolved field.
    // Queries that succeed are answered by their compiled form (http/compiled-execution.ts), after the rules'
    // plugins have seen them.
    plugins: [...rules.apolloPlugins, ApolloServerPluginCacheControlDisabled(), compiledExecution(schema).plugin],
    parseOptions: rules.parseOptions,
    validationRules: rules.validationRules,
    validationOptions: rules.validationOptions,
    // Refused in production by the shared rules (NoSchemaIntrospectionCustomRule), on both transports.
    introspection: true,
    includeStacktraceInErrorResponses: !opts.production,
    // Batched requests multiply work per HTTP request and defeat per-request limits.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: rules.formatError,
  });
  await apollo.start();

  // A request's context owns only that request's fields and inherits the services and the data source from one
  // shared object. Spreading the twenty-seven services into every context (which Apollo copies once more per
  // operation) was the largest allocation of an answer, and it lived as long as the answer waited for its group
  // commit: long enough to be promoted, so the heap grew faster under load.
  const shared: Services & { db: DataSource } = { ...services, db: opts.db };
  const requestContext = (own: Omit<AppContext, keyof Services | "db">): AppContext => Object.assign(Object.create(shared) as AppContext, own);

  const handler = createRequestHandler<AppContext>({
    apollo,
    clientDir: opts.clientDir,
    publicCache,
    trustedProxies: trusted,
    maxBodyBytes: LIMITS.maxBodyBytes,
    routes: ltiRoutes({ lti: services.lti, keys: services.ltiKeys, dynamic: services.ltiDynamic, deepLinking: services.ltiDeepLinking, clientDir: opts.clientDir, trustedProxies: trusted, log, maxBodyBytes: LIMITS.maxBodyBytes }),
    health: () => ({ ok: writes.health.ok, engine: opts.db.options.type, writes: writes.health.toJSON() }),
    context: async (req, res) => {
      const viewer = await services.accounts.authenticate(readSessionToken(req));
      const secure = (req.socket as { encrypted?: boolean }).encrypted === true || req.headers["x-forwarded-proto"] === "https";
      return requestContext({
        viewer,
        requestId: randomUUID(),
        clientAddress: clientAddress(req, trusted),
        setSessionCookie: (token: string | null, maxAge?: number) => res.appendHeader("set-cookie", sessionCookie(token, maxAge ?? 0, secure)),
        liveToken: readLiveToken(req),
        setLiveCookie: (token: string) => res.appendHeader("set-cookie", liveParticipantCookie(token, secure)),
      });
    },
  });
  const server = createServer(handler);
  const live = attachSubscriptions<AppContext>({
    server,
    schema,
    rules,
    production: !!opts.production,
    limits: { ...DEFAULT_LIVE_LIMITS, ...opts.live },
    allowedOrigins: opts.allowedOrigins,
    bus,
    authenticate: (token) => services.accounts.authenticate(token),
    address: (req) => clientAddress(req, trusted),
    log,
    context: (viewer, req) =>
      requestContext({ viewer, requestId: randomUUID(), clientAddress: clientAddress(req, trusted), setSessionCookie: () => {}, liveToken: readLiveToken(req), setLiveCookie: () => {} }),
  });

  return {
    apollo,
    server,
    store,
    writes,
    services,
    live,
    imported,
    publicCache,
    listen(port: number, host: string) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const addr = server.address() as AddressInfo;
          const url = `http://${host.includes(":") ? `[${host}]` : host}:${addr.port}/`;
          services.lti.useBaseUrl(url);
          resolve(url);
        });
      });
    },
    async close() {
      services.liveFeeds.close();
      await services.ltiScores.stop();
      await live.close();
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
