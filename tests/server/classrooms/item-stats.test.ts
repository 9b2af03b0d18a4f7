import { describe, expect, it } from "vitest";
import { checkReasons, discriminationIndex, facilityIndex } from "../../../server/src/classrooms/item-stats.js";

/**
 * Hand-computed fixture: four attempts with totals t = [5, 4, 3, 1] on a 1-point item.
 *   item A: x = [1, 1, 0, 0] → facility 0.5; rest y = t − x = [4, 3, 3, 1];
 *           r(x, y) = 1.5 / √(1 · 4.75) = 0.6882
 *   item B: x = [0, 0, 1, 1] → facility 0.5; y = [5, 4, 2, 0]; r = −3.5 / √(1 · 14.75) = −0.9113
 *   item C: x = [1, 1, 1, 1] → facility 1; no variance → discrimination null
 */
const attempts = { n: 4, sumT: 13, sumT2: 51 };
const itemA = { sumX: 2, sumX2: 2, sumXT: 9 };
const itemB = { sumX: 2, sumX2: 2, sumXT: 4 };
const itemC = { sumX: 4, sumX2: 4, sumXT: 13 };

describe("item statistics", () => {
  it("should compute the facility index as mean score over points", () => {
    expect(facilityIndex(attempts, itemA, 1)).toBe(0.5);
    expect(facilityIndex(attempts, itemC, 1)).toBe(1);
    expect(facilityIndex(attempts, { sumX: 3, sumX2: 4.5, sumXT: 0 }, 2)).toBe(0.375);
  });

  it("should compute the discrimination index as the correlation with the rest of the test", () => {
    expect(discriminationIndex(attempts, itemA)).toBe(0.6882);
    expect(discriminationIndex(attempts, itemB)).toBe(-0.9113);
  });

  it("should give null when an item has no variance, or under 2 attempts", () => {
    expect(discriminationIndex(attempts, itemC)).toBeNull();
    expect(facilityIndex({ n: 1, sumT: 5, sumT2: 25 }, { sumX: 1, sumX2: 1, sumXT: 5 }, 1)).toBeNull();
    expect(discriminationIndex({ n: 1, sumT: 5, sumT2: 25 }, { sumX: 1, sumX2: 1, sumXT: 5 })).toBeNull();
    expect(discriminationIndex({ n: 0, sumT: 0, sumT2: 0 }, { sumX: 0, sumX2: 0, sumXT: 0 })).toBeNull();
  });

  it.each([
    [0.5, 0.6882, []],
    [0.5, -0.9113, ["LOW_DISCRIMINATION"]],
    [1, null, ["TOO_EASY"]],
    [0.1, 0.5, ["TOO_HARD"]],
    [0.95, 0.1, ["LOW_DISCRIMINATION", "TOO_EASY"]],
    [null, null, []],
  ] as [number | null, number | null, string[]][])("should flag facility %s, discrimination %s as %j", (f, d, reasons) => {
    expect(checkReasons(f, d)).toEqual(reasons);
  });
});
