/**
 * CLASSIFY: the learner sorts 4–10 statements into 2–5 named categories (for example: reported fact,
 * attributed claim, author's judgement, prediction). Each statement belongs to exactly one category; at least
 * two categories are used. The statements are the item's choices (shuffled per attempt), the categories its
 * targets (in content order); an answer is `pairs` of statement → category, at most one per statement.
 * Score = points × statements placed right ÷ all statements. Item statistics count, per statement, how the
 * answers sorted it (docs/architecture.md, "Item types": the shape the client and the content follow).
 */
import { z } from "zod";
import { Bilingual, LocalId, Option } from "../content/content.parts.js";
import type { ItemCore, ItemTypeModule, KeyCount, SchemaPart } from "./item-type.js";
import { countByKey, graded, idMap, keyUnrelatedOrder, machineGraded, outcomeKey, publicOption, textSet } from "./item-kit.js";
import { pick } from "../shared/locale.js";

const fields = z.object({
  type: z.literal("CLASSIFY"),
  categories: z.array(Option).min(2, "a CLASSIFY item has 2–5 categories").max(5, "a CLASSIFY item has 2–5 categories"),
  statements: z
    .array(z.object({ id: LocalId, category: LocalId, text: Bilingual }).strict())
    .min(4, "a CLASSIFY item has 4–10 statements")
    .max(10, "a CLASSIFY item has 4–10 statements"),
});
export type ClassifyItem = ItemCore & z.infer<typeof fields>;

export const classifySchema: SchemaPart<typeof fields.shape, ClassifyItem> = { fields, rules: [] };

/**
 * The answer key stored for statistics: per statement in content order, the index of the category it was
 * placed in (content order) or "-" when left out; "c:0120" for four statements. At most 12 characters,
 * whatever the ids' lengths (response.answerKey holds 200).
 */
export function classifyKey(item: ClassifyItem, pairs: { leftId: string; rightId: string }[]): string {
  const placed = new Map(pairs.map((p) => [p.leftId, p.rightId]));
  const index = new Map(item.categories.map((c, i) => [c.id, i]));
  return `c:${item.statements.map((s) => index.get(placed.get(s.id) ?? "") ?? "-").join("")}`;
}

/** A stored key back to the category index per statement (null for "-"), or null when it is not a key of this item. */
function parseKey(item: ClassifyItem, key: string): (number | null)[] | null {
  if (!key.startsWith("c:") || key.length !== item.statements.length + 2) return null;
  return [...key.slice(2)].map((ch) => {
    const n = Number(ch);
    return ch === "-" || !Number.isInteger(n) || n >= item.categories.length ? null : n;
  });
}

/** Statements placed in their own category, in a parsed key. */
const rightCount = (item: ClassifyItem, placed: (number | null)[]) => {
  const index = new Map(item.categories.map((c, i) => [c.id, i]));
  return item.statements.filter((s, i) => placed[i] !== null && placed[i] === index.get(s.category)).length;
};

