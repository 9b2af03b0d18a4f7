/**
 * Queries run compiled (graphql-jit) and must answer exactly as Apollo on graphql-js does: the same data and
 * status, the same errors (those are left to Apollo), defaults of omitted input fields applied, mutations and
 * an operation name that names nothing left to Apollo. Two Apollo servers on a small schema of its own, one
 * with the plugin and one without, so every case is visible.
 */
import { describe, expect, it } from "vitest";
import { ApolloServer } from "@apollo/server";
import { getOperationAST, GraphQLEnumType, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from "graphql";
import { compiledExecution, withDefaults } from "../../../server/src/http/compiled-execution.js";

class Refusal extends Error {
  extensions = { code: "test/refused" };
}

const Locale = new GraphQLEnumType({ name: "Locale", values: { AR: { value: "ar" }, EN: { value: "en" } } });
const Filter = new GraphQLInputObjectType({
  name: "Filter",
  fields: {
    locale: { type: new GraphQLNonNull(Locale), defaultValue: "ar" },
    limit: { type: GraphQLInt, defaultValue: 2 },
    words: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
  },
});
const Filters = new GraphQLInputObjectType({ name: "Filters", fields: { each: { type: new GraphQLList(Filter) }, one: { type: Filter } } });
const Paragraph = new GraphQLObjectType({
  name: "Paragraph",
  fields: {
    id: { type: new GraphQLNonNull(GraphQLString) },
    text: { type: GraphQLString, args: { locale: { type: Locale } }, resolve: (p: { ar: string; en: string }, a: { locale?: string }) => (a.locale === "en" ? p.en : p.ar) },
    broken: { type: GraphQLString, resolve: () => { throw new Error("a plain failure"); } },
    refused: { type: GraphQLString, resolve: () => { throw new Refusal("refused here"); } },
  },
});
const PARAGRAPHS = [
  { id: "p1", ar: "فقرة أولى", en: "First" },
  { id: "p2", ar: "فقرة ثانية", en: "Second" },
  { id: "p3", ar: "فقرة ثالثة", en: "Third" },
];
let signIns = 0;
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      paragraphs: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Paragraph))),
        args: { filter: { type: Filter } },
        resolve: (_r, a: { filter?: { limit?: number } }) => PARAGRAPHS.slice(0, a.filter?.limit ?? 3),
      },
      echo: { type: GraphQLString, args: { filters: { type: Filters } }, resolve: (_r, a) => JSON.stringify(a.filters) },
      later: { type: GraphQLString, resolve: async () => "done" },
    },
  }),
  mutation: new GraphQLObjectType({
    name: "Mutation",
    fields: { signIn: { type: new GraphQLNonNull(GraphQLString), resolve: () => { signIns++; throw new Refusal("no"); } } },
  }),
});

/** Two Apollo servers on the schema: one with the compiled-query plugin, one without. */
async function servers(maxCompiled?: number) {
  const execution = compiledExecution(schema, maxCompiled);
  const compiled = new ApolloServer({ schema, plugins: [execution.plugin] });
  const interpreted = new ApolloServer({ schema });
  await Promise.all([compiled.start(), interpreted.start()]);
  const run = async (apollo: ApolloServer, query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
    const res = await apollo.executeOperation({ query, variables, operationName });
    if (res.body.kind !== "single") throw new Error("expected a single result");
    return { status: res.http.status, result: res.body.singleResult };
  };
  return {
    execution,
    compiled: (q: string, v?: Record<string, unknown>, name?: string) => run(compiled, q, v, name),
    interpreted: (q: string, v?: Record<string, unknown>, name?: string) => run(interpreted, q, v, name),
    stop: () => Promise.all([compiled.stop(), interpreted.stop()]),
  };
}

async function bothWays(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const s = await servers();
  try {
    const compiled = await s.compiled(query, variables, operationName);
    const interpreted = await s.interpreted(query, variables, operationName);
    return { compiled, interpreted, compiledNow: s.execution.size() };
  } finally {
    await s.stop();
  }
}

