/** ESSAY's module (server/src/items/essay.ts): hand-graded, pending, no key, no statistics before grading; its optional expected length. Pure. */
import { Item } from "../../../server/src/content/content.schema.js";
import { describe, expect, it } from "vitest";
import { essay as es } from "../../../server/src/items/essay.js";
import { validateAnswer } from "../../../server/src/items/registry.js";
import { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { essay } from "../../helpers/item-factory.js";

const ids = new OptionIds(Buffer.alloc(32, 7));
const item = essay() as Parameters<typeof es.grade>[0];

describe("ESSAY", () => {
  it("should wait for an instructor: pending, no score, out of its points", () => {
    expect(es.handGraded).toBe(true);
    expect(es.grade(item, { text: "تحليل" })).toEqual({ status: "PENDING_MANUAL", score: null, maxScore: 6, correct: null });
  });

  it.each([
    [{ text: "" }, "the answer is empty"],
    [{ text: "x".repeat(10_001) }, "the answer is longer than 10000 characters"],
    [{ pairs: [] }, "a ESSAY item is answered with text only, not pairs"],
  ])("should refuse %j", (answer, reason) => {
    expect(validateAnswer(ids, item as Item, answer)).toEqual({ ok: false, reason });
  });

  it("should accept a long essay", () => {
    expect(validateAnswer(ids, item as Item, { text: "x".repeat(10_000) }).ok).toBe(true);
  });

  it("should show its rubric in the language asked, and no right answer", () => {
    expect(es.rubric(item, Locale.EN)).toEqual([
      { id: "r1", criterion: "accuracy", points: 4 },
      { id: "r2", criterion: "argument", points: 2 },
    ]);
    expect(es.shownRightAnswer(item, Locale.AR)).toBeNull();
    expect(es.answerKey(item, { text: "x" }, es.grade(item, { text: "x" }))).toBeNull();
    expect(es.distribution(ids, item, [], Locale.AR)).toEqual([]);
  });

  it("should report duplicate rubric ids through its local ids", () => {
    expect(es.localIds(item)).toEqual([{ group: "rubric", ids: ["r1", "r2"] }]);
  });
});

describe("ESSAY content: the expected length", () => {
  const parse = (patch: Record<string, unknown>) => Item.safeParse({ ...item, ...patch });

  it("should be optional, and take a range of whole words", () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ expectedWords: { min: 150, max: 250 } }).success).toBe(true);
    expect(parse({ expectedWords: { min: 200, max: 200 } }).success).toBe(true);
  });

  it.each([
    [{ min: 250, max: 150 }, "an ESSAY's expectedWords.min must not exceed its max"],
    [{ min: 1.5, max: 10 }, null],
    [{ min: 10 }, null],
    [{ min: 10, max: 20, words: 3 }, null],
  ])("should refuse %j", (expectedWords, message) => {
    const out = parse({ expectedWords });
    expect(out.success).toBe(false);
    if (message) expect(out.error!.issues.map((i) => i.message)).toContain(message);
  });
});
