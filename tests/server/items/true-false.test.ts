/** TRUE_FALSE's module (server/src/items/true-false.ts): its two made-up options, ids and grading. Pure. */
import type { Item } from "../../../server/src/content/content.schema.js";
import { describe, expect, it } from "vitest";
import { trueFalse as tf } from "../../../server/src/items/true-false.js";
import { validateAnswer } from "../../../server/src/items/registry.js";
import { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { trueFalse } from "../../helpers/item-factory.js";

const ids = new OptionIds(Buffer.alloc(32, 3));
const yes = trueFalse(true) as Parameters<typeof tf.grade>[0];
const no = trueFalse(false) as Parameters<typeof tf.grade>[0];

describe("TRUE_FALSE", () => {
  it.each([
    [yes, "true", 1, true],
    [yes, "false", 0, false],
    [no, "false", 1, true],
    [no, "true", 0, false],
  ] as const)("should grade %# (%s)", (item, picked, score, correct) => {
    expect(tf.grade(item, { choiceIds: [picked] })).toEqual({ status: "GRADED", score, maxScore: 1, correct });
  });

  it("should offer True then False, with the plain ids <item>.true and <item>.false, in both languages", () => {
    expect(tf.view(ids, yes, Locale.AR).choices).toEqual([{ id: "tf.true", text: "صحيح" }, { id: "tf.false", text: "خطأ" }]);
    expect(tf.view(ids, yes, Locale.EN).choices.map((c) => c.text)).toEqual(["True", "False"]);
    expect(tf.publicId(ids, yes, "false")).toBe("tf.false");
  });

  it("should keep the conventional order in every attempt", () => {
    const reverse = <T,>(xs: readonly T[]) => [...xs].reverse();
    expect(tf.layout(ids, yes, { choices: ["tf.true", "tf.false"], targets: [] }, reverse).choices).toEqual(["tf.true", "tf.false"]);
  });

  it.each([
    [{ choiceIds: ["tf.true"] }, { ok: true, answer: { choiceIds: ["true"] } }],
    [{ choiceIds: ["tf.maybe"] }, { ok: false, reason: `"tf.maybe" is not a choice of item tf` }],
    [{ choiceIds: ["tf.true", "tf.false"] }, { ok: false, reason: "pick exactly one choice" }],
    [{ choiceIds: [ids.option("tf", "true")] }, { ok: false, reason: `"${ids.option("tf", "true")}" is not a choice of item tf` }],
  ])("should validate %j", (answer, result) => {
    expect(validateAnswer(ids, yes as Item, answer)).toEqual(result);
  });

  it("should count true and false answers for the distribution", () => {
    const dist = tf.distribution(ids, no, [{ answerKey: "true", n: 4 }, { answerKey: "false", n: 1 }], Locale.AR);
    expect(dist).toEqual([
      { key: "tf.true", label: "true", correct: false, count: 4 },
      { key: "tf.false", label: "false", correct: true, count: 1 },
    ]);
  });
});
