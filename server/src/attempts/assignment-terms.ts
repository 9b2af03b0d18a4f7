/**
 * What a class assignment of a quiz means for its learners' assessment attempts (issue 18, point 3): the
 * rules, pure, and the shape of the lookup the composition root hands in (classrooms/assignment-terms.query.ts
 * answers it from the class's assignment; attempts/ never imports classrooms/).
 *
 * - Before `opensAt` an assessment cannot be started (assignment/not_open).
 * - After `dueAt`, REFUSE refuses starting and finishing (assignment/past_due; answers already saved stay,
 *   the attempt stays open); ACCEPT_MARKED_LATE accepts and marks the attempt late; ACCEPT accepts unmarked.
 * - The due date is the close time an AFTER_CLOSE review policy waits for, in place of the content's closesAt.
 */
import type { Runner } from "../db/sql.js";

export type LatePolicy = "ACCEPT" | "ACCEPT_MARKED_LATE" | "REFUSE";
export const LATE_POLICIES: readonly LatePolicy[] = ["ACCEPT", "ACCEPT_MARKED_LATE", "REFUSE"];

export interface AssignmentTerms {
  opensAt: Date;
  dueAt: Date;
  latePolicy: LatePolicy;
}

/**
 * The terms of a learner's class assignment of a quiz, or null when no class of theirs assigns it. A learner
 * in several classes that assign it gets the most lenient: the latest due date (see pickTerms).
 */
export type TermsLookup = (run: Runner, userId: string, quizId: string) => Promise<AssignmentTerms | null>;

export const noTerms: TermsLookup = async () => null;

const LENIENCY: Record<LatePolicy, number> = { REFUSE: 0, ACCEPT_MARKED_LATE: 1, ACCEPT: 2 };

/** Among several classes' terms for one quiz: the latest due date, then the most lenient policy, then the earliest opening. */
export function pickTerms(all: readonly AssignmentTerms[]): AssignmentTerms | null {
  let best: AssignmentTerms | null = null;
  for (const t of all) {
    if (
      !best ||
      t.dueAt.getTime() > best.dueAt.getTime() ||
      (t.dueAt.getTime() === best.dueAt.getTime() && (LENIENCY[t.latePolicy] > LENIENCY[best.latePolicy] || (LENIENCY[t.latePolicy] === LENIENCY[best.latePolicy] && t.opensAt < best.opensAt)))
    )
      best = t;
  }
  return best;
}

/** Why starting an assessment now is refused, or null when it may start. */
export function startRefusal(terms: AssignmentTerms | null, now: Date): "not_open" | "past_due" | null {
  if (!terms) return null;
  if (now.getTime() < terms.opensAt.getTime()) return "not_open";
  if (terms.latePolicy === "REFUSE" && now.getTime() > terms.dueAt.getTime()) return "past_due";
  return null;
}

/** Whether finishing now is refused (REFUSE, past the due date). */
export function finishRefused(terms: AssignmentTerms | null, now: Date): boolean {
  return !!terms && terms.latePolicy === "REFUSE" && now.getTime() > terms.dueAt.getTime();
}

/** Whether work finished at `at` is marked late: after the due date, under a policy that marks lateness. */
export function isLate(terms: Pick<AssignmentTerms, "dueAt" | "latePolicy"> | null, at: Date): boolean {
  return !!terms && terms.latePolicy !== "ACCEPT" && at.getTime() > terms.dueAt.getTime();
}
