// @vitest-environment happy-dom
/**
 * The class dashboard's live refetches: events arriving in a burst are coalesced into one network-only
 * refetch per part of the dashboard they can change, 250 ms after the first of them; an event that changes
 * nothing refetches nothing; leaving the page cancels a refetch still waiting.
 */
import { flushPromises } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ref } from "vue";
import type { ClassroomActivityFieldsFragment } from "../../client/src/gql/graphql.js";
import { useClassDashboard } from "../../client/src/composables/useClassDashboard.js";
import { fakeGraphql, mountComposable } from "./fake-graphql.js";

beforeEach(() => {
  // Only the dashboard's timer is faked; promises and flushPromises (setImmediate) run for real.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = "";
});

const classroom = { id: "c1", name: "3B", joinCode: "ABCD-EFGH", learnerCount: 2, createdAt: "2025-03-01T10:00:00.000Z" };

function server() {
  return fakeGraphql({
    ClassSummary: () => ({ data: { classroom: { ...classroom, lessonAverages: [] } } }),
    ClassMatrix: () => ({ data: { classroom: { id: "c1", found: 2, progress: [] } } }),
    ClassInsights: () => ({ data: { classroom: { id: "c1", mastery: [], needsHelp: [], pendingEssays: [] } } }),
    ClassActivity: () => ({ data: { classroom: { id: "c1", recentActivity: [] } } }),
  });
}

let second = 0;
const event = (type: ClassroomActivityFieldsFragment["type"], over: Partial<ClassroomActivityFieldsFragment> = {}): ClassroomActivityFieldsFragment => ({
  type,
  learnerId: "u1",
  learnerDisambiguator: null,
  learnerName: "Salma",
  quizId: "q-1",
  itemId: null,
  attemptId: "a1",
  at: new Date(Date.UTC(2025, 2, 1, 10, 0, second++)).toISOString(),
  ...over,
});

const PARTS = ["ClassSummary", "ClassMatrix", "ClassInsights"] as const;

async function mountDashboard() {
  const s = server();
  const mounted = mountComposable(s.client, () => useClassDashboard(ref("c1")));
  await flushPromises();
  expect(mounted.api.loaded.value).toBe(true);
  expect(s.openSubscriptions()).toBe(1);
  // What the first load sent, to count refetches from.
  const base = Object.fromEntries(PARTS.map((p) => [p, s.sent(p)]));
  const refetched = () => Object.fromEntries(PARTS.map((p) => [p, s.sent(p) - base[p]]));
  return { s, ...mounted, refetched };
}

