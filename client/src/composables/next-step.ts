/**
 * Home's "continue" (issue 14 point 6): the one next step for a signed-in learner, with its reason. In order:
 * reviews that are due; else the diagnostic pre-test, when the course has one, the learner has not taken it and
 * has neither opened a lesson nor answered an item (it measures where they start: issue 13 point 5); else the weakest objective the learner
 * has answered on (lowest mastery under 70%, i.e. ATTEMPTED), back to its lesson; else the lesson being read,
 * else the next one not started; else the final assessment if not taken yet; else done.
 * Pure, beside useCourse, which feeds it; the card (CourseNextStep.vue) words it in Arabic and English.
 */

export interface StepLesson {
  slug: string;
  title: string;
}

export interface StepObjective {
  objectiveId: string;
  lessonSlug: string;
  level: string;
  fraction: number;
}

export type NextStep =
  | { kind: "reviews"; due: number }
  | { kind: "weak"; objectiveId: string; lesson: StepLesson; fraction: number }
  | { kind: "continue" | "start" | "next"; lesson: StepLesson }
  | { kind: "pretest" | "final"; quiz: StepQuiz }
  | { kind: "done" };

export interface StepQuiz {
  id: string;
  title: string;
}

/** Mastery under this share counts as weak (progress/mastery.ts: under 70% is ATTEMPTED). */
export const WEAK_BELOW = 0.7;

export function chooseNextStep<L extends StepLesson>(input: {
  lessons: readonly L[];
  status: (slug: string) => string | undefined;
  reviewsDue: number;
  objectives: readonly StepObjective[];
  /** The course's diagnostic and final, when it has them, with whether the learner has taken each. */
  diagnostic?: (StepQuiz & { taken: boolean }) | null;
  final?: (StepQuiz & { taken: boolean }) | null;
}): NextStep {
  if (input.reviewsDue > 0) return { kind: "reviews", due: input.reviewsDue };
  // The pre-test measures where a learner starts: offered only before any lesson is opened or any item answered.
  const started =
    input.lessons.some((l) => (input.status(l.slug) ?? "NOT_STARTED") !== "NOT_STARTED") || input.objectives.some((o) => o.level !== "NOT_STARTED");
  if (input.diagnostic && !input.diagnostic.taken && !started) return { kind: "pretest", quiz: { id: input.diagnostic.id, title: input.diagnostic.title } };
  const weak = input.objectives
    .filter((o) => o.level !== "NOT_STARTED" && o.fraction < WEAK_BELOW)
    .sort((a, b) => a.fraction - b.fraction || a.objectiveId.localeCompare(b.objectiveId))
    .map((o) => ({ o, lesson: input.lessons.find((l) => l.slug === o.lessonSlug) }))
    .find((x) => x.lesson);
  if (weak) return { kind: "weak", objectiveId: weak.o.objectiveId, lesson: weak.lesson!, fraction: weak.o.fraction };
  const reading = input.lessons.find((l) => input.status(l.slug) === "IN_PROGRESS");
  if (reading) return { kind: "continue", lesson: reading };
  const next = input.lessons.find((l) => (input.status(l.slug) ?? "NOT_STARTED") === "NOT_STARTED");
  if (next) return { kind: next === input.lessons[0] ? "start" : "next", lesson: next };
  if (input.final && !input.final.taken) return { kind: "final", quiz: { id: input.final.id, title: input.final.title } };
  return { kind: "done" };
}
