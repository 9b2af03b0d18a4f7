import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships both index.mjs and index.js. Node (and so type-graphql and Apollo) load the CommonJS
    // build; Vite would pick the .mjs one for our files, and two graphql instances cannot share a schema.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Servers under test bind ephemeral ports on 127.0.0.1; files run in parallel on the 2 cores.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
