/**
 * Certainty-based marking (CBM), Moodle's scheme (Gardner-Medwin): with each answer the learner says how sure
 * they are, 1 (not very), 2 (fairly) or 3 (very). A right answer scores 1, 2 or 3 times its points; a wrong one
 * 0, −2 or −6 times. Pure: the services pass the grade fraction (score / maxScore) and the certainty.
 *
 * Partial credit (a fraction strictly between 0 and 1) is interpolated linearly between the wrong and the right
 * mark, as Moodle's qbehaviour_deferredcbm does: mark = f·right + (1 − f)·wrong. So half right at certainty 3
 * scores 0.5·3 + 0.5·(−6) = −1.5; half right at certainty 1 scores 0.5.
 *
 * Calibration compares, per certainty level, how often the learner was right with the range in which that
 * level is the best bet under this scheme: certainty 1 pays best below 67% right, 2 between 67% and 80%, 3 above
 * 80%. Accuracy below the level's range is over-confidence; above it, under-confidence.
 */
export const CERTAINTIES = [1, 2, 3] as const;
export type Certainty = (typeof CERTAINTIES)[number];

const RIGHT: Record<Certainty, number> = { 1: 1, 2: 2, 3: 3 };
const WRONG: Record<Certainty, number> = { 1: 0, 2: -2, 3: -6 };

/** The CBM multiplier of one answer's points: from −6 to 3. `fraction` is clamped to 0–1. */
export function cbmFactor(fraction: number, certainty: Certainty): number {
  const f = Math.min(1, Math.max(0, fraction));
  const mark = f * RIGHT[certainty] + (1 - f) * WRONG[certainty];
  return Math.round(mark * 10_000) / 10_000;
}

/** The CBM mark of one answer in points (its points times cbmFactor), rounded to 0.01. */
export function cbmMark(score: number, maxScore: number, certainty: Certainty): number {
  if (maxScore <= 0) return 0;
  return Math.round(maxScore * cbmFactor(score / maxScore, certainty) * 100) / 100;
}

/** Where each certainty is the best bet (inclusive lower, exclusive upper bound of the share right). */
export const BEST_RANGE: Record<Certainty, [number, number]> = { 1: [0, 0.67], 2: [0.67, 0.8], 3: [0.8, 1.0000001] };

export type CalibrationVerdict = "OVER" | "UNDER" | "GOOD";

export interface CalibrationLevel {
  certainty: Certainty;
  /** Graded answers given at this certainty. */
  answers: number;
  /** Mean grade fraction of those answers (partial credit counts as its fraction), 0–1; null without answers. */
  accuracy: number | null;
  /** null without answers. */
  verdict: CalibrationVerdict | null;
}

export interface Calibration {
  levels: CalibrationLevel[];
  /** Sum of CBM marks over sum of points (−6 to 3), null without answers. */
  averageMark: number | null;
  /** Total answers that carried a certainty. */
  answers: number;
}

export interface CertainAnswer {
  score: number;
  maxScore: number;
  certainty: Certainty;
}

/** Accuracy per certainty level and the verdict for each. Answers without points are ignored. */
export function calibration(answers: readonly CertainAnswer[]): Calibration {
  const counted = answers.filter((a) => a.maxScore > 0);
  const levels = CERTAINTIES.map((certainty): CalibrationLevel => {
    const mine = counted.filter((a) => a.certainty === certainty);
    if (mine.length === 0) return { certainty, answers: 0, accuracy: null, verdict: null };
    const accuracy = Math.round((mine.reduce((s, a) => s + Math.min(1, Math.max(0, a.score / a.maxScore)), 0) / mine.length) * 10_000) / 10_000;
    const [lo, hi] = BEST_RANGE[certainty];
    const verdict: CalibrationVerdict = accuracy < lo ? "OVER" : accuracy >= hi ? "UNDER" : "GOOD";
    return { certainty, answers: mine.length, accuracy, verdict };
  });
  const points = counted.reduce((s, a) => s + a.maxScore, 0);
  const marks = counted.reduce((s, a) => s + cbmMark(a.score, a.maxScore, a.certainty), 0);
  return { levels, averageMark: points > 0 ? Math.round((marks / points) * 10_000) / 10_000 : null, answers: counted.length };
}

export const isCertainty = (n: unknown): n is Certainty => n === 1 || n === 2 || n === 3;
