/** ORDERING: 3–7 elements listed in the right order; (L − 1) / (n − 1), L the longest run placed in key order. */
import { z } from "zod";
import { Option } from "../content/content.parts.js";
import type { ItemCore, ItemTypeModule, SchemaPart } from "./item-type.js";
import { countByKey, graded, idMap, machineGraded, neverKeyOrder, outcomeDistribution, outcomeKey, publicOption, shuffleAwayFrom, toLocal } from "./item-kit.js";

const fields = z.object({ type: z.literal("ORDERING"), sequence: z.array(Option).min(3).max(7) });
export type OrderingItem = ItemCore & z.infer<typeof fields>;

export const orderingSchema: SchemaPart<typeof fields.shape, OrderingItem> = { fields, rules: [] };

/** Length of the longest subsequence of `seq` whose elements appear in increasing key order. */
export function longestInKeyOrder(seq: string[], key: string[]): number {
  const rank = new Map(key.map((id, i) => [id, i]));
  const tails: number[] = []; // patience sorting: O(n log n) longest increasing subsequence
  for (const id of seq) {
    const r = rank.get(id);
    if (r === undefined) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = r;
  }
  return tails.length;
}

export const ordering: ItemTypeModule<OrderingItem> = {
  ...machineGraded,
  type: "ORDERING",
  keyedContent: (item, n) => item.sequence.map((s) => n(s.text.ar)).join(" > "),
  answerField: "sequence",
  localIds: (item) => [{ group: "sequence", ids: item.sequence.map((s) => s.id) }],
  view: (ids, item, locale) => ({ choices: neverKeyOrder(ids, item.id, item.sequence).map((o) => publicOption(ids, item.id, o, locale)), targets: [] }),
  /** This attempt's own order, never the key order (it would show the answer). */
  layout: (ids, item, view, shuffle) => ({
    choices: shuffleAwayFrom(shuffle, view.choices, item.sequence.map((s) => ids.option(item.id, s.id))),
    targets: shuffle(view.targets),
  }),
  validate(ids, item, answer) {
    const left = idMap(ids, item.id, item.sequence.map((s) => s.id));
    const local = toLocal(answer.sequence!, left);
    if (typeof local === "string") return { ok: false, reason: `"${local}" is not an element of item ${item.id}` };
    if (new Set(local).size !== local.length || local.length !== left.size) return { ok: false, reason: `place each of the ${left.size} elements exactly once` };
    return { ok: true, answer: { sequence: local } };
  },
  grade(item, a) {
    const key = item.sequence.map((s) => s.id);
    const l = longestInKeyOrder(a.sequence ?? [], key);
    return graded(item.points, l <= 1 ? 0 : (l - 1) / (key.length - 1));
  },
  rightAnswer: (item) => ({ sequence: item.sequence.map((s) => s.id) }),
  shownRightAnswer: (item) => ordering.rightAnswer(item),
  answerKey: (_item, _answer, grade) => outcomeKey(grade),
  distribution: (_ids, _item, rows) => outcomeDistribution(countByKey(rows)),
  demoAnswers(item) {
    const seq = item.sequence.map((s) => s.id);
    return { right: ordering.rightAnswer(item), wrong: { sequence: [seq[1], seq[0], ...seq.slice(2)] } };
  },
};
