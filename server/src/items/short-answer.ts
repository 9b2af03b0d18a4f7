/**
 * SHORT_ANSWER: a typed answer of at most 200 characters, right when it matches an accepted answer after
 * Arabic normalization (shared/arabic.ts), spaces ignored too; all or nothing.
 */
import { z } from "zod";
import type { ItemCore, ItemTypeModule, SchemaPart } from "./item-type.js";
import { countByKey, graded, machineGraded, textSet } from "./item-kit.js";
import { normalizeArabic } from "../shared/arabic.js";
import { Locale } from "../shared/locale.js";
import { matchShortAnswer } from "./short-answer-match.js";

const fields = z.object({
  type: z.literal("SHORT_ANSWER"),
  accept: z.array(z.string().trim().min(1)).min(1),
  /** false: only exact answers (after normalization); by default one letter off is accepted with a note. */
  spellingTolerance: z.boolean().optional(),
});
export type ShortAnswerItem = ItemCore & z.infer<typeof fields>;

export const shortAnswerSchema: SchemaPart<typeof fields.shape, ShortAnswerItem> = { fields, rules: [] };

export const MAX_SHORT_ANSWER = 200;
const ARABIC = /[\u0600-\u06FF]/;

/** A typed answer (SHORT_ANSWER, ESSAY): not empty, at most `max` characters. */
export function validateText(text: string, max: number): { ok: true; answer: { text: string } } | { ok: false; reason: string } {
  const t = text.trim();
  if (t === "") return { ok: false, reason: "the answer is empty" };
  if ([...t].length > max) return { ok: false, reason: `the answer is longer than ${max} characters` };
  return { ok: true, answer: { text: t } };
}

export const shortAnswer: ItemTypeModule<ShortAnswerItem> = {
  ...machineGraded,
  type: "SHORT_ANSWER",
  keyedContent: (item, n) => textSet(item.accept.map(n)),
  answerField: "text",
  localIds: () => [],
  check: (item) =>
    item.accept.flatMap((a, ai) => (normalizeArabic(a) === "" ? [{ path: `accept[${ai}]`, message: "accepted answer is empty after normalization" }] : [])),
  view: () => ({ choices: [], targets: [] }),
  validate: (_ids, _item, answer) => validateText(answer.text!, MAX_SHORT_ANSWER),
  // The matching rules live in short-answer-match.ts; a near miss counts as right (feedback shows its spelling note).
  grade: (item, a) => graded(item.points, matchShortAnswer(item.accept, a.text ?? "", { spellingTolerance: item.spellingTolerance }).correct ? 1 : 0),
  gradingNote: (item, a) => (a.text ? (matchShortAnswer(item.accept, a.text, { spellingTolerance: item.spellingTolerance }).spellingNote ?? null) : null),
  rightAnswer: (item) => ({ text: item.accept[0] }),
  /** An accepted answer in the attempt's language, when there is one. */
  shownRightAnswer: (item, locale) => ({ text: item.accept.find((a) => ARABIC.test(a) === (locale === Locale.AR)) ?? item.accept[0] }),
  answerKey: (_item, answer) => `t:${normalizeArabic(answer.text ?? "").slice(0, 190)}`,
  /** The ten most frequent answers as typed (normalized). */
  distribution: (_ids, _item, rows) =>
    [...countByKey(rows)]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([k, n]) => ({ key: k, label: k.slice(2), correct: null, count: n })),
  demoAnswers: (item) => ({ right: shortAnswer.shownRightAnswer(item, Locale.AR)!, wrong: { text: "لا أعرف" } }),
};
