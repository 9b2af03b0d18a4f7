import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import vue from "@vitejs/plugin-vue";
import { gqlDocuments } from "./client/build/gql-documents.js";
import { i18nAreas } from "./client/build/i18n-areas.js";
import { configDefaults, defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
const clientSrc = fileURLToPath(new URL("./client/src", import.meta.url));

export default defineConfig({
  // Component tests in tests/client mount the client's .vue files; their graphql() calls become documents as in the build.
  plugins: [vue(), gqlDocuments(clientSrc), i18nAreas(clientSrc)],
  resolve: {
    // graphql ships both index.mjs and index.js. Node (and so type-graphql and Apollo) load the CommonJS
    // build; Vite would pick the .mjs one for our files, and two graphql instances cannot share a schema.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    environment: "node",
    // Servers under test bind ephemeral ports on 127.0.0.1; files run in parallel on the 2 cores.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: [...configDefaults.exclude, "tests/e2e/**", "**/*.pg.test.ts"] },
      },
      {
        // The whole server suite again on PostgreSQL (npm run test:pg runs only this project). Tests that are
        // about SQLite itself are named *.sqlite.test.ts; those about PostgreSQL *.pg.test.ts.
        extends: true,
        test: {
          name: "pg",
          include: ["tests/server/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "**/*.sqlite.test.ts"],
          globalSetup: ["tests/helpers/postgres-global-setup.ts"],
          setupFiles: ["tests/helpers/pg-setup.ts"],
        },
      },
      {
        // Real headless Chromium against the real server: the global setup finds (or installs) Chromium and
        // builds the client when client/dist is missing or stale.
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
