/**
 * The pace of a live session as a pure state machine (server/src/live/live-machine.ts), table-driven: which
 * action each phase allows, the timer's bounds and the server's clock deciding when an OPEN question is
 * LOCKED; session codes; and the per-address WebSocket cap that must admit a whole class behind one address.
 */
import { describe, expect, it } from "vitest";
import { LiveAction, LiveSessionPhase } from "../../../server/src/live/live.enum.js";
import { accepting, effectivePhase, LIVE_CODE_ALPHABET, newLiveCode, normalizeLiveCode, transition } from "../../../server/src/live/live-machine.js";
import type { Pace } from "../../../server/src/live/live-machine.js";
import { DEFAULT_LIVE_LIMITS } from "../../../server/src/http/live-limits.js";
import { readConfig } from "../../../server/src/config.js";

const T0 = new Date("2026-11-30T09:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const P = LiveSessionPhase;
const A = LiveAction;
const pace = (phase: LiveSessionPhase, itemIndex = 0, closesAt: Date | null = null): Pace => ({ phase, itemIndex, closesAt, shownAt: T0, endedAt: null });

describe("the live session's state machine", () => {
  // [phase, action, resulting phase or "bad"] with 3 items, at item 0, at T0 (no timer running).
  const table: [LiveSessionPhase, LiveAction, LiveSessionPhase | "bad"][] = [
    [P.LOBBY, A.SHOW_NEXT, P.QUESTION],
    [P.LOBBY, A.START_TIMER, "bad"],
    [P.LOBBY, A.LOCK, "bad"],
    [P.LOBBY, A.SHOW_DISTRIBUTION, "bad"],
    [P.LOBBY, A.REVEAL, "bad"],
    [P.LOBBY, A.END, P.ENDED],
    [P.QUESTION, A.START_TIMER, P.OPEN],
    [P.QUESTION, A.LOCK, P.LOCKED],
    [P.QUESTION, A.SHOW_DISTRIBUTION, P.DISTRIBUTION],
    [P.QUESTION, A.REVEAL, P.REVEALED],
    [P.QUESTION, A.SHOW_NEXT, P.QUESTION],
    [P.LOCKED, A.START_TIMER, "bad"],
    [P.LOCKED, A.LOCK, "bad"],
    [P.LOCKED, A.SHOW_DISTRIBUTION, P.DISTRIBUTION],
    [P.DISTRIBUTION, A.SHOW_DISTRIBUTION, "bad"],
    [P.DISTRIBUTION, A.REVEAL, P.REVEALED],
    [P.REVEALED, A.REVEAL, "bad"],
    [P.REVEALED, A.SHOW_NEXT, P.QUESTION],
    [P.REVEALED, A.END, P.ENDED],
    [P.ENDED, A.SHOW_NEXT, "bad"],
    [P.ENDED, A.END, "bad"],
  ];
  for (const [from, action, to] of table) {
    it(`should take ${from} + ${action} to ${to}`, () => {
      const next = transition(pace(from, from === P.LOBBY ? -1 : 0), action, 3, T0, 20);
      if (to === "bad") expect(next).toHaveProperty("error");
      else expect(next).toMatchObject({ phase: to });
    });
  }

  it("should move SHOW_NEXT to the next item and refuse it after the last", () => {
    expect(transition(pace(P.REVEALED, 1), A.SHOW_NEXT, 3, at(5))).toMatchObject({ itemIndex: 2, shownAt: at(5), closesAt: null });
    expect(transition(pace(P.REVEALED, 2), A.SHOW_NEXT, 3, at(5))).toHaveProperty("error");
  });

  it("should run a timer of 5 to 300 whole seconds from the server's now", () => {
    expect(transition(pace(P.QUESTION), A.START_TIMER, 3, at(1), 20)).toMatchObject({ phase: P.OPEN, closesAt: at(21) });
    for (const bad of [4, 301, 2.5, null]) expect(transition(pace(P.QUESTION), A.START_TIMER, 3, T0, bad)).toHaveProperty("error");
  });

  it("should treat an OPEN question past closesAt as LOCKED: no answers, no second timer, locking keeps the time answers stopped", () => {
    const open = pace(P.OPEN, 0, at(20));
    expect(effectivePhase(open, at(19.999))).toBe(P.OPEN);
    expect(accepting(open, at(19.999))).toBe(true);
    expect(effectivePhase(open, at(20))).toBe(P.LOCKED);
    expect(accepting(open, at(20))).toBe(false);
    expect(transition(open, A.START_TIMER, 3, at(25), 20)).toHaveProperty("error");
    expect(transition(open, A.SHOW_DISTRIBUTION, 3, at(25))).toMatchObject({ phase: P.DISTRIBUTION, closesAt: at(20) });
    expect(transition(open, A.LOCK, 3, at(10))).toMatchObject({ phase: P.LOCKED, closesAt: at(10) });
    expect(accepting(pace(P.QUESTION), at(1000))).toBe(true);
    for (const p of [P.LOBBY, P.LOCKED, P.DISTRIBUTION, P.REVEALED, P.ENDED]) expect(accepting(pace(p), T0)).toBe(false);
  });
});

describe("session codes", () => {
  it("should be 6 characters without 0/O or 1/I, and accept what people type", () => {
    expect(LIVE_CODE_ALPHABET).not.toMatch(/[0O1I]/);
    for (let i = 0; i < 200; i++) expect(newLiveCode()).toMatch(new RegExp(`^[${LIVE_CODE_ALPHABET}]{6}$`));
    expect(normalizeLiveCode(" abc-def ")).toBe("ABCDEF");
    expect(normalizeLiveCode("ABCDE0")).toBeNull();
    expect(normalizeLiveCode("ABCDEFG")).toBeNull();
  });
});

describe("the per-address WebSocket cap", () => {
  it("should admit a whole class behind one address by default (at least 300)", () => {
    expect(DEFAULT_LIVE_LIMITS.socketsPerAddress).toBeGreaterThanOrEqual(300);
    expect(readConfig({}).live.socketsPerAddress).toBeGreaterThanOrEqual(300);
  });
});
