/** SHORT_ANSWER's module (server/src/items/short-answer.ts): matching after Arabic normalization, limits. Pure. */
import type { Item } from "../../../server/src/content/content.schema.js";
import { describe, expect, it } from "vitest";
import { shortAnswer as sa } from "../../../server/src/items/short-answer.js";
import { validateAnswer } from "../../../server/src/items/registry.js";
import { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { shortAnswer } from "../../helpers/item-factory.js";

const ids = new OptionIds(Buffer.alloc(32, 6));
const item = shortAnswer(["بوركينا فاسو", "Burkina Faso"]) as Parameters<typeof sa.grade>[0];

describe("SHORT_ANSWER", () => {
  it.each([
    ["بوركينا فاسو", 1, true],
    ["بُوركينا فاسو", 1, true],
    ["  بوركينافاسو ", 1, true],
    ["burkina faso", 1, true],
    ["بوركينا", 0, false],
    ["", 0, false],
  ])("should grade %j", (text, score, correct) => {
    expect(sa.grade(item, { text })).toEqual({ status: "GRADED", score, maxScore: 1, correct });
  });

  it.each([
    [{ text: "   " }, "the answer is empty"],
    [{ text: "ب".repeat(201) }, "the answer is longer than 200 characters"],
    [{ choiceIds: ["x"] }, "a SHORT_ANSWER item is answered with text only, not choiceIds"],
  ])("should refuse %j", (answer, reason) => {
    expect(validateAnswer(ids, item as Item, answer)).toEqual({ ok: false, reason });
  });

  it("should trim an accepted answer and have no options", () => {
    expect(validateAnswer(ids, item as Item, { text: "  مالي " })).toEqual({ ok: true, answer: { text: "مالي" } });
    expect(sa.view(ids, item, Locale.AR)).toEqual({ choices: [], targets: [] });
  });

  it("should show an accepted answer in the attempt's language as the right answer", () => {
    expect(sa.shownRightAnswer(item, Locale.AR)).toEqual({ text: "بوركينا فاسو" });
    expect(sa.shownRightAnswer(item, Locale.EN)).toEqual({ text: "Burkina Faso" });
  });

  it("should group answers by their normalized text and list the most frequent first", () => {
    expect(sa.answerKey(item, { text: "بُوركينا" }, sa.grade(item, { text: "بُوركينا" }))).toBe("t:بوركينا");
    const dist = sa.distribution(ids, item, [{ answerKey: "t:a", n: 1 }, { answerKey: "t:b", n: 3 }], Locale.EN);
    expect(dist).toEqual([
      { key: "t:b", label: "b", correct: null, count: 3 },
      { key: "t:a", label: "a", correct: null, count: 1 },
    ]);
  });

  it("should report an accepted answer that normalizes to nothing", () => {
    const bad = { ...item, accept: ["ـــ"] };
    expect(sa.check(bad)).toEqual([{ path: "accept[0]", message: "accepted answer is empty after normalization" }]);
  });
});
