/**
 * The pace of a live session as a pure state machine (issue 17, point 2): which action each phase allows and
 * what it leads to, and whether answers are accepted at a moment. The timer is the server's: an OPEN session
 * whose closesAt has passed is LOCKED for every purpose (answers, views), whether or not anyone locked it.
 * Pure: the caller gives the clock's time.
 */
import { randomInt } from "node:crypto";
import { LiveAction, LiveSessionPhase } from "./live.enum.js";

/** Session codes: 6 characters without 0/O and 1/I/L, upper case (31^6 ≈ 8.9·10^8). */
export const LIVE_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newLiveCode(): string {
  let s = "";
  for (let i = 0; i < 6; i++) s += LIVE_CODE_ALPHABET[randomInt(LIVE_CODE_ALPHABET.length)];
  return s;
}

/** What people type: any case, spaces or dashes. Null when it cannot be a code. */
export function normalizeLiveCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  return raw.length === 6 && [...raw].every((c) => LIVE_CODE_ALPHABET.includes(c)) ? raw : null;
}

/**
 * A guest's nickname, one rule for server and client (client/src/components/live/live-view.ts mirrors it):
 * NFC, runs of white space made one space, trimmed; then 1 to NICKNAME_MAX characters (code points, as
 * shown), no control or format characters (bidi overrides would garble the projector's list).
 */
export const NICKNAME_MAX = 40;

export const cleanNickname = (typed: string): string => typed.normalize("NFC").replace(/\s+/g, " ").trim();

/** The cleaned nickname, or null when it breaks the rule. */
export function validNickname(typed: string | null | undefined): string | null {
  const name = cleanNickname(typed ?? "");
  const length = [...name].length;
  return length >= 1 && length <= NICKNAME_MAX && !/[\p{Cc}\p{Cf}]/u.test(name) ? name : null;
}

export const TIMER_MIN_SECONDS = 5;
export const TIMER_MAX_SECONDS = 300;

export interface Pace {
  phase: LiveSessionPhase;
  itemIndex: number;
  closesAt: Date | null;
  shownAt: Date | null;
  endedAt: Date | null;
}

/** The phase as everyone sees it at `now`: an OPEN session past its timer is LOCKED. */
export function effectivePhase(p: Pick<Pace, "phase" | "closesAt">, now: Date): LiveSessionPhase {
  return p.phase === LiveSessionPhase.OPEN && p.closesAt && now >= p.closesAt ? LiveSessionPhase.LOCKED : p.phase;
}

/** Whether an answer to the current item is accepted at `now`. */
export function accepting(p: Pick<Pace, "phase" | "closesAt">, now: Date): boolean {
  const phase = effectivePhase(p, now);
  return phase === LiveSessionPhase.QUESTION || phase === LiveSessionPhase.OPEN;
}

const ASKING = new Set([LiveSessionPhase.QUESTION, LiveSessionPhase.OPEN]);

/**
 * The pace after `action`, or an error reason (`bad-action`) when the phase does not allow it:
 * SHOW_NEXT from any phase but ENDED while an item remains; START_TIMER (5–300 s) while asking (again: restarts);
 * LOCK while asking; SHOW_DISTRIBUTION while asking or LOCKED (locks); REVEAL from QUESTION to DISTRIBUTION
 * (locks); END from any phase but ENDED.
 */
export function transition(p: Pace, action: LiveAction, itemCount: number, now: Date, seconds?: number | null): Pace | { error: string } {
  const phase = effectivePhase(p, now);
  const bad = (why: string) => ({ error: why });
  if (phase === LiveSessionPhase.ENDED) return bad("The session has ended.");
  switch (action) {
    case LiveAction.SHOW_NEXT:
      if (p.itemIndex + 1 >= itemCount) return bad("There is no next question; end the session.");
      return { ...p, phase: LiveSessionPhase.QUESTION, itemIndex: p.itemIndex + 1, closesAt: null, shownAt: now };
    case LiveAction.START_TIMER: {
      if (!ASKING.has(phase)) return bad("A timer starts only while a question is asked.");
      const s = seconds ?? 0;
      if (!Number.isInteger(s) || s < TIMER_MIN_SECONDS || s > TIMER_MAX_SECONDS) return bad(`A timer runs ${TIMER_MIN_SECONDS} to ${TIMER_MAX_SECONDS} seconds.`);
      return { ...p, phase: LiveSessionPhase.OPEN, closesAt: new Date(now.getTime() + s * 1000) };
    }
    case LiveAction.LOCK:
      if (!ASKING.has(phase)) return bad("Only an asked question can be locked.");
      return { ...p, phase: LiveSessionPhase.LOCKED, closesAt: lockedAt(p, now) };
    case LiveAction.SHOW_DISTRIBUTION:
      if (!ASKING.has(phase) && phase !== LiveSessionPhase.LOCKED) return bad("The distribution follows a question.");
      return { ...p, phase: LiveSessionPhase.DISTRIBUTION, closesAt: lockedAt(p, now) };
    case LiveAction.REVEAL:
      if (phase === LiveSessionPhase.LOBBY || phase === LiveSessionPhase.REVEALED) return bad("Nothing to reveal now.");
      return { ...p, phase: LiveSessionPhase.REVEALED, closesAt: lockedAt(p, now) };
    case LiveAction.END:
      return { ...p, phase: LiveSessionPhase.ENDED, closesAt: lockedAt(p, now), endedAt: now };
  }
}

/** Locking keeps the earlier of the timer's end and now: the moment answers stopped. */
function lockedAt(p: Pick<Pace, "closesAt">, now: Date): Date {
  return p.closesAt && p.closesAt < now ? p.closesAt : now;
}
