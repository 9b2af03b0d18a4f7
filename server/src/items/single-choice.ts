/** SINGLE_CHOICE: 3–5 choices, exactly one correct; all or nothing. */
import { z } from "zod";
import { Choice } from "../content/content.parts.js";
import type { ItemCore, ItemTypeModule, SchemaPart } from "./item-type.js";
import { choiceKey, countByKey, graded, idMap, keyUnrelatedOrder, machineGraded, publicOption, textSet, validateChoices } from "./item-kit.js";
import { pick } from "../shared/locale.js";

const fields = z.object({ type: z.literal("SINGLE_CHOICE"), choices: z.array(Choice).min(3).max(5) });
export type SingleChoiceItem = ItemCore & z.infer<typeof fields>;

export const correctCount = (choices: { correct?: boolean }[]) => choices.filter((c) => c.correct === true).length;

export const singleChoiceSchema: SchemaPart<typeof fields.shape, SingleChoiceItem> = {
  fields,
  rules: [{ check: (i) => correctCount(i.choices) === 1, message: "SINGLE_CHOICE needs exactly one correct choice", path: ["choices"] }],
};

export const singleChoice: ItemTypeModule<SingleChoiceItem> = {
  ...machineGraded,
  type: "SINGLE_CHOICE",
  keyedContent: (item, n) => textSet(item.choices.filter((c) => c.correct === true).map((c) => n(c.text.ar))),
  answerField: "choiceIds",
  localIds: (item) => [{ group: "choices", ids: item.choices.map((c) => c.id) }],
  view: (ids, item, locale) => ({ choices: keyUnrelatedOrder(ids, item.id, item.choices).map((c) => publicOption(ids, item.id, c, locale)), targets: [] }),
  validate: (ids, item, answer) => validateChoices(item.id, answer.choiceIds!, idMap(ids, item.id, item.choices.map((c) => c.id)), true),
  grade(item, a) {
    const right = item.choices.find((c) => c.correct)!.id;
    return graded(item.points, a.choiceIds?.length === 1 && a.choiceIds[0] === right ? 1 : 0);
  },
  rightAnswer: (item) => ({ choiceIds: item.choices.filter((c) => c.correct).map((c) => c.id) }),
  shownRightAnswer: (item) => singleChoice.rightAnswer(item),
  answerKey: (_item, answer) => choiceKey(answer),
  distribution(ids, item, rows, locale) {
    const counts = countByKey(rows);
    return item.choices.map((c) => ({ key: ids.option(item.id, c.id), label: pick(c.text, locale), correct: c.correct === true, count: counts.get(c.id) ?? 0 }));
  },
  demoAnswers: (item) => ({ right: singleChoice.rightAnswer(item), wrong: { choiceIds: [item.choices.find((c) => !c.correct)!.id] } }),
};