describe("useClassDashboard's live refetches", () => {
  it("should refetch the insights once for a burst of ten answers, 250 ms after the first, and not before", async () => {
    const { s, api, refetched } = await mountDashboard();
    for (let i = 0; i < 10; i++) {
      s.publish({ classroomActivity: event("ANSWER_SUBMITTED", { itemId: `i${i}` }) });
      vi.advanceTimersByTime(20);
    }
    await flushPromises();
    // 200 ms after the first event: every event is in the activity list, nothing refetched yet.
    expect(api.activity.value).toHaveLength(10);
    expect(refetched()).toEqual({ ClassSummary: 0, ClassMatrix: 0, ClassInsights: 0 });

    vi.advanceTimersByTime(50);
    await flushPromises();
    expect(refetched()).toEqual({ ClassSummary: 0, ClassMatrix: 0, ClassInsights: 1 });
    // The refetch is network-only and stays one: nothing else is scheduled.
    vi.advanceTimersByTime(5_000);
    await flushPromises();
    expect(refetched()).toEqual({ ClassSummary: 0, ClassMatrix: 0, ClassInsights: 1 });
  });

  it("should merge what a burst's events change: answers and a finish refetch each part once", async () => {
    const { s, refetched } = await mountDashboard();
    s.publish({ classroomActivity: event("ANSWER_SUBMITTED", { itemId: "i1" }) });
    s.publish({ classroomActivity: event("ANSWER_SUBMITTED", { itemId: "i2" }) });
    s.publish({ classroomActivity: event("ATTEMPT_FINISHED") });
    s.publish({ classroomActivity: event("ANSWER_SUBMITTED", { itemId: "i1", learnerId: "u2", attemptId: "a2" }) });
    vi.advanceTimersByTime(250);
    await flushPromises();
    expect(refetched()).toEqual({ ClassSummary: 1, ClassMatrix: 1, ClassInsights: 1 });
  });

  it("should start a new burst after the last refetch: two bursts, two refetches", async () => {
    const { s, refetched } = await mountDashboard();
    s.publish({ classroomActivity: event("ANSWER_SUBMITTED", { itemId: "i1" }) });
    vi.advanceTimersByTime(250);
    await flushPromises();
    s.publish({ classroomActivity: event("ANSWER_SUBMITTED", { itemId: "i2" }) });
    s.publish({ classroomActivity: event("ANSWER_SUBMITTED", { itemId: "i3" }) });
    vi.advanceTimersByTime(250);
    await flushPromises();
    expect(refetched()).toEqual({ ClassSummary: 0, ClassMatrix: 0, ClassInsights: 2 });
  });

  it("should refetch nothing for an attempt started, yet list it", async () => {
    const { s, api, refetched } = await mountDashboard();
    s.publish({ classroomActivity: event("ATTEMPT_STARTED") });
    vi.advanceTimersByTime(1_000);
    await flushPromises();
    expect(api.activity.value.map((a) => a.type)).toEqual(["ATTEMPT_STARTED"]);
    expect(refetched()).toEqual({ ClassSummary: 0, ClassMatrix: 0, ClassInsights: 0 });
  });

  it("should drop a refetch still waiting when the dashboard is left", async () => {
    const { s, wrapper, refetched } = await mountDashboard();
    s.publish({ classroomActivity: event("LEARNER_JOINED", { attemptId: null }) });
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(1);
    wrapper.unmount();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    await flushPromises();
    expect(refetched()).toEqual({ ClassSummary: 0, ClassMatrix: 0, ClassInsights: 0 });
  });
});

describe("useClassDashboard's roster search and renaming", () => {
  it("should send a typed search after 300 ms of quiet, from the first page, and the chosen order", async () => {
    const { s, api } = await mountDashboard();
    api.offset.value = 25;
    await flushPromises();
    api.search.value = "سار";
    await flushPromises();
    vi.advanceTimersByTime(100);
    api.search.value = "سارة ";
    await flushPromises();
    vi.advanceTimersByTime(299);
    await flushPromises();
    expect(s.log.filter((r) => r.operationName === "ClassMatrix").at(-1)!.variables).toMatchObject({ offset: 25, search: "" });
    vi.advanceTimersByTime(1);
    await flushPromises();
    expect(s.log.filter((r) => r.operationName === "ClassMatrix").at(-1)!.variables).toMatchObject({ offset: 0, search: "سارة", sort: "NAME" });
    api.sort.value = "JOINED_NEWEST";
    await flushPromises();
    expect(s.log.filter((r) => r.operationName === "ClassMatrix").at(-1)!.variables).toMatchObject({ search: "سارة", sort: "JOINED_NEWEST" });
  });

  it("should rename the class and read the summary again", async () => {
    const s = fakeGraphql({
      ClassSummary: () => ({ data: { classroom: { ...classroom, lessonAverages: [] } } }),
      ClassMatrix: () => ({ data: { classroom: { id: "c1", found: 2, progress: [] } } }),
      ClassInsights: () => ({ data: { classroom: { id: "c1", mastery: [], needsHelp: [], pendingEssays: [] } } }),
      ClassActivity: () => ({ data: { classroom: { id: "c1", recentActivity: [] } } }),
      RenameClassroom: () => ({ data: { renameClassroom: { id: "c1", name: "3C" } } }),
    });
    const { api } = mountComposable(s.client, () => useClassDashboard(ref("c1")));
    await flushPromises();
    const before = s.sent("ClassSummary");
    expect(await api.rename("3C")).toBeNull();
    expect(s.log.find((r) => r.operationName === "RenameClassroom")!.variables).toEqual({ id: "c1", name: "3C" });
    expect(s.sent("ClassSummary")).toBe(before + 1);
  });
});
