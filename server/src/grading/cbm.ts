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

/**
 * Sums over the answers given at one certainty: count, sum of grade fractions, points earned and possible.
 * A CBM mark is linear in the score (score·right + (maxScore − score)·wrong), so these sums are all that
 * calibration needs, and SQL can compute them with GROUP BY (the class view).
 */
export interface CertaintySums {
  certainty: Certainty;
  n: number;
  sumFraction: number;
  sumScore: number;
  sumMax: number;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Calibration from per-certainty sums; a level without sums has no answers. */
export function calibrationFromSums(sums: readonly CertaintySums[]): Calibration {
  let marks = 0;
  let points = 0;
  let answers = 0;
  const levels = CERTAINTIES.map((certainty): CalibrationLevel => {
    const mine = sums.filter((x) => x.certainty === certainty);
    const n = mine.reduce((t, x) => t + x.n, 0);
    if (n === 0) return { certainty, answers: 0, accuracy: null, verdict: null };
    const score = mine.reduce((t, x) => t + x.sumScore, 0);
    const max = mine.reduce((t, x) => t + x.sumMax, 0);
    marks += score * RIGHT[certainty] + (max - score) * WRONG[certainty];
    points += max;
    answers += n;
    const accuracy = round4(mine.reduce((t, x) => t + x.sumFraction, 0) / n);
    const [lo, hi] = BEST_RANGE[certainty];
    const verdict: CalibrationVerdict = accuracy < lo ? "OVER" : accuracy >= hi ? "UNDER" : "GOOD";
    return { certainty, answers: n, accuracy, verdict };
  });
  return { levels, averageMark: points > 0 ? round4(marks / points) : null, answers };
}

/** Accuracy per certainty level and the verdict for each. Answers without points are ignored. */
export function calibration(answers: readonly CertainAnswer[]): Calibration {
  return calibrationFromSums(
    answers
      .filter((a) => a.maxScore > 0)
      .map((a) => {
        const score = Math.min(a.maxScore, Math.max(0, a.score));
        return { certainty: a.certainty, n: 1, sumFraction: score / a.maxScore, sumScore: score, sumMax: a.maxScore };
      }),
  );
}

export const isCertainty = (n: unknown): n is Certainty => n === 1 || n === 2 || n === 3;