describe("compiled queries (graphql-jit as an Apollo plugin)", () => {
  it.each([
    ["fields, aliases, arguments and a fragment", `{ paragraphs { id t: text en: text(locale: EN) ...P } } fragment P on Paragraph { id }`, {}],
    ["a variable input object whose non-null field has a default", `query($f: Filter) { paragraphs(filter: $f) { id text } }`, { f: { limit: 1 } }],
    ["@include and @skip by variable", `query($yes: Boolean!) { paragraphs { id text @include(if: $yes) en: text(locale: EN) @skip(if: $yes) } }`, { yes: false }],
    ["an async resolver", `{ later }`, {}],
    ["nested input objects with defaults in lists", `query($fs: Filters) { echo(filters: $fs) }`, { fs: { each: [{ limit: 5 }, { locale: "EN", words: ["a"] }], one: {} } }],
  ])("should answer %s as graphql-js does, compiled", async (_name, query, variables) => {
    const { compiled, interpreted, compiledNow } = await bothWays(query, variables);
    expect(compiled).toEqual(interpreted);
    expect(compiled.result.errors).toBeUndefined();
    expect(compiledNow).toBe(1);
  });

  it("should leave a query whose run failed anywhere to Apollo, so its errors are formatted as before", async () => {
    const { compiled, interpreted } = await bothWays(`{ paragraphs { id broken refused } }`);
    expect(compiled).toEqual(interpreted);
    expect(compiled.result.errors!.map((e) => [e.path!.join("."), e.extensions?.code])).toEqual(
      ["0", "1", "2"].flatMap((n) => [[`paragraphs.${n}.broken`, "INTERNAL_SERVER_ERROR"], [`paragraphs.${n}.refused`, "test/refused"]]),
    );
  });

  it("should refuse a bad variable as Apollo does (BAD_USER_INPUT, HTTP 400)", async () => {
    const { compiled, interpreted } = await bothWays(`query($f: Filter) { paragraphs(filter: $f) { id } }`, { f: { locale: "FR" } });
    expect(compiled).toEqual(interpreted);
    expect(compiled.status).toBe(400);
    expect(compiled.result.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("should leave mutations to graphql-js: aliased fields run in order and stop at the first failure", async () => {
    signIns = 0;
    const { compiled, interpreted, compiledNow } = await bothWays(`mutation { a: signIn b: signIn c: signIn }`);
    expect(compiled).toEqual(interpreted);
    expect(compiled.result.errors!.map((e) => e.extensions?.code)).toEqual(["test/refused"]);
    // Once on each server: each stopped after its first field.
    expect(signIns).toBe(2);
    expect(compiledNow).toBe(0);
  });

  it("should answer an operation name that names no operation as Apollo does", async () => {
    const { compiled, interpreted } = await bothWays(`query A { later }`, {}, "Other");
    expect(compiled).toEqual(interpreted);
    expect(compiled.result.errors![0].message).toMatch(/Unknown operation named "Other"/);
  });

  it("should compile each query once and keep at most the configured number, dropping the least recently used", async () => {
    const s = await servers(2);
    try {
      await s.compiled(`{ later }`);
      await s.compiled(`{ later }`);
      expect(s.execution.size()).toBe(1);
      await s.compiled(`{ a: later }`);
      await s.compiled(`{ later }`); // used again: now the most recent
      await s.compiled(`{ b: later }`); // drops `{ a: later }`
      expect(s.execution.size()).toBe(2);
      expect((await s.compiled(`{ a: later }`)).result).toEqual({ data: { a: "done" } });
      expect(s.execution.size()).toBe(2);
    } finally {
      await s.stop();
    }
  });
});

describe("withDefaults", () => {
  const definitions = (query: string) => getOperationAST(parse(query))!.variableDefinitions!;
  const Q = `query($f: Filter, $fs: Filters, $n: Int = 3) { paragraphs(filter: $f) { id } echo(filters: $fs) later }`;

  it.each([
    ["an omitted non-null enum field gets its default as a client writes it", { f: {} }, { f: { locale: "AR", limit: 2 }, n: 3 }],
    ["given fields stay as given", { f: { locale: "EN", limit: 9 } }, { f: { locale: "EN", limit: 9 }, n: 3 }],
    ["an explicit null stays null", { f: { locale: "EN", limit: null } }, { f: { locale: "EN", limit: null }, n: 3 }],
    ["lists of input objects are filled item by item", { fs: { each: [{}, null] } }, { fs: { each: [{ locale: "AR", limit: 2 }, null] }, n: 3 }],
    ["a single item for a list is filled too", { fs: { each: { limit: 1 } } }, { fs: { each: { locale: "AR", limit: 1 } }, n: 3 }],
    ["an absent variable with the operation's default is written in", {}, { n: 3 }],
    ["a null variable stays null", { f: null }, { f: null, n: 3 }],
  ])("%s", (_name, given, expected) => {
    const before = JSON.stringify(given);
    expect(withDefaults(schema, definitions(Q), given)).toEqual(expected);
    expect(JSON.stringify(given)).toBe(before);
  });

  it("should return the same object when nothing is missing", () => {
    const given = { f: { locale: "EN", limit: 1 }, n: 4 };
    expect(withDefaults(schema, definitions(Q), given)).toBe(given);
  });
});
