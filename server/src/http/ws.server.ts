/**
 * GraphQL subscriptions over WebSocket (graphql-ws, protocol graphql-transport-ws) on the same port and path
 * as HTTP: /graphql. Every document goes through the same rules as over HTTP (limits.ts: parse, validation,
 * limits, introspection, suggestions, error masking), and only subscriptions are accepted here.
 *
 * - At the upgrade: the page's `Origin` must be allowed (ALLOWED_ORIGINS; by default the server's own origin
 *   as the Host header names it, plus the Vite dev server outside production; no Origin at all is a
 *   non-browser client and is let in), and one address holds at most `socketsPerAddress` sockets (429).
 * - `connection_init` authenticates: `{ authorization: "Bearer …" }` or else the session cookie sent with the
 *   upgrade. A bearer token given explicitly that is unknown, revoked or expired is refused (4403); a stale
 *   cookie leaves the connection anonymous, as over HTTP. One session holds at most `socketsPerSession`.
 * - The session's sockets close (4401) when it ends: sign-out and account deletion arrive on the cluster bus
 *   (so from any instance), expiry is found by re-checking every socket's session every `sessionRecheckMs`.
 * - At most `subscriptionsPerSocket` subscriptions per socket; a socket whose outgoing buffer passes
 *   `maxBufferedBytes` (a consumer that does not read) is dropped.
 */
import type { IncomingMessage, Server } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { GraphQLSchema } from "graphql";
import { GraphQLError } from "graphql";
import { CloseCode, handleProtocols, makeServer } from "graphql-ws";
import type { WebSocket } from "ws";
import { WebSocketServer } from "ws";
import type { ClusterBus } from "../shared/cluster-bus.js";
import type { Viewer } from "../shared/viewer.js";
import type { RequestRules } from "./limits.js";
import { LIMITS } from "./limits.js";
import { readCookie, SESSION_COOKIE } from "./session-cookie.js";
import { sharedSubscribe } from "./shared-subscribe.js";
import type { LiveLimits } from "./live-limits.js";
import { DEFAULT_LIVE_LIMITS } from "./live-limits.js";

/** The Vite dev server (npm run dev), which proxies /graphql here; allowed by default outside production. */
export const DEV_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173"];

/** Close codes sent to clients (graphql-ws's 4403 Forbidden for a refused connection_init). */
export const CLOSE = { sessionEnded: 4401, forbidden: 4403, tooManySockets: 4429 } as const;

export type { LiveLimits };
export { DEFAULT_LIVE_LIMITS };

export interface WsOptions<C> {
  server: Server;
  schema: GraphQLSchema;
  rules: RequestRules;
  production: boolean;
  limits: LiveLimits;
  /** Exact origins allowed (ALLOWED_ORIGINS); undefined: the server's own origin, plus DEV_ORIGINS outside production. */
  allowedOrigins?: string[];
  /** Carries session revocations from every instance. */
  bus: ClusterBus;
  authenticate: (token: string | undefined) => Promise<Viewer | null>;
  address: (req: IncomingMessage) => string;
  context: (viewer: Viewer | null, req: IncomingMessage) => C;
  log: (message: string, detail?: unknown) => void;
}

export interface LiveServer {
  /** Open sockets (tests reach the server side of a connection through it). */
  readonly clients: ReadonlySet<WebSocket>;
  close(): Promise<void>;
}

interface Connection {
  socket: WebSocket;
  request: IncomingMessage;
  address: string;
  token?: string;
  viewer: Viewer | null;
}

