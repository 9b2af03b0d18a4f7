// Gain per objective (server/src/shared/gain.ts): pure, so it runs once (no database), as a table.
import { describe, expect, it } from "vitest";
import type { GainAttempt, GainItem, GainMethod } from "../../../server/src/shared/gain.js";
import { classAverageGain, gainOf, objectiveGains, overallGain, shareOf } from "../../../server/src/shared/gain.js";

const t = (min: number) => new Date(Date.UTC(2026, 0, 1, 10, min));
/** An attempt from [itemId, score, maxScore] rows; a null score is an answer waiting for a manual grade. */
const attempt = (min: number, rows: [string, number | null, number?][]): GainAttempt => ({
  finishedAt: t(min),
  answers: new Map(rows.map(([id, score, max]) => [id, score === null ? null : { score, maxScore: max ?? 1 }])),
});

// Diagnostic: o1 has d1 (1 pt) and d2 (2 pt); o2 has d3 (1 pt); d4 (1 pt) assesses both.
const D: GainItem[] = [
  { itemId: "d1", points: 1, objectiveIds: ["o1"] },
  { itemId: "d2", points: 2, objectiveIds: ["o1"] },
  { itemId: "d3", points: 1, objectiveIds: ["o2"] },
  { itemId: "d4", points: 1, objectiveIds: ["o1", "o2"] },
];
// Final: f1 (1 pt) o1, f2 (1 pt) o2, f3 an essay (4 pt) o2.
const F: GainItem[] = [
  { itemId: "f1", points: 1, objectiveIds: ["o1"] },
  { itemId: "f2", points: 1, objectiveIds: ["o2"] },
  { itemId: "f3", points: 4, objectiveIds: ["o2"] },
];

describe("shareOf", () => {
  const rows: { name: string; a: GainAttempt; objective: string | null; want: number | null }[] = [
    { name: "all right", a: attempt(0, [["d1", 1], ["d2", 2, 2], ["d4", 1]]), objective: "o1", want: 1 },
    { name: "unanswered counts 0 of its points", a: attempt(0, [["d1", 1]]), objective: "o1", want: 1 / 4 },
    { name: "partial credit scaled to the item's points", a: attempt(0, [["d2", 1, 2]]), objective: "o1", want: 1 / 4 },
    { name: "an item on two objectives counts for each", a: attempt(0, [["d4", 1]]), objective: "o2", want: 1 / 2 },
    { name: "the whole quiz", a: attempt(0, [["d1", 1], ["d3", 1]]), objective: null, want: 2 / 5 },
    { name: "an objective the quiz does not assess", a: attempt(0, [["d1", 1]]), objective: "o9", want: null },
    { name: "a pending essay counts in neither", a: attempt(0, [["f2", 1], ["f3", null]]), objective: "o2", want: 1 },
  ];
  it.each(rows)("$name", ({ a, objective, want }) => {
    const items = a.answers.has("f2") ? F : D;
    const got = shareOf(items, a, objective);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 9);
  });
});

describe("gainOf", () => {
  const rows: { pre: number | null; post: number | null; raw: number | null; g: number | null; mastered: boolean }[] = [
    { pre: 0.25, post: 0.75, raw: 0.5, g: 0.6667, mastered: false },
    { pre: 0, post: 1, raw: 1, g: 1, mastered: false },
    { pre: 0.5, post: 0.25, raw: -0.25, g: -0.5, mastered: false },
    { pre: 0.5, post: 0.5, raw: 0, g: 0, mastered: false },
    { pre: 1, post: 1, raw: 0, g: null, mastered: true },
    { pre: 1, post: 0.5, raw: -0.5, g: null, mastered: true },
    { pre: null, post: 0.5, raw: null, g: null, mastered: false },
    { pre: 0.5, post: null, raw: null, g: null, mastered: false },
  ];
  it.each(rows)("pre $pre, post $post → raw $raw, g $g", ({ pre, post, raw, g, mastered }) => {
    const r = gainOf("o", pre, post);
    expect(r).toEqual({ objectiveId: "o", pre, post, raw, normalized: g, alreadyMastered: mastered });
  });
});

