/**
 * A response cache for public, immutable queries. Course, lesson and quiz answers depend only on the content
 * (fixed for the life of the process: a content change means a restart and a new import) and on the request's
 * query and variables, never on who asks. So a POST whose body is byte-for-byte one already answered, and
 * whose only root fields are course / lesson / quiz, gets the stored bytes without executing again.
 * The first request for a body always runs through Apollo (validation, limits, plugins) and is stored only if
 * it succeeded without errors.
 */
import type { DocumentNode } from "graphql";
import { Kind, parse } from "graphql";

const PUBLIC_ROOT_FIELDS = new Set(["course", "lesson", "quiz", "__typename"]);

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

export class PublicResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly verdicts = new Map<string, boolean>();
  hits = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly maxBodyBytes = 1_000_000,
  ) {}

  get(rawBody: string): CachedResponse | undefined {
    const hit = this.entries.get(rawBody);
    if (hit) this.hits++;
    return hit;
  }

  /** Stores a successful response if the request is a public query; returns whether it did. */
  offer(rawBody: string, res: CachedResponse): boolean {
    if (res.status !== 200 || res.body.length > this.maxBodyBytes || res.body.startsWith('{"errors"') || res.body.includes('"errors":[')) return false;
    if (!this.isPublic(rawBody)) return false;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(rawBody, res);
    return true;
  }

  /** Whether a request body is a query whose root fields are all public (decided once per query text). */
  private isPublic(rawBody: string): boolean {
    let request: { query?: unknown; operationName?: unknown; extensions?: unknown };
    try {
      request = JSON.parse(rawBody);
    } catch {
      return false;
    }
    if (typeof request.query !== "string" || request.extensions !== undefined) return false;
    const key = `${String(request.operationName ?? "")}\u0000${request.query}`;
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = publicQuery(request.query, typeof request.operationName === "string" ? request.operationName : undefined);
      if (this.verdicts.size > 5000) this.verdicts.clear();
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}

function publicQuery(query: string, operationName: string | undefined): boolean {
  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch {
    return false;
  }
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op || op.operation !== "query") return false;
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(s.name.value));
}
