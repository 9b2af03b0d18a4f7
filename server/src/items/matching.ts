/** MATCHING: 3–6 pairs and up to 3 distractors on the right; correct pairs / pairs in the key. */
import { z } from "zod";
import { Option } from "../content/content.parts.js";
import type { ItemCore, ItemTypeModule, SchemaPart } from "./item-type.js";
import { countByKey, graded, idMap, keyUnrelatedOrder, machineGraded, neverKeyOrder, outcomeDistribution, outcomeKey, publicOption, textSet } from "./item-kit.js";

const fields = z.object({
  type: z.literal("MATCHING"),
  pairs: z.array(z.object({ left: Option, right: Option }).strict()).min(3).max(6),
  distractors: z.array(Option).max(3).optional(),
});
export type MatchingItem = ItemCore & z.infer<typeof fields>;

export const matchingSchema: SchemaPart<typeof fields.shape, MatchingItem> = { fields, rules: [] };

const rightIds = (item: MatchingItem) => [...item.pairs.map((p) => p.right.id), ...(item.distractors ?? []).map((d) => d.id)];

export const matching: ItemTypeModule<MatchingItem> = {
  ...machineGraded,
  type: "MATCHING",
  keyedContent: (item, n) => textSet(item.pairs.map((p) => `${n(p.left.text.ar)} > ${n(p.right.text.ar)}`)),
  answerField: "pairs",
  localIds: (item) => [
    { group: "pairs[].left", ids: item.pairs.map((p) => p.left.id) },
    { group: "pairs[].right + distractors", ids: rightIds(item) },
  ],
  view(ids, item, locale) {
    const lefts = neverKeyOrder(ids, item.id, item.pairs.map((p) => p.left));
    const rights = [...item.pairs.map((p) => p.right), ...(item.distractors ?? [])];
    // Targets must not line up with the lefts' order, or the pairing could be read off by position.
    const inLeftOrder = lefts.map((l) => item.pairs.find((p) => p.left.id === l.id)!.right);
    let targets = keyUnrelatedOrder(ids, item.id, rights);
    if (inLeftOrder.every((r, i) => targets[i]?.id === r.id)) targets = [...targets.slice(1), targets[0]];
    return { choices: lefts.map((o) => publicOption(ids, item.id, o, locale)), targets: targets.map((o) => publicOption(ids, item.id, o, locale)) };
  },
  validate(ids, item, answer) {
    const pairs = answer.pairs!;
    if (pairs.length === 0) return { ok: false, reason: "match at least one pair" };
    const left = idMap(ids, item.id, item.pairs.map((p) => p.left.id));
    const right = idMap(ids, item.id, rightIds(item));
    const out: { leftId: string; rightId: string }[] = [];
    const seen = new Set<string>();
    for (const p of pairs) {
      const l = left.get(p.leftId);
      const r = right.get(p.rightId);
      if (l === undefined) return { ok: false, reason: `"${p.leftId}" is not a left-hand option of item ${item.id}` };
      if (r === undefined) return { ok: false, reason: `"${p.rightId}" is not a target of item ${item.id}` };
      if (seen.has(l)) return { ok: false, reason: "a left-hand option is matched twice" };
      seen.add(l);
      out.push({ leftId: l, rightId: r });
    }
    return { ok: true, answer: { pairs: out } };
  },
  /** Correct pairs / n, n the number of pairs in the key. */
  grade(item, a) {
    const key = new Map(item.pairs.map((p) => [p.left.id, p.right.id]));
    const seen = new Set<string>();
    let right = 0;
    for (const p of a.pairs ?? []) {
      if (seen.has(p.leftId)) continue;
      seen.add(p.leftId);
      if (key.get(p.leftId) === p.rightId) right++;
    }
    return graded(item.points, right / item.pairs.length);
  },
  rightAnswer: (item) => ({ pairs: item.pairs.map((p) => ({ leftId: p.left.id, rightId: p.right.id })) }),
  shownRightAnswer: (item) => matching.rightAnswer(item),
  answerKey: (_item, _answer, grade) => outcomeKey(grade),
  distribution: (_ids, _item, rows) => outcomeDistribution(countByKey(rows)),
  demoAnswers: (item) => ({
    right: matching.rightAnswer(item),
    wrong: { pairs: item.pairs.map((p, i) => ({ leftId: p.left.id, rightId: item.pairs[(i + 1) % item.pairs.length].right.id })) },
  }),
};
