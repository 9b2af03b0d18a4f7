/**
 * A gradebook cell's state and grade from a learner's assessment attempts at one quiz (class-exports.ts
 * quizStanding): missing, in progress, pending grading, graded; "late" where an attempt carries the assignments'
 * `late` flag, in whatever form the engine returns a boolean; the grade by the quiz's grading method.
 */
import { describe, expect, it } from "vitest";
import { quizStanding } from "../../../server/src/exports/class-exports.js";

const attempt = (over: Partial<Parameters<typeof quizStanding>[1][number]> = {}) => ({
  userId: "u",
  quizId: "q",
  state: "FINISHED",
  finishedAt: "2026-01-01T10:00:00.000Z",
  score: 3,
  maxScore: 4,
  pending: 0,
  ...over,
});

describe("a gradebook cell", () => {
  it("should say missing with no attempt, in progress with an open one only", () => {
    expect(quizStanding("HIGHEST", [])).toEqual({ state: "MISSING", late: false, grade: null });
    expect(quizStanding("HIGHEST", [attempt({ state: "IN_PROGRESS", finishedAt: null, score: null })])).toEqual({ state: "IN_PROGRESS", late: false, grade: null });
  });

  it("should say pending grading while a finished attempt has an essay waiting, graded after", () => {
    expect(quizStanding("HIGHEST", [attempt({ pending: 1 })]).state).toBe("PENDING_GRADING");
    expect(quizStanding("HIGHEST", [attempt({ pending: "0" as unknown as number })]).state).toBe("GRADED"); // PostgreSQL counts as text
  });

  it("should grade by the quiz's method over finished attempts", () => {
    const two = [attempt({ score: 1, finishedAt: "2026-01-01T10:00:00.000Z" }), attempt({ score: 3, finishedAt: "2026-01-02T10:00:00.000Z" })];
    expect(quizStanding("HIGHEST", two).grade).toBe(0.75);
    expect(quizStanding("FIRST", two).grade).toBe(0.25);
    expect(quizStanding("AVERAGE", two).grade).toBe(0.5);
    expect(quizStanding("LAST", [...two, attempt({ state: "IN_PROGRESS", finishedAt: null, score: null })]).grade).toBe(0.75);
  });

  it("should mark late when a finished attempt carries late as SQLite (1) or PostgreSQL (true) returns it", () => {
    for (const late of [1, true, "1", "t"]) expect(quizStanding("HIGHEST", [attempt({ late })]).late).toBe(true);
    for (const late of [0, false, null, undefined, "0", "f"]) expect(quizStanding("HIGHEST", [attempt({ late })]).late).toBe(false);
  });
});
