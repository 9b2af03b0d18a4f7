/**
 * Rules that look across files: every reference points at something that exists, ids are unique where
 * they must be, every objective is assessed. Problems are collected, not thrown, so one run reports all.
 */
import type { ContentInput, ContentProblem } from "./content.model.js";
import type { LessonFile, QuizFile } from "./content.schema.js";
import { itemType } from "../items/registry.js";
import { reviewContent } from "./content.review.js";

export type { ContentInput } from "./content.model.js";

const lessonFile = (l: LessonFile) => `content/lessons/${String(l.order).padStart(2, "0")}-${l.slug}.yaml`;
const quizFile = (q: QuizFile, lessons: LessonFile[]) => {
  const l = lessons.find((x) => x.slug === q.lesson);
  return `content/quizzes/${l ? String(l.order).padStart(2, "0") + "-" : ""}${q.lesson ?? q.id}.yaml`;
};

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

export function crossValidate(input: ContentInput, problems: ContentProblem[]): void {
  const { course, lessons, quizzes, article, context } = input;
  const push = (file: string, path: string, message: string) => problems.push({ file, path, message });
  const articleParagraphs = new Set(article.paragraphs.map((p) => p.n));
  const sourceIds = new Set(course.sources.map((s) => s.id));
  const articleSources = new Set(article.sources.map((s) => s.n));
  const factById = new Map(context.facts.map((f) => [f.id, f]));
  for (const id of duplicates(context.facts.map((f) => f.id))) push("content/context.yaml", "facts", `duplicate context fact id "${id}"`);

  course.sources.forEach((s, i) => {
    if (!articleSources.has(s.n)) push("content/course.yaml", `sources[${i}].n`, `the article has no source number ${s.n}`);
  });
  for (const id of duplicates(course.sources.map((s) => s.id))) push("content/course.yaml", "sources", `duplicate source id "${id}"`);

  // Lessons listed in the manifest ↔ lesson files.
  const lessonBySlug = new Map(lessons.map((l) => [l.slug, l]));
  course.lessons.forEach((slug, i) => {
    if (!lessonBySlug.has(slug)) push("content/course.yaml", `lessons[${i}]`, `no lesson file has slug "${slug}"`);
  });
  for (const l of lessons) {
    if (!course.lessons.includes(l.slug)) push(lessonFile(l), "slug", `lesson "${l.slug}" is not listed in course.yaml`);
    else if (course.lessons.indexOf(l.slug) + 1 !== l.order)
      push(lessonFile(l), "order", `order ${l.order} does not match its position ${course.lessons.indexOf(l.slug) + 1} in course.yaml`);
  }
  for (const slug of duplicates(lessons.map((l) => l.slug))) push("content/lessons", "slug", `two lessons have slug "${slug}"`);

  // Ids inside lessons: unique across the whole course, since items may cite any lesson's paragraphs.
  const paragraphIds = new Map<string, string>(); // paragraph id → lesson slug
  const objectiveIds = new Map<string, string>();
  const allLessonIds: string[] = [];
  for (const l of lessons) {
    const file = lessonFile(l);
    l.objectives.forEach((o) => {
      objectiveIds.set(o.id, l.slug);
      allLessonIds.push(o.id);
    });
    l.sections.forEach((s, si) => {
      allLessonIds.push(s.id);
      s.paragraphs.forEach((p, pi) => {
        paragraphIds.set(p.id, l.slug);
        allLessonIds.push(p.id);
        p.sourceParagraphs.forEach((n, ni) => {
          if (!articleParagraphs.has(n))
            push(file, `sections[${si}].paragraphs[${pi}].sourceParagraphs[${ni}]`, `the article has no paragraph ${n} (it has 1–${articleParagraphs.size})`);
        });
      });
    });
    l.keyTerms.forEach((t) => allLessonIds.push(t.id));
    l.timeline.forEach((t, ti) =>
      t.sourceParagraphs.forEach((n, ni) => {
        if (!articleParagraphs.has(n)) push(file, `timeline[${ti}].sourceParagraphs[${ni}]`, `the article has no paragraph ${n}`);
      }),
    );
    l.sources.forEach((s, i) => {
      if (!sourceIds.has(s)) push(file, `sources[${i}]`, `no source "${s}" in course.yaml`);
    });
    for (const layer of ["before", "after"] as const) {
      (l.context?.[layer] ?? []).forEach((id, i) => {
        const fact = factById.get(id);
        if (!fact) push(file, `context.${layer}[${i}]`, `no context fact "${id}" in content/context.yaml`);
        else if (fact.when !== layer) push(file, `context.${layer}[${i}]`, `context fact "${id}" is marked "${fact.when}" the article, not "${layer}"`);
      });
    }
    const quiz = quizzes.find((q) => q.id === l.quiz);
    if (!quiz) push(file, "quiz", `no quiz has id "${l.quiz}"`);
    else if (quiz.lesson !== l.slug) push(file, "quiz", `quiz "${l.quiz}" belongs to lesson "${quiz.lesson}"`);
  }
  for (const id of duplicates(allLessonIds)) push("content/lessons", "(ids)", `id "${id}" is used more than once`);

  // Quizzes and items.
  const assessed = new Map<string, number>();
  const itemIds: string[] = [];
  for (const id of duplicates(quizzes.map((q) => q.id))) push("content/quizzes", "id", `two quizzes have id "${id}"`);
  for (const q of quizzes) {
    const file = quizFile(q, lessons);
    if (q.lesson !== undefined && !lessonBySlug.has(q.lesson)) push(file, "lesson", `no lesson has slug "${q.lesson}"`);
    q.items.forEach((item, ii) => {
      itemIds.push(item.id);
      const at = `items[${ii}]`;
      item.objectives.forEach((o, oi) => {
        if (!objectiveIds.has(o)) push(file, `${at}.objectives[${oi}]`, `no lesson has objective "${o}"`);
        else assessed.set(o, (assessed.get(o) ?? 0) + 1);
      });
      item.evidence.forEach((p, pi) => {
        if (!paragraphIds.has(p)) push(file, `${at}.evidence[${pi}]`, `no lesson has paragraph "${p}"`);
      });
      (item.context ?? []).forEach((id, ci) => {
        if (!factById.has(id)) push(file, `${at}.context[${ci}]`, `no context fact "${id}" in content/context.yaml`);
      });
      // The type's own cross-checks (items/<type>.ts): unique local ids, rules across its fields.
      const type = itemType(item);
      for (const { group, ids } of type.localIds(item)) {
        for (const id of duplicates(ids)) push(file, `${at}.${group}`, `id "${id}" is used more than once in this item`);
      }
      for (const problem of type.check(item)) push(file, `${at}.${problem.path}`, problem.message);
    });
    // Pools (quizzes/pools.ts): an item without one is in both; each kind of attempt needs something to ask.
    // The course's diagnostic and final are assessments only (items in the assessment pool).
    for (const pool of (q.role ?? "lesson") === "lesson" ? (["practice", "assessment"] as const) : (["assessment"] as const)) {
      if (!q.items.some((item) => item.pool === undefined || item.pool === pool)) push(file, "items", `no item is in the ${pool} pool (an item without "pool" is in both)`);
    }
  }
  for (const id of duplicates(itemIds)) push("content/quizzes", "(ids)", `item id "${id}" is used more than once`);

  for (const l of lessons) {
    l.objectives.forEach((o, oi) => {
      const n = assessed.get(o.id) ?? 0;
      if (n < 2) push(lessonFile(l), `objectives[${oi}]`, `objective "${o.id}" is assessed by ${n} item(s); every objective needs at least 2`);
    });
  }

  // Editorial rules (originality, wording, pools, levels, duplicates) live in content.review.ts.
  reviewContent(input, problems);
}
