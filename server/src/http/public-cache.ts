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
  /** Bytes held by the entries (bodies, keys, headers). */
  bytes = 0;
  hits = 0;

  constructor(
    /** PUBLIC_CACHE_BYTES (config.ts, 32 MB by default); 0 turns the cache off. */
    readonly maxBytes: number,
    readonly maxResponseBytes = MAX_CACHED_RESPONSE_BYTES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cache key of a parsed JSON request body, or undefined when the request cannot be answered from the
   * cache (not a query, a non-public root field, extensions, a syntax error: Apollo gives the real answer).
   */
  key(request: unknown): string | undefined {
    if (this.maxBytes <= 0 || !request || typeof request !== "object") return undefined;
    const { query, operationName, variables, extensions } = request as Record<string, unknown>;
    if (typeof query !== "string" || extensions !== undefined) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
    if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) return undefined;
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
    const normalized =
      ops.length === 1 ? print({ ...doc, definitions: doc.definitions.map((d) => (d === op ? { ...op, name: undefined } : d)) }) : `${operationName}\u0000${print(doc)}`;
    return `${normalized}\u0000${stableJson(variables ?? {})}`;
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

/** JSON with object keys sorted, so { a, b } and { b, a } are one key. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
