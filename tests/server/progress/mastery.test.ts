import { describe, expect, it } from "vitest";
import type { AnswerUnit, ObjectiveItems } from "../../../server/src/progress/mastery.js";
import { masteryOf } from "../../../server/src/progress/mastery.js";
import { quizGrade } from "../../../server/src/grading/quiz-grade.js";

const objective: ObjectiveItems = {
  objectiveId: "o1",
  items: [
    { itemId: "a", points: 1, essay: false },
    { itemId: "b", points: 1, essay: false },
    { itemId: "c", points: 2, essay: false },
    { itemId: "e", points: 6, essay: true },
  ],
};
let t = 0;
const at = () => new Date(Date.UTC(2026, 0, 1) + ++t * 60_000);
const practice = (itemId: string, score: number, maxScore: number): AnswerUnit => ({ at: at(), mode: "PRACTICE", answers: [{ itemId, score, maxScore }] });
const assessment = (...answers: [string, number, number][]): AnswerUnit => ({
  at: at(),
  mode: "ASSESSMENT",
  answers: answers.map(([itemId, score, maxScore]) => ({ itemId, score, maxScore })),
});
const hinted = (itemId: string, score: number, maxScore: number, hints: number): AnswerUnit => ({ at: at(), mode: "PRACTICE", answers: [{ itemId, score, maxScore, hints }] });
const allRight = () => [practice("a", 1, 1), practice("b", 1, 1), practice("c", 2, 2)];

describe("masteryOf", () => {
  const rows: [string, AnswerUnit[], string, number][] = [
    ["should be NOT_STARTED with no answer", [], "NOT_STARTED", 0],
    ["should ignore answers to other objectives' items", [practice("zzz", 1, 1)], "NOT_STARTED", 0],
    ["should be ATTEMPTED under 70% (unanswered items count as 0)", [practice("a", 1, 1)], "ATTEMPTED", 0.25],
    ["should be FAMILIAR at 70% or more", [practice("a", 1, 1), practice("c", 2, 2)], "FAMILIAR", 0.75],
    ["should be PROFICIENT at 100%", allRight(), "PROFICIENT", 1],
    ["should use only the latest answer to an item", [...allRight(), practice("c", 0, 2)], "ATTEMPTED", 0.5],
    ["should recover with a later right answer", [...allRight(), practice("c", 0, 2), practice("c", 2, 2)], "PROFICIENT", 1],
    ["should be MASTERED after 100% again in an assessment", [...allRight(), assessment(["a", 1, 1], ["b", 1, 1], ["c", 2, 2])], "MASTERED", 1],
    ["should not be MASTERED when the first 100% comes from an assessment", [assessment(["a", 1, 1], ["b", 1, 1], ["c", 2, 2])], "PROFICIENT", 1],
    ["should not be MASTERED by an assessment with a miss", [...allRight(), assessment(["a", 0, 1], ["b", 1, 1])], "FAMILIAR", 0.75],
    ["should not be MASTERED by a practice answer", [...allRight(), practice("a", 1, 1)], "PROFICIENT", 1],
    [
      "should lose MASTERED after a later miss",
      [...allRight(), assessment(["a", 1, 1], ["b", 1, 1], ["c", 2, 2]), practice("b", 0, 1)],
      "FAMILIAR",
      0.75,
    ],
    ["should count partial credit", [practice("a", 1, 1), practice("b", 1, 1), practice("c", 1, 2)], "FAMILIAR", 0.75],
    ["should weigh a graded essay once it is graded", [...allRight(), practice("e", 3, 6)], "FAMILIAR", 0.7],
    // Hints from the evidence: each multiplies the answer's credit by 0.75 (HINT_FACTOR).
    ["should give full credit for a right answer with 0 hints", [...allRight().slice(0, 2), hinted("c", 2, 2, 0)], "PROFICIENT", 1],
    ["should give 0.75 of the credit with 1 hint", [...allRight().slice(0, 2), hinted("c", 2, 2, 1)], "FAMILIAR", (1 + 1 + 2 * 0.75) / 4],
    ["should give 0.5625 of the credit with 2 hints", [...allRight().slice(0, 2), hinted("c", 2, 2, 2)], "FAMILIAR", (1 + 1 + 2 * 0.5625) / 4],
    ["should keep a hinted wrong answer at 0", [...allRight().slice(0, 2), hinted("c", 0, 2, 2)], "ATTEMPTED", 0.5],
    ["should restore full credit with a later right answer without hints", [...allRight().slice(0, 2), hinted("c", 2, 2, 1), practice("c", 2, 2)], "PROFICIENT", 1],
  ];
  it.each(rows)("%s", (_name, units, level, fraction) => {
    const m = masteryOf(objective, units);
    expect(m.level).toBe(level);
    expect(m.fraction).toBeCloseTo(fraction, 4);
  });
});

describe("quizGrade", () => {
  const d = (day: number) => new Date(Date.UTC(2026, 0, day));
  const attempts = [
    { finishedAt: d(3), score: 6, maxScore: 10 },
    { finishedAt: d(1), score: 4, maxScore: 10 },
    { finishedAt: d(2), score: 9, maxScore: 10 },
  ];
  it.each([
    ["HIGHEST", 0.9],
    ["LAST", 0.6],
    ["FIRST", 0.4],
    ["AVERAGE", 0.6333],
  ] as const)("should grade by %s", (method, grade) => {
    expect(quizGrade(method, attempts)).toBe(grade);
  });
  it("should be null without finished attempts", () => expect(quizGrade("HIGHEST", [])).toBeNull());
});
