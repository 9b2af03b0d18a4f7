/**
 * Request limits enforced before execution (no resolver runs for a rejected document), over both transports:
 * HTTP (Apollo) and WebSocket (graphql-ws) share one rule set (server/src/http/limits.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse, print, specifiedRules, validate } from "graphql";
import type { DocumentNode } from "graphql";
import { LIMITS, requestRules } from "../../../server/src/http/limits.js";
import { buildAppSchema } from "../../../server/src/schema.js";
import * as clientDocuments from "../../../client/src/gql/graphql.js";
import { rawSocket, wsOnce } from "../../helpers/live.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

let server: TestServer;
let teacher: Learner;
let classroomId: string;
beforeAll(async () => {
  server = await startTestServer({ production: true });
  teacher = await server.instructor("limits");
  classroomId = (await teacher.gql(`mutation { createClassroom(name: "Limits") { id } }`)).body.data.createClassroom.id;
});
afterAll(async () => server.stop());

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(" ");

type Transport = "http" | "websocket";
interface Answer {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** The same document over either transport, as the same caller. */
async function send(transport: Transport, query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer> {
  if (transport === "http") return (await server.gql(query, variables, token ? { authorization: `Bearer ${token}` } : {})).body;
  const res = await wsOnce(server, query, variables, { token });
  expect(res.close, "the socket closed instead of answering").toBeUndefined();
  return res;
}

describe.each<Transport>(["http", "websocket"])("GraphQL limits over %s", (transport) => {
  const cases: [string, string, RegExp][] = [
    ["depth over 8", `{ course { lessons { quiz { items { choices { a { b { c { d } } } } } } } } }`, /depth/i],
    ["16 aliases, __typename counted", `{ ${repeat(16, (i) => `a${i}: __typename`)} }`, /alias/i],
    ["11 directives", `{ course { title ${repeat(11, () => "@include(if: true)")} } }`, /directive/i],
    ["over 2000 tokens", `{ course { ${repeat(2100, () => "title")} } }`, /2000 tokens/i],
    // The same field repeated deep down: few tokens and no aliases, but each occurrence costs.
    ["a cost over 5000", `{ course { lessons { quiz { items { choices { ${repeat(900, () => "text")} } } } } } }`, /cost/i],
    ["16 aliases in a subscription", `subscription { classroomActivity(classroomId: "x") { ${repeat(16, (i) => `a${i}: type`)} } }`, /alias/i],
    ["over 2000 tokens in a subscription", `subscription { classroomActivity(classroomId: "x") { ${repeat(2000, () => "type")} } }`, /2000 tokens/i],
  ];
  it.each(cases)("should reject %s before any resolver runs", async (_name, query, message) => {
    const spy = vi.spyOn(server.app.store, "course");
    const owned = vi.spyOn(server.app.services.classrooms, "owned");
    const res = await send(transport, query, undefined, teacher.token);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.map((e) => e.message).join(" | ")).toMatch(message);
    expect(spy).not.toHaveBeenCalled();
    expect(owned).not.toHaveBeenCalled();
    spy.mockRestore();
    owned.mockRestore();
  });

  it("should refuse text holding a NUL character, in variables or in the document, with a typed error", async () => {
    const learner = await server.learner("nul");
    const viaVariable = await send(transport, `mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: "AB\u0000CD" }, learner.token);
    const inDocument = await send(transport, `mutation { joinClassroom(code: "AB\\u0000CD") { id } }`, undefined, learner.token);
    // The same document again: what was found in it is remembered per document, and found again.
    const inDocumentAgain = await send(transport, `mutation { joinClassroom(code: "AB\\u0000CD") { id } }`, undefined, learner.token);
    const inSubscription = await send(transport, `subscription($c: ID!) { classroomActivity(classroomId: $c) { type } }`, { c: "AB\u0000CD" }, teacher.token);
    for (const res of [viaVariable, inDocument, inDocumentAgain, inSubscription]) {
      expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0].message).toMatch(/NUL/);
    }
  });

  it("should refuse introspection in production", async () => {
    const res = await send(transport, `{ __schema { queryType { name } types { name fields { name } } } }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].message).toMatch(/introspection/i);
    expect(JSON.stringify(res)).not.toMatch(/"Course"|"classroomActivity"/);
  });

  it("should give no field suggestions and no stack traces in production", async () => {
    const res = await send(transport, `{ course { titel } }`);
    const sub = await send(transport, `subscription { classroomActivity(classroomId: "x") { typ } }`, undefined, teacher.token);
    expect(res.errors?.[0].message).toMatch(/Cannot query field "titel"/);
    expect(sub.errors?.[0].message).toMatch(/Cannot query field "typ"/);
    for (const raw of [JSON.stringify(res), JSON.stringify(sub)]) {
      expect(raw).not.toMatch(/Did you mean/);
      expect(raw).not.toMatch(/stacktrace|at Object\.|\.ts:\d+/);
    }
  });

  it("should answer ten unknown directives on one field with one error (and graphql-js's notice that validation stopped)", async () => {
    const res = await send(transport, `query cop { __typename ${repeat(10, () => "@aa")} }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].message).toMatch(/Unknown directive "@aa"/);
    expect(res.errors!.length).toBeLessThanOrEqual(2);
    expect(res.errors!.filter((e) => /Unknown directive/.test(e.message))).toHaveLength(1);
  });

  it("should mask an unexpected error and give a request id, keeping the detail for the log", async () => {
    const boom = () => {
      throw new Error("SQLITE_CORRUPT: secret table detail");
    };
    // Each transport's own kind of operation: a query over HTTP, a subscription over the WebSocket.
    const spy = transport === "http" ? vi.spyOn(server.app.store, "course").mockImplementation(boom) : vi.spyOn(server.app.services.classrooms, "owned").mockImplementation(boom);
    const res = transport === "http" ? await send(transport, `{ course { title } }`) : await send(transport, `subscription($c: ID!) { classroomActivity(classroomId: $c) { type } }`, { c: classroomId }, teacher.token);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(JSON.stringify(res)).not.toContain("SQLITE");
    expect(res.errors![0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(res.errors![0].extensions!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("should run each operation on its own transport only", async () => {
    const learner = await server.learner("transport");
    const query = await send(transport, `{ me { id } }`, undefined, learner.token);
    const mutation = await send(transport, `mutation { setLocale(locale: EN) { id } }`, undefined, learner.token);
    const subscription = transport === "http" ? await send(transport, `subscription { classroomActivity(classroomId: "${classroomId}") { type } }`, undefined, teacher.token) : undefined;
    if (transport === "http") {
      expect(query.errors).toBeUndefined();
      expect(mutation.errors).toBeUndefined();
      expect(subscription!.errors?.[0]).toMatchObject({ message: expect.stringMatching(/WebSocket/), extensions: { code: "BAD_REQUEST" } });
    } else {
      for (const res of [query, mutation]) {
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Only subscriptions go over the WebSocket/), extensions: { code: "BAD_REQUEST" } });
      }
      expect((await learner.gql(`{ me { locale } }`)).body.data.me.locale).not.toBe("EN");
    }
  });
});

describe("limits of one transport", () => {
  it("should let every operation of the web client through", async () => {
    const schema = await buildAppSchema();
    const { validationRules, validationOptions } = requestRules({ production: true, log: () => {} });
    const docs = Object.entries(clientDocuments).filter(([name]) => name.endsWith("Document"));
    expect(docs.length).toBeGreaterThan(10);
    for (const [name, doc] of docs) {
      const errors = validate(schema, parse(print(doc as DocumentNode)), [...specifiedRules, ...validationRules], validationOptions);
      expect(errors.map((e) => e.message), name).toEqual([]);
    }
  });

  it("should still answer a large legitimate query (the whole course page)", async () => {
    const res = await server.gql(`{ course { title lessons { slug title quiz { id items { id type choices { id text } } } } } }`);
    expect(res.body.errors).toBeUndefined();
  });

  it("should answer 400 over HTTP to a NUL character", async () => {
    const learner = await server.learner("nul400");
    const res = await learner.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: "AB\u0000CD" });
    expect(res.status).toBe(400);
  });

  it("should answer 400, not 500, to a syntax error and to the token limit over HTTP", async () => {
    for (const query of [`{ course { title `, `{ course { ${repeat(2100, () => "title")} } }`]) {
      const res = await server.gql(query);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0].extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    }
  });

  it("should refuse batched requests", async () => {
    const res = await fetch(`${server.url}graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ course { title } }" }, { query: "{ course { title } }" }]),
    });
    expect(res.status).toBe(400);
  });

  it("should refuse a mutation sent over GET", async () => {
    const q = encodeURIComponent(`mutation { signOut }`);
    const res = await fetch(`${server.url}graphql?query=${q}`, { headers: { "apollo-require-preflight": "true" } });
    expect(res.status).toBe(405);
  });

  it(`should answer 413 to a body over ${LIMITS.maxBodyBytes} bytes`, async () => {
    const res = await fetch(`${server.url}graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ course { title } }", variables: { pad: "x".repeat(LIMITS.maxBodyBytes) } }),
    });
    expect(res.status).toBe(413);
  });

  it(`should close a WebSocket whose message passes ${LIMITS.maxMessageBytes} bytes, before reading it`, async () => {
    const socket = rawSocket(server, { token: teacher.token });
    expect(await socket.init()).toBe("ack");
    socket.subscribe("big", `subscription($c: ID!) { classroomActivity(classroomId: $c) { type } }`, { c: classroomId, pad: "x".repeat(LIMITS.maxMessageBytes) });
    expect((await socket.closing()).code).toBe(1009); // "message too big"
    expect(server.app.services.activity.listenerCount).toBe(0);
  });

  it("should refuse over the WebSocket, in a few bytes, one message asking for 300 aliases of the course", async () => {
    const query = `{ ${repeat(300, (i) => `c${i}: course { title lessons { title quiz { items { id type } } } }`)} }`;
    expect(query.length).toBeLessThan(LIMITS.maxMessageBytes);
    const spy = vi.spyOn(server.app.store, "course");
    const res = await wsOnce(server, query);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(res.errors?.[0].message).toMatch(/alias|token/i);
    expect(JSON.stringify(res).length).toBeLessThan(2_000);
  });
});
