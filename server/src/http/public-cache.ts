/**
 * A response cache for public, immutable queries. Course, lesson and quiz answers depend only on the content
 * (fixed for the life of the process: a content change means a restart and a new import) and on the request's
 * document and variables, never on who asks. So a POST whose normalized document and variables have been
 * answered before, and whose only root fields are course / lesson / quiz, gets the stored bytes without
 * executing again. The first request for a key always runs through Apollo (validation, limits, plugins) and
 * is stored only if it succeeded without errors.
 *
 * Memory is bounded by configuration, not by callers (PUBLIC_CACHE_BYTES, default 32 MiB):
 * - the bound is in bytes (response bodies as UTF-8, keys and headers counted), least recently used out first;
 * - the key is the document as graphql-js prints it (whitespace, comments and, for a one-operation document,
 *   the operation's name do not count) plus the variables: 500 names for one query are one entry;
 * - a response over 1 MB is never stored.
 */
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { Kind, parse, print } from "graphql";
import { PARSE_OPTIONS } from "./limits.js";

const PUBLIC_ROOT_FIELDS = new Set(["course", "lesson", "quiz", "__typename"]);

export const MAX_CACHED_RESPONSE_BYTES = 1_000_000;

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  /** The body as sent (UTF-8). */
  body: Buffer;
}

interface Entry extends CachedResponse {
  size: number;
}

export class PublicResponseCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * Two memos in front of the key, each within a sixteenth of the cache's bytes (500 names for one large query
   * cannot pin more): document text (and operation name) → its normalized form, or false when it is not a
   * public query; body text → its key.
   */
  private readonly documents: BoundedMemo<string | false>;
  private readonly bodies: BoundedMemo<string>;
  /** Bytes held by the entries (bodies, keys, headers). */
  bytes = 0;
  hits = 0;

  constructor(
    /** PUBLIC_CACHE_BYTES (config.ts, 32 MB by default); 0 turns the cache off. */
    readonly maxBytes: number,
    readonly maxResponseBytes = MAX_CACHED_RESPONSE_BYTES,
  ) {
    this.documents = new BoundedMemo(maxBytes / 16);
    this.bodies = new BoundedMemo(maxBytes / 16);
  }

  /** Bytes held by the two memos in front of the key (bounded apart from `bytes`). */
  get memoBytes(): number {
    return this.documents.bytes + this.bodies.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cache key of a parsed JSON request body, or undefined when the request cannot be answered from the
   * cache (not a query, a non-public root field, extensions, a syntax error: Apollo gives the real answer).
   */
  key(request: unknown, raw?: string): string | undefined {
    if (this.maxBytes <= 0 || !request || typeof request !== "object") return undefined;
    const { query, operationName, variables, extensions } = request as Record<string, unknown>;
    if (typeof query !== "string" || extensions !== undefined) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
    if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) return undefined;
    const normalized = this.normalizedDocument(query, operationName ?? undefined);
    if (normalized === undefined) return undefined;
    const key = `${normalized}\u0000${stableJson(variables ?? {})}`;
    if (raw !== undefined) this.bodies.set(raw, key);
    return key;
  }

  /**
   * The key of a JSON body seen before (its text exactly), without parsing it again; undefined if unknown.
   * Only bodies whose key() was computed are remembered (see key's `raw`).
   */
  knownKey(raw: string): string | undefined {
    return this.maxBytes > 0 ? this.bodies.get(raw) : undefined;
  }

  /**
   * The document part of the key, or undefined when it is not a public query. Parsing and printing cost more
   * than serving a hit, so the result is remembered per (document text, operation name).
   */
  private normalizedDocument(query: string, operationName: string | undefined): string | undefined {
    const memoKey = operationName === undefined ? query : `${query}\u0000${operationName}`;
    const known = this.documents.get(memoKey);
    if (known !== undefined) return known === false ? undefined : known;
    const normalized = normalize(query, operationName);
    this.documents.set(memoKey, normalized ?? false);
    return normalized;
  }

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Least recently used goes first: a hit moves to the end of the map's order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    this.hits++;
    return hit;
  }

  /** Stores a successful response under a key from key(); returns whether it did. */
  offer(key: string, res: { status: number; headers: [string, string][]; body: string }): boolean {
    if (res.status !== 200 || res.body.startsWith('{"errors"') || res.body.includes('"errors":[')) return false;
    const body = Buffer.from(res.body, "utf8");
    if (body.length > this.maxResponseBytes) return false;
    // Keys and header strings are counted at two bytes a character (V8 may hold them as UTF-16).
    const size = body.length + 2 * key.length + res.headers.reduce((n, [k, v]) => n + 2 * (k.length + v.length), 0) + 64;
    if (size > this.maxBytes) return false;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.size;
    }
    for (const [oldest, entry] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.size;
    }
    this.entries.set(key, { status: res.status, headers: res.headers, body, size });
    this.bytes += size;
    return true;
  }
}

/** A map of strings bounded in bytes (keys and string values at two bytes a character), least recently used out first. */
class BoundedMemo<V extends string | false> {
  private readonly map = new Map<string, V>();
  bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    const size = BoundedMemo.size(key, value);
    if (size > this.maxBytes || this.map.has(key)) return;
    for (const [oldest, old] of this.map) {
      if (this.bytes + size <= this.maxBytes) break;
      this.map.delete(oldest);
      this.bytes -= BoundedMemo.size(oldest, old);
    }
    this.map.set(key, value);
    this.bytes += size;
  }

  private static size(key: string, value: string | false): number {
    return 2 * key.length + (value ? 2 * value.length : 0) + 64;
  }
}

/** The document as graphql-js prints it, when it is one public query (see PublicResponseCache.key). */
function normalize(query: string, operationName: string | undefined): string | undefined {
  let doc: DocumentNode;
  try {
    doc = parse(query, { ...PARSE_OPTIONS, noLocation: true });
  } catch {
    return undefined;
  }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op || op.operation !== "query") return undefined;
  if (!op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(s.name.value))) return undefined;
  // One operation: its name changes nothing in the answer, so it is left out of the key.
  return ops.length === 1 ? print({ ...doc, definitions: doc.definitions.map((d) => (d === op ? { ...op, name: undefined } : d)) }) : `${operationName}\u0000${print(doc)}`;
}

/** JSON with object keys sorted, so { a, b } and { b, a } are one key. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
