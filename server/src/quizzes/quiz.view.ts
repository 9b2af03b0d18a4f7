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

/**
 * The public id of an option: opaque (keyed with the server's secret) but stable, so authors' habits, such
 * as listing the right answer first as "a" or numbering a sequence in order, never show through. TRUE_FALSE
 * options are simply `<item>.true` and `<item>.false`.
 */
export function publicOptionId(ids: OptionIds, item: Pick<Item, "id" | "type">, localId: string): string {
  return item.type === "TRUE_FALSE" ? `${item.id}.${localId}` : ids.option(item.id, localId);
}

/** A stable order of ids that is independent of how content lists them. */
function keyUnrelatedOrder<T extends { id: string }>(ids: OptionIds, itemId: string, options: T[]): T[] {
  const rank = new Map(options.map((o) => [o.id, ids.rank(itemId, o.id)]));
  return [...options].sort((a, b) => {
    const ha = rank.get(a.id)!;
    const hb = rank.get(b.id)!;
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
}

/** Like keyUnrelatedOrder, but never returns the key order itself (rotates once if it would). */
function neverKeyOrder<T extends { id: string }>(ids: OptionIds, itemId: string, inKeyOrder: T[]): T[] {
  const shuffled = keyUnrelatedOrder(ids, itemId, inKeyOrder);
  const same = shuffled.every((o, i) => o.id === inKeyOrder[i].id);
  return same && shuffled.length > 1 ? [...shuffled.slice(1), shuffled[0]] : shuffled;
}

const TRUE_FALSE_TEXT = {
  true: { ar: "صحيح", en: "True" },
  false: { ar: "خطأ", en: "False" },
} as const;

export function publicChoicesAndTargets(ids: OptionIds, item: Item, locale: Locale): { choices: Choice[]; targets: Choice[] } {
  const opt = (o: { id: string; text: { ar: string; en: string } }): Choice => ({
    id: ids.option(item.id, o.id),
    text: pick(o.text, locale),
  });
  switch (item.type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return { choices: keyUnrelatedOrder(ids, item.id, item.choices).map(opt), targets: [] };
    case "TRUE_FALSE":
      return {
        choices: (["true", "false"] as const).map((v) => ({ id: `${item.id}.${v}`, text: pick(TRUE_FALSE_TEXT[v], locale) })),
        targets: [],
      };
    case "ORDERING":
      return { choices: neverKeyOrder(ids, item.id, item.sequence).map(opt), targets: [] };
    case "MATCHING": {
      const lefts = neverKeyOrder(ids, item.id, item.pairs.map((p) => p.left));
      const rights = [...item.pairs.map((p) => p.right), ...(item.distractors ?? [])];
      // Targets must not line up with the lefts' order, or the pairing could be read off by position.
      const inLeftOrder = lefts.map((l) => item.pairs.find((p) => p.left.id === l.id)!.right);
      let targets = keyUnrelatedOrder(ids, item.id, rights);
      if (inLeftOrder.every((r, i) => targets[i]?.id === r.id)) targets = [...targets.slice(1), targets[0]];
      return { choices: lefts.map(opt), targets: targets.map(opt) };
    }
    default:
      return { choices: [], targets: [] };
  }
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
    rubric:
      item.type === "ESSAY"
        ? item.rubric.map((r) => ({ id: r.id, criterion: pick(r.criterion, locale), points: r.points }))
        : [],
    version,
  };
}
