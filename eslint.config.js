// ESLint flat config: typescript-eslint's recommended rules for the server, tests and tools; eslint-plugin-vue's
// recommended rules for the client's .vue files, whose <script setup lang="ts"> typescript-eslint's parser reads.
import js from "@eslint/js";
import pluginVue from "eslint-plugin-vue";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "dist/", "client/dist/", "server/dist/", "client/src/gql/", "coverage/", "bench/results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // After typescript-eslint's configs: .vue files are parsed by vue-eslint-parser, their scripts by typescript-eslint.
  ...pluginVue.configs["flat/recommended"],
  {
    files: ["**/*.vue"],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: [".vue"], sourceType: "module" } },
    rules: {
      // Formatting only: an element keeps its attributes on one line, as the scripts keep a call on one line.
      "vue/max-attributes-per-line": "off",
      // Formatting only, and the line breaks these add inside inline elements would render as visible spaces.
      "vue/singleline-html-element-content-newline": "off",
      "vue/multiline-html-element-content-newline": "off",
    },
  },
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The client runs in the browser; its component tests run in happy-dom.
    files: ["client/**/*.{ts,vue}", "tests/client/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests and benchmarks read untyped JSON responses, mutate parsed YAML fixtures and drive autocannon clients.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // CommonJS tool configs (.dependency-cruiser.cjs).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
);
