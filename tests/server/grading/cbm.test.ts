/** Certainty-based marking (grading/cbm.ts): Moodle's marks, partial credit, and calibration, in tables. */
import { describe, expect, it } from "vitest";
import type { Certainty, CertainAnswer } from "../../../server/src/grading/cbm.js";
import { calibration, cbmFactor, cbmMark } from "../../../server/src/grading/cbm.js";

describe("cbmFactor", () => {
  const rows: [name: string, fraction: number, certainty: Certainty, factor: number][] = [
    ["right at certainty 1 scores 1", 1, 1, 1],
    ["right at certainty 2 scores 2", 1, 2, 2],
    ["right at certainty 3 scores 3", 1, 3, 3],
    ["wrong at certainty 1 scores 0", 0, 1, 0],
    ["wrong at certainty 2 scores −2", 0, 2, -2],
    ["wrong at certainty 3 scores −6", 0, 3, -6],
    ["half right at certainty 1: 0.5·1 + 0.5·0", 0.5, 1, 0.5],
    ["half right at certainty 2: 0.5·2 + 0.5·(−2)", 0.5, 2, 0],
    ["half right at certainty 3: 0.5·3 + 0.5·(−6)", 0.5, 3, -1.5],
    ["three quarters at certainty 3: 0.75·3 + 0.25·(−6)", 0.75, 3, 0.75],
    ["two thirds at certainty 2", 2 / 3, 2, 0.6667],
    ["a fraction above 1 is clamped", 1.2, 3, 3],
    ["a fraction below 0 is clamped", -0.5, 2, -2],
  ];
  it.each(rows)("%s", (_name, fraction, certainty, factor) => {
    expect(cbmFactor(fraction, certainty)).toBeCloseTo(factor, 4);
  });
});

describe("cbmMark", () => {
  const rows: [name: string, score: number, maxScore: number, certainty: Certainty, mark: number][] = [
    ["2 of 2 points at certainty 3 → 6", 2, 2, 3, 6],
    ["0 of 2 points at certainty 3 → −12", 0, 2, 3, -12],
    ["0 of 2 points at certainty 1 → 0", 0, 2, 1, 0],
    ["1.5 of 2 points at certainty 2 → 2·(0.75·2 − 0.25·2)", 1.5, 2, 2, 2],
    ["an item without points marks 0", 0, 0, 3, 0],
  ];
  it.each(rows)("%s", (_name, score, maxScore, certainty, mark) => {
    expect(cbmMark(score, maxScore, certainty)).toBeCloseTo(mark, 2);
  });
});

describe("calibration", () => {
  const a = (certainty: Certainty, ...fractions: number[]): CertainAnswer[] => fractions.map((f) => ({ score: f, maxScore: 1, certainty }));
  const rows: [name: string, answers: CertainAnswer[], expected: [accuracy: number | null, verdict: string | null][], average: number | null][] = [
    ["no answers: nothing to say", [], [[null, null], [null, null], [null, null]], null],
    ["sure and always right: good at 3", a(3, 1, 1, 1, 1, 1), [[null, null], [null, null], [1, "GOOD"]], 3],
    ["sure but right half the time: over-confident at 3", a(3, 1, 0, 1, 0), [[null, null], [null, null], [0.5, "OVER"]], -1.5],
    ["unsure but always right: under-confident at 1", a(1, 1, 1, 1), [[1, "UNDER"], [null, null], [null, null]], 1],
    ["unsure and right half the time: good at 1", a(1, 1, 0), [[0.5, "GOOD"], [null, null], [null, null]], 0.5],
    ["fairly sure, right 3 of 4 (75%): good at 2", a(2, 1, 1, 1, 0), [[null, null], [0.75, "GOOD"], [null, null]], 1],
    ["fairly sure, right 1 of 2: over-confident at 2", a(2, 1, 0), [[null, null], [0.5, "OVER"], [null, null]], 0],
    ["fairly sure, always right: under-confident at 2", a(2, 1, 1), [[null, null], [1, "UNDER"], [null, null]], 2],
    ["partial credit counts as its fraction", a(3, 0.5, 1), [[null, null], [null, null], [0.75, "OVER"]], 0.75],
    [
      "levels are kept apart",
      [...a(1, 0), ...a(2, 1, 1, 1, 1, 0), ...a(3, 1)],
      [[0, "GOOD"], [0.8, "UNDER"], [1, "GOOD"]],
      // marks 0 + (2·4 − 2) + 3 = 9 over 7 points
      9 / 7,
    ],
  ];
  it.each(rows)("%s", (_name, answers, expected, average) => {
    const c = calibration(answers);
    expect(c.levels.map((l) => [l.accuracy, l.verdict])).toEqual(expected);
    expect(c.levels.map((l) => l.answers)).toEqual([1, 2, 3].map((n) => answers.filter((x) => x.certainty === n).length));
    if (average === null) expect(c.averageMark).toBeNull();
    else expect(c.averageMark).toBeCloseTo(average, 4);
  });

  it("should ignore answers without points", () => {
    expect(calibration([{ score: 0, maxScore: 0, certainty: 3 }]).answers).toBe(0);
  });
});
