/**
 * A compact signature of an answer, stored with each response so that response distributions can be counted
 * with GROUP BY: the picked options for choice items, the normalized text for short answers, the outcome for
 * matching and ordering, the category per statement for CLASSIFY (each type's module says). Pure.
 */
import type { Item } from "../content/content.schema.js";
import type { Grade, LocalAnswer } from "../items/item-type.js";
import { itemType } from "../items/registry.js";

export function answerKey(item: Item, answer: LocalAnswer, grade: Grade): string | null {
  return itemType(item).answerKey(item, answer, grade);
}
