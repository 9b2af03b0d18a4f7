/**
 * Item statistics as Moodle's quiz statistics report defines them, from sums that SQL computes with GROUP BY.
 * Pure. For one item over n attempts, with x the item's score and t the attempt's total:
 *   facility index      = mean(x) / item points                       (0–1; how easy the item was)
 *   discrimination index = Pearson r between x and the rest of the test, y = t − x   (−1…1)
 * Both are null under 2 attempts (and discrimination when either side has no variance).
 */
export interface AttemptSums {
  /** Number of attempts in the population. */
  n: number;
  sumT: number;
  sumT2: number;
}

export interface ItemSums {
  sumX: number;
  sumX2: number;
  sumXT: number;
}

export const DISCRIMINATION_THRESHOLD = 0.3;
export const FACILITY_RANGE: [number, number] = [0.2, 0.9];

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function facilityIndex(a: AttemptSums, i: ItemSums, points: number): number | null {
  if (a.n < 2 || points <= 0) return null;
  return round(i.sumX / (a.n * points));
}

export function discriminationIndex(a: AttemptSums, i: ItemSums): number | null {
  if (a.n < 2) return null;
  const { n } = a;
  const sumY = a.sumT - i.sumX;
  const sumY2 = a.sumT2 - 2 * i.sumXT + i.sumX2;
  const sumXY = i.sumXT - i.sumX2;
  const varX = n * i.sumX2 - i.sumX * i.sumX;
  const varY = n * sumY2 - sumY * sumY;
  // Sums of floats: treat tiny negatives from rounding as zero variance.
  if (varX <= 1e-9 || varY <= 1e-9) return null;
  const r = (n * sumXY - i.sumX * sumY) / Math.sqrt(varX * varY);
  return round(Math.max(-1, Math.min(1, r)));
}

/** Why an item needs a look: weak discrimination, or too hard or too easy. */
export function checkReasons(facility: number | null, discrimination: number | null): string[] {
  const reasons: string[] = [];
  if (discrimination !== null && discrimination < DISCRIMINATION_THRESHOLD) reasons.push("LOW_DISCRIMINATION");
  if (facility !== null && facility < FACILITY_RANGE[0]) reasons.push("TOO_HARD");
  if (facility !== null && facility > FACILITY_RANGE[1]) reasons.push("TOO_EASY");
  return reasons;
}
