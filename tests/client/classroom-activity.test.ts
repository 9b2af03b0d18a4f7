// @vitest-environment happy-dom
/** The activity feed: bursts of answers read as one line, events in words, times relative to now. */
import { RouterLinkStub } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import ClassroomActivityFeed from "../../client/src/components/classroom/ClassroomActivityFeed.vue";
import { groupActivity, relativeParts } from "../../client/src/components/classroom/activity.js";
import type { ClassroomActivityFieldsFragment } from "../../client/src/gql/graphql.js";
import { gradebookFileName } from "../../client/src/composables/useClassDashboard.js";
import { mountWith } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const event = (type: ClassroomActivityFieldsFragment["type"], at: string, over: Partial<ClassroomActivityFieldsFragment> = {}): ClassroomActivityFieldsFragment => ({
  type,
  learnerId: "u1",
  learnerDisambiguator: null,
  learnerName: "Salma",
  quizId: "q-1",
  itemId: null,
  attemptId: "a1",
  at,
  ...over,
});

describe("class activity", () => {
  it("should merge consecutive answers of one attempt, and nothing else", () => {
    const events = [
      event("ATTEMPT_FINISHED", "2025-03-01T10:10:00Z"),
      event("ANSWER_SUBMITTED", "2025-03-01T10:09:00Z", { itemId: "i3" }),
      event("ANSWER_SUBMITTED", "2025-03-01T10:08:00Z", { itemId: "i2" }),
      event("ANSWER_SUBMITTED", "2025-03-01T10:07:00Z", { itemId: "i1", learnerId: "u2", learnerName: "Omar", attemptId: "a2" }),
      event("ANSWER_SUBMITTED", "2025-03-01T10:06:00Z", { itemId: "i1" }),
    ];
    expect(groupActivity(events).map((e) => [e.type, e.learnerName, e.count, e.at])).toEqual([
      ["ATTEMPT_FINISHED", "Salma", 1, "2025-03-01T10:10:00Z"],
      ["ANSWER_SUBMITTED", "Salma", 2, "2025-03-01T10:09:00Z"],
      ["ANSWER_SUBMITTED", "Omar", 1, "2025-03-01T10:07:00Z"],
      ["ANSWER_SUBMITTED", "Salma", 1, "2025-03-01T10:06:00Z"],
    ]);
  });

  it("should pick the unit a person would say", () => {
    const now = Date.parse("2025-03-01T12:00:00Z");
    expect(relativeParts("2025-03-01T11:59:30Z", now)).toEqual({ value: 0, unit: "second" });
    expect(relativeParts("2025-03-01T11:57:00Z", now)).toEqual({ value: -3, unit: "minute" });
    expect(relativeParts("2025-03-01T09:00:00Z", now)).toEqual({ value: -3, unit: "hour" });
    expect(relativeParts("2025-02-26T12:00:00Z", now)).toEqual({ value: -3, unit: "day" });
  });

  it("should say what happened with the quiz's title and link each name to the learner", () => {
    const recent = new Date(Date.now() - 60_000).toISOString();
    const w = mountWith(ClassroomActivityFeed, {
      classroomId: "c1",
      activity: [event("ATTEMPT_FINISHED", recent), event("ANSWER_SUBMITTED", recent), event("ANSWER_SUBMITTED", recent), event("LEARNER_JOINED", recent, { quizId: null, attemptId: null })],
      quizTitles: new Map([["q-1", "Lesson 1 quiz"]]),
    });
    const items = w.findAll("[data-testid=activity] li");
    expect(items.map((li) => li.get(".activity__text").text())).toEqual([
      "Salma finished an attempt at “Lesson 1 quiz”",
      "Salma answered questions in “Lesson 1 quiz” (2)",
      "Salma joined the class",
    ]);
    expect(items[0].get("time").text()).toBe("1 minute ago");
    expect(w.findAllComponents(RouterLinkStub)[0].props("to")).toBe("/teach/classes/c1/learners/u1");
  });

  it("should name the gradebook file after the class, without characters file systems refuse", () => {
    expect(gradebookFileName('Sahel: 3/B "spring"', new Date("2025-03-01T10:00:00Z"))).toBe("Sahel-3-B-spring-gradebook-2025-03-01.csv");
    expect(gradebookFileName("الساحل — الفوج أ", new Date("2025-03-01T10:00:00Z"))).toBe("الساحل-—-الفوج-أ-gradebook-2025-03-01.csv");
  });
});
