/**
 * Queries over HTTP run as compiled JavaScript (graphql-jit) instead of graphql-js's interpreter.
 *
 * graphql-js walks the document anew for every request: for each field it looks the field's definition up,
 * coerces its arguments, tests the types with `instanceof` and builds the result in objects made with
 * `Object.create(null)`, which JSON.stringify then walks slowly. On the lesson query (some 1,500 fields) that
 * was two thirds of the server's CPU with the response cache off. graphql-jit turns an operation into one
 * function, once, whose result is made of plain objects. (Its optional serializer, fast-json-stringify, was
 * slower than JSON.stringify on Arabic text, which it escapes one character at a time: not used.)
 *
 * Apollo Server has no executor option; its gateway interface is where one goes: `load` gives Apollo the
 * executor and `onSchemaLoadOrUpdate` the schema, and Apollo still parses, validates with our rules
 * (http/limits.ts), runs every plugin and formats errors. Only execution changes. The WebSocket transport runs
 * the same rules before execution (ws.server.ts) and keeps graphql-js for its subscriptions.
 */
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { astFromValue, execute, getNamedType, getNullableType, getVariableValues, GraphQLError, isInputObjectType, isListType, printSchema, typeFromAST, valueFromASTUntyped } from "graphql";
import type { ExecutionResult, GraphQLInputType, GraphQLSchema, VariableDefinitionNode } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import type { CompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<object>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;

/** Compiled operations kept, least recently used dropped first: the client sends a few dozen distinct documents. */
export const DEFAULT_MAX_COMPILED = 500;

export interface CompiledExecution {
  /** For `new ApolloServer({ gateway })`. */
  gateway: Gateway;
  /** How many operations are compiled now. */
  size(): number;
}

export function compiledExecution(schema: GraphQLSchema, maxCompiled = DEFAULT_MAX_COMPILED): CompiledExecution {
  // Keyed by the hash of the query text Apollo computes anyway, and the operation's name.
  const compiled = new Map<string, CompiledQuery>();

  const compiledFor = (key: string, compile: () => CompiledQuery | ExecutionResult): CompiledQuery | ExecutionResult => {
    const known = compiled.get(key);
    if (known) {
      // Map keeps insertion order: moving the entry to the end makes the first entry the least recently used.
      compiled.delete(key);
      compiled.set(key, known);
      return known;
    }
    const made = compile();
    if (!isCompiledQuery(made)) return made;
    compiled.set(key, made);
    if (compiled.size > maxCompiled) compiled.delete(compiled.keys().next().value!);
    return made;
  };

  const executor: Executor = async (request) => {
    const name = request.operationName ?? undefined;
    const variables = request.request.variables ?? {};
    // Mutations and subscriptions, and a document whose operation Apollo could not pick, run on graphql-js as
    // before: mutation fields must run one after the other and stop at the first failure (sign-in throttling
    // counts on it: tests/server/accounts/sign-in-abuse.test.ts), which graphql-jit does not promise. Their
    // cost is the database's; reads are where execution shows.
    if (request.operation?.operation !== "query") {
      // The name the client sent: `request.operationName` is the one Apollo resolved, null when none matched.
      return execute({ schema, document: request.document, contextValue: request.context, variableValues: variables, operationName: request.request.operationName });
    }
    // Variables are checked by graphql-js first: its errors point at the variable's definition, which is how
    // Apollo tells a bad variable (BAD_USER_INPUT, HTTP 400) from a failure during execution.
    const definitions = request.operation.variableDefinitions ?? [];
    const checked = getVariableValues(schema, definitions, variables, { maxErrors: 50 });
    if (checked.errors) return { errors: checked.errors };
    const query = compiledFor(`${request.queryHash}:${name ?? ""}`, () => compileQuery(schema, request.document, name));
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, request.context, withDefaults(schema, definitions, variables));
    return result.errors?.length ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  const sdl = printSchema(schema);
  return {
    gateway: {
      async load() {
        return { executor };
      },
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: sdl });
        return () => {};
      },
      async stop() {},
    },
    size: () => compiled.size,
  };
}

/**
 * graphql-jit's errors are GraphQLErrors by prototype only: no `extensions` unless the thrown error had some,
 * and locations without nodes. graphql-js's own error, made from the same parts, is what Apollo and our
 * formatError (http/limits.ts) expect: extensions `{}` or the thrown error's, the original error kept.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  // graphql-js derives locations from nodes, which graphql-jit does not keep; its locations are the same points.
  if (error.locations) Object.assign(made, { locations: error.locations });
  return made;
}

/**
 * The variables with every omitted input field that has a default written in: graphql-jit (0.8.9) applies an
 * input field's default only when the field is nullable, so it refused `signUp` without a `locale` (a
 * `Locale!` that defaults to AR), which graphql-js accepts. The defaults are written as a client would send
 * them (graphql-js's astFromValue: enum names, serialized scalars). Values are never changed, only added to,
 * and the caller's object is not modified.
 */
export function withDefaults(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>): Record<string, unknown> {
  let out = variables;
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    let value = variables[name];
    if (value === undefined && definition.defaultValue) value = valueFromASTUntyped(definition.defaultValue);
    const filled = fillInput(value, type);
    if (filled !== variables[name]) {
      if (out === variables) out = { ...variables };
      out[name] = filled;
    }
  }
  return out;
}

function fillInput(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return fillInput(value, nullable.ofType);
    const items = value.map((v) => fillInput(v, nullable.ofType));
    return items.some((v, i) => v !== value[i]) ? items : value;
  }
  const named = getNamedType(nullable);
  if (!isInputObjectType(named) || typeof value !== "object" || Array.isArray(value)) return value;
  const given = value as Record<string, unknown>;
  let out = given;
  for (const field of Object.values(named.getFields())) {
    const own = given[field.name];
    let filled: unknown;
    if (own === undefined && field.defaultValue !== undefined) {
      const ast = astFromValue(field.defaultValue, field.type);
      filled = ast ? valueFromASTUntyped(ast) : undefined;
    } else {
      filled = fillInput(own, field.type);
    }
    if (filled !== own) {
      if (out === given) out = { ...given };
      out[field.name] = filled;
    }
  }
  return out;
}
