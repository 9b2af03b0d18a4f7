/**
 * Reads content/ from disk, parses YAML, validates every file against content.schema.ts and the cross-file
 * rules in content.validate.ts, and returns one immutable, hashed snapshot of the course.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ContextFile, CourseFile, LessonFile, QuizFile } from "./content.schema.js";
import { crossValidate } from "./content.validate.js";
import type { ArticleParagraphs, ContentProblem, CourseContent } from "./content.model.js";
import { ContentValidationError } from "./content.model.js";
import { ActorsFile, NO_ACTORS } from "./actors.schema.js";
import { checkActors } from "./actors.validate.js";
import { loadCoreYaml, MAY_HAVE_ALIAS } from "./yaml-core.js";

/** yaml's own default, said here: content needs few aliases, if any. */
const MAX_ALIASES = 100;

async function listYaml(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith(".yaml") || n.endsWith(".yml")).sort();
  } catch {
    return [];
  }
}

function formatPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "") || "(root)";
}

/** Parses one YAML file and validates it; problems are pushed, the value returned only when valid. */
async function parseFile<T>(
  root: string,
  file: string,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): Promise<T | undefined> {
  const rel = path.relative(path.dirname(root), file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    problems.push({ file: rel, path: "(file)", message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  // The fast path (yaml-core.ts), taken where its outcome cannot differ from the slow one: a text with no
  // alias that js-yaml reads and whose value the schema accepts. Anything else is read again by yaml, so a file
  // that is refused is reported exactly as before, with line and column. tests/content/yaml-fast-path.test.ts
  // checks that both parsers give the same value for every content file and for random plain scalars.
  if (!MAY_HAVE_ALIAS.test(text)) {
    let fast: ReturnType<typeof schema.safeParse> | undefined;
    try {
      fast = schema.safeParse(loadCoreYaml(text));
    } catch {
      // js-yaml refused the text: yaml reads it below and reports why.
    }
    if (fast?.success) return fast.data;
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = err.linePos?.[0];
      problems.push({
        file: rel,
        path: line ? `line ${line.line}, column ${line.col}` : "(yaml)",
        message: `YAML: ${err.message.split("\n")[0]}`,
      });
    }
    return undefined;
  }
  // Aliases are expanded by toJS: a few lines of anchors can expand to billions of nodes (an "alias bomb").
  // More than MAX_ALIASES references is refused as a content problem, not thrown as a stack.
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    problems.push({ file: rel, path: "(yaml)", message: `YAML: ${(e as Error).message.split("\n")[0]} (at most ${MAX_ALIASES} alias references per file)` });
    return undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file: rel, path: formatPath(issue.path), message: issue.message });
    }
    return undefined;
  }
  return result.data;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** sha256 of a value's canonical JSON (keys sorted), used for content and item version hashes. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex");
}

/**
 * Loads and validates the whole content directory. Throws ContentValidationError listing every problem
 * (file, path inside it, reason) when anything is wrong; nothing partial is ever returned.
 */
export async function loadContent(contentDir: string): Promise<CourseContent> {
  const root = path.resolve(contentDir);
  const problems: ContentProblem[] = [];

  const course = await parseFile(root, path.join(root, "course.yaml"), CourseFile, problems);
  const lessons: z.infer<typeof LessonFile>[] = [];
  for (const name of await listYaml(path.join(root, "lessons"))) {
    const lesson = await parseFile(root, path.join(root, "lessons", name), LessonFile, problems);
    if (lesson) lessons.push(lesson);
  }
  const quizzes: z.infer<typeof QuizFile>[] = [];
  for (const name of await listYaml(path.join(root, "quizzes"))) {
    const quiz = await parseFile(root, path.join(root, "quizzes", name), QuizFile, problems);
    if (quiz) quizzes.push(quiz);
  }

  // Context beyond the article is optional: a course without content/context.yaml has no context facts.
  let context: ContextFile | undefined = { facts: [] };
  if (await readFile(path.join(root, "context.yaml"), "utf8").then(() => true, () => false)) {
    context = await parseFile(root, path.join(root, "context.yaml"), ContextFile, problems);
  }
  // The actor-relations map is optional: a course without content/actors.yaml has no map.
  const hasActors = (await readdir(root).catch(() => [] as string[])).includes("actors.yaml");
  const actors = hasActors ? await parseFile(root, path.join(root, "actors.yaml"), ActorsFile, problems) : NO_ACTORS;

  let article: ArticleParagraphs | undefined;
  try {
    article = JSON.parse(await readFile(path.join(root, "article", "article.paragraphs.json"), "utf8")) as ArticleParagraphs;
  } catch (e) {
    problems.push({ file: "content/article/article.paragraphs.json", path: "(file)", message: `cannot read: ${(e as Error).message}` });
  }

  if (problems.length > 0 || !course || !article || !context) throw new ContentValidationError(problems);

  // Live lessons in teaching order, then retired ones (kept readable for history, never offered).
  lessons.sort((a, b) => Number(!!a.retired) - Number(!!b.retired) || a.order - b.order);
  crossValidate({ course, lessons, quizzes, article, context }, problems);
  if (actors) checkActors(actors, lessons, problems);
  if (problems.length > 0) throw new ContentValidationError(problems);

  // Context facts join the hash only when there are any, so a course without them keeps its hash.
  const hash = contentHash(context.facts.length > 0 ? { course, lessons, quizzes, context } : { course, lessons, quizzes });
  return Object.freeze({ hash, course, lessons, quizzes, article, context, actors: actors ?? NO_ACTORS });
}
