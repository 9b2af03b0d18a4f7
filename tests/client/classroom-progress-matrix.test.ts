// @vitest-environment happy-dom
/** The roster × lesson matrix: status in shape and words, best scores, class averages, pages and removal. */
import { afterEach, describe, expect, it } from "vitest";
import ClassroomProgressMatrix from "../../client/src/components/classroom/ClassroomProgressMatrix.vue";
import type { ClassroomProgressRowFieldsFragment, LessonAverageFieldsFragment } from "../../client/src/gql/graphql.js";
import { mountWith } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const lessons = [
  { slug: "event", order: 1, title: "The event" },
  { slug: "context", order: 2, title: "The context" },
];
const row = (id: string, name: string, cells: ClassroomProgressRowFieldsFragment["lessons"]): ClassroomProgressRowFieldsFragment => ({ learner: { id, displayName: name, disambiguator: null }, lessons: cells });
const rows = [
  row("u1", "Amina", [
    { lessonSlug: "event", status: "COMPLETED", bestScore: 0.8 },
    { lessonSlug: "context", status: "IN_PROGRESS", bestScore: null },
  ]),
  row("u2", "Omar", []),
];
const averages: LessonAverageFieldsFragment[] = [
  { lessonSlug: "event", completed: 1, completionRate: 0.5, averageBestScore: 0.8, assessed: 1 },
  { lessonSlug: "context", completed: 0, completionRate: 0, averageBestScore: null, assessed: 0 },
];
const props = (over: Record<string, unknown> = {}) => ({ classroomId: "c1", lessons, rows, averages, offset: 0, pageSize: 25, total: 2, ...over });

describe("ClassroomProgressMatrix", () => {
  it("should give each learner and lesson its status in words and its best score", () => {
    const w = mountWith(ClassroomProgressMatrix, props());
    const amina = w.get('tr[data-learner="u1"]');
    expect(amina.get('td[data-lesson="event"]').text()).toBe("●Completed,80%");
    expect(amina.get('td[data-lesson="context"]').text()).toBe("◐In progress,—no assessment yet");
    // A learner with no record yet has not started anything.
    expect(w.get('tr[data-learner="u2"] td[data-lesson="event"]').attributes("data-status")).toBe("NOT_STARTED");
    expect(w.findAll("[data-testid=lesson-average]").map((c) => c.text())).toEqual(["80%completed: 1 of 2", "—completed: 0 of 2"]);
  });

  it("should page through the roster and say which learners are shown", async () => {
    const w = mountWith(ClassroomProgressMatrix, props({ total: 60, offset: 25 }));
    expect(w.get(".pager-bar__range").text()).toBe("26–50 of 60");
    await w.get("[data-testid=page-next]").trigger("click");
    await w.get("[data-testid=page-prev]").trigger("click");
    expect(w.emitted("page")).toEqual([[50], [0]]);
    await w.setProps({ offset: 50 });
    expect(w.get(".pager-bar__range").text()).toBe("51–60 of 60");
    expect(w.get("[data-testid=page-next]").attributes("disabled")).toBeDefined();
  });

  it("should ask to remove a learner by name, and show no pager for one page", async () => {
    const w = mountWith(ClassroomProgressMatrix, props());
    expect(w.find(".pager-bar").exists()).toBe(false);
    const remove = w.get('tr[data-learner="u2"] [data-testid=remove-learner]');
    expect(remove.attributes("aria-label")).toBe("Remove Omar from the class");
    await remove.trigger("click");
    expect(w.emitted("remove")).toEqual([[{ id: "u2", displayName: "Omar", disambiguator: null }]]);
  });

  it("should invite sharing the code when nobody has joined", () => {
    const w = mountWith(ClassroomProgressMatrix, props({ rows: [], total: 0 }), "ar");
    expect(w.get(".matrix__empty").text()).toContain("مشاركة رمز الانضمام");
    expect(w.find("tfoot").exists()).toBe(false);
  });
});
