/**
 * Practice and assessment draw on separate item pools (content marks an item's `pool`; an item without one is
 * in both, as all of today's content is). Pure rules over an item:
 * - an assessment attempt asks the items of the assessment pool, a practice attempt those of the practice pool;
 * - an item an assessment asks is "guarded": outside the learner's own assessment (practice feedback, spaced
 *   review) its key, explanation and evidence are withheld until that learner's assessment of the quiz is over
 *   and its review policy lets them see results (keysReleased in attempts/review-policy.ts); correctness and
 *   score are still shown in practice;
 * - an assessment-only item never reaches a learner's practice or review before then at all.
 */
import type { Item } from "../content/content.schema.js";

export type AttemptPoolMode = "PRACTICE" | "ASSESSMENT";

export function inPool(item: Pick<Item, "pool">, mode: AttemptPoolMode): boolean {
  return item.pool === undefined || item.pool === (mode === "PRACTICE" ? "practice" : "assessment");
}

/** Whether an assessment asks this item, so its key is secret outside the assessment until released. */
export function guarded(item: Pick<Item, "pool">): boolean {
  return inPool(item, "ASSESSMENT");
}

/** Whether only an assessment asks it: then it is not shown at all outside the assessment until released. */
export function assessmentOnly(item: Pick<Item, "pool">): boolean {
  return item.pool === "assessment";
}
