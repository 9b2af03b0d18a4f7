/**
 * Learning gain per objective, from the diagnostic pre-test and the final assessment (issue 13 point 5). Pure:
 * the caller passes the two quizzes' items and the learner's finished attempts of each.
 *
 *   pre  = the share of the diagnostic's points for the objective earned in the FIRST finished attempt;
 *   post = the same share on the final, by the final's grading method: the attempt that method picks (HIGHEST:
 *          the attempt with the highest total score, the earlier on a tie; LAST; FIRST), or for AVERAGE the mean
 *          of the share over every finished attempt;
 *   raw gain g_raw = post − pre; normalised gain g = (post − pre) / (1 − pre) (Hake), undefined when pre = 1
 *   ("already mastered": there was nothing left to gain).
 *
 * An item counts its full points toward each objective it assesses (as mastery does). An item not answered
 * counts 0 of its points; an answer still waiting for an instructor's grade (an essay) counts in neither the
 * earned nor the possible points. A share with no possible points is null, and so is every gain built on it.
 *
 * The class average is Hake's: the mean pre and the mean post over the learners who have both, and g from
 * those means, so one learner with pre = 1 does not make the class's g undefined.
 */
export type GainMethod = "HIGHEST" | "LAST" | "FIRST" | "AVERAGE";

export interface GainItem {
  itemId: string;
  points: number;
  objectiveIds: readonly string[];
}

/** One finished attempt: its graded answers by item (null: waiting for a manual grade). */
export interface GainAttempt {
  finishedAt: Date;
  answers: ReadonlyMap<string, { score: number; maxScore: number } | null>;
}

export interface ObjectiveGain {
  objectiveId: string;
  /** Share 0–1 on the diagnostic, or null (not taken, or no points for it). */
  pre: number | null;
  /** Share 0–1 on the final, or null. */
  post: number | null;
  /** post − pre, or null when either is. */
  raw: number | null;
  /** (post − pre) / (1 − pre), or null when either is null or pre = 1 (see alreadyMastered). */
  normalized: number | null;
  /** pre = 1: full marks on the diagnostic, so g is undefined. */
  alreadyMastered: boolean;
}

const EPS = 1e-9;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The share of the points of `items` (those assessing `objectiveId`, or all when null) earned in an attempt. */
export function shareOf(items: readonly GainItem[], attempt: GainAttempt, objectiveId: string | null): number | null {
  let earned = 0;
  let possible = 0;
  for (const item of items) {
    if (objectiveId !== null && !item.objectiveIds.includes(objectiveId)) continue;
    const a = attempt.answers.get(item.itemId);
    if (a === null) continue; // waiting for a manual grade
    if (a === undefined) {
      possible += item.points;
      continue;
    }
    if (a.maxScore <= 0) continue;
    earned += (a.score / a.maxScore) * item.points;
    possible += item.points;
  }
  return possible > 0 ? earned / possible : null;
}

const total = (items: readonly GainItem[], a: GainAttempt) => shareOf(items, a, null) ?? 0;

/** The attempts a grading method reads: one attempt, or every one for AVERAGE; none without attempts. */
export function countingAttempts(method: GainMethod, items: readonly GainItem[], attempts: readonly GainAttempt[]): GainAttempt[] {
  if (attempts.length === 0) return [];
  const byTime = [...attempts].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  switch (method) {
    case "FIRST":
      return [byTime[0]];
    case "LAST":
      return [byTime[byTime.length - 1]];
    case "AVERAGE":
      return byTime;
    case "HIGHEST":
      return [byTime.reduce((best, a) => (total(items, a) > total(items, best) + EPS ? a : best))];
  }
}

/** The share for one objective (or all, with null) over the attempts a method reads: their mean. */
export function methodShare(method: GainMethod, items: readonly GainItem[], attempts: readonly GainAttempt[], objectiveId: string | null): number | null {
  const shares = countingAttempts(method, items, attempts)
    .map((a) => shareOf(items, a, objectiveId))
    .filter((s): s is number => s !== null);
  return shares.length > 0 ? shares.reduce((x, y) => x + y, 0) / shares.length : null;
}

/** Raw and normalised gain from a pre and a post share. */
export function gainOf(objectiveId: string, pre: number | null, post: number | null): ObjectiveGain {
  const alreadyMastered = pre !== null && pre >= 1 - EPS;
  const raw = pre !== null && post !== null ? post - pre : null;
  const normalized = raw !== null && !alreadyMastered ? raw / (1 - pre!) : null;
  return {
    objectiveId,
    pre: pre === null ? null : round4(pre),
    post: post === null ? null : round4(post),
    raw: raw === null ? null : round4(raw),
    normalized: normalized === null ? null : round4(normalized),
    alreadyMastered,
  };
}

export interface PrePostInput {
  diagnostic: { items: readonly GainItem[]; attempts: readonly GainAttempt[] };
  final: { items: readonly GainItem[]; method: GainMethod; attempts: readonly GainAttempt[] };
}

/** Gain for each objective, in the order given; the diagnostic always by its FIRST attempt. */
export function objectiveGains(objectiveIds: readonly string[], input: PrePostInput): ObjectiveGain[] {
  const { diagnostic: d, final: f } = input;
  return objectiveIds.map((o) => gainOf(o, methodShare("FIRST", d.items, d.attempts, o), methodShare(f.method, f.items, f.attempts, o)));
}

/** The learner's overall pre → post: every point of each quiz, as for one objective that all items assess. */
export function overallGain(input: PrePostInput): ObjectiveGain {
  const { diagnostic: d, final: f } = input;
  return gainOf("*", methodShare("FIRST", d.items, d.attempts, null), methodShare(f.method, f.items, f.attempts, null));
}

/** Hake's class average over learners who have both a pre and a post; null pre/post when none has. */
export function classAverageGain(learners: readonly Pick<ObjectiveGain, "pre" | "post">[]): ObjectiveGain & { learners: number } {
  const both = learners.filter((l) => l.pre !== null && l.post !== null);
  if (both.length === 0) return { ...gainOf("*", null, null), learners: 0 };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { ...gainOf("*", mean(both.map((l) => l.pre!)), mean(both.map((l) => l.post!))), learners: both.length };
}
