/**
 * server/src/http/shared-subscribe.ts: an event marked shared is executed once per document and variables,
 * whatever the number of subscriptions it reaches; any other event once per subscription; ending a
 * subscription (return) or a failing execution ends its source. And limits.ts's prepare() gives one document
 * object per text (what the sharing is keyed on), never for a document that failed.
 */
import { describe, expect, it } from "vitest";
import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from "graphql";
import type { ExecutionResult } from "graphql";
import { sharedSubscribe } from "../../../server/src/http/shared-subscribe.js";
import { requestRules } from "../../../server/src/http/limits.js";
import { sharePayload } from "../../../server/src/shared/shared-payload.js";
import { pushIterator } from "../../../server/src/shared/push-iterator.js";

/** A schema whose one subscription field yields what the test pushes, and counts how often `text` ran. */
function fixture() {
  const state = { resolved: 0, sources: [] as { push: (v: object) => void; closed: boolean }[] };
  const Event = new GraphQLObjectType({
    name: "Event",
    fields: {
      text: {
        type: GraphQLString,
        args: { suffix: { type: GraphQLString } },
        resolve: (e: { text: string }, a: { suffix?: string }) => {
          state.resolved++;
          if (e.text === "boom") throw new Error("boom");
          return e.text + (a.suffix ?? "");
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: {
        events: {
          type: Event,
          subscribe: () => {
            const source = { push: (_v: object) => {}, closed: false };
            const { iterator, push } = pushIterator<object>({ max: 10, keep: "oldest", onClose: () => (source.closed = true) });
            source.push = push;
            state.sources.push(source);
            return iterator;
          },
          resolve: (e: object) => e,
        },
      },
    }),
  });
  return { schema, state };
}

async function open(schema: GraphQLSchema, query: string, variables?: Record<string, unknown>) {
  const stream = await sharedSubscribe({ schema, document: parse(query), variableValues: variables });
  if (!(Symbol.asyncIterator in stream)) throw new Error(JSON.stringify(stream));
  return stream as AsyncIterableIterator<ExecutionResult>;
}

describe("sharedSubscribe", () => {
  it("should execute a shared event once for every subscription with the same document and variables", async () => {
    const { schema, state } = fixture();
    const document = parse(`subscription($s: String) { events { text(suffix: $s) } }`);
    const subs = await Promise.all(
      Array.from({ length: 5 }, async () => sharedSubscribe({ schema, document, variableValues: { s: "!" } }) as Promise<AsyncIterableIterator<ExecutionResult>>),
    );
    const other = (await sharedSubscribe({ schema, document, variableValues: { s: "?" } })) as AsyncIterableIterator<ExecutionResult>;
    const event = sharePayload({ text: "shown" });
    for (const s of state.sources) s.push(event);
    const results = await Promise.all(subs.map((s) => s.next()));
    expect(results.map((r) => r.value)).toEqual(Array(5).fill({ data: { events: { text: "shown!" } } }));
    expect(new Set(results.map((r) => r.value)).size).toBe(1); // one result object, sent to each
    expect((await other.next()).value).toEqual({ data: { events: { text: "shown?" } } });
    expect(state.resolved).toBe(2); // once for "!", once for "?"
  });

  it("should execute an event not marked shared once per subscription", async () => {
    const { schema, state } = fixture();
    const document = parse(`subscription { events { text } }`);
    const subs = [await open(schema, "subscription { events { text } }"), (await sharedSubscribe({ schema, document })) as AsyncIterableIterator<ExecutionResult>];
    const event = { text: "mine" };
    for (const s of state.sources) s.push(event);
    for (const s of subs) expect((await s.next()).value).toEqual({ data: { events: { text: "mine" } } });
    expect(state.resolved).toBe(2);
  });

  it("should not share between two documents of the same text parsed apart", async () => {
    const { schema, state } = fixture();
    const subs = [await open(schema, "subscription { events { text } }"), await open(schema, "subscription { events { text } }")];
    const event = sharePayload({ text: "x" });
    for (const s of state.sources) s.push(event);
    for (const s of subs) await s.next();
    expect(state.resolved).toBe(2);
  });

  it("should end the source when the subscription ends, and return field errors as GraphQL does", async () => {
    const { schema, state } = fixture();
    const sub = await open(schema, "subscription { events { text } }");
    state.sources[0].push(sharePayload({ text: "boom" }));
    const r = await sub.next();
    expect(r.value.errors?.[0].message).toBe("boom");
    expect(r.value.data).toEqual({ events: { text: null } });
    expect(state.sources[0].closed).toBe(false);
    expect(await sub.return!()).toEqual({ value: undefined, done: true });
    expect(state.sources[0].closed).toBe(true);
  });

  it("should give the source's own errors back as a result, not a stream", async () => {
    const { schema } = fixture();
    const r = await sharedSubscribe({ schema, document: parse(`subscription { nope }`) });
    expect(Symbol.asyncIterator in r).toBe(false);
    expect((r as ExecutionResult).errors?.[0].message).toMatch(/nope/);
  });
});

describe("requestRules().prepare", () => {
  const { schema } = fixture();
  const rules = requestRules({ production: true, log: () => {} });
  const prep = (q: string) => rules.prepare(schema, q, undefined, {}, "websocket");

  it("should give one document object for one text, and check variables every time", () => {
    const a = prep("subscription { events { text } }");
    const b = prep("subscription { events { text } }");
    expect("document" in a && "document" in b && a.document === b.document).toBe(true);
    const nul = rules.prepare(schema, "subscription { events { text } }", undefined, { x: "a\u0000" }, "websocket");
    expect("errors" in nul && nul.errors[0].message).toMatch(/NUL/);
  });

  it("should refuse a document that failed every time, and keep no more than 200", () => {
    expect("errors" in prep("subscription { events { nope } }")).toBe(true);
    expect("errors" in prep("subscription { events { nope } }")).toBe(true);
    const first = prep("subscription s0 { events { text } }");
    for (let i = 1; i <= 200; i++) prep(`subscription s${i} { events { text } }`);
    const again = prep("subscription s0 { events { text } }");
    expect("document" in first && "document" in again && first.document !== again.document).toBe(true); // the oldest was dropped
    const recent = prep("subscription s200 { events { text } }");
    const recentAgain = prep("subscription s200 { events { text } }");
    expect("document" in recent && "document" in recentAgain && recent.document === recentAgain.document).toBe(true);
  });
});
