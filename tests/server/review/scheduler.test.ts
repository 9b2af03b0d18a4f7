import { describe, expect, it } from "vitest";
import { newCard, parseCard, reschedule, serializeCard } from "../../../server/src/review/scheduler.js";

const now = new Date("2026-03-01T10:00:00Z");
const days = (d: Date) => (d.getTime() - now.getTime()) / 86_400_000;

describe("FSRS scheduling", () => {
  it("should make a missed item due at once", () => {
    expect(reschedule(newCard(now), false, now).due.getTime()).toBe(now.getTime());
  });

  it("should give a correct first answer FSRS's first interval (days, not minutes: no short-term steps)", () => {
    const card = reschedule(newCard(now), true, now);
    expect(days(card.due)).toBeGreaterThanOrEqual(1);
    expect(card.reps).toBe(1);
  });

  it("should lengthen the interval after another correct answer on the due day", () => {
    const first = reschedule(newCard(now), true, now);
    const second = reschedule(first, true, first.due);
    expect(second.due.getTime() - first.due.getTime()).toBeGreaterThan(first.due.getTime() - now.getTime());
  });

  it("should hold a due date back to notBefore (assessment results not yet visible)", () => {
    const notBefore = new Date("2026-06-30T00:00:00Z");
    expect(reschedule(newCard(now), false, now, notBefore).due).toEqual(notBefore);
  });

  it("should survive a round trip through JSON", () => {
    const card = reschedule(newCard(now), true, now);
    expect(parseCard(serializeCard(card))).toEqual(card);
  });
});
