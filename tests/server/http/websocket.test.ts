/**
 * The WebSocket server's own rules (server/src/http/ws.server.ts): Origin checked at the upgrade,
 * connection_init authenticates, a session's sockets close when it ends (sign-out, account deletion,
 * expiry), caps per socket, per session and per address, and a consumer that does not read is dropped.
 * The limits shared with HTTP are tested over both transports in limits.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SESSION_TTL_MS } from "../../../server/src/accounts/account.service.js";
import { DEV_ORIGINS, originAllowed } from "../../../server/src/http/ws.server.js";
import { parseAllowedOrigins } from "../../../server/src/config.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rawSocket } from "../../helpers/live.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

const SUBSCRIBE = `subscription($c: ID!) { classroomActivity(classroomId: $c) { type learnerId } }`;
const CAPS = { subscriptionsPerSocket: 3, socketsPerSession: 2, socketsPerAddress: 6, maxBufferedBytes: 4096, sessionRecheckMs: 50 };

let prod: TestServer;
let dev: TestServer;
const clock = new ManualClock("2026-11-30T08:00:00Z");
let teacher: Learner;
let classroom: { id: string; joinCode: string };
const sockets: ReturnType<typeof rawSocket>[] = [];
const open = (server: TestServer, opts: Parameters<typeof rawSocket>[1] = {}) => {
  const s = rawSocket(server, opts);
  sockets.push(s);
  return s;
};

/** Resolves once the server holds n sockets (10 s guard). */
async function serverSockets(server: TestServer, n: number): Promise<void> {
  const started = Date.now();
  while (server.app.live.clients.size !== n) {
    if (Date.now() - started > 10_000) throw new Error(`the server holds ${server.app.live.clients.size} sockets, not ${n}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function liveListeners(server: TestServer, n: number): Promise<void> {
  const started = Date.now();
  while (server.app.services.activity.listenerCount !== n) {
    if (Date.now() - started > 10_000) throw new Error(`${server.app.services.activity.listenerCount} subscriptions, not ${n}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  prod = await startTestServer({ production: true });
  dev = await startTestServer({ clock, live: CAPS });
  teacher = await dev.instructor("ws-teacher");
  classroom = (await teacher.gql(`mutation { createClassroom(name: "WS") { id joinCode } }`)).body.data.createClassroom;
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.ws.terminate();
  await serverSockets(dev, 0);
  await serverSockets(prod, 0);
});
afterAll(async () => {
  await prod?.stop();
  await dev?.stop();
});

describe("Origin at the WebSocket upgrade", () => {
  it("should refuse a page of another origin with 403 and let the server's own origin and non-browser clients in", async () => {
    const own = new URL(prod.url).origin;
    expect(await open(prod, { origin: "https://evil.example" }).opened()).toBe(403);
    expect(await open(prod, { origin: own.replace("127.0.0.1", "localhost") }).opened()).toBe(403); // same machine, another origin
    expect(await open(prod, { origin: "null" }).opened()).toBe(403);
    expect(await open(prod, { origin: own }).opened()).toBe("open");
    expect(await open(prod, {}).opened()).toBe("open");
  });

  it("should let Vite's dev server in outside production only", async () => {
    for (const origin of DEV_ORIGINS) {
      expect(await open(dev, { origin }).opened()).toBe("open");
      expect(await open(prod, { origin }).opened()).toBe(403);
    }
  });

  it("should, with ALLOWED_ORIGINS set, let in exactly those origins", () => {
    const allowed = parseAllowedOrigins("https://course.example.org, http://localhost:5173/");
    expect(allowed).toEqual(["https://course.example.org", "http://localhost:5173"]);
    expect(originAllowed("https://course.example.org", "internal:4000", allowed, true)).toBe(true);
    expect(originAllowed("http://localhost:5173", "internal:4000", allowed, true)).toBe(true);
    expect(originAllowed("https://other.example.org", "other.example.org", allowed, true)).toBe(false); // its own Host no longer suffices
    expect(originAllowed(undefined, "internal:4000", allowed, true)).toBe(true);
    expect(() => parseAllowedOrigins("https://course.example.org/app")).toThrow(/ALLOWED_ORIGINS/);
    expect(() => parseAllowedOrigins("course.example.org")).toThrow(/ALLOWED_ORIGINS/);
  });
});

describe("connection_init authenticates", () => {
  it("should refuse an explicit token that is no session, instead of going on anonymously", async () => {
    expect(await open(dev).init({ authorization: "Bearer not-a-session" })).toBe(4403);
    expect(await open(dev).init({ authorization: 42 })).toBe(4403);
    expect(await open(dev).init({ authorization: teacher.token })).toBe(4403); // "Bearer " missing
  });

  it("should take the session cookie sent with the upgrade (the web client's way) and leave a stale cookie anonymous", async () => {
    const withCookie = open(dev, { cookie: teacher.token, origin: new URL(dev.url).origin });
    expect(await withCookie.init({})).toBe("ack");
    withCookie.subscribe("1", SUBSCRIBE, { c: classroom.id });
    await liveListeners(dev, 1);

    const stale = open(dev, { cookie: "stale-token" });
    expect(await stale.init({})).toBe("ack");
    stale.subscribe("1", SUBSCRIBE, { c: classroom.id });
    await stale.until(() => stale.messages.some((m) => m.id === "1" && m.type === "next"), "an answer");
    expect(JSON.stringify(stale.messages)).toContain("UNAUTHENTICATED");
  });
});

describe("a session's sockets close when it ends", () => {
  it("should close the sockets of a session signed out, ending their subscriptions, and keep another session's", async () => {
    const other = await dev.instructor("ws-other");
    const t = await dev.instructor("ws-signout");
    const room = (await t.gql(`mutation { createClassroom(name: "Signout") { id } }`)).body.data.createClassroom;
    const mine = open(dev, { token: t.token });
    const theirs = open(dev, { token: other.token });
    expect(await mine.init()).toBe("ack");
    expect(await theirs.init()).toBe("ack");
    mine.subscribe("1", SUBSCRIBE, { c: room.id });
    await liveListeners(dev, 1);

    expect((await t.gql(`mutation { signOut }`)).body.data.signOut).toBe(true);
    expect(await mine.closing()).toEqual({ code: 4401, reason: "Session ended" });
    await liveListeners(dev, 0);
    expect(theirs.closed).toBeUndefined();
    expect(theirs.ws.readyState).toBe(theirs.ws.OPEN);
  });

  it("should close a learner's socket when the account is deleted, and not when the locale changes", async () => {
    const learner = await dev.learner("ws-deleted");
    const socket = open(dev, { token: learner.token });
    expect(await socket.init()).toBe("ack");
    expect((await learner.gql(`mutation { setLocale(locale: EN) { id } }`)).body.errors).toBeUndefined();
    // The locale change travels on the same bus message as a deletion: the session is asked again, and holds.
    const ping = open(dev, { token: learner.token });
    expect(await ping.init()).toBe("ack");
    expect(socket.closed).toBeUndefined();

    expect((await learner.gql(`mutation { deleteMyAccount(password: "correct horse battery") }`)).body.errors).toBeUndefined();
    expect((await socket.closing()).code).toBe(4401);
    expect((await ping.closing()).code).toBe(4401);
  });
});

describe("caps", () => {
  it(`should accept at most ${CAPS.subscriptionsPerSocket} subscriptions on one socket`, async () => {
    const socket = open(dev, { token: teacher.token });
    expect(await socket.init()).toBe("ack");
    for (let i = 1; i <= CAPS.subscriptionsPerSocket; i++) socket.subscribe(String(i), SUBSCRIBE, { c: classroom.id });
    await liveListeners(dev, CAPS.subscriptionsPerSocket);
    socket.subscribe("over", SUBSCRIBE, { c: classroom.id });
    await socket.until(() => socket.messages.some((m) => m.id === "over"), "the refusal");
    expect(socket.messages.find((m) => m.id === "over")).toMatchObject({ type: "error", payload: [{ message: `At most ${CAPS.subscriptionsPerSocket} subscriptions per connection.`, extensions: { code: "BAD_REQUEST" } }] });
    expect(dev.app.services.activity.listenerCount).toBe(CAPS.subscriptionsPerSocket);
  });

  it(`should accept at most ${CAPS.socketsPerSession} sockets for one session`, async () => {
    const t = await dev.instructor("ws-many");
    for (let i = 0; i < CAPS.socketsPerSession; i++) expect(await open(dev, { token: t.token }).init()).toBe("ack");
    const over = open(dev, { token: t.token });
    expect(await over.init()).toBe(4429);
    expect(await open(dev, { token: teacher.token }).init()).toBe("ack"); // another session is not counted with it
  });

  it(`should accept at most ${CAPS.socketsPerAddress} sockets from one address, refusing more at the upgrade with 429`, async () => {
    const held: ReturnType<typeof rawSocket>[] = [];
    for (let i = 0; i < CAPS.socketsPerAddress; i++) {
      const s = open(dev);
      expect(await s.opened()).toBe("open");
      held.push(s);
    }
    expect(await open(dev).opened()).toBe(429);
    held[0].ws.close();
    await serverSockets(dev, CAPS.socketsPerAddress - 1);
    expect(await open(dev).opened()).toBe("open");
  });

  it(`should drop a consumer that does not read once ${CAPS.maxBufferedBytes} bytes wait for it`, async () => {
    const learner = await dev.learner("ws-busy");
    await learner.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: classroom.joinCode });
    const socket = open(dev, { token: teacher.token });
    expect(await socket.init()).toBe("ack");
    socket.subscribe("1", SUBSCRIBE, { c: classroom.id });
    await liveListeners(dev, 1);
    const event = () => dev.app.services.activity.publish({ type: "ANSWER_SUBMITTED", learnerId: learner.id, learnerName: "learner", quizId: "q", itemId: "i", attemptId: null, at: clock.now() });
    event();
    await socket.until(() => socket.messages.some((m) => m.type === "next"), "a first event");

    // The server's side stops getting its bytes out, as with a client that does not read: they pile up in Node.
    const [serverSide] = [...dev.app.live.clients];
    (serverSide as unknown as { _socket: { cork(): void } })._socket.cork();
    for (let i = 0; i < 100; i++) event();
    expect((await socket.closing()).code).toBe(1006); // terminated, no close frame
    await liveListeners(dev, 0);
  });
});

describe("session expiry", () => {
  // Last: it moves the clock past every session of this server.
  it("should close a socket once its session has expired", async () => {
    const socket = open(dev, { token: teacher.token });
    expect(await socket.init()).toBe("ack");
    clock.advance(SESSION_TTL_MS + 60_000);
    expect(await socket.closing()).toEqual({ code: 4401, reason: "Session ended" });
  });
});
