import { describe, expect, it } from "vitest";
import type { LocalAnswer } from "../../../server/src/grading/grading.js";
import { gradeItem, longestInKeyOrder, rightAnswer, roundPoints } from "../../../server/src/grading/grading.js";
import { validateAnswer } from "../../../server/src/grading/answer.validate.js";
import { essay, matching, multipleChoice, ordering, shortAnswer, singleChoice, trueFalse } from "../../helpers/item-factory.js";
import type { Item } from "../../../server/src/content/content.schema.js";

type Row = [name: string, item: Item, answer: LocalAnswer, score: number | null, correct: boolean | null];

const rows: Row[] = [
  ["single choice: the right choice earns all points", singleChoice(2), { choiceIds: ["a"] }, 2, true],
  ["single choice: a wrong choice earns nothing", singleChoice(2), { choiceIds: ["b"] }, 0, false],
  ["single choice: two picks earn nothing", singleChoice(2), { choiceIds: ["a", "b"] }, 0, false],
  ["multiple choice: all correct, no wrong → full", multipleChoice(3), { choiceIds: ["a", "b", "c"] }, 3, true],
  ["multiple choice: 2 of 3 right → 2/3", multipleChoice(3), { choiceIds: ["a", "b"] }, 2, false],
  ["multiple choice: 3 right, 1 wrong → (3−1)/3", multipleChoice(3), { choiceIds: ["a", "b", "c", "d"] }, 2, false],
  ["multiple choice: 1 right, 1 wrong → 0", multipleChoice(3), { choiceIds: ["a", "d"] }, 0, false],
  ["multiple choice: more wrong than right floors at 0", multipleChoice(3), { choiceIds: ["a", "d", "e"] }, 0, false],
  ["multiple choice: everything picked → (3−2)/3", multipleChoice(3), { choiceIds: ["a", "b", "c", "d", "e"] }, 1, false],
  ["multiple choice: 1 of 3 at 1 point rounds to 0.33", multipleChoice(1), { choiceIds: ["a"] }, 0.33, false],
  ["multiple choice: 2 of 3 at 1 point rounds to 0.67", multipleChoice(1), { choiceIds: ["a", "b"] }, 0.67, false],
  ["true/false: true when the key is true", trueFalse(true), { choiceIds: ["true"] }, 1, true],
  ["true/false: true when the key is false", trueFalse(false), { choiceIds: ["true"] }, 0, false],
  ["true/false: false when the key is false", trueFalse(false), { choiceIds: ["false"] }, 1, true],
  ["matching: all four pairs", matching(2), { pairs: [1, 2, 3, 4].map((n) => ({ leftId: `l${n}`, rightId: `r${n}` })) }, 2, true],
  ["matching: three of four → 3/4", matching(2), { pairs: [{ leftId: "l1", rightId: "r1" }, { leftId: "l2", rightId: "r2" }, { leftId: "l3", rightId: "r3" }, { leftId: "l4", rightId: "rx" }] }, 1.5, false],
  ["matching: one pair given → 1/4", matching(2), { pairs: [{ leftId: "l2", rightId: "r2" }] }, 0.5, false],
  ["matching: all swapped → 0", matching(2), { pairs: [{ leftId: "l1", rightId: "r2" }, { leftId: "l2", rightId: "r1" }] }, 0, false],
  ["ordering: the key order → full", ordering(2), { sequence: ["e1", "e2", "e3", "e4", "e5"] }, 2, true],
  ["ordering: one element moved → (4−1)/4", ordering(2), { sequence: ["e2", "e3", "e4", "e5", "e1"] }, 1.5, false],
  ["ordering: two adjacent swapped → L=4 → 3/4", ordering(2), { sequence: ["e2", "e1", "e3", "e4", "e5"] }, 1.5, false],
  ["ordering: reversed → L=1 → 0", ordering(2), { sequence: ["e5", "e4", "e3", "e2", "e1"] }, 0, false],
  ["ordering: L=3 → 2/4", ordering(2), { sequence: ["e3", "e1", "e5", "e2", "e4"] }, 1, false],
  ["short answer: exact Arabic", shortAnswer(["باماكو", "Bamako"]), { text: "باماكو" }, 1, true],
  ["short answer: with diacritics", shortAnswer(["باماكو"]), { text: "بَامَاكُو" }, 1, true],
  ["short answer: with tatweel", shortAnswer(["باماكو"]), { text: "باماكـــو" }, 1, true],
  ["short answer: hamza form differs", shortAnswer(["الجزائر"]), { text: "الجزاير" }, 1, true],
  ["short answer: alef form differs", shortAnswer(["إفريقيا"]), { text: "افريقيا" }, 1, true],
  ["short answer: taa marbuta written as haa", shortAnswer(["الصحراء الغربية"]), { text: "الصحراء الغربيه" }, 1, true],
  ["short answer: alef maqsura written as yaa", shortAnswer(["موسى"]), { text: "موسي" }, 1, true],
  ["short answer: Arabic-Indic digits", shortAnswer(["2024"]), { text: "٢٠٢٤" }, 1, true],
  ["short answer: extra and missing spaces", shortAnswer(["بوركينا فاسو"]), { text: "  بوركينافاسو " }, 1, true],
  ["short answer: English, any case", shortAnswer(["باماكو", "Bamako"]), { text: "BAMAKO" }, 1, true],
  ["short answer: a different word", shortAnswer(["باماكو"]), { text: "الرباط" }, 0, false],
  ["short answer: a prefix is not enough", shortAnswer(["بوركينا فاسو"]), { text: "بوركينا" }, 0, false],
  ["essay: waits for an instructor", essay(), { text: "تحليل" }, null, null],
];

