/** What the course must contain, checked over the real content/ (the rules a teacher would ask for). */
import { beforeAll, describe, expect, it } from "vitest";
import type { CourseContent } from "../../server/src/content/content.model.js";
import { ITEM_TYPES } from "../../server/src/content/content.schema.js";
import { normalizedWords } from "../../server/src/shared/arabic.js";
import { realContent } from "../helpers/test-server.js";

let content: CourseContent;
beforeAll(async () => {
  content = await realContent();
});

/** Every user-visible text of the course, with where it is. */
function allTexts(c: CourseContent): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (v: unknown, where: string) => {
    if (typeof v === "string") out.push({ where, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`);
  };
  walk(c.course, "course");
  c.lessons.forEach((l) => walk(l, `lesson ${l.slug}`));
  c.quizzes.forEach((q) => walk(q, `quiz ${q.id}`));
  return out;
}

describe("course content", () => {
  it("should have the five lessons of the article in order", () => {
    expect(content.lessons.map((l) => l.slug)).toEqual(["event-and-actors", "regional-context", "exporting-rivalry", "prospects-challenges", "conclusion"]);
  });

  it("should cite the article's three sources with their dates", () => {
    const byDate = Object.fromEntries(content.course.sources.map((s) => [s.date, s.url]));
    expect(byDate["2025-02-19"]).toContain("hespress.com");
    expect(byDate["2025-01-03"]).toBeDefined();
    expect(byDate["2024-08-29"]).toContain("dw.com");
    expect(content.course.article.language).toBe("ar");
    expect(content.course.article.title.ar).toBe(content.article.title);
  });

  it("should have at least 50 items, at least 8 per lesson, over all seven types", () => {
    const items = content.quizzes.flatMap((q) => q.items);
    expect(items.length).toBeGreaterThanOrEqual(50);
    for (const q of content.quizzes) expect(q.items.length, q.id).toBeGreaterThanOrEqual(8);
    const count = (t: string) => items.filter((i) => i.type === t).length;
    for (const t of ITEM_TYPES) expect(count(t), t).toBeGreaterThan(0);
    expect(count("SHORT_ANSWER")).toBeGreaterThanOrEqual(3);
    expect(count("ESSAY")).toBeGreaterThanOrEqual(2);
  });

  it("should give every lesson a quiz, objectives, key terms and paragraphs tied to the article", () => {
    for (const l of content.lessons) {
      expect(content.quizzes.some((q) => q.id === l.quiz && q.lesson === l.slug), l.slug).toBe(true);
      expect(l.objectives.length).toBeGreaterThanOrEqual(2);
      expect(l.keyTerms.length).toBeGreaterThan(0);
      for (const s of l.sections) for (const p of s.paragraphs) expect(p.sourceParagraphs.length, p.id).toBeGreaterThan(0);
    }
  });

  it("should cover every article paragraph in some lesson", () => {
    const cited = new Set(content.lessons.flatMap((l) => l.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sourceParagraphs))));
    for (const p of content.article.paragraphs) expect(cited.has(p.n), `article paragraph ${p.n}`).toBe(true);
  });

  it("should not repeat a prompt", () => {
    const prompts = content.quizzes.flatMap((q) => q.items.map((i) => normalizedWords(i.prompt.ar).join(" ")));
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it("should share no 8 consecutive normalized words with the article (our own words)", () => {
    const N = 8;
    const grams = (words: string[]) => {
      const out = new Set<string>();
      for (let i = 0; i + N <= words.length; i++) out.add(words.slice(i, i + N).join(" "));
      return out;
    };
    const article = new Set<string>();
    for (const p of content.article.paragraphs) for (const g of grams(normalizedWords(p.text))) article.add(g);
    const copied: string[] = [];
    for (const { where, text } of allTexts(content)) {
      if (where.startsWith("course.article.title")) continue; // the article's own title is cited, not reused as teaching text
      for (const g of grams(normalizedWords(text))) if (article.has(g)) copied.push(`${where}: "${g}"`);
    }
    expect(copied, copied.join("\n")).toEqual([]);
  });

  it("should detect copying when a sentence of the article is pasted in", () => {
    // The same check, run on a text known to copy: proves the originality test can fail.
    const N = 8;
    const words = normalizedWords(content.article.paragraphs[1].text);
    const pasted = normalizedWords(`مقدمة من عندنا ${content.article.paragraphs[1].text.slice(0, 120)}`);
    const has = pasted.some((_, i) => i + N <= pasted.length && words.join(" ").includes(pasted.slice(i, i + N).join(" ")));
    expect(has).toBe(true);
  });
});
