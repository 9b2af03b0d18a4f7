/**
 * What the course must contain, checked over the real content/ (the rules a teacher would ask for). The editorial
 * rules (originality at 7 words, the Mali adjective, pools, levels, duplicates) run in the validator itself
 * (server/src/content/content.review.ts), so loading content/ here already applies them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CourseContent } from "../../server/src/content/content.model.js";
import { ITEM_TYPES } from "../../server/src/content/content.schema.js";
import { normalizedWords } from "../../server/src/shared/arabic.js";
import { realContent } from "../helpers/test-server.js";

let content: CourseContent;
beforeAll(async () => {
  content = await realContent();
});

describe("course content", () => {
  it("should have the three lessons learners look for in order, then the critical-reading strand; lessons 01 and 05 retired", () => {
    // The second edition's structure (issue 13 point 2): event-and-actors and conclusion are absorbed and kept,
    // retired, for learners' history.
    const live = content.lessons.filter((l) => !l.retired).sort((a, b) => a.order - b.order);
    expect(live.map((l) => l.slug)).toEqual(["regional-context", "exporting-rivalry", "prospects-challenges", "critical-reading"]);
    expect(content.course.lessons).toEqual(live.map((l) => l.slug));
    expect(content.lessons.filter((l) => l.retired).map((l) => l.slug).sort()).toEqual(["conclusion", "event-and-actors"]);
    expect(content.quizzes.filter((q) => q.retired).map((q) => q.id).sort()).toEqual(["q-conclusion", "q-event-and-actors"]);
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
    // Live quizzes only: the surviving quizzes took over retired quizzes' items (new ids), prompts and all.
    const prompts = content.quizzes.filter((q) => !q.retired).flatMap((q) => q.items.map((i) => normalizedWords(i.prompt.ar).join(" ")));
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it("should set a level and a pool on every item, and keep every objective assessed twice in each quiz's pools", () => {
    // The validator counts an item without "pool" in both pools; this course sets one on every item (issue 13).
    for (const i of content.quizzes.flatMap((q) => q.items)) {
      expect(i.level, i.id).toBeDefined();
      expect(i.pool, i.id).toBeDefined();
    }
  });

  it("should mark context facts as beyond the article and cite them from lessons and items", () => {
    expect(content.context.facts.length).toBeGreaterThan(0);
    for (const f of content.context.facts) expect(f.sources.some((s) => s.url?.startsWith("http")), f.id).toBe(true);
    const layered = new Set(content.lessons.flatMap((l) => [...(l.context?.before ?? []), ...(l.context?.after ?? [])]));
    for (const f of content.context.facts) expect(layered.has(f.id), `${f.id} in some lesson's context layer`).toBe(true);
    // At least one item tests the article's picture against an event after it (issue 13, point 3).
    const after = new Set(content.context.facts.filter((f) => f.when === "after").map((f) => f.id));
    expect(content.quizzes.flatMap((q) => q.items).some((i) => (i.context ?? []).some((c) => after.has(c)))).toBe(true);
  });
});
