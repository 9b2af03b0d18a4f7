/**
 * Queries over HTTP run as compiled JavaScript (graphql-jit) instead of graphql-js's interpreter.
 *
 * graphql-js walks the document anew for every request: for each field it looks the field's definition up,
 * coerces its arguments, tests the types with `instanceof` and builds the result in objects made with
 * `Object.create(null)`, which JSON.stringify then walks slowly. graphql-jit turns an operation into one
 * function, once, whose result is made of plain objects. (Its optional serializer, fast-json-stringify, was
 * slower than JSON.stringify on Arabic text, which it escapes one character at a time: not used.)
 *
 * It is an Apollo plugin answering `responseForOperation`, the hook Apollo gives a plugin (a response cache's)
 * to answer an operation itself after parsing and validating it with our rules (http/limits.ts): Apollo
 * still builds the context, runs every other plugin and sends the response. Only a query is answered here,
 * and only when it succeeded; everything else returns null and Apollo executes it on graphql-js as before:
 *  - mutations, whose fields must run one after the other and stop at the first failure (sign-in throttling
 *    counts on it: tests/server/accounts/sign-in-abuse.test.ts), which graphql-jit does not promise;
 *  - a query whose compiled run reported any error (a refusal, a bad variable): Apollo runs it again so the
 *    errors are formatted, masked and given their HTTP status exactly as before (a query only reads, so the
 *    second run changes nothing; errors are the rare case);
 *  - a document graphql-jit cannot compile.
 * (Apollo's other executor hook, its gateway interface, was tried first: it costs every mutation too, about
 * 110 MiB more peak RSS and 15% more p99 under the bench's answer load.)
 * The WebSocket transport keeps graphql-js for its subscriptions.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { astFromValue, getNamedType, getNullableType, isInputObjectType, isListType, typeFromAST, valueFromASTUntyped } from "graphql";
import type { GraphQLInputType, GraphQLSchema, OperationDefinitionNode, VariableDefinitionNode } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import type { CompiledQuery } from "graphql-jit";

/** Compiled queries kept, least recently used dropped first: the client sends a few dozen distinct documents. */
export const DEFAULT_MAX_COMPILED = 500;

export interface CompiledExecution {
  /** For `new ApolloServer({ plugins })`. */
  plugin: ApolloServerPlugin<object>;
  /** How many queries are compiled now. */
  size(): number;
}

export function compiledExecution(schema: GraphQLSchema, maxCompiled = DEFAULT_MAX_COMPILED): CompiledExecution {
  // Keyed by the hash of the query text Apollo computes anyway, and the operation's name. A document that
  // does not compile is remembered as null, so it is not tried again.
  const compiled = new Map<string, CompiledQuery | null>();

  const compiledFor = (key: string, compile: () => CompiledQuery | null): CompiledQuery | null => {
    const known = compiled.get(key);
    if (known !== undefined) {
      // Map keeps insertion order: moving the entry to the end makes the first entry the least recently used.
      compiled.delete(key);
      compiled.set(key, known);
      return known;
    }
    const made = compile();
    compiled.set(key, made);
    if (compiled.size > maxCompiled) compiled.delete(compiled.keys().next().value!);
    return made;
  };

  // One listener for every request: nothing is allocated for a request that is not a query.
  const listener: GraphQLRequestListener<object> = {
    async responseForOperation(request) {
      // Apollo's type promises an operation, but it is undefined when the operation name named none.
      const operation = request.operation as OperationDefinitionNode | undefined;
      if (operation?.operation !== "query") return null;
      const name = request.operationName ?? undefined;
      const query = compiledFor(`${request.queryHash}:${name ?? ""}`, () => {
        const made = compileQuery(schema, request.document, name);
        return isCompiledQuery(made) ? made : null;
      });
      if (!query) return null;
      const definitions = operation.variableDefinitions ?? [];
      const result = await query.query(undefined, request.contextValue, withDefaults(schema, definitions, request.request.variables ?? {}));
      if (result.errors?.length) return null;
      return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: { data: result.data } } };
    },
  };

  return {
    plugin: { requestDidStart: async () => listener },
    size: () => compiled.size,
  };
}

/**
 * The variables with every omitted input field that has a default written in: graphql-jit (0.8.9) applies an
 * input field's default only when the field is nullable, so it refuses an input that leaves out a field of
 * type `Locale!` defaulting to AR (as signUp's may), which graphql-js accepts; such a query would always run
 * twice. The defaults are written as a client would send them (graphql-js's astFromValue: enum names,
 * serialized scalars). Values are never changed, only added to, and the caller's object is not modified.
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
