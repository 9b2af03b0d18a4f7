// @vitest-environment happy-dom
/** The learner's gain table (issue 13 point 5): pre, post, raw and g per objective, "already mastered" at pre = 1, ar and en. */
import { afterEach, describe, expect, it } from "vitest";
import PrePostGainTable from "../../client/src/components/prepost/PrePostGainTable.vue";
import { mountWith } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const rows = [
  { objectiveId: "fx-a-o1", objectiveText: "Identify the parties", pre: 0.25, post: 0.75, raw: 0.5, normalized: 0.6667, alreadyMastered: false },
  { objectiveId: "fx-a-o2", objectiveText: "Describe the authority", pre: 1, post: 0.5, raw: -0.5, normalized: null, alreadyMastered: true },
  { objectiveId: "fx-b-o1", objectiveText: "Explain the drought", pre: 0, post: null, raw: null, normalized: null, alreadyMastered: false },
];
const overall = { pre: 0.4, post: 0.6, raw: 0.2, normalized: 0.3333, alreadyMastered: false };
const cellsOf = (w: ReturnType<typeof mountWith>, id: string) => ["pre", "post", "raw", "g"].map((k) => w.find(`[data-testid="gain-${id}"] [data-testid="gain-${k}"]`).text());

describe("PrePostGainTable", () => {
  it("should show pre, post, signed raw gain and g per objective in English, with a header row per objective", () => {
    const w = mountWith(PrePostGainTable, { rows, overall });
    expect(w.findAll("thead th").map((h) => h.text())).toEqual(["Objective", "Pre", "Post", "Raw gain", "Gain g"]);
    expect(w.findAll('tbody th[scope="row"]').map((h) => h.text())).toEqual(rows.map((r) => r.objectiveText));
    expect(cellsOf(w, "fx-a-o1")).toEqual(["25%", "75%", "+50%", "+67%"]);
    expect(cellsOf(w, "fx-a-o2")).toEqual(["100%", "50%", "−50%", "already mastered"]);
    expect(cellsOf(w, "fx-b-o1")).toEqual(["0%", "—", "—", "—"]);
    expect(w.find('[data-testid="gain-overall"]').text()).toContain("Overall");
  });

  it("should say it in Arabic, with Arabic-locale numbers", () => {
    const w = mountWith(PrePostGainTable, { rows, overall }, "ar");
    expect(w.findAll("thead th").map((h) => h.text())).toEqual(["الهدف", "القبلي", "النهائي", "المكسب الخام", "المكسب g"]);
    expect(cellsOf(w, "fx-a-o2")[3]).toBe("متقَن مسبقًا");
    expect(cellsOf(w, "fx-a-o1")[0]).not.toBe("25%"); // formatted for Arabic, not the English string
  });
});
