/**
 * Pure mapping from a validated content item to what a learner may see: localized prompt and options with
 * public ids, in an order unrelated to the key. Nothing from the key, the explanation or the evidence is
 * copied, so a public QuizItem cannot leak them whatever a query selects. Ids and order are keyed with the
 * server's secret (option-ids.ts), so they cannot be recomputed from guessed local ids either.
 */
import type { Item } from "../content/content.schema.js";
import type { Locale } from "../shared/locale.js";
import { pick } from "../shared/locale.js";
import type { ItemType } from "./quiz.enum.js";
import type { OptionIds } from "./option-ids.js";
import type { Choice, QuizItem } from "./quiz.type.js";
import { itemType } from "../items/registry.js";

/**
 * The public id of an option: opaque (keyed with the server's secret) but stable, so authors' habits, such
 * as listing the right answer first as "a" or numbering a sequence in order, never show through. The type's
 * module decides (TRUE_FALSE options are simply `<item>.true` and `<item>.false`).
 */
export function publicOptionId(ids: OptionIds, item: Item, localId: string): string {
  return itemType(item).publicId(ids, item, localId);
}

/** The options a learner sees, their public ids and an order unrelated to the key (items/<type>.ts view). */
export function publicChoicesAndTargets(ids: OptionIds, item: Item, locale: Locale): { choices: Choice[]; targets: Choice[] } {
  return itemType(item).view(ids, item, locale);
}

export function publicItem(ids: OptionIds, item: Item, locale: Locale, version: number): QuizItem {
  const { choices, targets } = publicChoicesAndTargets(ids, item, locale);
  return {
    id: item.id,
    type: item.type as ItemType,
    prompt: pick(item.prompt, locale),
    points: item.points,
    objectiveIds: [...item.objectives],
    choices,
    targets,
    rubric: itemType(item).rubric(item, locale),
    version,
  };
}
