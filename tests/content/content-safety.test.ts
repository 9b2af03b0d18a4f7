/**
 * Content that would harm the page or the process is refused as a content problem (issue 19, low findings):
 * a source URL that is not http(s) (it is rendered as a link), and a YAML alias bomb (a few lines that expand
 * to billions of nodes). Both name the file, the path and the reason, like every other content problem.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../server/src/content/content.loader.js";
import type { ContentProblem } from "../../server/src/content/content.model.js";
import { ContentValidationError } from "../../server/src/content/content.model.js";
import { ALIAS_BOMB, contentWith, contentWithText } from "../helpers/content-fixtures.js";
import { CONTENT_DIR } from "../helpers/test-server.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(path.dirname(d), { recursive: true, force: true });
});

async function problemsOf(dir: string): Promise<ContentProblem[]> {
  dirs.push(dir);
  try {
    await loadContent(dir);
  } catch (e) {
    if (e instanceof ContentValidationError) return e.problems;
    throw e;
  }
  throw new Error("expected the content to be rejected");
}

describe("content safety", () => {
  it.each(["javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/file", "file:///etc/passwd"])(
    "should refuse the source URL %s",
    async (url) => {
      const problems = await problemsOf(await contentWith("course.yaml", (d) => (d.sources[0].url = url), CONTENT_DIR));
      expect(problems).toContainEqual({ file: "content/course.yaml", path: "sources[0].url", message: "a source URL must be an http:// or https:// address" });
    },
  );

  it("should accept http and https source URLs", async () => {
    const dir = await contentWith("course.yaml", (d) => {
      d.sources[0].url = "http://example.org/a?b=c#d";
      d.sources[1].url = "https://example.org/";
    }, CONTENT_DIR);
    dirs.push(dir);
    const content = await loadContent(dir);
    expect(content.course.sources.slice(0, 2).map((s) => s.url)).toEqual(["http://example.org/a?b=c#d", "https://example.org/"]);
  });

  it("should refuse a YAML alias bomb as a content problem, quickly", async () => {
    const dir = await contentWithText("course.yaml", (old) => `${old}\n${ALIAS_BOMB}\n`, CONTENT_DIR);
    const started = Date.now();
    const problems = await problemsOf(dir);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "content/course.yaml", path: "(yaml)" });
    expect(problems[0].message).toMatch(/^YAML: .*alias.* \(at most 100 alias references per file\)$/i);
  });
});
