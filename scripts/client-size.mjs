#!/usr/bin/env node
/**
 * `npm run size`: the client's JavaScript budgets, from the Vite manifest of client/dist, gzipped (level 9).
 *   initial JS   the entry and everything it imports statically      ≤ 150 KB
 *   route chunk  a lazily loaded page and what it adds to the initial  ≤ 100 KB (the largest one)
 * Exits 1 over budget. Builds the client first if it is missing or stale.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureClient, CLIENT_DIST } from "./ensure-client.mjs";

const INITIAL_BUDGET = 150 * 1024;
const ROUTE_BUDGET = 100 * 1024;

ensureClient();
const manifest = JSON.parse(readFileSync(path.join(CLIENT_DIST, ".vite", "manifest.json"), "utf8"));
const gz = new Map();
const size = (key) => {
  if (!gz.has(key)) gz.set(key, gzipSync(readFileSync(path.join(CLIENT_DIST, manifest[key].file)), { level: 9 }).length);
  return gz.get(key);
};
const closure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const initial = closure(entry);
const initialBytes = [...initial].reduce((s, k) => s + size(k), 0);

const routes = (manifest[entry].dynamicImports ?? []).map((key) => {
  const added = [...closure(key)].filter((k) => !initial.has(k));
  return { name: manifest[key].name ?? key, bytes: added.reduce((s, k) => s + size(k), 0) };
});
routes.sort((a, b) => b.bytes - a.bytes);

console.log(`initial JS (gzip): ${kb(initialBytes)} of ${kb(INITIAL_BUDGET)}  [${[...initial].map((k) => manifest[k].file).join(", ")}]`);
for (const r of routes) console.log(`  route ${r.name.padEnd(16)} ${kb(r.bytes)}`);
const largest = routes[0];
console.log(`largest route chunk (gzip): ${largest.name} ${kb(largest.bytes)} of ${kb(ROUTE_BUDGET)}`);
const ok = initialBytes <= INITIAL_BUDGET && largest.bytes <= ROUTE_BUDGET;
console.log(ok ? "within budget" : "OVER BUDGET");
process.exit(ok ? 0 : 1);
