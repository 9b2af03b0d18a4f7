/**
 * Lessons the learner has opened stay readable offline (issue 14, point 4). Lesson reads are GraphQL POSTs,
 * which neither the HTTP cache nor a service worker's Cache API keeps as such, so the GraphQL client's fetch
 * (urql.ts) goes through `publicReadsFetch`: for the operations listed here it stores each successful answer
 * without errors in Cache Storage, under a GET key made of a hash of the request body (document and
 * variables: one entry per lesson and language), and answers from there when the network fails. Everything
 * else goes to the network untouched.
 *
 * Only operations whose root fields are all public (course, lesson, the actor map) are stored: never anything about a
 * learner, which the next person on a shared device must not read; tests/client/offline.test.ts fails if
 * one of them ever asks for more. The same page also works before the service worker has installed, and
 * after it: the worker serves the app shell, this serves the data.
 */
import { isNetworkFailure, reportNetwork } from "./network.js";

export const PUBLIC_READS: readonly string[] = ["LessonPage", "CourseHome", "CourseOutline", "ActorMap"];

export const PUBLIC_READS_CACHE = "public-reads-v1";

/** 64 bits of FNV-1a over the body's UTF-16 code units (two 32-bit lanes): a cache key, no secrets involved. */
export function bodyKey(body: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `/__offline/graphql/${hex(a)}${hex(b)}`;
}

function operationName(body: string): string | undefined {
  try {
    const name = (JSON.parse(body) as { operationName?: unknown }).operationName;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The GraphQL client's fetch: network first, the last good answer of a public read when the network fails;
 * every request tells the offline indicator whether the server was reached (offline/network.ts).
 */
export async function publicReadsFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const body = typeof init?.body === "string" ? init.body : undefined;
  const name = body === undefined ? undefined : operationName(body);
  const keep = body !== undefined && name !== undefined && PUBLIC_READS.includes(name) && typeof caches !== "undefined";
  let response: Response;
  try {
    response = await fetch(input, init);
    reportNetwork(true);
  } catch (e) {
    if (!isNetworkFailure(e)) throw e;
    reportNetwork(false);
    const cached = keep
      ? await caches
          .open(PUBLIC_READS_CACHE)
          .then((c) => c.match(new URL(bodyKey(body), location.origin).href))
          .catch(() => undefined)
      : undefined;
    if (cached) return cached;
    throw e;
  }
  if (!keep || !response.ok) return response;
  const text = await response.text();
  try {
    // Only a complete answer: no errors, and data with the operation's own root fields (a body with nothing
    // but __typename, say from a test's or a proxy's stand-in, would otherwise replace the lesson offline).
    const parsed = JSON.parse(text) as { errors?: unknown; data?: Record<string, unknown> | null };
    const roots = Object.entries(parsed.data ?? {}).filter(([k, v]) => k !== "__typename" && v !== null);
    if (!parsed.errors && roots.length > 0) {
      const cache = await caches.open(PUBLIC_READS_CACHE);
      await cache.put(new URL(bodyKey(body), location.origin).href, new Response(text, { headers: { "content-type": "application/json; charset=utf-8" } }));
    }
  } catch {
    /* storage full or blocked: the page works online all the same */
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}
