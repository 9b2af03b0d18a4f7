/**
 * Queries run compiled (graphql-jit) and must answer exactly as graphql-js does: the same data, the same errors
 * with the same extensions and original errors; defaults of omitted input fields applied; mutations, and an
 * operation name that names nothing, left to graphql-js. A small schema of its own, so every case is visible.
 */
import { describe, expect, it } from "vitest";
import { execute, getOperationAST, GraphQLEnumType, GraphQLError, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from "graphql";
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

/** What Apollo hands a gateway's executor, for one request. */
function requestFor(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(query);
  const operation = getOperationAST(document, operationName) ?? undefined;
  return {
    request: { query, variables, operationName },
    document,
    operation,
    operationName: operation?.name?.value ?? null,
    queryHash: `hash of ${query}`,
    context: {},
  } as never;
}

async function bothWays(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const execution = compiledExecution(schema);
  const { executor } = await execution.gateway.load({ apollo: {} });
  const compiled = await executor!(requestFor(query, variables, operationName));
  const interpreted = await execute({ schema, document: parse(query), variableValues: variables, operationName });
  return { compiled, interpreted, execution };
}

/** An error as Apollo reads it: its JSON, its extensions and what was thrown. */
const seen = (errors: readonly GraphQLError[] | undefined) =>
  errors?.map((e) => ({ json: e.toJSON(), extensions: e.extensions, original: e.originalError?.message, isGraphQLError: e instanceof GraphQLError }));

describe("compiled execution (graphql-jit behind Apollo's gateway interface)", () => {
  it.each([
    ["fields, aliases, arguments and a fragment", `{ paragraphs { id t: text en: text(locale: EN) ...P } } fragment P on Paragraph { id }`, {}],
    ["a variable input object whose non-null field has a default", `query($f: Filter) { paragraphs(filter: $f) { id text } }`, { f: { limit: 1 } }],
    ["@include and @skip by variable", `query($yes: Boolean!) { paragraphs { id text @include(if: $yes) en: text(locale: EN) @skip(if: $yes) } }`, { yes: false }],
    ["an async resolver", `{ later }`, {}],
    ["nested input objects with defaults in lists", `query($fs: Filters) { echo(filters: $fs) }`, { fs: { each: [{ limit: 5 }, { locale: "EN", words: ["a"] }], one: {} } }],
  ])("should answer %s as graphql-js does", async (_name, query, variables) => {
    const { compiled, interpreted } = await bothWays(query, variables);
    expect(compiled).toEqual(interpreted);
    expect(compiled.errors).toBeUndefined();
  });

  it("should report a resolver's failures as graphql-js's errors: path, locations, extensions and the thrown error", async () => {
    const { compiled, interpreted } = await bothWays(`{ paragraphs { id broken refused } }`);
    expect(compiled.data).toEqual(interpreted.data);
    expect(seen(compiled.errors)).toEqual(seen(interpreted.errors));
    expect(compiled.errors!.map((e) => [e.path!.join("."), e.extensions.code ?? null])).toEqual(
      ["0", "1", "2"].flatMap((n) => [[`paragraphs.${n}.broken`, null], [`paragraphs.${n}.refused`, "test/refused"]]),
    );
  });

  it("should refuse a bad variable with graphql-js's error (pointing at the variable, so Apollo answers 400)", async () => {
    const { compiled, interpreted } = await bothWays(`query($f: Filter) { paragraphs(filter: $f) { id } }`, { f: { locale: "FR" } });
    expect(compiled.data).toBeUndefined();
    expect(seen(compiled.errors)).toEqual(seen(interpreted.errors));
    expect(compiled.errors![0].nodes?.[0].kind).toBe("VariableDefinition");
  });

  it("should leave mutations to graphql-js: aliased fields run in order and stop at the first failure", async () => {
    signIns = 0;
    const { compiled } = await bothWays(`mutation { a: signIn b: signIn c: signIn }`);
    expect(compiled.data).toBeNull();
    expect(compiled.errors!.map((e) => e.extensions.code)).toEqual(["test/refused"]);
    // Once for the compiled run and once for graphql-js's own in bothWays: each stopped after its first field.
    expect(signIns).toBe(2);
  });

  it("should answer an operation name that names no operation as graphql-js does", async () => {
    const { compiled, interpreted } = await bothWays(`query A { later }`, {}, "Other");
    expect(seen(compiled.errors)).toEqual(seen(interpreted.errors));
    expect(compiled.errors![0].message).toMatch(/Unknown operation named "Other"/);
  });

  it("should compile each operation once and keep at most the configured number, dropping the least recently used", async () => {
    const execution = compiledExecution(schema, 2);
    const { executor } = await execution.gateway.load({ apollo: {} });
    const run = (q: string) => executor!(requestFor(q));
    await run(`{ later }`);
    await run(`{ later }`);
    expect(execution.size()).toBe(1);
    await run(`{ a: later }`);
    await run(`{ later }`); // used again: now the most recent
    await run(`{ b: later }`); // drops `{ a: later }`
    expect(execution.size()).toBe(2);
    expect(await run(`{ a: later }`)).toEqual({ data: { a: "done" } });
    expect(execution.size()).toBe(2);
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
