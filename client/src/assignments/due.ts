/**
 * Due dates across time zones (issue 18, point 3), pure. An instructor sets and reads an assignment's times
 * in the class's time zone (an IANA name); a learner reads them in their own browser's zone. The server
 * stores instants; these functions turn a wall-clock time in a zone into an instant and back, and format an
 * instant in a zone for either language (Intl.DateTimeFormat with timeZone).
 */
import type { AppLocale } from "../i18n/index.js";
import { intlLocale } from "../format.js";

export type AssignmentStateName = "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "LATE" | "OVERDUE";

/** The browser's time zone, or UTC when it names none. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The wall-clock fields of an instant in a zone. */
function fields(ms: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { y: get("year"), mo: get("month"), d: get("day"), h: get("hour") % 24, mi: get("minute") };
}

/** How far a zone's wall clock is ahead of UTC at an instant, in ms (whole minutes). */
function offsetAt(ms: number, timeZone: string): number {
  const f = fields(ms, timeZone);
  const wall = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi);
  return wall - Math.floor(ms / 60_000) * 60_000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant (ISO, UTC) at which a zone's wall clock shows `local` ("2026-03-10T23:59", as an
 * <input type="datetime-local"> gives it), or null when it is not such a value. A time skipped by a
 * daylight-saving change moves forward by the change; a repeated one takes its first occurrence.
 */
export function wallTimeToIso(local: string, timeZone: string): string | null {
  const m = WALL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  // The offset at the guess, then at the candidate it gives: stable except across a change.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const candidates = [first, second].filter((t) => wallTimeOf(t, timeZone) === local).sort((a, b) => a - b);
  return new Date(candidates[0] ?? Math.max(first, second)).toISOString();
}

/** The wall-clock time of an instant in a zone, as <input type="datetime-local"> takes it. */
export function wallTimeOf(at: string | number, timeZone: string): string {
  const f = fields(typeof at === "number" ? at : new Date(at).getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${f.y}-${two(f.mo)}-${two(f.d)}T${two(f.h)}:${two(f.mi)}`;
}

/** An instant in a zone, date and time with the zone's short name, in the interface language. */
export function formatInZone(locale: AppLocale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** States worth a warning colour: late work and work past due. */
export const needsAttention = (state: AssignmentStateName | null | undefined): boolean => state === "LATE" || state === "OVERDUE";

/** Whether the assignment is still to do (the home page's "Due" list keeps these first). */
export const stillToDo = (state: AssignmentStateName | null | undefined): boolean => state === "NOT_STARTED" || state === "IN_PROGRESS" || state === "OVERDUE";

/** The learner's list in the order the home page shows it: what is still to do by due date, then what is done. */
export function dueOrder<T extends { dueAt: string; state?: AssignmentStateName | null }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => Number(!stillToDo(a.state)) - Number(!stillToDo(b.state)) || a.dueAt.localeCompare(b.dueAt));
}
