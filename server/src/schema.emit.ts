/**
 * `npm run schema:emit` writes server/schema.graphql from the code; with --check (part of `npm run check`)
 * it writes nothing and exits 1 when the committed file has drifted from the code.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildAppSchema, printAppSchema } from "./schema.js";

const target = fileURLToPath(new URL("../schema.graphql", import.meta.url));
const sdl = printAppSchema(await buildAppSchema());
if (process.argv.includes("--check")) {
  const committed = await readFile(target, "utf8").catch(() => "");
  if (committed !== sdl) {
    console.error("server/schema.graphql is out of date: run `npm run schema:emit` and commit it.");
    process.exit(1);
  }
  console.log("server/schema.graphql matches the code.");
} else {
  await writeFile(target, sdl);
  console.log(`wrote ${target}`);
}
