/**
 * Where a learner stands on one assignment (issue 18, point 3), pure: DONE or LATE once the lesson is
 * completed or an assessment of the quiz finished (LATE: the first such finish came after the due date under a
 * policy that marks lateness), OVERDUE once the due date has passed without it, else IN_PROGRESS (started)
 * or NOT_STARTED. A learner is behind on the dashboard when an assignment of theirs is OVERDUE.
 */
import type { AssignmentTerms } from "../attempts/assignment-terms.js";
import { isLate } from "../attempts/assignment-terms.js";

export type AssignmentStateName = "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "LATE" | "OVERDUE";

/** A learner's work on the assignment's target: when it was first done (null if never), and whether begun. */
export interface Work {
  doneAt: Date | null;
  started: boolean;
}

export function assignmentState(terms: Pick<AssignmentTerms, "dueAt" | "latePolicy">, work: Work, now: Date): AssignmentStateName {
  if (work.doneAt) return isLate(terms, work.doneAt) ? "LATE" : "DONE";
  if (now.getTime() > terms.dueAt.getTime()) return "OVERDUE";
  return work.started ? "IN_PROGRESS" : "NOT_STARTED";
}
