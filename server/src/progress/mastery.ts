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

/**
 * Everything mastery needs to take the next answer unit into account without the history before it: the
 * latest credit per item of the objective, whether the objective was ever at 100%, whether it is MASTERED,
 * and when the latest unit that touched it became visible. objective_mastery keeps it per learner and
 * objective, so that a new practice or review answer costs the same whatever the learner's history.
 */
export interface MasteryState {
  /** itemId → the share of its points the latest answer earned toward mastery (hints weighed in). */
  credits: Record<string, number>;
  /** The objective was at 100% after some unit. */
  proficientSeen: boolean;
  mastered: boolean;
  /** When the latest unit touching the objective became visible; null before any. */
  lastAt: Date | null;
  /** Points-weighted share of the objective now, unrounded. */
  fraction: number;
}

export const EMPTY_MASTERY: Readonly<MasteryState> = Object.freeze({ credits: {}, proficientSeen: false, mastered: false, lastAt: null, fraction: 0 });

/** The state after one more unit, later than every unit already in `state` (the state is not changed). */
export function masteryStep(objective: ObjectiveItems, state: MasteryState, unit: AnswerUnit): MasteryState {
  const mine = unit.answers.filter((a) => objective.items.some((i) => i.itemId === a.itemId));
  if (mine.length === 0) return state;
  const credits = { ...state.credits };
  for (const a of mine) credits[a.itemId] = masteryCredit(a.score, a.maxScore, a.hints);
  let earned = 0;
  let possible = 0;
  for (const item of objective.items) {
    const f = credits[item.itemId];
    if (item.essay && f === undefined) continue; // an essay counts once graded
    possible += item.points;
    earned += (f ?? 0) * item.points;
  }
  const fraction = possible > 0 ? earned / possible : 0;
  let { proficientSeen, mastered } = state;
  if (fraction >= FULL) {
    const allRightHere = mine.every((a) => a.score >= a.maxScore);
    if (unit.mode === "ASSESSMENT" && proficientSeen && allRightHere) mastered = true;
    proficientSeen = true;
  } else {
    mastered = false;
  }
  return { credits, proficientSeen, mastered, lastAt: unit.at, fraction };
}

/** The state after every unit, in the order they became visible. */
export function masteryState(objective: ObjectiveItems, units: AnswerUnit[]): MasteryState {
  let state: MasteryState = EMPTY_MASTERY;
  for (const unit of [...units].sort((a, b) => a.at.getTime() - b.at.getTime())) state = masteryStep(objective, state, unit);
  return state;
}

/** The level and rounded fraction a state stands for. */
export function masteryOfState(objectiveId: string, state: MasteryState): Mastery {
  const { fraction } = state;
  let level: MasteryLevelName;
  if (state.lastAt === null) level = "NOT_STARTED";
  else if (state.mastered) level = "MASTERED";
  else if (fraction >= FULL) level = "PROFICIENT";
  else if (fraction >= 0.7) level = "FAMILIAR";
  else level = "ATTEMPTED";
  return { objectiveId, level, fraction: Math.round(fraction * 10_000) / 10_000 };
}

export function masteryOf(objective: ObjectiveItems, units: AnswerUnit[]): Mastery {
  return masteryOfState(objective.objectiveId, masteryState(objective, units));
}
