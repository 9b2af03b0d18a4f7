/**
 * The content loader parses YAML with js-yaml when the outcome cannot differ from yaml's (the slower parser with
 * the line-and-column diagnostics): see parseFile in content.loader.ts. These checks hold that promise: the
 * course's own files take the fast path and give the same values; plain scalars are read as yaml reads them;
 * every alias form is sent the slow way; a file the fast path would accept under js-yaml's own core schema but
 * YAML 1.2 refuses is still refused.
 */
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadContent } from "../../server/src/content/content.loader.js";
import { loadCoreYaml, MAY_HAVE_ALIAS } from "../../server/src/content/yaml-core.js";
import { ContentValidationError } from "../../server/src/content/content.model.js";
import { contentWithText } from "../helpers/content-fixtures.js";
import { CONTENT_DIR } from "../helpers/test-server.js";

const slow = (text: string) => parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 });
const fast = loadCoreYaml;
/** Both parsers' values as JSON (-0 and 0 are one number there), or the fact that a parser refused the text. */
function outcome(parse: (t: string) => unknown, text: string): string {
  try {
    return JSON.stringify(parse(text));
  } catch {
    return "refused";
  }
}

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFiles(full)));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(path.dirname(d), { recursive: true, force: true });
});

describe("YAML fast path", () => {
  it("should take the fast path for every file of the course and read the same values as yaml", async () => {
    const files = await yamlFiles(CONTENT_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(file, "utf8");
      expect(MAY_HAVE_ALIAS.test(text), `${file} would be parsed the slow way`).toBe(false);
      expect(fast(text), file).toEqual(slow(text));
    }
  });

  it.each([
    ["a value", "a: *x"],
    ["a sequence entry", "- *x"],
    ["a flow sequence", "[*x]"],
    ["a later flow entry", "[a,*x]"],
    ["a flow mapping", "{a: *x}"],
    ["a JSON-like key's value", '{"a":*x}'],
    ["the start of the document", "*x"],
    ["an indented line", "a:\n  *x : 1"],
  ])("should send %s the slow way", (_, text) => {
    expect(MAY_HAVE_ALIAS.test(text)).toBe(true);
  });

  // Where js-yaml's own core schema and YAML 1.2's part ways, and the spellings around them.
  it.each(["0b101", "-0b1", "+.5", "-.0", "1e500", "-1e400", "1_000", "0o17", "0x1F", "-0x1", "012", "+12", ".NaN", "-.inf", "True", "tRue", "yes", "~", "", "2024-01-01", "1:20"])(
    "should read the plain scalar %j as yaml does",
    (s) => {
      expect(outcome(fast, `v: ${s}`)).toBe(outcome(slow, `v: ${s}`));
    },
  );

  it("should read random plain scalars as yaml does, or leave them to yaml", () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
    console.log(`fast-check seed: ${seed} (rerun with FC_SEED=${seed})`);
    // Scalars built from what numbers, booleans and nulls are spelled with in YAML, where the schemas could part.
    const scalar = fc.string({ unit: fc.constantFrom(..."0123456789+-._eExXoObBinfaNTrulsF~:"), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(scalar, (s) => {
        const text = `v: ${s}`;
        const a = outcome(slow, text);
        const b = outcome(fast, text);
        // The fast path falls back to yaml whenever js-yaml refuses, so only two values that differ would matter.
        return b === "refused" || a === b;
      }),
      { seed, numRuns: 3000 },
    );
  });

  it("should still refuse a number YAML 1.2 reads as a string, as before the fast path", async () => {
    const dir = await contentWithText("lessons/01-regional-context.yaml", (t) => t.replace(/^estimatedMinutes: \d+$/m, "estimatedMinutes: 0b1010"), CONTENT_DIR);
    dirs.push(dir);
    const error = await loadContent(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ContentValidationError);
    expect((error as ContentValidationError).problems).toContainEqual(
      expect.objectContaining({ file: "content/lessons/01-regional-context.yaml", path: "estimatedMinutes" }),
    );
  });

  it("should report a duplicate key with yaml's line and column", async () => {
    const dir = await contentWithText("lessons/01-regional-context.yaml", (t) => t.replace(/^(estimatedMinutes: \d+)$/m, "$1\nestimatedMinutes: 3"), CONTENT_DIR);
    dirs.push(dir);
    const error = await loadContent(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as ContentValidationError).problems).toContainEqual(
      expect.objectContaining({ file: "content/lessons/01-regional-context.yaml", path: expect.stringMatching(/^line \d+, column \d+$/), message: expect.stringMatching(/^YAML: .*unique/i) }),
    );
  });
});