describe("gradeItem", () => {
  it.each(rows)("%s", (_name, item, answer, score, correct) => {
    const g = gradeItem(item, answer);
    expect(g.score).toBe(score);
    expect(g.correct).toBe(correct);
    expect(g.maxScore).toBe(item.points);
    expect(g.status).toBe(item.type === "ESSAY" ? "PENDING_MANUAL" : "GRADED");
  });

  it("should give every type full marks for its own right answer", () => {
    for (const item of [singleChoice(), multipleChoice(), trueFalse(true), trueFalse(false), matching(), ordering(), shortAnswer(["مالي"])]) {
      expect(gradeItem(item, rightAnswer(item)).correct, item.type).toBe(true);
    }
  });
});

describe("helpers", () => {
  it.each([
    [[], 0],
    [["a"], 1],
    [["a", "b", "c"], 3],
    [["c", "b", "a"], 1],
    [["b", "a", "d", "c"], 2],
    [["a", "x", "b"], 2],
  ] as [string[], number][])("longestInKeyOrder(%j) = %i", (seq, l) => {
    expect(longestInKeyOrder(seq, ["a", "b", "c", "d"])).toBe(l);
  });

  it.each([
    [0.1 + 0.2, 0.3],
    [2 / 3, 0.67],
    [1.005, 1.01],
    [0.004, 0],
  ])("roundPoints(%d) = %d", (x, r) => expect(roundPoints(x)).toBe(r));
});

describe("validateAnswer", () => {
  const pid = (item: string, local: string) => `${item}.${local}`;
  const cases: [string, Item, object, string | null][] = [
    ["single choice with one known id", singleChoice(), { choiceIds: ["sc.a"] }, null],
    ["single choice with two ids", singleChoice(), { choiceIds: ["sc.a", "sc.b"] }, "pick exactly one choice"],
    ["single choice with an unknown id", singleChoice(), { choiceIds: ["sc.z"] }, "is not a choice"],
    ["single choice answered with text", singleChoice(), { text: "a" }, "answered with choiceIds"],
    ["choice ids and text together", singleChoice(), { choiceIds: ["sc.a"], text: "a" }, "not text"],
    ["multiple choice with nothing picked", multipleChoice(), { choiceIds: [] }, "pick a choice"],
    ["multiple choice with a repeated id", multipleChoice(), { choiceIds: ["mc.a", "mc.a"] }, "picked twice"],
    ["true/false by its public ids", trueFalse(true), { choiceIds: ["tf.false"] }, null],
    ["ordering that leaves an element out", ordering(), { sequence: ["or.e1", "or.e2"] }, "exactly once"],
    ["ordering with a repeat", ordering(), { sequence: ["or.e1", "or.e1", "or.e2", "or.e3", "or.e4"] }, "exactly once"],
    ["matching with an unknown target", matching(), { pairs: [{ leftId: "mt.l1", rightId: "mt.r9" }] }, "not a target"],
    ["matching a left twice", matching(), { pairs: [{ leftId: "mt.l1", rightId: "mt.r1" }, { leftId: "mt.l1", rightId: "mt.r2" }] }, "matched twice"],
    ["matching with a distractor", matching(), { pairs: [{ leftId: "mt.l1", rightId: "mt.rx" }] }, null],
    ["an empty short answer", shortAnswer(["x"]), { text: "   " }, "empty"],
    ["a short answer of 201 characters", shortAnswer(["x"]), { text: "ب".repeat(201) }, "longer than 200"],
    ["an essay of 10,001 characters", essay(), { text: "ب".repeat(10_001) }, "longer than 10000"],
  ];
  it.each(cases)("%s", (_name, item, answer, reason) => {
    const v = validateAnswer(item, answer, pid);
    if (reason === null) expect(v.ok).toBe(true);
    else {
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.reason).toContain(reason);
    }
  });
});
