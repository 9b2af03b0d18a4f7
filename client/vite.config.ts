/**
 * The learner's client. `npm run build` writes client/dist, which the server serves at /; `npm run dev` serves
 * it with hot reload and proxies /graphql (HTTP and WebSocket) to the API on port 4000 (run `npm start` too).
 */
import { fileURLToPath } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";
import { precompress } from "./build/precompress.js";
import { subsetFonts } from "./build/subset-fonts.js";

const root = fileURLToPath(new URL(".", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const api = process.env.API_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  root,
  plugins: [
    vue(),
    subsetFonts(projectRoot),
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
