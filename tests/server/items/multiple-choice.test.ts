/** MULTIPLE_CHOICE's module (server/src/items/multiple-choice.ts): max(0, (R − W) / K), validation, view. Pure. */
import type { Item } from "../../../server/src/content/content.schema.js";
import { describe, expect, it } from "vitest";
import { multipleChoice as mc } from "../../../server/src/items/multiple-choice.js";
import { validateAnswer } from "../../../server/src/items/registry.js";
import { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { multipleChoice } from "../../helpers/item-factory.js";

const ids = new OptionIds(Buffer.alloc(32, 2));
const item = multipleChoice(3) as Parameters<typeof mc.grade>[0];
const pid = (local: string) => ids.option(item.id, local);

describe("MULTIPLE_CHOICE", () => {
  it.each([
    [["a", "b", "c"], 3, true],
    [["a", "b"], 2, false],
    [["a", "b", "c", "d"], 2, false],
    [["a", "d"], 0, false],
    [["a", "d", "e"], 0, false],
    [["a", "b", "c", "d", "e"], 1, false],
  ] as const)("should grade %j as %d of 3", (choiceIds, score, correct) => {
    expect(mc.grade(item, { choiceIds: [...choiceIds] })).toEqual({ status: "GRADED", score, maxScore: 3, correct });
  });

  it.each([
    [{ choiceIds: [] }, "pick a choice"],
    [{ choiceIds: [pid("a"), pid("a")] }, "a choice is picked twice"],
    [{ choiceIds: [pid("a"), "mc.zz"] }, `"mc.zz" is not a choice of item mc`],
    [{ sequence: [pid("a")] }, "a MULTIPLE_CHOICE item is answered with choiceIds only, not sequence"],
  ])("should refuse %j", (answer, reason) => {
    expect(validateAnswer(ids, item as Item, answer)).toEqual({ ok: false, reason });
  });

  it("should accept several choices and map them to local ids", () => {
    expect(validateAnswer(ids, item as Item, { choiceIds: [pid("e"), pid("a")] })).toEqual({ ok: true, answer: { choiceIds: ["e", "a"] } });
  });

  it("should show the five choices under opaque ids", () => {
    const view = mc.view(ids, item, Locale.AR);
    expect(view.choices).toHaveLength(5);
    expect(view.choices.every((c) => c.id.startsWith("mc.") && !["mc.a", "mc.b"].includes(c.id))).toBe(true);
    expect(view.choices[0].text).toMatch(/^نص /);
  });

  it("should split answer signatures into their choices for the distribution", () => {
    expect(mc.answerKey(item, { choiceIds: ["c", "a"] }, mc.grade(item, { choiceIds: ["c", "a"] }))).toBe("a,c");
    const dist = mc.distribution(ids, item, [{ answerKey: "a,c", n: 2 }, { answerKey: "a", n: 1 }, { answerKey: null, n: 4 }], Locale.EN);
    expect(dist.map((d) => [d.label, d.correct, d.count])).toEqual([["a", true, 3], ["b", true, 0], ["c", true, 2], ["d", false, 0], ["e", false, 0]]);
  });

  it("should give the demo a wrong answer that scores 0", () => {
    expect(mc.grade(item, mc.demoAnswers(item).wrong).score).toBe(0);
    expect(mc.grade(item, mc.demoAnswers(item).right).correct).toBe(true);
  });
});
