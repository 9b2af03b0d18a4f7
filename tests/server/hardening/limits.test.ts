/** Request limits enforced before execution: no resolver runs for a rejected document. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse, print, validate } from "graphql";
import type { DocumentNode } from "graphql";
import { armor, LIMITS } from "../../../server/src/http/limits.js";
import { buildAppSchema } from "../../../server/src/schema.js";
import * as clientDocuments from "../../../client/src/gql/graphql.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ production: true });
});
afterAll(async () => server.stop());

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(" ");

describe("GraphQL limits (graphql-armor)", () => {
  const cases: [string, string, RegExp][] = [
    ["depth over 8", `{ course { lessons { quiz { items { choices { a { b { c { d } } } } } } } } }`, /depth/i],
    ["16 aliases, __typename counted", `{ ${repeat(16, (i) => `a${i}: __typename`)} }`, /alias/i],
    ["11 directives", `{ course { title ${repeat(11, () => "@include(if: true)")} } }`, /directive/i],
    ["over 2000 tokens", `{ course { ${repeat(1100, () => "title")} } }`, /token|aborted/i],
    // The same field repeated deep down: few tokens and no aliases, but each occurrence costs.
    ["a cost over 5000", `{ course { lessons { quiz { items { choices { ${repeat(900, () => "text")} } } } } } }`, /cost/i],
  ];
  it.each(cases)("should reject %s before any resolver runs", async (_name, query, message) => {
    const spy = vi.spyOn(server.app.store, "course");
    const res = await server.gql(query);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.map((e) => e.message).join(" | ")).toMatch(message);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it("should let every operation of the web client through", async () => {
    const schema = await buildAppSchema();
    const { validationRules } = armor(true);
    const docs = Object.entries(clientDocuments).filter(([name]) => name.endsWith("Document"));
    expect(docs.length).toBeGreaterThan(10);
    for (const [name, doc] of docs) {
      const errors = validate(schema, parse(print(doc as DocumentNode)), validationRules);
      expect(errors.map((e) => e.message), name).toEqual([]);
    }
  });

  it("should still answer a large legitimate query (the whole course page)", async () => {
    const res = await server.gql(`{ course { title lessons { slug title quiz { id items { id type choices { id text } } } } } }`);
    expect(res.body.errors).toBeUndefined();
  });

  it("should refuse text holding a NUL character, in variables or in the document, with a typed error", async () => {
    const learner = await server.learner("nul");
    const viaVariable = await learner.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: "AB\u0000CD" });
    const inDocument = await learner.gql(`mutation { joinClassroom(code: "AB\\u0000CD") { id } }`);
    for (const res of [viaVariable, inDocument]) {
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.body.errors?.[0].message).toMatch(/NUL/);
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

  it("should give no field suggestions and no stack traces in production", async () => {
    const res = await server.gql(`{ course { titel } }`);
    expect(res.raw).not.toMatch(/Did you mean/);
    expect(res.raw).not.toMatch(/stacktrace|at Object\.|\.ts:\d+/);
  });

  it("should mask an unexpected error and give a request id, keeping the detail for the log", async () => {
    const spy = vi.spyOn(server.app.store, "course").mockImplementation(() => {
      throw new Error("SQLITE_CORRUPT: secret table detail");
    });
    const res = await server.gql<any>(`{ course { title } }`);
    spy.mockRestore();
    expect(res.raw).not.toContain("SQLITE");
    expect(res.body.errors![0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(res.body.errors![0].extensions!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
