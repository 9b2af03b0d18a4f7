/**
 * Rules that look across files: every reference points at something that exists, ids are unique where
 * they must be, every objective is assessed. Problems are collected, not thrown, so one run reports all.
 */
import type { ContentInput, ContentProblem } from "./content.model.js";
import type { LessonFile, QuizFile } from "./content.schema.js";
import { quizRole } from "./content.schema.js";
import { normalizedWords } from "../shared/arabic.js";
import { itemType } from "../items/registry.js";
import { reviewContent } from "./content.review.js";

export type { ContentInput } from "./content.model.js";

const lessonFile = (l: LessonFile) => `content/lessons/${String(l.order).padStart(2, "0")}-${l.slug}.yaml`;
const quizFile = (q: QuizFile, lessons: LessonFile[]) => {
  if (q.lesson === undefined) return `content/quizzes (quiz "${q.id}", role ${q.role ?? "lesson"})`;
  const l = lessons.find((x) => x.slug === q.lesson);
  return `content/quizzes/${l ? String(l.order).padStart(2, "0") + "-" : ""}${q.lesson}.yaml`;
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
    if (l.retired) {
      if (course.lessons.includes(l.slug)) push(lessonFile(l), "retired", `lesson "${l.slug}" is retired: remove it from course.yaml's lessons (it stays readable in history)`);
    } else if (!course.lessons.includes(l.slug)) push(lessonFile(l), "slug", `lesson "${l.slug}" is not listed in course.yaml (or mark it retired: true)`);
    else if (course.lessons.indexOf(l.slug) + 1 !== l.order)
      push(lessonFile(l), "order", `order ${l.order} does not match its position ${course.lessons.indexOf(l.slug) + 1} in course.yaml`);
  }
  for (const slug of duplicates(lessons.map((l) => l.slug))) push("content/lessons", "slug", `two lessons have slug "${slug}"`);

  // Ids inside lessons: unique across the whole course, since items may cite any lesson's paragraphs.
  const paragraphIds = new Map<string, string>(); // paragraph id → lesson slug
  const objectiveIds = new Map<string, string>(); // live objectives only
  const allLessonIds: string[] = [];
  const retiredLessons = new Set(lessons.filter((l) => l.retired).map((l) => l.slug));
  for (const l of lessons) {
    if (l.retired) continue;
    l.objectives.forEach((o) => {
      objectiveIds.set(o.id, l.slug);
      allLessonIds.push(o.id);
    });
  }
  // Retired objectives: each mapped onto a live objective (course.yaml retiredObjectives).
  const retiredObjectives = new Map(Object.entries(course.retiredObjectives ?? {}));
  for (const [from, to] of retiredObjectives) {
    if (objectiveIds.has(from)) push("content/course.yaml", `retiredObjectives.${from}`, `objective "${from}" is still in lesson "${objectiveIds.get(from)}"; only a retired objective is mapped`);
    if (!objectiveIds.has(to)) push("content/course.yaml", `retiredObjectives.${from}`, `"${from}" is mapped onto "${to}", which is not an objective of a live lesson`);
  }
  for (const l of lessons) {
    const file = lessonFile(l);
    // A retired lesson keeps its objectives as they were: each now lives on in a live lesson or is mapped.
    if (l.retired)
      l.objectives.forEach((o, oi) => {
        if (!objectiveIds.has(o.id) && !retiredObjectives.has(o.id))
          push(file, `objectives[${oi}]`, `retired lesson's objective "${o.id}" is neither in a live lesson nor mapped in course.yaml retiredObjectives`);
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
    else if (!!quiz.retired !== !!l.retired)
      push(file, "retired", `lesson "${l.slug}" and its quiz "${quiz.id}" are retired together (set retired: true on both or neither)`);
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
        if (objectiveIds.has(o)) {
          // The ≥ 2 rule is about the lessons' own quizzes: the diagnostic and the final must not stand in for them.
          if (!q.retired && quizRole(q) === "lesson") assessed.set(o, (assessed.get(o) ?? 0) + 1);
        } else if (!retiredObjectives.has(o)) push(file, `${at}.objectives[${oi}]`, `no lesson has objective "${o}"`);
        else if (!q.retired) push(file, `${at}.objectives[${oi}]`, `objective "${o}" is retired (mapped onto "${retiredObjectives.get(o)}"); a live quiz names the live one`);
      });
      item.evidence.forEach((p, pi) => {
        if (!paragraphIds.has(p)) push(file, `${at}.evidence[${pi}]`, `no lesson has paragraph "${p}"`);
        else if (!q.retired && retiredLessons.has(paragraphIds.get(p)!))
          push(file, `${at}.evidence[${pi}]`, `paragraph "${p}" is in retired lesson "${paragraphIds.get(p)}", which learners are no longer offered`);
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
    // The diagnostic and the final are assessments only (attempts refuse practice on them).
    for (const pool of quizRole(q) === "lesson" ? (["practice", "assessment"] as const) : (["assessment"] as const)) {
      if (!q.items.some((item) => item.pool === undefined || item.pool === pool)) push(file, "items", `no item is in the ${pool} pool (an item without "pool" is in both)`);
    }
  }
  for (const id of duplicates(itemIds)) push("content/quizzes", "(ids)", `item id "${id}" is used more than once`);

  checkPrePost(input, problems);

  for (const l of lessons) {
    if (l.retired) continue;
    l.objectives.forEach((o, oi) => {
      const n = assessed.get(o.id) ?? 0;
      if (n < 2) push(lessonFile(l), `objectives[${oi}]`, `objective "${o.id}" is assessed by ${n} item(s); every objective needs at least 2`);
    });
  }

  // Editorial rules (originality, wording, pools, levels, duplicates) live in content.review.ts. They apply to
  // what learners are offered: retired lessons and quizzes are history, kept as they were published.
  reviewContent({ ...input, lessons: lessons.filter((l) => !l.retired), quizzes: quizzes.filter((q) => !q.retired) }, problems);
}

/**
 * The diagnostic pre-test and the final assessment (role diagnostic | final): at most one of each; each covers
 * every objective of the course's lessons with at least one item; they share no item id and no prompt (the
 * same words in either language, after normalising); all their items are in the assessment pool.
 */
export function checkPrePost(input: Pick<ContentInput, "lessons" | "quizzes">, problems: ContentProblem[]): void {
  const { lessons, quizzes } = input;
  const push = (file: string, path: string, message: string) => problems.push({ file, path, message });
  // The objectives learners are taught now: a retired lesson's objectives are mapped onto live ones.
  const objectives = lessons.filter((l) => !l.retired).flatMap((l) => l.objectives.map((o) => o.id));
  const byRole = new Map<"diagnostic" | "final", QuizFile>();
  for (const role of ["diagnostic", "final"] as const) {
    const found = quizzes.filter((q) => quizRole(q) === role);
    if (found.length > 1) push("content/quizzes", "role", `${found.length} quizzes have role ${role} (${found.map((q) => q.id).join(", ")}); a course has at most one`);
    const q = found[0];
    if (!q) continue;
    byRole.set(role, q);
    const file = quizFile(q, lessons);
    const covered = new Set(q.items.flatMap((i) => i.objectives));
    for (const o of objectives) if (!covered.has(o)) push(file, "items", `the ${role} quiz has no item for objective "${o}"; it must cover every objective of the course's lessons`);
    q.items.forEach((item, ii) => {
      if (item.pool !== "assessment") push(file, `items[${ii}].pool`, `item "${item.id}" of the ${role} quiz must be in the assessment pool (pool: assessment)`);
    });
  }
  const pre = byRole.get("diagnostic");
  const post = byRole.get("final");
  if (!pre || !post) return;
  const preIds = new Set(pre.items.map((i) => i.id));
  const promptKey = (t: string) => normalizedWords(t).join(" ");
  const prePrompts = new Map<string, string>();
  for (const i of pre.items) for (const t of [i.prompt.ar, i.prompt.en]) prePrompts.set(promptKey(t), i.id);
  const file = quizFile(post, lessons);
  post.items.forEach((item, ii) => {
    if (preIds.has(item.id)) push(file, `items[${ii}].id`, `item "${item.id}" is in both the diagnostic and the final; they must have distinct items`);
    for (const [lang, t] of [["ar", item.prompt.ar], ["en", item.prompt.en]] as const) {
      const twin = prePrompts.get(promptKey(t));
      if (twin !== undefined) push(file, `items[${ii}].prompt.${lang}`, `item "${item.id}" has the same prompt as diagnostic item "${twin}"; the final must ask in other words`);
    }
  });
}
