// @vitest-environment happy-dom
/**
 * Telling same-named learners apart on the instructor's pages: the label used in announcements and button
 * names, and the matrix showing the disambiguator under the name (and only where the server sends one).
 */
import { afterEach, describe, expect, it } from "vitest";
import ClassroomProgressMatrix from "../../client/src/components/classroom/ClassroomProgressMatrix.vue";
import { learnerLabel } from "../../client/src/components/classroom/learner-label.js";
import { mountWith } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("learnerLabel", () => {
  it.each([
    ["سارة", "sara@example.org", "", "سارة (\u2066sara@example.org\u2069)"],
    ["سارة", null, "", "سارة"],
    [null, null, "someone", "someone"],
    ["  ", "L-7KQ4MX", "someone", "someone (\u2066L-7KQ4MX\u2069)"],
  ])("should label %s with %s", (name, id, fallback, expected) => {
    expect(learnerLabel(name, id, fallback)).toBe(expected);
  });
});

describe("the matrix with two learners of the same name", () => {
  const lessons = [{ slug: "event", order: 1, title: "The event" }];
  const rows = [
    { learner: { id: "u1", displayName: "سارة", disambiguator: "sara.a@example.org" }, lessons: [] },
    { learner: { id: "u2", displayName: "سارة", disambiguator: "L-7KQ4MX" }, lessons: [] },
    { learner: { id: "u3", displayName: "Omar", disambiguator: null }, lessons: [] },
  ];
  const props = { classroomId: "c1", lessons, rows, averages: [], offset: 0, pageSize: 25, total: 3 };

  it("should show each one's disambiguator under the name, left to right, and none for a unique name", () => {
    const w = mountWith(ClassroomProgressMatrix, props);
    const id = (learner: string) => w.find(`tr[data-learner="${learner}"] [data-testid=learner-disambiguator]`);
    expect(id("u1").text()).toBe("sara.a@example.org");
    expect(id("u1").attributes("dir")).toBe("ltr");
    expect(id("u2").text()).toBe("L-7KQ4MX");
    expect(id("u3").exists()).toBe(false);
    expect(w.get('tr[data-learner="u2"] [data-testid=remove-learner]').attributes("aria-label")).toBe("Remove سارة (\u2066L-7KQ4MX\u2069) from the class");
  });

  it("should say that a search found nobody, rather than that nobody joined", () => {
    const w = mountWith(ClassroomProgressMatrix, { ...props, rows: [], total: 0, emptyText: "No learner matches this search." });
    expect(w.get(".matrix__empty").text()).toBe("No learner matches this search.");
  });
});
