/**
 * Loads a learner's answers and computes mastery per objective (progress/mastery.ts). Two views:
 * the learner's (assessment answers count once the review policy shows them) and the instructor's
 * (every finished assessment counts from the moment it finished), the latter stored in objective_mastery.
 *
 * The stored view is kept incrementally where it can be (applyAnswer): a practice or review answer that adds
 * a response later than every unit already counted costs one read and one write of the item's objectives'
 * rows, whatever the learner's history. Everything else (an assessment finishing, an essay graded, an answer
 * replacing an earlier one, a row without state) recomputes from the history (refreshStoredMastery). Both
 * run the same steps (mastery.ts masteryStep), so the incremental value equals the rebuilt one.
 */
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { AttemptRow } from "../attempts/attempt.entity.js";
import { ResponseRow } from "../attempts/response.entity.js";
import { feedbackVisibleFrom } from "../attempts/review-policy.js";
import type { ContentStore } from "../content/content.store.js";
import { sql } from "../db/sql.js";
import type { AnswerUnit, MasteryLevelName, MasteryState } from "./mastery.js";
import { EMPTY_MASTERY, masteryOfState, masteryState, masteryStep } from "./mastery.js";
import { ObjectiveMasteryRow } from "./objective-mastery.entity.js";
import { refreshLearnerSummary } from "./learner-summary.js";

export interface ObjectiveMasteryValue {
  objectiveId: string;
  lessonSlug: string;
  level: MasteryLevelName;
  fraction: number;
}

export async function computeMastery(
  em: EntityManager,
  content: ContentStore,
  userId: string,
  now: Date,
  view: "learner" | "instructor",
  /** The learner's close time per quiz where it differs from the content's (a class assignment's due date). */
  closes?: ReadonlyMap<string, Date | null>,
): Promise<ObjectiveMasteryValue[]> {
  return (await computeMasteryStates(em, content, userId, now, view, closes)).map(({ state: _, ...v }) => v);
}

async function computeMasteryStates(
  em: EntityManager,
  content: ContentStore,
  userId: string,
  now: Date,
  view: "learner" | "instructor",
  /** The learner's close time per quiz where it differs from the content's (a class assignment's due date). */
  closes?: ReadonlyMap<string, Date | null>,
): Promise<(ObjectiveMasteryValue & { state: MasteryState })[]> {
  const responses = await em.find(ResponseRow, {
    where: { userId, status: "GRADED" },
    select: { itemId: true, score: true, maxScore: true, mode: true, attemptId: true, answeredAt: true, hintsUsed: true },
  });
  const assessmentIds = [...new Set(responses.filter((r) => r.mode === "ASSESSMENT" && r.attemptId).map((r) => r.attemptId!))];
  const attempts = assessmentIds.length
    ? await em.find(AttemptRow, { where: { id: In(assessmentIds) }, select: { id: true, quizId: true, state: true, finishedAt: true } })
    : [];
  const units: AnswerUnit[] = [];
  const byAttempt = new Map<string, AnswerUnit>();
  for (const a of attempts) {
    if (a.state !== "FINISHED" || !a.finishedAt) continue;
    let from: Date | null = a.finishedAt;
    if (view === "learner") {
      const s = content.quizFile(a.quizId)?.settings;
      if (!s) continue;
      from = feedbackVisibleFrom(s.reviewPolicy, a.finishedAt, closes?.has(a.quizId) ? closes.get(a.quizId)! : s.closesAt ? new Date(s.closesAt) : null);
      if (!from || from > now) continue;
    }
    const unit: AnswerUnit = { at: from, mode: "ASSESSMENT", answers: [] };
    byAttempt.set(a.id, unit);
    units.push(unit);
  }
  for (const r of responses) {
    const answer = { itemId: r.itemId, score: r.score ?? 0, maxScore: r.maxScore, hints: r.hintsUsed ?? 0 };
    if (r.mode === "ASSESSMENT") byAttempt.get(r.attemptId ?? "")?.answers.push(answer);
    else units.push({ at: r.answeredAt, mode: r.mode as "PRACTICE" | "REVIEW", answers: [answer] });
  }
  // Live objectives only: a retired objective's evidence counts for its survivor (ContentStore.objectiveItems).
  return content.liveLessons().flatMap((lesson) =>
    lesson.objectives.map((o) => {
      const state = masteryState({ objectiveId: o.id, items: content.objectiveItems(o.id) }, units);
      const m = masteryOfState(o.id, state);
      return { objectiveId: o.id, lessonSlug: lesson.slug, level: m.level, fraction: m.fraction, state };
    }),
  );
}

/** Recomputes and stores the instructor's view of a learner's mastery, inside the caller's transaction. */
export async function refreshStoredMastery(em: EntityManager, content: ContentStore, userId: string, now: Date): Promise<void> {
  const values = await computeMasteryStates(em, content, userId, now, "instructor");
  const touched = values.filter((v) => v.level !== "NOT_STARTED");
  if (touched.length === 0) return;
  await em.upsert(
    ObjectiveMasteryRow,
    touched.map((v) => ({ userId, objectiveId: v.objectiveId, level: v.level, fraction: v.fraction, updatedAt: now, state: serializeState(v.state) })),
    ["userId", "objectiveId"],
  );
  await refreshLearnerSummary(em, userId);
}

/** A practice or review answer just stored as a new response (it replaced none), graded, visible at once. */
export interface AppendedAnswer {
  itemId: string;
  score: number;
  maxScore: number;
  hints: number;
  mode: "PRACTICE" | "REVIEW";
}

