/** MULTIPLE_CHOICE: 4–6 choices, at least two correct and one wrong; max(0, (R − W) / K). */
import { z } from "zod";
import { Choice } from "../content/content.parts.js";
import type { ItemCore, ItemTypeModule, SchemaPart } from "./item-type.js";
import { choiceKey, graded, idMap, keyUnrelatedOrder, machineGraded, publicOption, textSet, validateChoices } from "./item-kit.js";
import { pick } from "../shared/locale.js";
import { correctCount } from "./single-choice.js";

const fields = z.object({ type: z.literal("MULTIPLE_CHOICE"), choices: z.array(Choice).min(4).max(6) });
export type MultipleChoiceItem = ItemCore & z.infer<typeof fields>;

export const multipleChoiceSchema: SchemaPart<typeof fields.shape, MultipleChoiceItem> = {
  fields,
  rules: [
    {
      check: (i) => correctCount(i.choices) >= 2 && correctCount(i.choices) < i.choices.length,
      message: "MULTIPLE_CHOICE needs at least two correct choices and at least one wrong one",
      path: ["choices"],
    },
  ],
};

export const multipleChoice: ItemTypeModule<MultipleChoiceItem> = {
  ...machineGraded,
  type: "MULTIPLE_CHOICE",
  keyedContent: (item, n) => textSet(item.choices.filter((c) => c.correct === true).map((c) => n(c.text.ar))),
  answerField: "choiceIds",
  localIds: (item) => [{ group: "choices", ids: item.choices.map((c) => c.id) }],
  view: (ids, item, locale) => ({ choices: keyUnrelatedOrder(ids, item.id, item.choices).map((c) => publicOption(ids, item.id, c, locale)), targets: [] }),
  validate: (ids, item, answer) => validateChoices(item.id, answer.choiceIds!, idMap(ids, item.id, item.choices.map((c) => c.id)), false),
  /** max(0, (R − W) / K): R right and W wrong choices picked, K correct choices in all. */
  grade(item, a) {
    const correct = new Set(item.choices.filter((c) => c.correct).map((c) => c.id));
    let right = 0;
    let wrong = 0;
    for (const id of new Set(a.choiceIds ?? [])) {
      if (correct.has(id)) right++;
      else wrong++;
    }
    return graded(item.points, Math.max(0, (right - wrong) / correct.size));
  },
  rightAnswer: (item) => ({ choiceIds: item.choices.filter((c) => c.correct).map((c) => c.id) }),
  shownRightAnswer: (item) => multipleChoice.rightAnswer(item),
  answerKey: (_item, answer) => choiceKey(answer),
  /** Signatures ("a,c") are split into their options. */
  distribution(ids, item, rows, locale) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (r.answerKey === null) continue;
      for (const k of r.answerKey.split(",").filter(Boolean)) counts.set(k, (counts.get(k) ?? 0) + Number(r.n));
    }
    return item.choices.map((c) => ({ key: ids.option(item.id, c.id), label: pick(c.text, locale), correct: c.correct === true, count: counts.get(c.id) ?? 0 }));
  },
  demoAnswers: (item) => ({
    right: multipleChoice.rightAnswer(item),
    wrong: { choiceIds: [item.choices.find((c) => c.correct)!.id, item.choices.find((c) => !c.correct)!.id] },
  }),
};
