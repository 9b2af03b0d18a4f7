/** The live class feed from a test: graphql-ws clients, a subscription that collects events, and waits with a 10 s guard. */
import { createClient } from "graphql-ws";
import type { Client } from "graphql-ws";
import WebSocket from "ws";
import type { TestServer } from "./test-server.js";

/** Every client made here, so a test file can close them all at the end. */
export const liveClients: Client[] = [];

/** A graphql-ws client sending `token` as a bearer in connection_init; null: an anonymous connection. */
export function wsClient(server: TestServer, token: string | null): Client {
  const url = server.url.replace(/^http/, "ws") + "graphql";
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: token === null ? {} : { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  liveClients.push(client);
  return client;
}

export async function closeLiveClients(): Promise<void> {
  await Promise.all(liveClients.splice(0).map((c) => c.dispose()));
}

/** Resolves once the server holds n live subscriptions (a failure guard of 10 s, no fixed sleep). */
export function listeners(server: TestServer, n: number): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (server.app.services.activity.listenerCount >= n) resolve();
      else if (Date.now() - started > 10_000) reject(new Error(`only ${server.app.services.activity.listenerCount} subscriptions after 10 s`));
      else setTimeout(check, 5);
    };
    check();
  });
}

/** Collects events of a class's subscription; `until(pred)` waits (at most 10 s) for pred to hold. */
export function subscribe(client: Client, classroomId: string) {
  const events: any[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  client.subscribe(
    { query: `subscription($id: ID!) { classroomActivity(classroomId: $id) { type learnerId learnerName quizId itemId at } }`, variables: { id: classroomId } },
    {
      next: (v) => {
        if (v.errors) errors.push(v.errors);
        else events.push(v.data!.classroomActivity);
        waiters.splice(0).forEach((w) => w());
      },
      error: (e) => {
        errors.push(e);
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => {},
    },
  );
  const until = (pred: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`timed out; events ${JSON.stringify(events)} errors ${JSON.stringify(errors)}`)), 10_000);
      const check = () => (pred() ? (clearTimeout(guard), resolve()) : waiters.push(check));
      check();
    });
  return { events, errors, until };
}

export const wsUrl = (server: TestServer): string => server.url.replace(/^http/, "ws") + "graphql";

export interface SocketOptions {
  /** Sent in connection_init as `authorization: Bearer …`. */
  token?: string;
  /** The whole connection_init payload (instead of token). */
  connectionParams?: Record<string, unknown>;
  /** Sent with the upgrade request as the `sid` cookie (how the web client authenticates). */
  cookie?: string;
  /** The upgrade request's Origin header (a browser always sends one; ws sends none unless told). */
  origin?: string;
}

/** The ws WebSocket class with the upgrade headers of `opts` (graphql-ws constructs it with url and protocol only). */
export function socketClass(opts: SocketOptions): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { origin: opts.origin, headers: opts.cookie ? { cookie: `sid=${opts.cookie}` } : undefined });
    }
  } as typeof WebSocket;
}

export interface WsOutcome {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  /** Set when the socket closed instead of answering. */
  close?: { code: number; reason: string };
}

/**
 * One operation over graphql-ws on a socket of its own: the first result, the error message, or the close
 * that ended it (10 s guard). For operations that answer; a subscription that waits for events never does.
 */
export async function wsOnce(server: TestServer, query: string, variables?: Record<string, unknown>, opts: SocketOptions = {}): Promise<WsOutcome> {
  const client = createClient({
    url: wsUrl(server),
    webSocketImpl: socketClass(opts),
    connectionParams: opts.connectionParams ?? (opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    retryAttempts: 0,
  });
  try {
    return await new Promise<WsOutcome>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error("no answer over the WebSocket within 10 s")), 10_000);
      const done = (v: WsOutcome) => {
        clearTimeout(guard);
        resolve(v);
      };
      client.subscribe(
        { query, variables },
        {
          next: (r) => done({ data: r.data, errors: r.errors as WsOutcome["errors"] }),
          error: (e) => done(Array.isArray(e) ? { errors: e } : { close: { code: (e as { code: number }).code, reason: String((e as { reason?: string }).reason ?? "") } }),
          complete: () => done({}),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** A graphql-transport-ws connection by hand: the raw socket, the messages received, its close. */
export function rawSocket(server: TestServer, opts: SocketOptions = {}) {
  const Socket = socketClass(opts);
  const ws = new Socket(wsUrl(server), "graphql-transport-ws");
  const messages: any[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  let closedWith: { code: number; reason: string } | undefined;
  let refusedWith: number | undefined;
  ws.on("message", (d) => {
    messages.push(JSON.parse(String(d)));
    wake();
  });
  ws.on("close", (code, reason) => {
    closedWith = { code, reason: String(reason) };
    wake();
  });
  ws.on("unexpected-response", (_req, res) => {
    refusedWith = res.statusCode;
    res.resume();
    wake();
  });
  ws.on("open", () => wake());
  ws.on("error", () => wake());
  /** Waits (at most 10 s) for pred to hold. */
  const until = (pred: () => boolean, what = "condition") =>
    new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`timed out waiting for ${what}; messages ${JSON.stringify(messages)}`)), 10_000);
      const check = () => (pred() ? (clearTimeout(guard), resolve()) : waiters.push(check));
      check();
    });
  const send = (m: unknown) => ws.send(JSON.stringify(m));
  return {
    ws,
    messages,
    until,
    send,
    get closed() {
      return closedWith;
    },
    /** The HTTP status of a refused upgrade. */
    get refused() {
      return refusedWith;
    },
    /** Resolves to "open" once the upgrade succeeded, or the refusal's HTTP status. */
    async opened(): Promise<"open" | number> {
      await until(() => ws.readyState === ws.OPEN || refusedWith !== undefined || closedWith !== undefined, "the upgrade");
      return refusedWith ?? (ws.readyState === ws.OPEN ? "open" : -1);
    },
    /** Sends connection_init and resolves to "ack" or the close code. */
    async init(payload: Record<string, unknown> = opts.connectionParams ?? (opts.token ? { authorization: `Bearer ${opts.token}` } : {})): Promise<"ack" | number> {
      await until(() => ws.readyState !== ws.CONNECTING, "the upgrade");
      send({ type: "connection_init", payload });
      await until(() => messages.some((m) => m.type === "connection_ack") || closedWith !== undefined, "connection_ack");
      return closedWith ? closedWith.code : "ack";
    },
    subscribe(id: string, query: string, variables?: Record<string, unknown>) {
      send({ id, type: "subscribe", payload: { query, variables } });
    },
    /** Waits (10 s guard) for the socket to close and gives its code. */
    async closing(): Promise<{ code: number; reason: string }> {
      await until(() => closedWith !== undefined, "the socket to close");
      return closedWith!;
    },
  };
}
