/**
 * The learner's client. `npm run build` writes client/dist, which the server serves at /; `npm run dev` serves
 * it with hot reload and proxies /graphql (HTTP and WebSocket) to the API on port 4000 (run `npm start` too).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { gqlDocuments } from "./build/gql-documents.js";
import { i18nAreas } from "./build/i18n-areas.js";
import { precompress } from "./build/precompress.js";
import { subsetFonts } from "./build/subset-fonts.js";

const root = fileURLToPath(new URL(".", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const api = process.env.API_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  root,
  plugins: [
    vue(),
    // Each graphql() call becomes its own document, so a page's chunk carries only its own operations.
    gqlDocuments(path.join(root, "src")),
    // The strings in parts (src/i18n/areas.ts): core Arabic in the entry, each area a chunk per language.
    i18nAreas(path.join(root, "src")),
    subsetFonts(projectRoot),
    // The service worker is ours (src/sw.ts: it also keeps public lesson reads, which are POSTs), built with
    // Workbox's modules; the plugin injects the precache list and compiles it. The manifests are static files
    // in public/, one per language, and main.ts registers the worker itself (no registration script in HTML).
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // The shell: HTML, JS, CSS, the font subsets and the icons; the whole font faces (fallbacks for typed
        // characters) are cached when first used instead.
        globPatterns: ["**/*.{html,js,css,svg,png,webmanifest}", "assets/*-subset-*.woff2"],
        globIgnores: ["**/*.br", "**/*.gz", ".vite/**"],
        maximumFileSizeToCacheInBytes: 600_000,
      },
    }),
    precompress(),
  ],
  define: {
    // vue-i18n's feature flags: no legacy API, no devtools in production builds.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Fonts are inlined nowhere: every subset stays a cacheable file the browser fetches by unicode-range.
    assetsInlineLimit: 0,
    // scripts/client-size.mjs reads the manifest to tell the initial JavaScript from each route's.
    manifest: true,
  },
  server: {
    proxy: { "/graphql": { target: api, ws: true, changeOrigin: false } },
  },
});
