#!/usr/bin/env node
/**
 * Compiles the server (server/src, TypeScript) into one ES module, server/dist/main.mjs, which `npm start` runs
 * with plain node: no TypeScript transpiling at every start and no module-loader hooks in front of every import
 * (issue 20 point 4: cold start). The packages are bundled too: resolving and compiling some 1,500 files of
 * node_modules one by one was the largest part of a cold start (a CPU profile: module loading about half of the
 * server's CPU to its first answer; 4.3 → 2.9 s of CPU under load with them bundled). What cannot be bundled stays
 * a plain require from node_modules: the native sqlite3, and the drivers and optional peers that TypeORM, pg and
 * ws load only when asked (EXTERNAL below).
 * Rebuilt only when what it is built from changed: the hash of server/src, tsconfig.json, package-lock.json and
 * this script is kept in server/dist/.source-hash. `npm start` runs this first (prestart), so a fresh clone
 * builds it after `npm install`; the bench calls it too. Tests and the CLIs keep running the sources with tsx.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(ROOT, "server", "src");
export const SERVER_DIST = path.join(ROOT, "server", "dist");
export const SERVER_BUNDLE = path.join(SERVER_DIST, "main.mjs");
const HASH_FILE = path.join(SERVER_DIST, ".source-hash");
/**
 * Left to node_modules: native modules, and optional packages that are required by name only when configured
 * (TypeORM's other drivers, pg-native, ws's native helpers). None of the optional ones is installed. And
 * Apollo's hash helper: it uses node:crypto only when it sees `module.require`, which a bundled CommonJS module
 * lacks, and otherwise hashes every request's query text with sha.js in JavaScript (7 µs for the lesson query).
 */
const EXTERNAL = [
  "sqlite3",
  "@apollo/utils.createhash",
  "pg-native",
  "pg-query-stream",
  "bufferutil",
  "utf-8-validate",
  "class-validator",
  "mysql",
  "mysql2",
  "oracledb",
  "mssql",
  "mongodb",
  "sql.js",
  "better-sqlite3",
  "react-native-sqlite-storage",
  "@sap/hana-client",
  "@sap/hana-client/extension/Stream",
  "hdb-pool",
  "ioredis",
  "redis",
  "typeorm-aurora-data-api-driver",
  "@google-cloud/spanner",
  "expo-sqlite",
  "@capacitor-community/sqlite",
  "nativescript-sqlite",
  "cordova-sqlite-storage",
];
/** CommonJS packages in an ES module: the `require`, `__filename` and `__dirname` they expect. */
const BANNER = [
  `import { createRequire as __createRequire } from "node:module";`,
  `import { fileURLToPath as __fileURLToPath } from "node:url";`,
  `import { dirname as __pathDirname } from "node:path";`,
  `const require = __createRequire(import.meta.url);`,
  `const __filename = __fileURLToPath(import.meta.url);`,
  `const __dirname = __pathDirname(__filename);`,
].join(" ");

/** Files the bundle reads beside itself at run time (`new URL("./x", import.meta.url)` in server/src). */
const BESIDE = ["accounts/common-passwords.txt"];

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** The hash of everything the bundle is made from (file names and contents). */
export function sourceHash() {
  const hash = createHash("sha256");
  const files = [...listFiles(SRC), path.join(ROOT, "tsconfig.json"), path.join(ROOT, "package-lock.json"), fileURLToPath(import.meta.url)];
  for (const file of files) {
    hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Builds server/dist/main.mjs unless it is already built from these sources; returns whether it built. */
export async function ensureServer({ quiet = false } = {}) {
  const hash = sourceHash();
  let built = "";
  try {
    built = readFileSync(HASH_FILE, "utf8").trim();
  } catch {
    // Never built.
  }
  if (built === hash) {
    if (!quiet) console.log("server/dist is up to date");
    return false;
  }
  const t0 = performance.now();
  const { build } = await import("esbuild");
  mkdirSync(SERVER_DIST, { recursive: true });
  await build({
    entryPoints: [path.join(SRC, "main.ts")],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    banner: { js: BANNER },
    tsconfig: path.join(ROOT, "tsconfig.json"),
    // type-graphql and TypeORM name types and tables after class names: bundling must not rename classes.
    keepNames: true,
    sourcemap: "linked",
    logLevel: "warning",
  });
  for (const file of BESIDE) copyFileSync(path.join(SRC, file), path.join(SERVER_DIST, path.basename(file)));
  writeFileSync(HASH_FILE, hash + "\n");
  if (!quiet) console.log(`Built server/dist/main.mjs in ${Math.round(performance.now() - t0)} ms`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await ensureServer();
