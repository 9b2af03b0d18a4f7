/**
 * What every HTTP response carries and how malformed requests are answered (issue 19, low findings): security
 * headers on every path, HSTS only behind TLS, and 400 — never 500, never a stack — for a malformed cookie, a
 * malformed URL path, a GraphQL syntax error and a document over the token limit.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../../server/src/http/limits.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

let server: TestServer;
let behindProxy: TestServer;
let clientDir: string;
beforeAll(async () => {
  clientDir = await mkdtemp(path.join(tmpdir(), "client-dist-"));
  await writeFile(path.join(clientDir, "index.html"), "<!doctype html><title>client</title>");
  server = await startTestServer({ production: true, clientDir });
  behindProxy = await startTestServer({ production: true, trustedProxies: ["127.0.0.1"] });
});
afterAll(async () => {
  await server?.stop();
  await behindProxy?.stop();
  await rm(clientDir, { recursive: true, force: true });
});

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

/** The CSP as a map directive → sources. */
const directives = (csp: string | null) => new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]));

function expectSecurityHeaders(res: Response) {
  const csp = directives(res.headers.get("content-security-policy"));
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("script-src")).toEqual(["'self'"]);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
}

describe("security headers", () => {
  it("should be on every response: GraphQL, the client, a missing asset, a refused method, an error", async () => {
    const responses = [
      await post(server.url, { query: "{ __typename }" }),
      await fetch(server.url),
      await fetch(`${server.url}lessons/l1`),
      await fetch(`${server.url}assets/missing.js`),
      await fetch(server.url, { method: "DELETE" }),
      await post(server.url, { query: "{ nope }" }),
      await fetch(`${server.url}graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 405, 400, 400]);
    for (const res of responses) expectSecurityHeaders(res);
  });

  it("should allow the information page's one inline style by its hash, and no other inline style", async () => {
    const res = await fetch(behindProxy.url);
    const html = await res.text();
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
    const hash = `'sha256-${createHash("sha256").update(style).digest("base64")}'`;
    expectSecurityHeaders(res);
    expect(directives(res.headers.get("content-security-policy")).get("style-src")).toEqual(["'self'", hash]);
  });

  it("should leave Apollo's landing page its own nonce policy, keeping frame-ancestors and the other headers", async () => {
    const res = await fetch(`${server.url}graphql`, { headers: { accept: "text/html" } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-/);
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("should send HSTS only when the request came over TLS through a trusted proxy", async () => {
    const https = { "x-forwarded-proto": "https" };
    expect((await post(server.url, { query: "{ __typename }" })).headers.get("strict-transport-security")).toBeNull();
    // Without TRUSTED_PROXIES anyone can write X-Forwarded-Proto: it is not believed.
    expect((await post(server.url, { query: "{ __typename }" }, https)).headers.get("strict-transport-security")).toBeNull();
    expect((await post(behindProxy.url, { query: "{ __typename }" })).headers.get("strict-transport-security")).toBeNull();
    expect((await post(behindProxy.url, { query: "{ __typename }" }, https)).headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    expect((await fetch(behindProxy.url, { headers: https })).headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });
});

describe("malformed requests get 400, without a stack", () => {
  it("should answer a sid cookie that is not valid percent-encoding with 400, on every request", async () => {
    for (const query of ["{ __typename }", "{ me { id } }"]) {
      const res = await post(server.url, { query }, { cookie: "sid=%E0%A4%A" });
      const body = await res.json();
      expect(res.status).toBe(400);
      expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
      expect(body.errors[0].message).toMatch(/cookie/i);
    }
  });

  it("should answer a URL path that is not valid percent-encoding with 400 and no stack", async () => {
    const res = await fetch(`${server.url}%E0%A4%A`);
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toMatch(/\bat .*\(|URIError|node:internal|\.ts:\d+/);
    expectSecurityHeaders(res);
  });

  it("should answer a GraphQL syntax error with 400 GRAPHQL_PARSE_FAILED", async () => {
    const res = await post(server.url, { query: "{ course {" });
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors[0].message).toMatch(/Syntax Error/);
  });

  it("should answer a document over the token limit with 400, before anything is validated or run", async () => {
    const over = `{ course(locale: AR) { ${Array.from({ length: LIMITS.maxTokens }, () => "title").join(" ")} } }`;
    const res = await post(server.url, { query: over });
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors[0].message).toMatch(new RegExp(`more tha[nt] ${LIMITS.maxTokens} tokens`));
    // Just under the limit still runs.
    const under = await post(server.url, { query: `{ course(locale: AR) { ${Array.from({ length: 100 }, () => "title").join(" ")} } }` });
    expect(under.status).toBe(200);
  });
});
