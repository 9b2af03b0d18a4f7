/** SINGLE_CHOICE's module (server/src/items/single-choice.ts): grading, answer validation, public view. Pure. */
import type { Item } from "../../../server/src/content/content.schema.js";
import { describe, expect, it } from "vitest";
import { singleChoice as sc } from "../../../server/src/items/single-choice.js";
import { validateAnswer } from "../../../server/src/items/registry.js";
import { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { singleChoice } from "../../helpers/item-factory.js";

const ids = new OptionIds(Buffer.alloc(32, 1));
const item = singleChoice(2) as Parameters<typeof sc.grade>[0];
const pid = (local: string) => ids.option(item.id, local);

describe("SINGLE_CHOICE", () => {
  it.each([
    [["a"], 2, true],
    [["b"], 0, false],
    [["a", "b"], 0, false],
  ] as const)("should grade %j as %d", (choiceIds, score, correct) => {
    expect(sc.grade(item, { choiceIds: [...choiceIds] })).toEqual({ status: "GRADED", score, maxScore: 2, correct });
  });

  it.each([
    [{ choiceIds: [] }, "pick a choice"],
    [{ choiceIds: ["a", "b"].map(pid) }, "pick exactly one choice"],
    [{ choiceIds: ["sc.nope"] }, `"sc.nope" is not a choice of item sc`],
    [{ text: "a" }, "a SINGLE_CHOICE item is answered with choiceIds only, not text"],
    [{}, "a SINGLE_CHOICE item is answered with choiceIds"],
  ])("should refuse %j", (answer, reason) => {
    expect(validateAnswer(ids, item as Item, answer)).toEqual({ ok: false, reason });
  });

  it("should map a public choice id to its local id", () => {
    expect(validateAnswer(ids, item as Item, { choiceIds: [pid("b")] })).toEqual({ ok: true, answer: { choiceIds: ["b"] } });
  });

  it("should show every choice under an opaque id, in the language asked, without the key", () => {
    const view = sc.view(ids, item, Locale.EN);
    expect(view.targets).toEqual([]);
    expect(new Set(view.choices.map((c) => c.id))).toEqual(new Set(["a", "b", "c"].map(pid)));
    expect(view.choices.map((c) => c.text).sort()).toEqual(["a", "b", "c"]);
    expect(JSON.stringify(view)).not.toMatch(/correct/);
  });

  it("should count answers per choice for item statistics, and mark the key", () => {
    const key = sc.answerKey(item, { choiceIds: ["b"] }, sc.grade(item, { choiceIds: ["b"] }));
    expect(key).toBe("b");
    const dist = sc.distribution(ids, item, [{ answerKey: "b", n: 3 }, { answerKey: "a", n: 2 }], Locale.EN);
    expect(dist).toEqual([
      { key: pid("a"), label: "a", correct: true, count: 2 },
      { key: pid("b"), label: "b", correct: false, count: 3 },
      { key: pid("c"), label: "c", correct: false, count: 0 },
    ]);
  });

  it("should give the demo a right answer that earns full marks and a wrong one that earns none", () => {
    const { right, wrong } = sc.demoAnswers(item);
    expect(sc.grade(item, right).correct).toBe(true);
    expect(sc.grade(item, wrong).score).toBe(0);
    expect(sc.handGraded).toBe(false);
  });
});
