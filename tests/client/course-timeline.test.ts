// @vitest-environment happy-dom
/** The course timeline in the client: dates placed on one axis, and the actor filter. */
import { afterEach, describe, expect, it } from "vitest";
import { flushPromises } from "@vue/test-utils";
import type { VueWrapper } from "@vue/test-utils";
import { axisPositions, dayOf, useCourseTimeline } from "../../client/src/composables/useCourseTimeline.js";
import { fakeGraphql, mountComposable } from "./fake-graphql.js";

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

const event = (id: string, date: string, actorIds: string[]) => ({
  __typename: "CourseTimelineEvent" as const,
  id,
  date,
  event: `event ${id}`,
  kind: "article",
  lessonSlug: "l",
  lessonTitle: "L",
  paragraphId: "p",
  actorIds,
  source: null,
});

describe("timeline axis", () => {
  it("should read partial and ranged dates by their start", () => {
    expect(dayOf("2021")).toBe(dayOf("2021-01-01"));
    expect(dayOf("2024-01")).toBe(dayOf("2024-01-01"));
    expect(dayOf("2025-02-17/2025-02-19")).toBe(dayOf("2025-02-17"));
    expect(dayOf("2024-08-29")).toBeGreaterThan(dayOf("2024-01"));
  });

  it("should place the first date at 0, the last at 100 and the rest in proportion", () => {
    expect(axisPositions(["2021", "2022", "2023"])).toEqual([0, 50, 100]);
    expect(axisPositions(["2020", "2021", "2022"])).toEqual([0, 50.1, 100]); // 2020 has 366 days
    expect(axisPositions(["2024-01-01"])).toEqual([50]);
  });
});

describe("useCourseTimeline", () => {
  it("should show every event, then only those naming the chosen actor", async () => {
    const fake = fakeGraphql({
      CourseTimeline: () => ({
        data: {
          courseTimeline: {
            __typename: "CourseTimeline",
            events: [event("a", "2021", ["morocco", "algeria"]), event("b", "2023", ["mali", "algeria"]), event("c", "2025-02-17/2025-02-19", ["mali", "morocco"])],
            actors: [{ __typename: "ActorRef", id: "mali", name: "Mali" }],
          },
        },
      }),
    });
    const { api, wrapper: w } = mountComposable(fake.client, () => useCourseTimeline());
    wrapper = w;
    await flushPromises();
    expect(api.events.value.map((e) => e.id)).toEqual(["a", "b", "c"]);
    api.actor.value = "mali";
    expect(api.events.value.map((e) => e.id)).toEqual(["b", "c"]);
    expect(api.all.value).toHaveLength(3);
  });
});
