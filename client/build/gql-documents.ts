/**
 * GraphQL documents per route (issue 12). graphql-codegen's client preset answers every `graphql(\`...\`)` call
 * from ONE map in client/src/gql/gql.ts that holds every operation's document, so whichever chunk imports it
 * (the entry does) carries every page's queries. This plugin replaces each call, at build time and in vitest
 * alike, with that operation's document itself, from the generated client/src/gql/graphql.ts (fragments
 * included), as compact GraphQL text: urql takes a string as well as a parsed document (it parses it once,
 * with the parser it already ships), and the text is half the size of the parsed form, gzipped. A page's
 * chunk then carries only its own operations, and the map is never imported at run time.
 *
 * The preset's own answer (its babel / SWC optimizer plugins) rewrites each call into an import of
 * `XxxDocument` from gql/graphql.ts; a bundler places a module in one chunk, so that one module (every used
 * document) would still ship as a whole with the entry. Hence the document is inlined instead. A call whose
 * text is not in the generated map fails the build: run `npm run codegen` (`npm run check` catches the drift).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { print, stripIgnoredCharacters } from "graphql";
import type { DocumentNode } from "graphql";
import type { Plugin } from "vite";

/** The text of each generated document (its exported name → the AST as a JSON object literal). */
export interface GeneratedDocuments {
  /** graphql() call text → name of the export in graphql.ts that codegen maps it to. */
  names: Map<string, string>;
  /** export name → the document's object literal, as written in graphql.ts. */
  asts: Map<string, string>;
}

/** Reads gql.ts's `documents` map and graphql.ts's document exports. */
export function parseGenerated(gqlTs: string, graphqlTs: string): GeneratedDocuments {
  const names = new Map<string, string>();
  const start = gqlTs.indexOf("const documents");
  if (start < 0) throw new Error("gql-documents: no `documents` map in gql.ts (run npm run codegen)");
  const body = gqlTs.slice(start, gqlTs.indexOf("\n};", start));
  for (const m of body.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)) names.set(JSON.parse(m[1]) as string, m[2]);
  const asts = new Map<string, string>();
  for (const m of graphqlTs.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) asts.set(m[1], m[2]);
  return { names, asts };
}

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
/** `import { graphql } from ".../gql/index.js"`, dropped once no call is left (else an empty chunk is still fetched). */
const IMPORT = /^import \{ graphql \} from "[./]*\/gql(?:\/index(?:\.js|\.ts)?)?";?[ \t]*$/m;

/** The document as compact GraphQL text (what the client sends anyway), as a JavaScript string literal. */
export function documentText(astJson: string): string {
  return JSON.stringify(stripIgnoredCharacters(print(JSON.parse(astJson) as DocumentNode)));
}

/**
 * Replaces every `graphql(\`...\`)` in `code` by the generated document it stands for; returns null when
 * there is none. Throws on a call codegen has not seen, or on a template with substitutions or escapes.
 */
export function inlineDocuments(code: string, docs: GeneratedDocuments, file = "?"): string | null {
  if (!code.includes("graphql(")) return null;
  let found = false;
  const out = code.replace(CALL, (_call, text: string) => {
    if (text.includes("${") || text.includes("\\")) throw new Error(`gql-documents: ${file}: a graphql() document must be plain text (no \${} nor escapes)`);
    const name = docs.names.get(text);
    if (!name) throw new Error(`gql-documents: ${file}: a graphql() document is not in client/src/gql (run npm run codegen): ${text.trim().split("\n")[0]}`);
    const ast = docs.asts.get(name);
    if (!ast) throw new Error(`gql-documents: ${file}: ${name} is missing from client/src/gql/graphql.ts (run npm run codegen)`);
    found = true;
    return `/* ${name} */ ${documentText(ast)}`;
  });
  if (!found) return null;
  // Any other mention of graphql( (a call of another form, a comment) keeps the import: harmless, only unused.
  return /\bgraphql\(/.test(out) ? out : out.replace(IMPORT, "");
}

/** The Vite plugin: client modules (TypeScript and the script of .vue files), after their compilation to JS. */
export function gqlDocuments(clientSrc: string): Plugin {
  const gqlDir = path.join(clientSrc, "gql");
  let docs: GeneratedDocuments | undefined;
  const load = () =>
    (docs ??= parseGenerated(readFileSync(path.join(gqlDir, "gql.ts"), "utf8"), readFileSync(path.join(gqlDir, "graphql.ts"), "utf8")));
  return {
    name: "sahel:gql-documents",
    enforce: "post",
    buildStart() {
      docs = undefined;
    },
    // A dev server picks up `npm run codegen`'s new output.
    watchChange(id) {
      if (id.startsWith(gqlDir)) docs = undefined;
    },
    transform(code, id) {
      const file = id.split("?")[0];
      if (!file.startsWith(clientSrc) || file.startsWith(gqlDir) || !/\.(ts|vue)$/.test(file)) return null;
      const out = inlineDocuments(code, load(), path.relative(clientSrc, file));
      return out === null ? null : { code: out, map: null };
    },
  };
}
