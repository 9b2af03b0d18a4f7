// @vitest-environment happy-dom
/** The class's mastery heat map: a count per objective and level, shaded by share of the class, never colour alone. */
import { afterEach, describe, expect, it } from "vitest";
import ClassroomMasteryHeatmap from "../../client/src/components/classroom/ClassroomMasteryHeatmap.vue";
import type { ObjectiveSummaryFieldsFragment } from "../../client/src/gql/graphql.js";
import { mountWith } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const lessons = [
  { slug: "event", order: 1, title: "The event", objectives: [{ id: "fx-a-o1", text: "Describe the meeting" }, { id: "fx-a-o2", text: "Name the actors" }] },
  { slug: "context", order: 2, title: "The context", objectives: [{ id: "fx-b-o1", text: "Explain the rivalry" }] },
];

const summary = (objectiveId: string, over: Partial<ObjectiveSummaryFieldsFragment> = {}): ObjectiveSummaryFieldsFragment => ({
  objectiveId,
  lessonSlug: objectiveId.startsWith("l1") ? "event" : "context",
  notStarted: 0,
  attempted: 0,
  familiar: 0,
  proficient: 0,
  mastered: 0,
  averageFraction: null,
  ...over,
});

const cells = (w: ReturnType<typeof mountWith>, objective: string) =>
  w.findAll(`tr[data-objective="${objective}"] td[data-level]`).map((c) => ({ level: c.attributes("data-level"), heat: c.attributes("data-heat"), text: c.text() }));

describe("ClassroomMasteryHeatmap", () => {
  it("should write every level's count in its cell and shade it by the share of the class", () => {
    const mastery = [summary("fx-a-o1", { notStarted: 1, attempted: 2, familiar: 0, proficient: 3, mastered: 4, averageFraction: 0.71 })];
    const w = mountWith(ClassroomMasteryHeatmap, { lessons, mastery, learnerCount: 10 });
    expect(cells(w, "fx-a-o1")).toEqual([
      { level: "NOT_STARTED", heat: "1", text: "1 (10%)" },
      { level: "ATTEMPTED", heat: "1", text: "2 (20%)" },
      { level: "FAMILIAR", heat: "0", text: "0 (0%)" },
      { level: "PROFICIENT", heat: "2", text: "3 (30%)" },
      { level: "MASTERED", heat: "2", text: "4 (40%)" },
    ]);
    // The level names head the columns, so the count is read with its level.
    expect(w.findAll("thead th").map((th) => th.text())).toEqual(["Objective", "Not started", "Attempted", "Familiar", "Proficient", "Mastered", "Average"]);
    expect(w.get('tr[data-objective="fx-a-o1"] [data-testid=objective-average]').text()).toContain("71%");
  });

  it("should use the darkest shade only when more than three quarters of the class are at that level", () => {
    const w = mountWith(ClassroomMasteryHeatmap, { lessons, mastery: [summary("fx-b-o1", { mastered: 8, familiar: 2 })], learnerCount: 10 });
    const heat = Object.fromEntries(cells(w, "fx-b-o1").map((c) => [c.level, c.heat]));
    expect(heat).toMatchObject({ MASTERED: "4", FAMILIAR: "1", NOT_STARTED: "0" });
  });

  it("should group objectives under their lesson and count an objective with no data as not started by everyone", () => {
    const w = mountWith(ClassroomMasteryHeatmap, { lessons, mastery: [], learnerCount: 3 });
    expect(w.findAll("tbody").map((b) => b.get("th[scope=colgroup]").text())).toEqual(["Lesson 1 · The event", "Lesson 2 · The context"]);
    expect(w.get('tr[data-objective="fx-a-o2"] th[scope=row]').text()).toContain("1.2");
    expect(w.get('tr[data-objective="fx-a-o2"] th[scope=row]').text()).toContain("Name the actors");
    expect(cells(w, "fx-a-o2")[0]).toEqual({ level: "NOT_STARTED", heat: "4", text: "3 (100%)" });
    expect(w.get('tr[data-objective="fx-a-o2"] [data-testid=objective-average]').text()).toContain("—");
  });

  it("should speak Arabic with Latin digits, and explain the shades in its legend", () => {
    const w = mountWith(ClassroomMasteryHeatmap, { lessons, mastery: [summary("fx-a-o1", { attempted: 1 })], learnerCount: 4 }, "ar");
    expect(w.findAll("thead th").map((th) => th.text())).toContain("متقن");
    // Intl wraps the Arabic percent sign in bidi marks; the digits are Latin.
    expect(cells(w, "fx-a-o1")[1].text.replace(/[\u200e\u200f\u061c]/g, "")).toMatch(/^1 \(25\s?[%٪]\)$/);
    const legend = w.findAll(".class-heatmap__legend li").map((li) => li.text());
    expect(legend[0]).toBe("لا أحد");
    expect(legend).toHaveLength(5);
  });
});
