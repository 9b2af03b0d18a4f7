/**
 * The live session's pure logic (client/src/components/live/live-view.ts and the clock of useLiveSession.ts):
 * what each phase shows and which steps the console offers, the timer from the server's closesAt corrected by
 * the clock skew, the distribution as bars, the code and nickname checks, the QR code's path and the report's file name.
 */
import { describe, expect, it } from "vitest";
import { encode } from "uqr";
import {
  CODE_ALPHABET,
  cleanNickname,
  clockText,
  codeProblem,
  consoleActions,
  distributionBars,
  nicknameProblem,
  normalizeCode,
  phaseView,
  qrPath,
  reportFileName,
} from "../../client/src/components/live/live-view.js";
import { clockSkew, newer, secondsLeft } from "../../client/src/composables/useLiveSession.js";
import type { LivePhase, LiveSessionState } from "../../client/src/composables/useLiveSession.js";

const PHASES: LivePhase[] = ["LOBBY", "QUESTION", "OPEN", "LOCKED", "DISTRIBUTION", "REVEALED", "ENDED"];

describe("phase → what each view shows", () => {
  it.each([
    // phase, lobby, question, answering, timer, distribution, reveal, ended
    ["LOBBY", true, false, false, false, false, false, false],
    ["QUESTION", false, true, true, false, false, false, false],
    ["OPEN", false, true, true, true, false, false, false],
    ["LOCKED", false, true, false, false, false, false, false],
    ["DISTRIBUTION", false, true, false, false, true, false, false],
    ["REVEALED", false, true, false, false, true, true, false],
    ["ENDED", false, false, false, false, false, false, true],
  ] as const)("should show in %s: lobby %s, question %s, answering %s, timer %s, distribution %s, reveal %s, ended %s", (phase, lobby, question, answering, timer, distribution, reveal, ended) => {
    expect(phaseView(phase)).toEqual({ lobby, question, answering, timer, distribution, reveal, ended });
  });

  it("should accept answers only in QUESTION and OPEN, and reveal only after the spread", () => {
    expect(PHASES.filter((p) => phaseView(p).answering)).toEqual(["QUESTION", "OPEN"]);
    expect(PHASES.filter((p) => phaseView(p).reveal)).toEqual(["REVEALED"]);
  });

  it("should offer the console's steps the phase allows, the main one first, ending always possible until ended", () => {
    expect(consoleActions("LOBBY", -1, 5)).toEqual(["SHOW_NEXT", "END"]);
    expect(consoleActions("LOBBY", -1, 0)).toEqual(["END"]);
    expect(consoleActions("QUESTION", 0, 5)).toEqual(["START_TIMER", "LOCK", "END"]);
    expect(consoleActions("OPEN", 0, 5)).toEqual(["LOCK", "END"]);
    expect(consoleActions("LOCKED", 0, 5)).toEqual(["SHOW_DISTRIBUTION", "REVEAL", "END"]);
    expect(consoleActions("DISTRIBUTION", 0, 5)).toEqual(["REVEAL", "SHOW_NEXT", "END"]);
    expect(consoleActions("REVEALED", 3, 5)).toEqual(["SHOW_NEXT", "END"]);
    // The last item: no next question.
    expect(consoleActions("REVEALED", 4, 5)).toEqual(["END"]);
    expect(consoleActions("DISTRIBUTION", 4, 5)).toEqual(["REVEAL", "END"]);
    expect(consoleActions("ENDED", 4, 5)).toEqual([]);
  });
});

describe("the timer, from the server's clock", () => {
  const serverNow = "2026-03-01T10:00:00.000Z";
  const server = Date.parse(serverNow);

  it("should measure how far the server's clock is ahead of the device's", () => {
    expect(clockSkew(serverNow, server - 5_000)).toBe(5_000); // the device is 5 s behind
    expect(clockSkew(serverNow, server + 3_000)).toBe(-3_000); // 3 s ahead
    expect(clockSkew("not a date", server)).toBe(0);
  });

  it("should count down from closesAt on the server's clock, whatever the device's clock says", () => {
    const closesAt = "2026-03-01T10:00:20.000Z"; // 20 s after serverNow
    for (const deviceOffset of [-60_000, -5_000, 0, 2_500, 90_000]) {
      const received = server + deviceOffset; // the device's clock when the state arrived
      const skew = clockSkew(serverNow, received);
      expect(secondsLeft(closesAt, skew, received), `offset ${deviceOffset}`).toBe(20);
      expect(secondsLeft(closesAt, skew, received + 12_300), `offset ${deviceOffset}`).toBe(8); // 7.7 s rounds up
      expect(secondsLeft(closesAt, skew, received + 20_000), `offset ${deviceOffset}`).toBe(0);
      expect(secondsLeft(closesAt, skew, received + 45_000), `offset ${deviceOffset}`).toBe(0); // never negative
    }
  });

  it("should be wrong by the device's skew without the correction (why it exists)", () => {
    const closesAt = "2026-03-01T10:00:20.000Z";
    expect(secondsLeft(closesAt, 0, server - 5_000)).toBe(25);
    expect(secondsLeft(closesAt, clockSkew(serverNow, server - 5_000), server - 5_000)).toBe(20);
  });

  it("should have no timer without closesAt", () => {
    expect(secondsLeft(null, 0, server)).toBeNull();
    expect(secondsLeft(undefined, 0, server)).toBeNull();
    expect(secondsLeft("garbage", 0, server)).toBeNull();
  });

  it("should write minutes and two-digit seconds", () => {
    expect(clockText(65)).toEqual({ minutes: 1, seconds: "05" });
    expect(clockText(9)).toEqual({ minutes: 0, seconds: "09" });
    expect(clockText(0)).toEqual({ minutes: 0, seconds: "00" });
    expect(clockText(-3)).toEqual({ minutes: 0, seconds: "00" });
  });
});

