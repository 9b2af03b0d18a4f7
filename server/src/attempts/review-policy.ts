/**
 * When a learner may see correctness, score, right answer and feedback (Moodle's review options, Open edX's
 * show-answer rules). Pure.
 */
export type Mode = "PRACTICE" | "ASSESSMENT" | "REVIEW";
export type State = "IN_PROGRESS" | "FINISHED" | "ABANDONED";
export type Policy = "AFTER_FINISH" | "AFTER_CLOSE" | "NEVER";

export function feedbackVisible(mode: Mode, state: State, policy: Policy, closesAt: Date | null, now: Date): boolean {
  if (mode !== "ASSESSMENT") return true; // practice and review give feedback after each answer
  if (state === "IN_PROGRESS") return false;
  switch (policy) {
    case "AFTER_FINISH":
      return true;
    case "AFTER_CLOSE":
      return closesAt !== null && now.getTime() >= closesAt.getTime();
    case "NEVER":
      return false;
  }
}

/** The moment feedback becomes visible for a closed assessment, or null if never. */
export function feedbackVisibleFrom(policy: Policy, finishedAt: Date, closesAt: Date | null): Date | null {
  switch (policy) {
    case "AFTER_FINISH":
      return finishedAt;
    case "AFTER_CLOSE":
      return closesAt && closesAt > finishedAt ? closesAt : closesAt ? finishedAt : null;
    case "NEVER":
      return null;
  }
}

/**
 * Whether a learner may now see the keys of a quiz's assessment items outside the assessment (in practice
 * feedback and spaced review): once one of their finished assessment attempts of it shows its results, or
 * once the quiz has closed so that no assessment attempt can start any more. Never under NEVER.
 * `assessments` are the learner's own ASSESSMENT attempts of this quiz. `lateStarts`: attempts may still start
 * after the close (a class assignment whose late policy accepts), so the close alone releases nothing.
 */
export function keysReleased(policy: Policy, closesAt: Date | null, now: Date, assessments: { state: State }[], lateStarts = false): boolean {
  if (policy === "NEVER") return false;
  if (assessments.some((a) => a.state !== "IN_PROGRESS" && feedbackVisible("ASSESSMENT", a.state, policy, closesAt, now))) return true;
  return !lateStarts && closesAt !== null && now.getTime() >= closesAt.getTime() && !assessments.some((a) => a.state === "IN_PROGRESS");
}
