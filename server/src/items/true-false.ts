/**
 * TRUE_FALSE: a statement and `answer: true|false`. Its two options are not in the content; they are made
 * here, with the plain public ids `<item>.true` and `<item>.false`, and keep their conventional order.
 */
import { z } from "zod";
import type { ItemCore, ItemTypeModule, SchemaPart } from "./item-type.js";
import { choiceKey, countByKey, graded, machineGraded, validateChoices } from "./item-kit.js";
import { pick } from "../shared/locale.js";

const fields = z.object({ type: z.literal("TRUE_FALSE"), answer: z.boolean() });
export type TrueFalseItem = ItemCore & z.infer<typeof fields>;

export const trueFalseSchema: SchemaPart<typeof fields.shape, TrueFalseItem> = { fields, rules: [] };

const VALUES = ["true", "false"] as const;
const TEXT = {
  true: { ar: "صحيح", en: "True" },
  false: { ar: "خطأ", en: "False" },
} as const;

export const trueFalse: ItemTypeModule<TrueFalseItem> = {
  ...machineGraded,
  type: "TRUE_FALSE",
  keyedContent: (item, n) => `${n(item.prompt.ar)} = ${item.answer}`,
  answerField: "choiceIds",
  localIds: () => [],
  publicId: (_ids, item, localId) => `${item.id}.${localId}`,
  view: (_ids, item, locale) => ({ choices: VALUES.map((v) => ({ id: `${item.id}.${v}`, text: pick(TEXT[v], locale) })), targets: [] }),
  layout: (_ids, _item, view) => ({ choices: [...view.choices], targets: [...view.targets] }),
  validate: (_ids, item, answer) => validateChoices(item.id, answer.choiceIds!, new Map(VALUES.map((v) => [`${item.id}.${v}`, v])), true),
  grade(item, a) {
    const picked = a.choiceIds?.length === 1 ? a.choiceIds[0] : undefined;
    return graded(item.points, picked === String(item.answer) ? 1 : 0);
  },
  rightAnswer: (item) => ({ choiceIds: [String(item.answer)] }),
  shownRightAnswer: (item) => trueFalse.rightAnswer(item),
  answerKey: (_item, answer) => choiceKey(answer),
  distribution(_ids, item, rows) {
    const counts = countByKey(rows);
    return VALUES.map((v) => ({ key: `${item.id}.${v}`, label: v, correct: String(item.answer) === v, count: counts.get(v) ?? 0 }));
  },
  demoAnswers: (item) => ({ right: trueFalse.rightAnswer(item), wrong: { choiceIds: [String(!item.answer)] } }),
};
