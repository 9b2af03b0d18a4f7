/**
 * Mastery per learning objective, after Khan Academy's levels, from the latest answer to each of the
 * objective's items. Pure: the caller passes the answers the learner may already see.
 *
 *   no answer yet → NOT_STARTED; under 70% → ATTEMPTED; 70% or more → FAMILIAR; 100% → PROFICIENT;
 *   100% again in an ASSESSMENT after having been PROFICIENT → MASTERED.
 *
 * The percentage is over all of the objective's auto-graded items (an unanswered item counts as 0) plus
 * essays once an instructor has graded them, weighted by points.
 *
 * Hints: an answer given after the learner asked for h hints from the evidence (practice only) earns
 * HINT_FACTOR^h of its credit toward mastery (0.75 per hint: 1 hint → 75%, 2 → 56.25%). The learner's score
 * and CBM mark are not changed; only mastery is.
 */
export type MasteryLevelName = "NOT_STARTED" | "ATTEMPTED" | "FAMILIAR" | "PROFICIENT" | "MASTERED";

export interface ObjectiveItems {
  objectiveId: string;
  items: { itemId: string; points: number; essay: boolean }[];
}

/** A group of answers that became visible together: one practice or review answer, or one assessment attempt. */
export interface AnswerUnit {
  at: Date;
  mode: "PRACTICE" | "ASSESSMENT" | "REVIEW";
  answers: { itemId: string; score: number; maxScore: number; hints?: number }[];
}

/** Each hint used multiplies the answer's credit toward mastery by this factor (docs/architecture.md). */
export const HINT_FACTOR = 0.75;

/** The share of an answer's points that counts toward mastery. */
export function masteryCredit(score: number, maxScore: number, hints = 0): number {
  return maxScore > 0 ? (score / maxScore) * HINT_FACTOR ** Math.max(0, hints) : 0;
}

export interface Mastery {
  objectiveId: string;
  level: MasteryLevelName;
  /** Points-weighted share of the objective earned by the latest answers, 0–1. */
  fraction: number;
}

const FULL = 1 - 1e-9;

export function masteryOf(objective: ObjectiveItems, units: AnswerUnit[]): Mastery {
  const ids = new Set(objective.items.map((i) => i.itemId));
  const latest = new Map<string, number>(); // itemId → fraction of its points
  let reachedProficient = false;
  let mastered = false;
  let fraction = 0;
  let touched = false;

  const currentFraction = () => {
    let earned = 0;
    let possible = 0;
    for (const item of objective.items) {
      const f = latest.get(item.itemId);
      if (item.essay && f === undefined) continue; // an essay counts once graded
      possible += item.points;
      earned += (f ?? 0) * item.points;
    }
    return possible > 0 ? earned / possible : 0;
  };

  for (const unit of [...units].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const mine = unit.answers.filter((a) => ids.has(a.itemId));
    if (mine.length === 0) continue;
    touched = true;
    for (const a of mine) latest.set(a.itemId, masteryCredit(a.score, a.maxScore, a.hints));
    fraction = currentFraction();
    if (fraction >= FULL) {
      const allRightHere = mine.every((a) => a.score >= a.maxScore);
      if (unit.mode === "ASSESSMENT" && reachedProficient && allRightHere) mastered = true;
      reachedProficient = true;
    } else {
      mastered = false;
    }
  }

  let level: MasteryLevelName;
  if (!touched) level = "NOT_STARTED";
  else if (mastered) level = "MASTERED";
  else if (fraction >= FULL) level = "PROFICIENT";
  else if (fraction >= 0.7) level = "FAMILIAR";
  else level = "ATTEMPTED";
  return { objectiveId: objective.objectiveId, level, fraction: Math.round(fraction * 10_000) / 10_000 };
}
