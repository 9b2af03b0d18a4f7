/** Feedback part by part and an attempt's summary (issue 14 point 1): the pure rules behind the views. */
import { describe, expect, it } from "vitest";
import {
  choicesPartial,
  longestInKeyOrder,
  markChoices,
  markOrder,
  markPairs,
  orderPartial,
  outcome,
  pairsPartial,
  summarize,
} from "../../client/src/quiz/feedback-marks.js";
import type { AttemptFieldsFragment } from "../../client/src/gql/graphql.js";
import { longestInKeyOrder as serverLongest } from "../../server/src/grading/grading.js";
import { quizItem } from "./mount.js";

type Resp = AttemptFieldsFragment["responses"][number];
const resp = (itemId: string, over: Partial<Resp>): Resp => ({
  id: `r-${itemId}`,
  itemId,
  status: "GRADED",
  score: 0,
  maxScore: 1,
  correct: false,
  answeredAt: "2025-03-01T10:00:00.000Z",
  spellingNote: null,
  rubricMarks: null,
  answer: { choiceIds: null, text: null, sequence: null, pairs: null },
  rightAnswer: null,
  feedback: null,
  ...over,
});
const ev = (p: string) => ({ lessonSlug: "fx-lesson-a", paragraphId: p, text: `paragraph ${p}` });

describe("markChoices", () => {
  it("should mark each pick right or wrong and each right option left out as missed", () => {
    const marks = markChoices(quizItem("MULTIPLE_CHOICE"), { choiceIds: ["q.a", "q.b"] }, { choiceIds: ["q.a", "q.c"] });
    expect(marks.map((m) => [m.id, m.picked, m.mark])).toEqual([
      ["q.a", true, "right"],
      ["q.b", true, "wrong"],
      ["q.c", false, "missed"],
      ["q.d", false, null],
    ]);
  });

  it("should explain a multiple-choice score with the grading rule's numbers", () => {
    expect(choicesPartial(quizItem("MULTIPLE_CHOICE"), { choiceIds: ["q.a", "q.c", "q.d"] }, { choiceIds: ["q.a", "q.b", "q.c"] })).toEqual({
      key: "quiz.partialWhy.choices",
      params: { right: 2, wrong: 1, total: 3 },
    });
  });
});

describe("markPairs", () => {
  it("should flag each wrong or missing pair with its right partner, and count the first pair of a left option only", () => {
    const item = quizItem("MATCHING");
    const given = { pairs: [{ leftId: "q.l1", rightId: "q.r1" }, { leftId: "q.l2", rightId: "q.r3" }, { leftId: "q.l2", rightId: "q.r2" }] };
    const key = { pairs: [{ leftId: "q.l1", rightId: "q.r1" }, { leftId: "q.l2", rightId: "q.r2" }, { leftId: "q.l3", rightId: "q.r3" }] };
    expect(markPairs(item, given, key)).toEqual([
      { leftId: "q.l1", left: "text l1", given: "text r1", right: "text r1", ok: true },
      { leftId: "q.l2", left: "text l2", given: "text r3", right: "text r2", ok: false },
      { leftId: "q.l3", left: "text l3", given: null, right: "text r3", ok: false },
    ]);
    expect(pairsPartial(item, given, key).params).toEqual({ right: 1, total: 3 });
  });
});

describe("markOrder", () => {
  it("should number the right order and give each event the place the learner put it in", () => {
    const item = quizItem("ORDERING");
    const rows = markOrder(item, { sequence: ["q.e2", "q.e1", "q.e3"] }, { sequence: ["q.e1", "q.e2", "q.e3"] });
    expect(rows.map((r) => [r.place, r.text, r.givenPlace, r.inPlace])).toEqual([
      [1, "text e1", 2, false],
      [2, "text e2", 1, false],
      [3, "text e3", 3, true],
    ]);
    expect(orderPartial(item, { sequence: ["q.e2", "q.e1", "q.e3"] }, { sequence: ["q.e1", "q.e2", "q.e3"] }).params).toEqual({ run: 2, total: 3 });
    expect(markOrder(item, { sequence: ["q.e1"] }, { sequence: ["q.e1", "q.e2"] })[1].givenPlace).toBeNull();
  });

  it("should count the longest run in order exactly as the server's grading does", () => {
    const key = ["a", "b", "c", "d", "e", "f"];
    const seqs = [["f", "e", "d", "c", "b", "a"], ["b", "a", "d", "c", "f", "e"], ["a", "c", "b", "d", "f", "e"], key, [], ["x", "a", "y", "b"]];
    for (const s of seqs) expect(longestInKeyOrder(s, key), s.join("")).toBe(serverLongest(s, key));
  });
});

describe("summarize", () => {
  const items = [
    quizItem("SINGLE_CHOICE", { id: "i1", objectiveIds: ["o1"] }),
    quizItem("MATCHING", { id: "i2", objectiveIds: ["o1", "o2"], points: 2 }),
    quizItem("SINGLE_CHOICE", { id: "i3", objectiveIds: ["o2"] }),
    quizItem("SINGLE_CHOICE", { id: "i4", objectiveIds: ["o3"] }),
    quizItem("ESSAY", { id: "i5", objectiveIds: ["o3"] }),
  ];

  it("should count correct, partial, wrong, skipped and pending, name the weakest objective and list the paragraphs to re-read once", () => {
    const s = summarize({
      items,
      responses: [
        resp("i1", { score: 1, correct: true, feedback: { explanation: "", comment: null, evidence: [ev("p1")] } }),
        resp("i2", { score: 1, maxScore: 2, feedback: { explanation: "", comment: null, evidence: [ev("p2"), ev("p3")] } }),
        resp("i3", { score: 0, feedback: { explanation: "", comment: null, evidence: [ev("p3"), ev("p4")] } }),
        resp("i5", { status: "PENDING_MANUAL", score: null, correct: null }),
      ],
    });
    expect(s.counts).toEqual({ correct: 1, partial: 1, wrong: 1, skipped: 1, pending: 1 });
    // o1: 2 of 3; o2: 1 of 3; o3: 0 of 1 (the skipped item; the pending essay is left out).
    expect(s.weakest).toEqual({ objectiveId: "o3", share: 0 });
    expect(s.reread.map((p) => p.paragraphId)).toEqual(["p2", "p3", "p4"]);
  });

  it("should name no weakest objective and nothing to re-read when every answer is right", () => {
    const s = summarize({ items: items.slice(0, 1), responses: [resp("i1", { score: 1, correct: true, feedback: { explanation: "", comment: null, evidence: [ev("p1")] } })] });
    expect(s).toEqual({ counts: { correct: 1, partial: 0, wrong: 0, skipped: 0, pending: 0 }, weakest: null, reread: [] });
    expect(outcome(undefined)).toBe("skipped");
  });
});
