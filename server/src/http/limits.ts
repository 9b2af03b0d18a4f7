/**
 * The one rule set for every transport: HTTP (Apollo, app.ts) and WebSocket (graphql-ws, ws.server.ts) both
 * take theirs from requestRules(), so a document refused on one is refused on the other.
 *
 * - parse: at most 2,000 tokens (graphql-js's own parser option, so the limit costs no second parse);
 * - validation: graphql-js's rules plus GraphQL Armor's depth, aliases (__typename counted), directives and
 *   static cost, and no introspection in production; validation stops at its first error (graphql-js then
 *   adds one "validation aborted" notice), so ten unknown directives do not get ten errors back;
 * - before execution: the operation's transport (queries and mutations over HTTP, subscriptions over the
 *   WebSocket) and no NUL character in variables or string literals (PostgreSQL cannot store it, and no
 *   learner types one);
 * - errors: in production no "Did you mean …?" field suggestions (they map the schema for a stranger), and
 *   unexpected errors masked: the client gets a request id, the log the detail.
 *
 * Body size (100 KB → 413) is checked earlier in http.handler.ts, the WebSocket message size (64 KB) by ws;
 * batching is off and CSRF prevention on in app.ts.
 */
import { randomUUID } from "node:crypto";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import { BREAK, getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, visit } from "graphql";
import type { DocumentNode, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode, ParseOptions, ValidationRule } from "graphql";
import { isKnownErrorCode } from "../errors.js";

export const LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
  maxBodyBytes: 100_000,
  /** One WebSocket message (a subscribe message holds the whole document and its variables). */
  maxMessageBytes: 64 * 1024,
  /** Validation errors reported before validation stops. */
  maxValidationErrors: 1,
} as const;

/** The token limit is graphql-js's own (parse's maxTokens): over it is a parse failure (400 GRAPHQL_PARSE_FAILED). */
export const PARSE_OPTIONS: ParseOptions = { maxTokens: LIMITS.maxTokens };

export type Transport = "http" | "websocket";

export interface RequestRules {
  parseOptions: ParseOptions;
  /** Added to graphql-js's specifiedRules (Apollo adds them itself). */
  validationRules: ValidationRule[];
  validationOptions: { maxErrors: number };
  /** For Apollo: runs check() once the operation is known. */
  apolloPlugins: ApolloServerPlugin[];
  /** After validation, before any resolver: the operation's transport, and NUL characters. */
  check(operation: OperationDefinitionNode | null | undefined, document: DocumentNode, variables: unknown, transport: Transport): GraphQLError | undefined;
  /** Parse, validate and check as Apollo does over HTTP, for the transports outside Apollo. */
  prepare(schema: GraphQLSchema, query: string, operationName: string | null | undefined, variables: unknown, transport: Transport): { document: DocumentNode } | { errors: GraphQLError[] };
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** formatError for the transports outside Apollo, from the error itself (its HTTP status hint dropped, as Apollo does). */
  format(error: GraphQLError): GraphQLFormattedError;
}

/** Validated documents kept per schema for the WebSocket (the client's own are a few dozen). */
const VALID_DOCUMENTS_KEPT = 200;

/** GraphQL's own codes that are safe to pass through when errors are masked. */
const PASS_THROUGH = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "PERSISTED_QUERY_NOT_FOUND", "BAD_REQUEST", "OPERATION_RESOLUTION_FAILURE"]);

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });

export function requestRules(opts: { production: boolean; log: (message: string, detail?: unknown) => void }): RequestRules {
  const { production, log } = opts;
  const { validationRules } = new ApolloArmor({
    // Fragments are flattened: the client composes its queries from fragments, which add no real depth.
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true },
    maxAliases: { n: LIMITS.maxAliases, allowList: [], exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    // Armor's token limit is an Apollo plugin that parses a second time; parseOptions below does it once, for both transports.
    maxTokens: { enabled: false },
    costLimit: { maxCost: LIMITS.maxCost, flattenFragments: true, exposeLimits: true },
    // Suggestions are removed in formatError below, for both transports.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const rules: ValidationRule[] = [...(validationRules ?? []), ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
  const parseOptions: ParseOptions = PARSE_OPTIONS;
  const validationOptions = { maxErrors: LIMITS.maxValidationErrors };
  // Documents that parsed and passed validation, by text: a thousand phones subscribing with one document
  // parse and validate it once, and share one document object (shared-subscribe.ts executes per document).
  const validDocuments = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();

  const check: RequestRules["check"] = (operation, document, variables, transport) => {
    if (hasNul(variables) || documentHasNul(document))
      return new GraphQLError("Text may not contain the NUL character (U+0000).", { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
    if (transport === "http" && operation?.operation === "subscription")
      return badRequest("Subscriptions go over the WebSocket (protocol graphql-transport-ws) at /graphql, not over HTTP.");
    if (transport === "websocket" && operation && operation.operation !== "subscription")
      return badRequest(`Only subscriptions go over the WebSocket; send this ${operation.operation} as an HTTP POST to /graphql.`);
    return undefined;
  };

  const formatError: RequestRules["formatError"] = (formatted, error) => {
    const shown = production ? withoutSuggestions(formatted) : formatted;
    const code = shown.extensions?.code;
    if (!production || isKnownErrorCode(code) || (typeof code === "string" && PASS_THROUGH.has(code))) return shown;
    // Unexpected: the detail goes to the log only, the client gets a request id to quote.
    const requestId = randomUUID();
    log(`[${requestId}] internal error`, error);
    return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } };
  };

  return {
    parseOptions,
    validationRules: rules,
    validationOptions,
    apolloPlugins: [
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ request, document, operation }) {
              const refused = check(operation, document, request.variables, "http");
              if (refused) throw refused;
            },
          };
        },
      },
    ],
    check,
    prepare(schema, query, operationName, variables, transport) {
      let valid = validDocuments.get(schema);
      if (!valid) validDocuments.set(schema, (valid = new Map()));
      let document = valid.get(query);
      if (document) {
        // Most recently used last: the first key is the one to drop.
        valid.delete(query);
        valid.set(query, document);
      } else {
        try {
          document = parse(query, parseOptions);
        } catch (e) {
          const err = e instanceof GraphQLError ? e : new GraphQLError(String(e));
          return { errors: [new GraphQLError(err.message, { source: err.source, positions: err.positions, originalError: err, extensions: { ...err.extensions, code: "GRAPHQL_PARSE_FAILED" } })] };
        }
        const invalid = validate(schema, document, [...specifiedRules, ...rules], validationOptions);
        if (invalid.length > 0)
          return { errors: invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, originalError: e.originalError ?? e, extensions: { ...e.extensions, code: "GRAPHQL_VALIDATION_FAILED" } })) };
        valid.set(query, document);
        if (valid.size > VALID_DOCUMENTS_KEPT) valid.delete(valid.keys().next().value!);
      }
      const operation = getOperationAST(document, operationName ?? undefined);
      if (!operation) return { errors: [new GraphQLError("Unable to identify the operation: name it with operationName.", { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } })] };
      const refused = check(operation, document, variables, transport);
      return refused ? { errors: [refused] } : { document };
    },
    formatError,
    format(error) {
      const json = error.toJSON();
      if (json.extensions && "http" in json.extensions) {
        const { http: _http, ...extensions } = json.extensions;
        return formatError({ ...json, extensions }, error.originalError ?? error);
      }
      return formatError(json, error.originalError ?? error);
    },
  };
}

/** "Cannot query field "titel" on type "Course". Did you mean "title"?" loses its last sentence (enum values alike). */
function withoutSuggestions(e: GraphQLFormattedError): GraphQLFormattedError {
  const message = e.message.replace(/\s*Did you mean [^?]*\?/g, "");
  return message === e.message ? e : { ...e, message };
}

const hasNul = (v: unknown): boolean =>
  typeof v === "string" ? v.includes("\u0000") : Array.isArray(v) ? v.some(hasNul) : v !== null && typeof v === "object" ? Object.values(v).some(hasNul) : false;

/**
 * Whether any string literal of a document holds a NUL, remembered per document object: Apollo keeps parsed
 * documents by their text and prepare() above does too, so each distinct document is walked once (walking the
 * lesson query's document on every request was 6% of its uncached CPU).
 */
const nulInDocument = new WeakMap<DocumentNode, boolean>();
function documentHasNul(document: DocumentNode): boolean {
  let found = nulInDocument.get(document);
  if (found === undefined) nulInDocument.set(document, (found = walkForNul(document)));
  return found;
}

function walkForNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes("\u0000")) {
        found = true;
        return BREAK;
      }
    },
  });
  return found;
}
