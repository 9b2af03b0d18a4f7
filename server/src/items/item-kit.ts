/**
 * Helpers the item-type modules share: rounding and partial credit, key-unrelated option orders, shuffles
 * that never show the key, public → local id mapping, and the outcome keys (=correct / =partial /
 * =incorrect) of the multi-part types' statistics. Pure.
 */
import type { Bilingual } from "../content/content.parts.js";
import type { Locale } from "../shared/locale.js";
import { pick } from "../shared/locale.js";
import type { Grade, ItemCore, KeyCount, LocalAnswer, OptionCountView, OptionIdSource, PublicOption, Shuffle, Validation } from "./item-type.js";

/** Rounds to 0.01 (in points), away from binary noise: 0.1 + 0.2 → 0.3. */
export const roundPoints = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/** A machine-graded result: `fraction` of the points (clamped to 0–1, rounded to 0.01). */
export const graded = (points: number, fraction: number): Grade => {
  const score = roundPoints(points * Math.min(1, Math.max(0, fraction)));
  return { status: "GRADED", score, maxScore: points, correct: score === points };
};

/** A stable order of options that is independent of how content lists them. */
export function keyUnrelatedOrder<T extends { id: string }>(ids: OptionIdSource, itemId: string, options: readonly T[]): T[] {
  const rank = new Map(options.map((o) => [o.id, ids.rank(itemId, o.id)]));
  return [...options].sort((a, b) => {
    const ha = rank.get(a.id)!;
    const hb = rank.get(b.id)!;
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
}

/** Like keyUnrelatedOrder, but never returns the key order itself (rotates once if it would). */
export function neverKeyOrder<T extends { id: string }>(ids: OptionIdSource, itemId: string, inKeyOrder: readonly T[]): T[] {
  const shuffled = keyUnrelatedOrder(ids, itemId, inKeyOrder);
  const same = shuffled.every((o, i) => o.id === inKeyOrder[i].id);
  return same && shuffled.length > 1 ? [...shuffled.slice(1), shuffled[0]] : shuffled;
}

/** Shuffles, but never returns `key` itself when it has two or more elements (it would show the answer). */
export function shuffleAwayFrom(shuffle: Shuffle, xs: string[], key: string[] | null): string[] {
  for (let tries = 0; tries < 20; tries++) {
    const s = shuffle(xs);
    if (!key || key.length < 2 || s.length !== key.length || s.some((x, i) => x !== key[i])) return s;
  }
  return [...xs.slice(1), xs[0]];
}

/** An option with its opaque public id and its text in the locale. */
export const publicOption = (ids: OptionIdSource, itemId: string, o: { id: string; text: Bilingual }, locale: Locale): PublicOption => ({
  id: ids.option(itemId, o.id),
  text: pick(o.text, locale),
});

/** Public ids → local ids of the given local ids. */
export const idMap = (ids: OptionIdSource, itemId: string, locals: string[]): Map<string, string> =>
  new Map(locals.map((id) => [ids.option(itemId, id), id]));

/** Maps public ids to local ids; returns the first unknown public id instead when there is one. */
export function toLocal(publicIds: string[], map: Map<string, string>): string[] | string {
  const out: string[] = [];
  for (const id of publicIds) {
    const local = map.get(id);
    if (local === undefined) return id;
    out.push(local);
  }
  return out;
}

/** The answer key of a multi-part type whose answers are too varied to list: its outcome. */
export const outcomeKey = (grade: Grade): string => (grade.correct ? "=correct" : (grade.score ?? 0) > 0 ? "=partial" : "=incorrect");

/** Answers counted by key (rows with no key skipped). */
export function countByKey(rows: KeyCount[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.answerKey !== null) counts.set(r.answerKey, (counts.get(r.answerKey) ?? 0) + Number(r.n));
  return counts;
}

/** The distribution over =correct / =partial / =incorrect. */
export const outcomeDistribution = (counts: Map<string, number>): OptionCountView[] =>
  (["=correct", "=partial", "=incorrect"] as const).map((k) => ({ key: k, label: null, correct: k === "=correct", count: counts.get(k) ?? 0 }));

/** Defaults most types share: machine-graded, no rubric, no per-statement statistics, opaque public ids. */
export const machineGraded = {
  handGraded: false,
  check: () => [],
  rubric: () => [],
  statements: () => null,
  gradingNote: () => null,
  publicId: (ids: OptionIdSource, item: ItemCore, localId: string) => ids.option(item.id, localId),
  layout: (_ids: OptionIdSource, _item: ItemCore, view: { choices: string[]; targets: string[] }, shuffle: Shuffle) => ({
    choices: shuffle(view.choices),
    targets: shuffle(view.targets),
  }),
} as const;

/** Choice answers (SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE): at least one, `single` exactly one, none twice. */
export function validateChoices(itemId: string, picked: string[], map: Map<string, string>, single: boolean): Validation {
  if (picked.length === 0) return { ok: false, reason: "pick a choice" };
  if (single && picked.length !== 1) return { ok: false, reason: "pick exactly one choice" };
  if (new Set(picked).size !== picked.length) return { ok: false, reason: "a choice is picked twice" };
  const local = toLocal(picked, map);
  if (typeof local === "string") return { ok: false, reason: `"${local}" is not a choice of item ${itemId}` };
  return { ok: true, answer: { choiceIds: local } };
}

/** The answer key of choice items: the picked local ids, sorted, comma-separated. */
export const choiceKey = (answer: LocalAnswer): string => [...(answer.choiceIds ?? [])].sort().join(",");

/** Texts as one order-free string, for keyedContent. */
export const textSet = (texts: string[]): string => [...new Set(texts)].sort().join(" | ");