export const classify: ItemTypeModule<ClassifyItem> = {
  ...machineGraded,
  type: "CLASSIFY",
  keyedContent: (item, n) =>
    textSet(item.statements.map((s) => `${n(s.text.ar)} > ${n(item.categories.find((c) => c.id === s.category)?.text.ar ?? "")}`)),
  answerField: "pairs",
  localIds: (item) => [
    { group: "categories", ids: item.categories.map((c) => c.id) },
    { group: "statements", ids: item.statements.map((s) => s.id) },
  ],
  check(item) {
    const categories = new Set(item.categories.map((c) => c.id));
    const problems = item.statements.flatMap((s, i) =>
      categories.has(s.category) ? [] : [{ path: `statements[${i}].category`, message: `"${s.category}" is not one of this item's categories` }],
    );
    const used = new Set(item.statements.map((s) => s.category).filter((c) => categories.has(c)));
    if (used.size < 2) problems.push({ path: "statements", message: "the statements use only one category; a CLASSIFY item needs at least two in use" });
    return problems;
  },
  /** Statements in an order unrelated to the content's; categories in content order (the author's). */
  view: (ids, item, locale) => ({
    choices: keyUnrelatedOrder(ids, item.id, item.statements).map((s) => publicOption(ids, item.id, s, locale)),
    targets: item.categories.map((c) => publicOption(ids, item.id, c, locale)),
  }),
  /** The statements in this attempt's own shuffle; the categories keep their order. */
  layout: (_ids, _item, view, shuffle) => ({ choices: shuffle(view.choices), targets: [...view.targets] }),
  validate(ids, item, answer) {
    const pairs = answer.pairs!;
    if (pairs.length === 0) return { ok: false, reason: "place at least one statement in a category" };
    const statements = idMap(ids, item.id, item.statements.map((s) => s.id));
    const categories = idMap(ids, item.id, item.categories.map((c) => c.id));
    const out: { leftId: string; rightId: string }[] = [];
    const seen = new Set<string>();
    for (const p of pairs) {
      const s = statements.get(p.leftId);
      const c = categories.get(p.rightId);
      if (s === undefined) return { ok: false, reason: `"${p.leftId}" is not a statement of item ${item.id}` };
      if (c === undefined) return { ok: false, reason: `"${p.rightId}" is not a category of item ${item.id}` };
      if (seen.has(s)) return { ok: false, reason: "a statement is placed twice" };
      seen.add(s);
      out.push({ leftId: s, rightId: c });
    }
    return { ok: true, answer: { pairs: out } };
  },
  /** Statements placed in their own category ÷ all statements; one left out scores 0. */
  grade(item, a) {
    const key = new Map(item.statements.map((s) => [s.id, s.category]));
    const seen = new Set<string>();
    let right = 0;
    for (const p of a.pairs ?? []) {
      if (seen.has(p.leftId)) continue;
      seen.add(p.leftId);
      if (key.get(p.leftId) === p.rightId) right++;
    }
    return graded(item.points, right / item.statements.length);
  },
  rightAnswer: (item) => ({ pairs: item.statements.map((s) => ({ leftId: s.id, rightId: s.category })) }),
  shownRightAnswer: (item) => classify.rightAnswer(item),
  answerKey: (item, answer) => classifyKey(item, answer.pairs ?? []),
  /** =correct / =partial / =incorrect, read off the stored keys (the grade follows from the key). */
  distribution(_ids, item, rows) {
    const counts = new Map<string, number>([["=correct", 0], ["=partial", 0], ["=incorrect", 0]]);
    for (const [key, n] of countByKey(rows)) {
      const placed = parseKey(item, key);
      if (!placed) continue;
      const right = rightCount(item, placed);
      const outcome = outcomeKey({ status: "GRADED", score: right, maxScore: item.statements.length, correct: right === item.statements.length });
      counts.set(outcome, counts.get(outcome)! + n);
    }
    return [...counts].map(([key, count]) => ({ key, label: null, correct: key === "=correct", count }));
  },
  statements(ids, item, rows: KeyCount[], locale) {
    const parsed = [...countByKey(rows)].map(([key, n]) => ({ placed: parseKey(item, key), n }));
    return item.statements.map((s, i) => {
      const perCategory = item.categories.map(() => 0);
      for (const { placed, n } of parsed) {
        const c = placed?.[i];
        if (c !== null && c !== undefined) perCategory[c] += n;
      }
      const right = item.categories.findIndex((c) => c.id === s.category);
      return {
        id: ids.option(item.id, s.id),
        label: pick(s.text, locale),
        responses: perCategory.reduce((a, b) => a + b, 0),
        correct: right >= 0 ? perCategory[right] : 0,
        categories: item.categories.map((c, ci) => ({ key: ids.option(item.id, c.id), label: pick(c.text, locale), correct: c.id === s.category, count: perCategory[ci] })),
      };
    });
  },
  /** Wrong: every statement moved to the next category, so none is in its own. */
  demoAnswers(item) {
    const next = (category: string) => item.categories[(item.categories.findIndex((c) => c.id === category) + 1) % item.categories.length].id;
    return { right: classify.rightAnswer(item), wrong: { pairs: item.statements.map((s) => ({ leftId: s.id, rightId: next(s.category) })) } };
  },
};
