/**
 * Grading: pure functions (item, answer) → score. Each item type's rule lives in its module
 * (server/src/items/<type>.ts, partial credit as a fraction of the points rounded to 0.01); this file is the
 * entry the services use. Answers arrive here already mapped from public option ids to the content's local
 * ids and checked for shape (answer.validate.ts), so every rule can assume a well-formed answer.
 */
import type { Item } from "../content/content.schema.js";
import type { Grade, LocalAnswer } from "../items/item-type.js";
import { itemType } from "../items/registry.js";

export type { Grade, GradeStatus, LocalAnswer } from "../items/item-type.js";
export { roundPoints } from "../items/item-kit.js";
export { longestInKeyOrder } from "../items/ordering.js";

/** The rule for the item's type. */
export function gradeItem(item: Item, answer: LocalAnswer): Grade {
  return itemType(item).grade(item, answer);
}

/** The key of an item in local ids, for showing the right answer when the review policy allows. */
export function rightAnswer(item: Item): LocalAnswer {
  return itemType(item).rightAnswer(item);
}