export function attachSubscriptions<C extends object>(opts: WsOptions<C>): LiveServer {
  const { limits } = opts;
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxMessageBytes, handleProtocols });
  const connections = new Map<WebSocket, Connection>();
  const perAddress = new Map<string, number>();
  const perSession = new Map<string, Set<Connection>>();

  const refuse = (socket: Duplex, status: number, message: string) => {
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/graphql") return refuse(socket, 404, "Not found");
    if (!originAllowed(req.headers.origin, req.headers.host, opts.allowedOrigins, opts.production)) return refuse(socket, 403, "This origin may not open the live connection (ALLOWED_ORIGINS).");
    const address = opts.address(req);
    if ((perAddress.get(address) ?? 0) >= limits.socketsPerAddress) return refuse(socket, 429, "Too many live connections from this address.");
    wss.handleUpgrade(req, socket, head, (ws) => {
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      connections.set(ws, { socket: ws, request: req, address, viewer: null });
      ws.once("close", () => forget(ws));
      wss.emit("connection", ws, req);
    });
  };
  opts.server.on("upgrade", onUpgrade);

  const forget = (ws: WebSocket) => {
    const conn = connections.get(ws);
    if (!conn) return;
    connections.delete(ws);
    const n = (perAddress.get(conn.address) ?? 1) - 1;
    if (n > 0) perAddress.set(conn.address, n);
    else perAddress.delete(conn.address);
    if (conn.viewer) leaveSession(conn, conn.viewer.sessionId);
  };

  const leaveSession = (conn: Connection, sessionId: string) => {
    const set = perSession.get(sessionId);
    set?.delete(conn);
    if (set?.size === 0) perSession.delete(sessionId);
  };

  const end = (conn: Connection) => {
    if (conn.socket.readyState === conn.socket.OPEN || conn.socket.readyState === conn.socket.CONNECTING) conn.socket.close(CLOSE.sessionEnded, "Session ended");
  };

  /** Asks again whether a session holds (once for all its sockets); closes its sockets if not, else gives them the viewer's new details. */
  const recheck = async (sessionId: string) => {
    const [first] = perSession.get(sessionId) ?? [];
    if (!first) return;
    let viewer: Viewer | null;
    try {
      viewer = await opts.authenticate(first.token);
    } catch {
      return; // the database is unavailable: try again next round rather than drop every live class
    }
    for (const conn of [...(perSession.get(sessionId) ?? [])]) {
      if (viewer?.sessionId === sessionId) conn.viewer = viewer;
      else end(conn);
    }
  };

  const offBus = opts.bus.subscribe((m) => {
    if (m.topic !== "sessions") return;
    if (m.sessionId) for (const conn of [...(perSession.get(m.sessionId) ?? [])]) end(conn);
    // A locale change, or the account deleted: the user's sessions may still hold.
    if (m.userId) for (const [sessionId, conns] of perSession) if ([...conns].some((c) => c.viewer?.id === m.userId)) void recheck(sessionId);
  });
  // Expiry, and a bus message missed: every session with a socket is asked again each round.
  const sweep = setInterval(() => {
    for (const sessionId of perSession.keys()) void recheck(sessionId);
  }, limits.sessionRecheckMs);
  sweep.unref();

  const refused = (message: string) => [new GraphQLError(message, { extensions: { code: "BAD_REQUEST" } })];

  const graphqlWs = makeServer<Record<string, unknown>, { socket: WebSocket; request: IncomingMessage }>({
    schema: opts.schema,
    // An event every subscriber sees alike is executed once per document (shared-subscribe.ts).
    subscribe: sharedSubscribe,
    onConnect: async (ctx) => {
      const conn = connections.get(ctx.extra.socket);
      if (!conn) return false;
      const auth = ctx.connectionParams?.authorization;
      const explicit = auth !== undefined && auth !== null;
      const token = explicit ? (typeof auth === "string" && /^Bearer\s/i.test(auth) ? auth.slice(7).trim() : "") : cookieToken(conn.request);
      if (explicit && !token) return false;
      const viewer = await opts.authenticate(token);
      // An explicit token must be good; a stale cookie leaves the connection anonymous, as over HTTP.
      if (!viewer && explicit) return false;
      if (!viewer || conn.socket.readyState !== conn.socket.OPEN) return true;
      const sessions = perSession.get(viewer.sessionId) ?? new Set<Connection>();
      if (sessions.size >= limits.socketsPerSession) {
        conn.socket.close(CLOSE.tooManySockets, "Too many live connections for this session");
        return false;
      }
      sessions.add(conn);
      perSession.set(viewer.sessionId, sessions);
      conn.token = token;
      conn.viewer = viewer;
      return true;
    },
    onSubscribe: (ctx, _id, payload) => {
      const conn = connections.get(ctx.extra.socket);
      if (!conn) return refused("This connection is closing.");
      // The subscription being started is already counted.
      if (Object.keys(ctx.subscriptions).length > limits.subscriptionsPerSocket) return refused(`At most ${limits.subscriptionsPerSocket} subscriptions per connection.`);
      const prepared = opts.rules.prepare(opts.schema, payload.query, payload.operationName, payload.variables, "websocket");
      if ("errors" in prepared) return prepared.errors;
      return {
        schema: opts.schema,
        document: prepared.document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: opts.context(conn.viewer, conn.request),
      };
    },
    onNext: (_ctx, _id, _payload, _args, result) => {
      if (!result.errors) return undefined;
      return { ...result, errors: result.errors.map((e) => opts.rules.format(e)) };
    },
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => opts.rules.format(e)),
  });

  // graphql-ws's own adapter for ws (graphql-ws/use/ws) waits for each message to be written before it takes
  // the next event: a client that does not read holds its events in the feed's queue, out of sight. This one
  // hands every message to the socket at once, so that what waits for a client is its bufferedAmount, and
  // drops the client when that passes the bound.
  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.on("error", () => socket.terminate());
    // Keep-alive: a ping every 12 s; a peer that has not answered the previous one is gone.
    let alive = true;
    socket.on("pong", () => (alive = true));
    const keepAlive = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, 12_000);
    const closed = graphqlWs.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState !== socket.OPEN) return;
          socket.send(data);
          if (socket.bufferedAmount > limits.maxBufferedBytes) socket.terminate();
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on("message", (data) => {
            cb(String(data)).catch((err: unknown) => {
              opts.log("WebSocket message handling failed", err);
              socket.close(CloseCode.InternalServerError, "Internal server error");
            });
          }),
      },
      { socket, request },
    );
    socket.once("close", (code, reason) => {
      clearInterval(keepAlive);
      void closed(code, String(reason));
    });
  });

  return {
    clients: wss.clients,
    async close() {
      clearInterval(sweep);
      offBus();
      opts.server.off("upgrade", onUpgrade);
      for (const socket of wss.clients) socket.close(1001, "Going away");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * Whether a page of `origin` may open the live connection: one of `allowed` (ALLOWED_ORIGINS) when set, else
 * the server's own origin (same host and port as the Host header) or, outside production, Vite's dev server.
 * No Origin at all is a non-browser client (a browser always sends one), which CSRF cannot drive.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[] | undefined, production: boolean): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
  if (allowed) return allowed.includes(url.origin);
  if ((url.protocol === "http:" || url.protocol === "https:") && url.host === (host ?? "").toLowerCase()) return true;
  return !production && DEV_ORIGINS.includes(url.origin);
}

function cookieToken(req: IncomingMessage): string | undefined {
  try {
    return readCookie(req.headers.cookie, SESSION_COOKIE);
  } catch {
    return undefined; // a malformed cookie is no session
  }
}
