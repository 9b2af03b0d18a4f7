/**
 * The build's GraphQL documents per route (client/build/gql-documents.ts): each graphql(`...`) call becomes the
 * generated document it stands for (compact GraphQL text), so no chunk needs codegen's map of every operation. A table over small
 * generated files, then the real client: every call in client/src has its document, equal to codegen's export.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, print, stripIgnoredCharacters } from "graphql";
import type { DocumentNode } from "graphql";
import { inlineDocuments, parseGenerated } from "../../client/build/gql-documents.js";
import * as generated from "../../client/src/gql/graphql.js";

const gqlTs = [
  "const documents: Documents = {",
  '    "\\n  query Me {\\n    me { id }\\n  }\\n": types.MeDocument,',
  '    "\\n  fragment NoteFields on Note { id }\\n": types.NoteFieldsFragmentDoc,',
  "};",
].join("\n");
const ast = (text: string) => JSON.stringify(parse(text, { noLocation: true }));
const graphqlTs = [
  `export const NoteFieldsFragmentDoc = ${ast("fragment NoteFields on Note { id }")} as unknown as DocumentNode<NoteFieldsFragment, unknown>;`,
  `export const MeDocument = ${ast("query Me { me { id ...NoteFields } }\n\nfragment NoteFields on Note { id }")} as unknown as DocumentNode<MeQuery, MeQueryVariables>;`,
].join("\n");
const docs = parseGenerated(gqlTs, graphqlTs);
// Compact GraphQL text, fragments included, as a string literal.
const ME = '/* MeDocument */ "query Me{me{id ...NoteFields}}fragment NoteFields on Note{id}"';
const NOTE = '/* NoteFieldsFragmentDoc */ "fragment NoteFields on Note{id}"';
const IMPORT = 'import { graphql } from "../gql/index.js";\n';

describe("inlineDocuments", () => {
  const cases: { name: string; code: string; out: string | null }[] = [
    { name: "a query", code: `${IMPORT}const Q = graphql(\`\n  query Me {\n    me { id }\n  }\n\`);`, out: `\nconst Q = ${ME};` },
    { name: "a fragment", code: `${IMPORT}export const F = graphql(\`\n  fragment NoteFields on Note { id }\n\`);`, out: `\nexport const F = ${NOTE};` },
    {
      name: "two calls, one inside an argument, spaces around the template",
      code: `${IMPORT}useQuery({ query: graphql( \`\n  query Me {\n    me { id }\n  }\n\` ) }); const F = graphql(\`\n  fragment NoteFields on Note { id }\n\`);`,
      out: `\nuseQuery({ query: ${ME} }); const F = ${NOTE};`,
    },
    {
      name: "the import stays while graphql( is mentioned elsewhere",
      code: `${IMPORT}// graphql() calls\nconst Q = graphql(\`\n  query Me {\n    me { id }\n  }\n\`);`,
      out: `${IMPORT}// graphql() calls\nconst Q = ${ME};`,
    },
    { name: "a deeper relative import", code: `import { graphql } from "../../gql/index.js";\nconst Q = graphql(\`\n  query Me {\n    me { id }\n  }\n\`);`, out: `\nconst Q = ${ME};` },
    { name: "code without any call", code: "const a = 1;", out: null },
    { name: "another function's call", code: "const a = mygraphql(`x`);", out: null },
  ];
  for (const c of cases) it(c.name, () => expect(inlineDocuments(c.code, docs)).toBe(c.out));

  it("refuses a document codegen has not seen, naming the file", () => {
    expect(() => inlineDocuments("graphql(`\n  query Other { me { id } }\n`)", docs, "pages/X.vue")).toThrow(/pages\/X\.vue.*npm run codegen.*query Other/);
  });
  it("refuses a template with a substitution or an escape", () => {
    expect(() => inlineDocuments("graphql(`query ${name} { a }`)", docs)).toThrow(/plain text/);
    expect(() => inlineDocuments("graphql(`query A { a(s: \"\\n\") }`)", docs)).toThrow(/plain text/);
  });
  it("refuses a name graphql.ts does not export", () => {
    const broken = parseGenerated(gqlTs, graphqlTs.split("\n")[0]);
    expect(() => inlineDocuments("graphql(`\n  query Me {\n    me { id }\n  }\n`)", broken)).toThrow(/MeDocument is missing/);
  });
});

describe("the client's own documents", () => {
  const src = path.resolve(import.meta.dirname, "../../client/src");
  const gqlDir = path.join(src, "gql");
  const real = parseGenerated(readFileSync(path.join(gqlDir, "gql.ts"), "utf8"), readFileSync(path.join(gqlDir, "graphql.ts"), "utf8"));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = path.join(dir, n);
      if (p === gqlDir) return [];
      return statSync(p).isDirectory() ? files(p) : /\.(ts|vue)$/.test(n) ? [p] : [];
    });

  it("every graphql() call in client/src becomes exactly codegen's document", () => {
    let calls = 0;
    for (const file of files(src)) {
      const code = readFileSync(file, "utf8");
      const out = inlineDocuments(code, real, path.relative(src, file));
      if (out === null) continue;
      for (const m of out.matchAll(/\/\* (\w+) \*\/ ("(?:[^"\\]|\\.)*")/g)) {
        calls += 1;
        const exported = (generated as unknown as Record<string, DocumentNode>)[m[1]];
        expect(exported, `${file}: ${m[1]} exported`).toBeDefined();
        // The same document as codegen's, fragments included, in as few characters as GraphQL allows.
        expect(JSON.parse(m[2]), `${file}: ${m[1]}`).toBe(stripIgnoredCharacters(print(exported)));
        expect(print(parse(JSON.parse(m[2]) as string)), `${file}: ${m[1]} parses back`).toBe(print(exported));
      }
      expect(out, file).not.toMatch(/\bgraphql\(\s*`/);
    }
    // Every operation codegen knows of is called somewhere, and every call was found.
    expect(calls).toBe(real.names.size);
    expect(real.names.size).toBeGreaterThan(50);
  });
});