describe("a newer state replaces an older one", () => {
  const state = (serverNow: string, id = "s1") => ({ id, serverNow }) as LiveSessionState;
  it("should keep the newer state and take another session's state at once", () => {
    expect(newer(null, state("2026-03-01T10:00:00.000Z"))).toBe(true);
    expect(newer(state("2026-03-01T10:00:01.000Z"), state("2026-03-01T10:00:00.000Z"))).toBe(false);
    expect(newer(state("2026-03-01T10:00:00.000Z"), state("2026-03-01T10:00:00.000Z"))).toBe(true);
    expect(newer(state("2026-03-01T10:00:00.000Z"), state("2026-03-01T10:00:02.000Z"))).toBe(true);
    expect(newer(state("2026-03-01T10:00:05.000Z"), state("2026-03-01T10:00:00.000Z", "s2"))).toBe(true);
  });
});

describe("distribution → bars", () => {
  it("should give each row its share of the people who answered and a length relative to the largest", () => {
    const bars = distributionBars(
      [
        { key: "q.a", count: 6, correct: null },
        { key: "q.b", count: 3, correct: null },
        { key: "q.c", count: 0, correct: null },
      ],
      9,
    );
    expect(bars.map((b) => [b.key, b.count, b.share, b.length])).toEqual([
      ["q.a", 6, 6 / 9, 1],
      ["q.b", 3, 3 / 9, 0.5],
      ["q.c", 0, 0, 0],
    ]);
  });

  it("should count a multiple-choice answer in several rows, shares of people (not of picks)", () => {
    const bars = distributionBars(
      [
        { key: "q.a", count: 4, correct: true },
        { key: "q.b", count: 4, correct: false },
      ],
      4,
    );
    expect(bars.map((b) => b.share)).toEqual([1, 1]);
    expect(bars.map((b) => b.correct)).toEqual([true, false]);
  });

  it("should draw nothing, and divide by nothing, before anyone answered", () => {
    const bars = distributionBars([{ key: "q.a", count: 0, correct: null }], 0);
    expect(bars).toEqual([{ key: "q.a", count: 0, share: 0, length: 0, correct: null }]);
    expect(distributionBars([], 0)).toEqual([]);
  });
});

describe("the join code and a guest's nickname", () => {
  it("should read a code as typed: case, spaces and dashes do not matter", () => {
    expect(normalizeCode(" abc-234 ")).toBe("ABC234");
    expect(normalizeCode("ab c2 34")).toBe("ABC234");
    expect(normalizeCode("ＡＢＣ２３４")).toBe("ABC234"); // full-width, from some phone keyboards
    expect(codeProblem("abc-234")).toBeNull();
    expect(codeProblem("")).toBe("live.join.codeRequired");
    expect(codeProblem("   ")).toBe("live.join.codeRequired");
    expect(codeProblem("ABC23")).toBe("live.join.codeShape");
    expect(codeProblem("ABC2345")).toBe("live.join.codeShape");
    // 0, O, 1 and I are not in the alphabet.
    for (const c of ["0", "O", "1", "I"]) expect(CODE_ALPHABET.includes(c)).toBe(false);
    expect(codeProblem("ABC0O1")).toBe("live.join.codeShape");
  });

  it("should accept nicknames of 2 to 24 characters in any script, counted as shown", () => {
    expect(nicknameProblem("سارة")).toBeNull();
    expect(nicknameProblem("Mo")).toBeNull();
    expect(nicknameProblem("  Amadou   Diallo ")).toBeNull();
    expect(cleanNickname("  Amadou   Diallo ")).toBe("Amadou Diallo");
    expect(nicknameProblem("🦊🦊")).toBeNull(); // two characters, four UTF-16 units
    expect(nicknameProblem("x".repeat(24))).toBeNull();
  });

  it("should refuse a missing, too long or garbling nickname, each with its reason", () => {
    expect(nicknameProblem("")).toBe("live.join.nicknameRequired");
    expect(nicknameProblem("   ")).toBe("live.join.nicknameRequired");
    // The server's rule (live-machine.ts validNickname): 1 to 40 characters, counted in code points.
    expect(nicknameProblem("A")).toBeNull();
    expect(nicknameProblem("x".repeat(40))).toBeNull();
    expect(nicknameProblem("😀".repeat(40))).toBeNull();
    expect(nicknameProblem("x".repeat(41))).toBe("live.join.nicknameLong");
    expect(nicknameProblem("ab\u202Ecd")).toBe("live.join.nicknameChars"); // a right-to-left override
    expect(nicknameProblem("ab\u0007cd")).toBe("live.join.nicknameChars");
  });
});

describe("the QR code's path", () => {
  it("should draw exactly the dark modules, one unit each", () => {
    const modules = [
      [true, true, false, true],
      [false, false, false, false],
      [false, true, true, true],
    ];
    expect(qrPath(modules)).toBe("M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z");
    expect(qrPath([[false]])).toBe("");
  });

  it("should cover every dark module of a real code for a join address", () => {
    const qr = encode("https://course.example/live/ABC234", { ecc: "M", border: 2 });
    const dark = qr.data.flat().filter(Boolean).length;
    const drawn = [...qrPath(qr.data).matchAll(/h(\d+)v1/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(dark).toBeGreaterThan(100);
    expect(drawn).toBe(dark);
  });
});

describe("the report's file", () => {
  it("should name the file after the code and the day", () => {
    expect(reportFileName("ABC234", new Date("2026-03-01T12:00:00Z"))).toBe("live-ABC234-2026-03-01.csv");
  });
});