/** The objectives of the course's lessons, by content snapshot. */
const lessonObjectives = new WeakMap<object, Set<string>>();

/**
 * Takes one new answer into the stored mastery of its item's objectives, inside the caller's transaction, in
 * time independent of the learner's history: the rows' stored state plus this answer give the new value
 * (masteryStep). Falls back to refreshStoredMastery where the state cannot be trusted to be the history's: a
 * row without state (written before it was kept), or one whose latest unit is not strictly earlier than this
 * answer (equal times leave the order to the history's reading). learner_summary is refreshed only when the
 * number of ATTEMPTED objectives (the one figure of it that mastery moves) changed.
 */
export async function applyAnswer(em: EntityManager, content: ContentStore, userId: string, answer: AppendedAnswer, at: Date): Promise<void> {
  const item = content.item(answer.itemId)?.item;
  if (!item) return refreshStoredMastery(em, content, userId, at);
  let known = lessonObjectives.get(content.content);
  if (!known) {
    known = new Set(content.content.lessons.flatMap((l) => l.objectives.map((o) => o.id)));
    lessonObjectives.set(content.content, known);
  }
  const objectives = item.objectives.filter((o) => known.has(o));
  if (objectives.length === 0) return;
  const rows = await sql<{ objectiveId: string; level: string; state: string | null }>(
    em,
    `SELECT "objectiveId", level, state FROM objective_mastery WHERE "userId" = ? AND "objectiveId" IN (??)`,
    [userId, objectives],
  );
  const stored = new Map(rows.map((r) => [r.objectiveId, r]));
  const unit: AnswerUnit = { at, mode: answer.mode, answers: [{ itemId: answer.itemId, score: answer.score, maxScore: answer.maxScore, hints: answer.hints }] };
  const next: ObjectiveMasteryRow[] = [];
  let weakDelta = 0;
  for (const objectiveId of objectives) {
    const row = stored.get(objectiveId);
    const before = row ? parseState(row.state) : EMPTY_MASTERY;
    if (!before || (before.lastAt && before.lastAt.getTime() >= at.getTime())) return refreshStoredMastery(em, content, userId, at);
    const state = masteryStep({ objectiveId, items: content.objectiveItems(objectiveId) }, before, unit);
    const m = masteryOfState(objectiveId, state);
    weakDelta += (m.level === "ATTEMPTED" ? 1 : 0) - (row?.level === "ATTEMPTED" ? 1 : 0);
    next.push(Object.assign(new ObjectiveMasteryRow(), { userId, objectiveId, level: m.level, fraction: m.fraction, updatedAt: at, state: serializeState(state) }));
  }
  await em.upsert(ObjectiveMasteryRow, next, ["userId", "objectiveId"]);
  if (weakDelta !== 0) await refreshLearnerSummary(em, userId);
}

function serializeState(s: MasteryState): string {
  return JSON.stringify({ credits: s.credits, proficientSeen: s.proficientSeen, mastered: s.mastered, lastAt: s.lastAt?.toISOString() ?? null, fraction: s.fraction });
}

function parseState(json: string | null): MasteryState | null {
  if (!json) return null;
  const raw = JSON.parse(json) as Omit<MasteryState, "lastAt"> & { lastAt: string | null };
  return { ...raw, lastAt: raw.lastAt ? new Date(raw.lastAt) : null };
}

/**
 * Rebuilds objective_mastery table-wide from the raw rows (graded responses, finished attempts) with the
 * content loaded now, for repairs and to check the incremental path in tests: every learner with a graded
 * answer, the objectives that are not NOT_STARTED, as refreshStoredMastery stores them. updatedAt becomes
 * `now` (the rebuild cannot know when each value last changed). learner_summary reads this table: rebuild it
 * after (rebuildStats does).
 */
export async function rebuildObjectiveMastery(em: EntityManager, content: ContentStore, now: Date): Promise<void> {
  await sql(em, `DELETE FROM objective_mastery`);
  const users = await sql<{ userId: string }>(em, `SELECT DISTINCT "userId" FROM response WHERE status = 'GRADED' ORDER BY 1`);
  for (const { userId } of users) {
    const touched = (await computeMasteryStates(em, content, userId, now, "instructor")).filter((v) => v.level !== "NOT_STARTED");
    if (touched.length === 0) continue;
    await em.insert(
      ObjectiveMasteryRow,
      touched.map((v) => ({ userId, objectiveId: v.objectiveId, level: v.level, fraction: v.fraction, updatedAt: now, state: serializeState(v.state) })),
    );
  }
}

/**
 * After an import that retires objectives (course.yaml retiredObjectives), recomputes the stored mastery of every
 * learner who has evidence for a retired objective, so that instructors' views show it on the surviving objective
 * at once rather than at the learner's next answer. One write per learner; the retired rows stay (not read).
 */
export async function remapRetiredMastery(
  db: { manager: EntityManager },
  run: <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>,
  content: ContentStore,
  now: Date,
): Promise<number> {
  const retired = Object.keys(content.content.course.retiredObjectives ?? {});
  if (retired.length === 0) return 0;
  const users = await db.manager.find(ObjectiveMasteryRow, { select: { userId: true }, where: { objectiveId: In(retired) } });
  const ids = [...new Set(users.map((u) => u.userId))];
  for (const userId of ids) await run((em) => refreshStoredMastery(em, content, userId, now));
  return ids.length;
}
