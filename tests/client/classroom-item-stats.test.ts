// @vitest-environment happy-dom
/** Item statistics: the indices, the reasons an item needs a check in words, the answers per option, the population toggle. */
import { afterEach, describe, expect, it } from "vitest";
import ClassroomItemStats from "../../client/src/components/classroom/ClassroomItemStats.vue";
import type { ItemStatFieldsFragment } from "../../client/src/gql/graphql.js";
import { mountWith } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

function stat(itemId: string, over: Partial<ItemStatFieldsFragment> = {}): ItemStatFieldsFragment {
  return {
    itemId,
    type: "SINGLE_CHOICE",
    prompt: `Prompt of ${itemId}`,
    points: 1,
    attempts: 12,
    responses: 12,
    facilityIndex: 0.5,
    discriminationIndex: 0.45,
    needsCheck: false,
    checkReasons: [],
    distribution: [
      { key: `${itemId}.a`, label: "Bamako", correct: true, count: 6 },
      { key: `${itemId}.b`, label: "Rabat", correct: false, count: 4 },
      { key: `${itemId}.c`, label: "Algiers", correct: false, count: 2 },
    ],
    statements: null,
    ...over,
  };
}

const row = (w: ReturnType<typeof mountWith>, id: string) => w.get(`tbody[data-item="${id}"]`);

describe("ClassroomItemStats", () => {
  it("should show facility as a percentage, discrimination with two decimals and how many attempts answered", () => {
    const w = mountWith(ClassroomItemStats, { stats: [stat("q1", { responses: 11, facilityIndex: 0.734, discriminationIndex: 0.3 })], allAttempts: false });
    const r = row(w, "q1");
    expect(r.get("[data-testid=facility]").text()).toBe("73%");
    expect(r.get("[data-testid=discrimination]").text()).toBe("0.30");
    expect(r.get("[data-testid=answered]").text()).toBe("11 of 12");
    expect(r.get("[data-testid=check]").text()).toContain("Fine");
    expect(w.get("[data-testid=stats-summary]").text()).toContain("Based on the first finished assessment of each learner: 12.");
  });

  it("should flag items that need a check and say why in words, with the thresholds", () => {
    const w = mountWith(ClassroomItemStats, {
      stats: [
        stat("hard", { needsCheck: true, checkReasons: ["LOW_DISCRIMINATION", "TOO_HARD"], facilityIndex: 0.1, discriminationIndex: 0.12 }),
        stat("easy", { needsCheck: true, checkReasons: ["TOO_EASY"], facilityIndex: 0.95 }),
        stat("fine"),
      ],
      allAttempts: false,
    });
    const hard = row(w, "hard");
    expect(hard.classes()).toContain("stats-table__flagged");
    expect(hard.get("[data-testid=check]").text()).toContain("Needs a check");
    expect(hard.get('[data-reason="LOW_DISCRIMINATION"]').text()).toMatch(/^Discrimination below 0\.3: /);
    expect(hard.get('[data-reason="TOO_HARD"]').text()).toMatch(/^Facility under 20%: /);
    expect(row(w, "easy").get('[data-reason="TOO_EASY"]').text()).toMatch(/^Facility over 90%: /);
    expect(row(w, "fine").find("[data-reason]").exists()).toBe(false);
    expect(w.get("[data-testid=flagged-count]").text()).toContain("Questions to check: 2");
  });

  it("should show a dash and say so when there are too few attempts for the indices", () => {
    const w = mountWith(ClassroomItemStats, { stats: [stat("q1", { attempts: 1, responses: 1, facilityIndex: null, discriminationIndex: null })], allAttempts: false });
    expect(row(w, "q1").get("[data-testid=facility]").text()).toBe("—not enough attempts");
    expect(row(w, "q1").get("[data-testid=check]").text()).toBe("Not enough data");
    expect(w.get("[data-testid=too-few]").text()).toContain("at least 2 finished assessments");
  });

  it("should emit the population chosen: all attempts, then first attempts again", async () => {
    const w = mountWith(ClassroomItemStats, { stats: [stat("q1")], allAttempts: false });
    expect((w.get("[data-testid=population-first]").element as HTMLInputElement).checked).toBe(true);
    await w.get("[data-testid=population-all]").setValue(true);
    expect(w.emitted("update:allAttempts")).toEqual([[true]]);
    await w.setProps({ allAttempts: true });
    expect(w.get("[data-testid=stats-summary]").text()).toContain("Based on every finished assessment: 12.");
    await w.get("[data-testid=population-first]").setValue(true);
    expect(w.emitted("update:allAttempts")).toEqual([[true], [false]]);
  });

  it("should open an item's answers per option as labelled bars, the key marked", async () => {
    const w = mountWith(ClassroomItemStats, { stats: [stat("q1")], allAttempts: false });
    const toggle = row(w, "q1").get("[data-testid=toggle-distribution]");
    expect(toggle.attributes("aria-expanded")).toBe("false");
    expect(row(w, "q1").get(".stats-table__dist").isVisible()).toBe(false);
    await toggle.trigger("click");
    expect(toggle.attributes("aria-expanded")).toBe("true");
    const bars = row(w, "q1").findAll("[data-testid=distribution] li");
    expect(bars.map((b) => b.text())).toEqual(["Bamako✓ key6 (50%)", "Rabat4 (33%)", "Algiers2 (17%)"]);
    expect(bars[0].classes()).toContain("bars__row--key");
    // The bar is decoration: its words say it all.
    expect(bars[0].get(".bars__track").attributes("aria-hidden")).toBe("true");
    await toggle.trigger("click");
    expect(toggle.attributes("aria-expanded")).toBe("false");
  });

  it("should name true/false options and matching outcomes in words, and offer no options for an essay", async () => {
    const w = mountWith(
      ClassroomItemStats,
      {
        stats: [
          stat("tf", { type: "TRUE_FALSE", distribution: [{ key: "tf.true", label: "true", correct: false, count: 3 }, { key: "tf.false", label: "false", correct: true, count: 9 }] }),
          stat("m", { type: "MATCHING", distribution: [{ key: "=correct", label: null, correct: true, count: 5 }, { key: "=partial", label: null, correct: false, count: 4 }, { key: "=incorrect", label: null, correct: false, count: 3 }] }),
          stat("e", { type: "ESSAY", distribution: [], facilityIndex: null, discriminationIndex: null }),
        ],
        allAttempts: false,
      },
      "ar",
    );
    await row(w, "tf").get("[data-testid=toggle-distribution]").trigger("click");
    await row(w, "m").get("[data-testid=toggle-distribution]").trigger("click");
    expect(row(w, "tf").findAll(".bars__label").map((l) => l.text())).toEqual(["صحيح", "خطأ✓ الإجابة الصحيحة"]);
    expect(row(w, "m").findAll(".bars__label").map((l) => l.text())).toEqual(["صحيحة تمامًا", "صحيحة جزئيًا", "خاطئة"]);
    expect(row(w, "e").find("[data-testid=toggle-distribution]").exists()).toBe(false);
  });
});
