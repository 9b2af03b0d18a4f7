/**
 * Due dates across time zones (client/src/assignments/due.ts): a class in Africa/Casablanca sets a due date
 * on its wall clock; a learner in America/New_York reads the same instant on theirs, in both languages.
 */
import { describe, expect, it } from "vitest";
import { dueOrder, formatInZone, needsAttention, stillToDo, wallTimeOf, wallTimeToIso } from "../../client/src/assignments/due.js";

describe("wall times and instants", () => {
  it("should turn a class's wall time into the instant and back (Casablanca: UTC+1 outside Ramadan)", () => {
    const iso = wallTimeToIso("2026-04-15T23:59", "Africa/Casablanca");
    expect(iso).toBe("2026-04-15T22:59:00.000Z");
    expect(wallTimeOf(iso!, "Africa/Casablanca")).toBe("2026-04-15T23:59");
    // The same instant on a New York learner's clock (EDT since 8 March 2026).
    expect(wallTimeOf(iso!, "America/New_York")).toBe("2026-04-15T18:59");
  });

  it("should follow Casablanca's Ramadan change (UTC+0 from mid-February to late March 2026)", () => {
    expect(wallTimeToIso("2026-02-25T12:00", "Africa/Casablanca")).toBe("2026-02-25T12:00:00.000Z");
  });

  it("should handle New York's daylight-saving days: a skipped hour moves forward, a repeated one takes the first", () => {
    expect(wallTimeToIso("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(wallTimeToIso("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(wallTimeToIso("2026-07-01T09:00", "America/New_York")).toBe("2026-07-01T13:00:00.000Z");
  });

  it("should refuse what is not a datetime-local value", () => {
    expect(wallTimeToIso("", "UTC")).toBeNull();
    expect(wallTimeToIso("2026-03-10", "UTC")).toBeNull();
    expect(wallTimeToIso("tomorrow", "UTC")).toBeNull();
  });
});

describe("formatting in a zone", () => {
  const iso = "2026-04-15T22:59:00.000Z";
  it("should show the class's wall time to the instructor and the learner's own to the learner, in English", () => {
    const inClass = formatInZone("en", iso, "Africa/Casablanca");
    const inNewYork = formatInZone("en", iso, "America/New_York");
    expect(inClass).toContain("15 April 2026");
    expect(inClass).toContain("23:59");
    expect(inNewYork).toContain("15 April 2026");
    expect(inNewYork).toContain("18:59");
    expect(inNewYork).toMatch(/EDT|GMT-4/);
  });

  it("should do the same in Arabic, with Latin digits", () => {
    const inClass = formatInZone("ar", iso, "Africa/Casablanca");
    expect(inClass).toContain("أبريل");
    expect(inClass).toContain("23:59");
    expect(formatInZone("ar", iso, "America/New_York")).toContain("18:59");
    expect(inClass).not.toMatch(/[٠-٩]/);
  });
});

describe("states", () => {
  it("should flag late and overdue work, and put what is still to do first by due date", () => {
    expect(needsAttention("LATE")).toBe(true);
    expect(needsAttention("OVERDUE")).toBe(true);
    expect(needsAttention("DONE")).toBe(false);
    expect(stillToDo("OVERDUE")).toBe(true);
    expect(stillToDo("LATE")).toBe(false);
    const list = [
      { id: "done", dueAt: "2026-03-01T00:00:00Z", state: "DONE" as const },
      { id: "later", dueAt: "2026-03-20T00:00:00Z", state: "NOT_STARTED" as const },
      { id: "overdue", dueAt: "2026-03-02T00:00:00Z", state: "OVERDUE" as const },
      { id: "soon", dueAt: "2026-03-05T00:00:00Z", state: "IN_PROGRESS" as const },
    ];
    expect(dueOrder(list).map((a) => a.id)).toEqual(["overdue", "soon", "later", "done"]);
  });
});
