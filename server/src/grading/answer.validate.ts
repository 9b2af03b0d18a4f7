/**
 * Checks the shape of a submitted answer against its item and maps public option ids to the content's local
 * ids. Pure. A bad answer yields a reason the learner can act on; nothing is stored for it. The field each
 * type takes and its shape check live in the type's module (items/registry.ts validateAnswer).
 */
import type { Item } from "../content/content.schema.js";
import type { PublicAnswer, Validation } from "../items/item-type.js";
import { validateAnswer as validate } from "../items/registry.js";

export type { PublicAnswer, Validation } from "../items/item-type.js";
export { MAX_SHORT_ANSWER } from "../items/short-answer.js";
export { MAX_ESSAY } from "../items/essay.js";

export function validateAnswer(item: Item, answer: PublicAnswer, publicId: (itemId: string, localId: string) => string): Validation {
  // Validation maps ids only; it never needs the display order.
  return validate({ option: publicId, rank: () => "" }, item, answer);
}
