/**
 * Request limits enforced before execution (no resolver runs for a rejected document), with GraphQL Armor:
 * depth, aliases (__typename counted), directives, tokens and a static cost. Field suggestions ("Did you
 * mean …?") are blocked in production. Body size (100 KB → 413) is checked earlier, in http.handler.ts;
 * batching is off and CSRF prevention on in app.ts. Text with a NUL character is refused (PostgreSQL cannot
 * store it, and no learner types one).
 */
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import { BREAK, GraphQLError, visit } from "graphql";
import type { ValidationRule } from "graphql";

export const LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
  maxBodyBytes: 100_000,
} as const;

/**
 * The token limit is graphql-js's own (parse's maxTokens), given to Apollo as parseOptions: a document over it
 * is a parse failure (GRAPHQL_PARSE_FAILED, HTTP 400). Armor's Apollo plugin for the same limit parses in
 * parsingDidStart and throws there, which Apollo answers with 500 for every syntax error and every long document.
 */
export const PARSE_OPTIONS = { maxTokens: LIMITS.maxTokens } as const;

export function armor(production: boolean): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    // Fragments are flattened: the client composes its queries from fragments, which add no real depth.
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true },
    maxAliases: { n: LIMITS.maxAliases, allowList: [], exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    maxTokens: { enabled: false },
    costLimit: { maxCost: LIMITS.maxCost, flattenFragments: true, exposeLimits: true },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins: [...plugins, rejectNulCharacters], validationRules };
}

const hasNul = (v: unknown): boolean =>
  typeof v === "string" ? v.includes("\u0000") : Array.isArray(v) ? v.some(hasNul) : v !== null && typeof v === "object" ? Object.values(v).some(hasNul) : false;

/** Refuses a request whose variables or string literals contain U+0000, before any resolver runs. */
const rejectNulCharacters: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        let found = hasNul(request.variables);
        if (!found)
          visit(document, {
            StringValue(node) {
              if (node.value.includes("\u0000")) {
                found = true;
                return BREAK;
              }
            },
          });
        if (found) throw new GraphQLError("Text may not contain the NUL character (U+0000).", { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
      },
    };
  },
};
