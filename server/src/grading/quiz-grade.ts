/** A learner's grade for a quiz from their finished ASSESSMENT attempts, by the quiz's grading method. Pure. */
export type GradingMethodName = "HIGHEST" | "LAST" | "FIRST" | "AVERAGE";

export interface FinishedAttempt {
  finishedAt: Date;
  score: number;
  maxScore: number;
}

const fraction = (a: FinishedAttempt) => (a.maxScore > 0 ? a.score / a.maxScore : 0);
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Grade as a fraction 0–1, or null without finished attempts. */
export function quizGrade(method: GradingMethodName, attempts: FinishedAttempt[]): number | null {
  if (attempts.length === 0) return null;
  const byTime = [...attempts].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  switch (method) {
    case "HIGHEST":
      return round4(Math.max(...byTime.map(fraction)));
    case "LAST":
      return round4(fraction(byTime[byTime.length - 1]));
    case "FIRST":
      return round4(fraction(byTime[0]));
    case "AVERAGE":
      return round4(byTime.reduce((s, a) => s + fraction(a), 0) / byTime.length);
  }
}

/** The best finished attempt as a fraction 0–1, or null. */
export const bestScore = (attempts: FinishedAttempt[]): number | null => quizGrade("HIGHEST", attempts);
