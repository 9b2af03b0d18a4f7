/**
 * Factories for changed or broken content: copy a course (the fixture course by default; tests/content/ and
 * the e2e journeys pass the real content/) to a temporary directory, apply one mutation to one file, and let
 * the test load it.
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { FIXTURE_DIR } from "./test-server.js";

export async function copyContent(from = FIXTURE_DIR): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), "content-fixture-")), "content");
  await cp(from, dir, { recursive: true });
  return dir;
}

/** Copies a course and rewrites `file` (relative to its folder) through `mutate`, which edits the parsed YAML. */
export async function contentWith(file: string, mutate: (doc: any) => void, from = FIXTURE_DIR): Promise<string> {
  const dir = await copyContent(from);
  const full = path.join(dir, file);
  const doc = parse(await readFile(full, "utf8"));
  mutate(doc);
  await writeFile(full, stringify(doc));
  return dir;
}

/** Copies a course and replaces `file`'s text outright (for YAML syntax errors). */
export async function contentWithText(file: string, text: (old: string) => string, from = FIXTURE_DIR): Promise<string> {
  const dir = await copyContent(from);
  const full = path.join(dir, file);
  await writeFile(full, text(await readFile(full, "utf8")));
  return dir;
}

/** A YAML alias bomb: nine levels of nine aliases each, 9^9 ≈ 387 million strings once expanded. */
export const ALIAS_BOMB = [
  `bomb0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]`,
  ...Array.from({ length: 8 }, (_, i) => `bomb${i + 1}: &a${i + 1} [${Array.from({ length: 9 }, () => `*a${i}`).join(", ")}]`),
].join("\n");
