/**
 * The public response cache holds memory bounded by configuration, not by callers (issue 19, point 5): keyed by
 * the normalized document and variables (500 operation names for one query are one entry), bounded in bytes,
 * and never holding a response over 1 MB. The server's answers stay the same, cached or not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CACHED_RESPONSE_BYTES, PublicResponseCache } from "../../../server/src/http/public-cache.js";
import { DEFAULT_PUBLIC_CACHE_BYTES, readConfig } from "../../../server/src/config.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

const COURSE = `{ course(locale: AR) { title lessons { slug title summary quiz { id title } } } }`;

let server: TestServer;
let small: TestServer;
const SMALL_BYTES = 256 * 1024;
beforeAll(async () => {
  server = await startTestServer({ production: true });
  small = await startTestServer({ production: true, publicCacheBytes: SMALL_BYTES });
});
afterAll(async () => {
  await server?.stop();
  await small?.stop();
});

const post = (s: TestServer, body: unknown) =>
  fetch(`${s.url}graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    text: await r.text(),
  }));

describe("the public response cache on the server", () => {
  it("should keep one entry for one query sent under 500 operation names, and answer each the same", async () => {
    const cache = server.app.publicCache;
    const before = { size: cache.size, hits: cache.hits };
    const first = await post(server, { query: `query Name0 ${COURSE}`, operationName: "Name0" });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).data.course.lessons.length).toBe(server.app.store.content.course.lessons.length);
    for (let i = 1; i < 500; i++) {
      // Half with operationName in the body, half without: both are the same query.
      const res = await post(server, i % 2 ? { query: `query Name${i} ${COURSE}`, operationName: `Name${i}` } : { query: `query Name${i} ${COURSE}` });
      expect(res.text).toBe(first.text);
    }
    expect(cache.size - before.size).toBe(1);
    expect(cache.hits - before.hits).toBe(499);
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.bytes).toBeLessThan(2 * Buffer.byteLength(first.text) + 10_000);
  });

  it("should treat whitespace and comments as the same document, and different variables as different entries", async () => {
    const cache = server.app.publicCache;
    const q = `query($l: Locale!) { course(locale: $l) { title } }`;
    const size = cache.size;
    const ar = await post(server, { query: q, variables: { l: "AR" } });
    const arAgain = await post(server, { query: `# a comment\nquery ( $l : Locale! ) {\n  course ( locale : $l ) { title }\n}`, variables: { l: "AR" } });
    const en = await post(server, { query: q, variables: { l: "EN" } });
    expect(arAgain.text).toBe(ar.text);
    expect(en.text).not.toBe(ar.text);
    expect(JSON.parse(en.text).data.course.title).toMatch(/[A-Za-z]/);
    expect(cache.size - size).toBe(2);
  });

  it("should not answer from the cache a document whose operationName names no operation in it", async () => {
    const query = `query Real { course(locale: AR) { title } }`;
    expect((await post(server, { query })).status).toBe(200);
    const wrong = await post(server, { query, operationName: "Other" });
    expect(JSON.parse(wrong.text).errors[0].message).toMatch(/Unknown operation named "Other"/);
  });

  it("should keep its bytes under PUBLIC_CACHE_BYTES however many distinct public queries come", async () => {
    const cache = small.app.publicCache;
    expect(cache.maxBytes).toBe(SMALL_BYTES);
    const seen = new Map<string, string>();
    // Distinct documents (an alias makes each one different) until their answers add up to twice the bound,
    // however long the course's lessons are.
    let sent = 0;
    for (let i = 0; sent <= 2 * SMALL_BYTES && i < 5000; i++) {
      const query = `{ c${i}: course(locale: ${i % 2 ? "EN" : "AR"}) { title lessons { slug title summary sections { heading paragraphs { text } } } } }`;
      const res = await post(small, { query });
      expect(res.status).toBe(200);
      seen.set(query, res.text);
      sent += Buffer.byteLength(res.text);
      expect(cache.bytes).toBeLessThanOrEqual(SMALL_BYTES);
    }
    expect(sent).toBeGreaterThan(2 * SMALL_BYTES);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(seen.size);
    // Evicted or not, every answer is still the right one.
    for (const [query, text] of [...seen].slice(0, 3)) expect((await post(small, { query })).text).toBe(text);
  });
});

describe("PublicResponseCache", () => {
  const ok = (bytes: number) => ({ status: 200, headers: [["content-type", "application/json"]] as [string, string][], body: `{"data":{"x":"${"a".repeat(bytes)}"}}` });
  const keyOf = (cache: PublicResponseCache, i: number) => cache.key({ query: `{ c${i}: course(locale: AR) { title } }` })!;

  it("should evict the least recently used entries to stay within its byte bound", () => {
    const cache = new PublicResponseCache(100_000);
    for (let i = 0; i < 1000; i++) {
      expect(cache.offer(keyOf(cache, i), ok(10_000))).toBe(true);
      if (i === 5) cache.get(keyOf(cache, 0));
      if (i > 5 && i < 20) cache.get(keyOf(cache, 0)); // kept in use
      expect(cache.bytes).toBeLessThanOrEqual(100_000);
    }
    expect(cache.size).toBe(9);
    expect(cache.get(keyOf(cache, 999))).toBeDefined();
    expect(cache.get(keyOf(cache, 1))).toBeUndefined();
  });

  it("should not store a response over 1 MB, nor an error, nor anything when its bound is 0", () => {
    const cache = new PublicResponseCache(64 * 1024 * 1024);
    expect(cache.offer(keyOf(cache, 1), ok(MAX_CACHED_RESPONSE_BYTES))).toBe(false);
    expect(cache.offer(keyOf(cache, 2), { ...ok(10), body: '{"errors":[{"message":"x"}]}' })).toBe(false);
    expect(cache.offer(keyOf(cache, 3), ok(MAX_CACHED_RESPONSE_BYTES - 100))).toBe(true);
    expect(cache.size).toBe(1);
    expect(new PublicResponseCache(0).key({ query: "{ course(locale: AR) { title } }" })).toBeUndefined();
  });

  it("should give no key to what must not be cached: private fields, mutations, fragments at the root, syntax errors", () => {
    const cache = new PublicResponseCache(DEFAULT_PUBLIC_CACHE_BYTES);
    for (const query of [`{ me { id } }`, `{ course(locale: AR) { title } me { id } }`, `mutation { signOut }`, `{ ...F } fragment F on Query { me { id } }`, `{ course {`])
      expect(cache.key({ query }), query).toBeUndefined();
    expect(cache.key({ query: "{ course(locale: AR) { title } }", extensions: {} })).toBeUndefined();
    expect(cache.key({ query: "query A { course(locale: AR) { title } }" })).toBe(cache.key({ query: "query B { course(locale: AR) { title } }", operationName: "B" }));
    expect(cache.key({ query: "{ course(locale: AR) { title } }", variables: { a: 1, b: 2 } })).toBe(cache.key({ query: "{ course(locale: AR) { title } }", variables: { b: 2, a: 1 } }));
    // Two operations: the name picks one, and is part of the key.
    const two = "query A { course(locale: AR) { title } } query B { course(locale: EN) { title } }";
    expect(cache.key({ query: two, operationName: "A" })).not.toBe(cache.key({ query: two, operationName: "B" }));
    expect(cache.key({ query: two })).toBeUndefined();
  });

  it("should remember a body's key and a document's normal form, within a sixteenth of its bound each", () => {
    const cache = new PublicResponseCache(1_000_000);
    const body = JSON.stringify({ query: "{ course(locale: AR) { title } }", variables: { b: 2, a: 1 } });
    expect(cache.knownKey(body)).toBeUndefined();
    const key = cache.key(JSON.parse(body), body);
    expect(cache.knownKey(body)).toBe(key);
    // A private query is remembered as "no key": the memo never turns it into a public one.
    const priv = JSON.stringify({ query: "{ me { id } }" });
    expect(cache.key(JSON.parse(priv), priv)).toBeUndefined();
    expect(cache.knownKey(priv)).toBeUndefined();
    expect(cache.key(JSON.parse(priv), priv)).toBeUndefined();
    // 500 names for one 3 KB query: the memos keep what fits and drop the oldest.
    const fields = Array.from({ length: 60 }, (_, i) => `a_rather_long_alias_for_field_${i}: course(locale: AR) { title }`).join(" ");
    for (let i = 0; i < 500; i++) {
      const raw = JSON.stringify({ query: `query Name${i} { ${fields} }` });
      expect(cache.key(JSON.parse(raw), raw)).toBeDefined();
      expect(cache.memoBytes).toBeLessThanOrEqual(2 * (1_000_000 / 16));
    }
    expect(cache.knownKey(body)).toBeUndefined();
  });

  it("should read PUBLIC_CACHE_BYTES as bytes, with KB/MB/GB, 32 MB by default, and refuse nonsense", () => {
    expect(readConfig({}).publicCacheBytes).toBe(32 * 1024 * 1024);
    expect(readConfig({ PUBLIC_CACHE_BYTES: "1000" }).publicCacheBytes).toBe(1000);
    expect(readConfig({ PUBLIC_CACHE_BYTES: "8MB" }).publicCacheBytes).toBe(8 * 1024 * 1024);
    expect(readConfig({ PUBLIC_CACHE_BYTES: "0" }).publicCacheBytes).toBe(0);
    expect(() => readConfig({ PUBLIC_CACHE_BYTES: "lots" })).toThrow(/PUBLIC_CACHE_BYTES must be a number of bytes/);
  });
});
