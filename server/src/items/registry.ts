/**
 * The item-type registry: every item type's module (one file each in this folder), keyed by type. Code
 * outside items/ never switches on an item's type; it asks `itemType(item)` (docs/contributing.md "Add an
 * item type"). The mapped type below makes a missing or mistyped module a compile error.
 */
import type { Item, ItemType } from "../content/content.schema.js";
import { classify } from "./classify.js";
import { essay } from "./essay.js";
import type { ItemTypeModule, OptionIdSource, PublicAnswer, Validation } from "./item-type.js";
import { matching } from "./matching.js";
import { multipleChoice } from "./multiple-choice.js";
import { ordering } from "./ordering.js";
import { shortAnswer } from "./short-answer.js";
import { singleChoice } from "./single-choice.js";
import { trueFalse } from "./true-false.js";

/**
 * Each module is typed by its own fields (it cannot name the content's Item type without an import cycle), so
 * the map checks that every type has a module and that the module's `type` is its key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a module's item type is its own fields only; itemType() narrows
type AnyModule = ItemTypeModule<any>;
const REGISTRY: { readonly [T in ItemType]: AnyModule & { readonly type: T } } = {
  SINGLE_CHOICE: singleChoice,
  MULTIPLE_CHOICE: multipleChoice,
  TRUE_FALSE: trueFalse,
  MATCHING: matching,
  ORDERING: ordering,
  SHORT_ANSWER: shortAnswer,
  ESSAY: essay,
  CLASSIFY: classify,
};

/** The module of an item's type. */
export function itemType<I extends Item>(item: I): ItemTypeModule<I> {
  const m = REGISTRY[item.type as ItemType] as ItemTypeModule<I> | undefined;
  if (!m) throw new Error(`no item-type module for "${item.type}"`);
  return m;
}

/** Every registered type, in the order of the content schema's union. */
export const REGISTERED_TYPES = Object.keys(REGISTRY) as ItemType[];

/**
 * Checks a submitted answer against its item: the one answer field the type takes (and no other), then the
 * type's own shape check and the mapping of public to local ids.
 */
export function validateAnswer(ids: OptionIdSource, item: Item, answer: PublicAnswer): Validation {
  const m = itemType(item);
  const field = m.answerField;
  const given = (Object.keys(answer) as (keyof PublicAnswer)[]).filter((k) => answer[k] !== undefined && answer[k] !== null);
  const extra = given.filter((k) => k !== field);
  if (extra.length > 0) return { ok: false, reason: `a ${item.type} item is answered with ${field} only, not ${extra.join(", ")}` };
  if (!given.includes(field)) return { ok: false, reason: `a ${item.type} item is answered with ${field}` };
  return m.validate(ids, item, answer);
}