describe("objectiveGains: the diagnostic by its first attempt, the final by its grading method", () => {
  // Diagnostic: only the first attempt counts (a second would be a retake the settings forbid, but be safe).
  const pre = [attempt(5, [["d1", 1], ["d2", 2, 2], ["d3", 1], ["d4", 1]]), attempt(1, [["d1", 1], ["d3", 1]])];
  // First diagnostic (t1): o1 = 1/4 (d1 only), o2 = 1/2 (d3 only).
  // Final attempts: early (o1 0, o2 f2 only → 1/5), late (o1 1, o2 0 of 5); totals 1/6 and 1/6 → HIGHEST keeps the earlier.
  const early = attempt(10, [["f2", 1], ["f3", 0, 4]]);
  const late = attempt(20, [["f1", 1], ["f3", 0, 4]]);
  const best = attempt(15, [["f1", 1], ["f2", 1], ["f3", 4, 4]]);
  const rows: { method: GainMethod; attempts: GainAttempt[]; o1: number; o2: number }[] = [
    { method: "FIRST", attempts: [late, early], o1: 0, o2: 1 / 5 },
    { method: "LAST", attempts: [late, early], o1: 1, o2: 0 },
    { method: "HIGHEST", attempts: [late, early], o1: 0, o2: 1 / 5 },
    { method: "HIGHEST", attempts: [late, best, early], o1: 1, o2: 1 },
    { method: "AVERAGE", attempts: [late, early], o1: 0.5, o2: 0.1 },
  ];
  it.each(rows)("$method over $attempts.length attempts", ({ method, attempts, o1, o2 }) => {
    const [g1, g2] = objectiveGains(["o1", "o2"], { diagnostic: { items: D, attempts: pre }, final: { items: F, method, attempts } });
    expect(g1.pre).toBe(0.25);
    expect(g2.pre).toBe(0.5);
    expect(g1.post).toBeCloseTo(o1, 4);
    expect(g2.post).toBeCloseTo(o2, 4);
    expect(g1.raw).toBeCloseTo(o1 - 0.25, 4);
    expect(g1.normalized).toBeCloseTo((o1 - 0.25) / 0.75, 4);
    expect(g2.normalized).toBeCloseTo((o2 - 0.5) / 0.5, 4);
  });

  it("gives null pre, post and gains before either quiz is taken", () => {
    const [g] = objectiveGains(["o1"], { diagnostic: { items: D, attempts: [] }, final: { items: F, method: "HIGHEST", attempts: [] } });
    expect(g).toEqual({ objectiveId: "o1", pre: null, post: null, raw: null, normalized: null, alreadyMastered: false });
  });

  it("gives the overall pre → post over every point of each quiz", () => {
    const o = overallGain({ diagnostic: { items: D, attempts: pre }, final: { items: F, method: "LAST", attempts: [early, late] } });
    expect(o.pre).toBe(0.4); // 2 of 5 points in the first diagnostic
    expect(o.post).toBeCloseTo(1 / 6, 4);
  });
});

describe("classAverageGain (Hake: g from the mean pre and mean post)", () => {
  it.each([
    { name: "two learners", rows: [{ pre: 0.2, post: 0.6 }, { pre: 0.4, post: 0.8 }], pre: 0.3, post: 0.7, g: 0.5714, n: 2 },
    { name: "a learner without a post is left out", rows: [{ pre: 0.2, post: 0.6 }, { pre: 0.9, post: null }], pre: 0.2, post: 0.6, g: 0.5, n: 1 },
    { name: "one learner at pre = 1 keeps g defined", rows: [{ pre: 1, post: 1 }, { pre: 0, post: 0.5 }], pre: 0.5, post: 0.75, g: 0.5, n: 2 },
    { name: "nobody has both", rows: [{ pre: null, post: 0.5 }], pre: null, post: null, g: null, n: 0 },
  ])("$name", ({ rows, pre, post, g, n }) => {
    const avg = classAverageGain(rows);
    expect(avg.pre).toBe(pre);
    expect(avg.post).toBe(post);
    expect(avg.normalized).toBe(g);
    expect(avg.learners).toBe(n);
  });
});
