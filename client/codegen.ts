/**
 * Typed operations from the server's committed contract (server/schema.graphql): `npm run codegen` rewrites
 * client/src/gql, and `npm run check` fails when the committed output has drifted from the schema or from
 * the graphql() calls in the client.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "server/schema.graphql",
  documents: ["client/src/**/*.ts", "client/src/**/*.vue", "!client/src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "client/src/gql/": {
      preset: "client",
      // Child components receive plain fragment data: easier to test, and vue-tsc still checks the shape.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: "string" },
        skipTypename: false,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
