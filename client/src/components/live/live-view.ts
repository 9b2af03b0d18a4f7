/**
 * The live session's pure logic, shared by the console, the projector and the phone (issue 17): what each
 * phase shows and which steps the console offers, the timer's text, the answer distribution as bars, the join
 * code and a guest's nickname, the QR code's SVG path and the report file's name. No Vue, no network: tested in
 * tests/client/live-view.test.ts (with the clock-skew functions, which live in useLiveSession.ts because
 * composables import nothing from components/).
 */
import type { LiveAction, LiveDistributionRow, LivePhase } from "../../composables/useLiveSession.js";

/** What a view shows in one phase. */
export interface PhaseView {
  /** The join code and QR code, big (the projector's lobby). */
  lobby: boolean;
  /** The current question. */
  question: boolean;
  /** A phone may send (or change) its answer. */
  answering: boolean;
  /** The timer counts down (closesAt is set). */
  timer: boolean;
  /** The spread of answers (bars; an essay's texts). */
  distribution: boolean;
  /** The right answer, its explanation and evidence; the phone's own verdict. */
  reveal: boolean;
  ended: boolean;
}

const VIEWS: Record<LivePhase, PhaseView> = {
  LOBBY: { lobby: true, question: false, answering: false, timer: false, distribution: false, reveal: false, ended: false },
  QUESTION: { lobby: false, question: true, answering: true, timer: false, distribution: false, reveal: false, ended: false },
  OPEN: { lobby: false, question: true, answering: true, timer: true, distribution: false, reveal: false, ended: false },
  LOCKED: { lobby: false, question: true, answering: false, timer: false, distribution: false, reveal: false, ended: false },
  DISTRIBUTION: { lobby: false, question: true, answering: false, timer: false, distribution: true, reveal: false, ended: false },
  REVEALED: { lobby: false, question: true, answering: false, timer: false, distribution: true, reveal: true, ended: false },
  ENDED: { lobby: false, question: false, answering: false, timer: false, distribution: false, reveal: false, ended: true },
};

export const phaseView = (phase: LivePhase): PhaseView => VIEWS[phase];

/** The instructor's next steps in a phase, in the order the console offers them (the first is the main one). */
export function consoleActions(phase: LivePhase, itemIndex: number, itemCount: number): LiveAction[] {
  const last = itemIndex >= itemCount - 1;
  const next: LiveAction[] = last ? ["END"] : ["SHOW_NEXT", "END"];
  switch (phase) {
    case "LOBBY":
      return itemCount > 0 ? ["SHOW_NEXT", "END"] : ["END"];
    case "QUESTION":
      return ["START_TIMER", "LOCK", "END"];
    case "OPEN":
      return ["LOCK", "END"];
    case "LOCKED":
      return ["SHOW_DISTRIBUTION", "REVEAL", "END"];
    case "DISTRIBUTION":
      return ["REVEAL", ...next];
    case "REVEALED":
      return next;
    case "ENDED":
      return [];
  }
}

/** "1:05", "0:09": minutes and seconds, digits in the locale's numbering by the caller. */
export function clockText(seconds: number): { minutes: number; seconds: string } {
  const s = Math.max(0, Math.floor(seconds));
  return { minutes: Math.floor(s / 60), seconds: String(s % 60).padStart(2, "0") };
}

export interface LiveBar {
  key: string;
  count: number;
  /** Share of the answers given (0…1). */
  share: number;
  /** Length of the bar relative to the longest (0…1): the largest count fills the track. */
  length: number;
  correct: boolean | null;
}

/** The distribution's rows as bars, in the server's order (the item's options). */
export function distributionBars(rows: readonly LiveDistributionRow[], answered: number): LiveBar[] {
  const max = Math.max(0, ...rows.map((r) => r.count));
  // Shares are of the people who answered (a multiple-choice answer counts in several rows).
  const total = answered > 0 ? answered : rows.reduce((s, r) => s + r.count, 0);
  return rows.map((r) => ({
    key: r.key,
    count: r.count,
    share: total > 0 ? r.count / total : 0,
    length: max > 0 ? r.count / max : 0,
    correct: r.correct ?? null,
  }));
}

/** The session code's alphabet: no 0/O or 1/I, which read alike. */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;

/** What a learner typed as a code, as the server's codes are: upper case, without spaces or dashes. */
export function normalizeCode(typed: string): string {
  return typed
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_.]+/g, "");
}

/** Why a typed code cannot be one (an i18n key), or null when it can. */
export function codeProblem(typed: string): string | null {
  const code = normalizeCode(typed);
  if (code === "") return "live.join.codeRequired";
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return "live.join.codeShape";
  return null;
}

/**
 * A guest's nickname: the server's rule (server/src/live/live-machine.ts, validNickname), mirrored so the
 * phone says what is wrong before sending: cleaned, 1 to NICKNAME_MAX characters (code points, as shown), no
 * control or format characters.
 */
export const NICKNAME_MAX = 40;

/** A guest's nickname as it will be sent: spaces collapsed and trimmed. */
export const cleanNickname = (typed: string): string => typed.normalize("NFC").replace(/\s+/g, " ").trim();

/** Why a nickname cannot be used (an i18n key), or null. Counted in characters (code points), as shown. */
export function nicknameProblem(typed: string): string | null {
  const name = cleanNickname(typed);
  if (name === "") return "live.join.nicknameRequired";
  if ([...name].length > NICKNAME_MAX) return "live.join.nicknameLong";
  // Control and format characters (bidi overrides among them) would garble the projector's list.
  if (/[\p{Cc}\p{Cf}]/u.test(name)) return "live.join.nicknameChars";
  return null;
}

/** The dark modules of a QR code as one SVG path (one unit per module), for a <path d> in a viewBox of `size`. */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join("");
}

/** "live-ABC234-2026-03-01.csv": the report's file name. */
export const reportFileName = (code: string, date: Date): string => `live-${code.replace(/[^A-Z0-9]/gi, "")}-${date.toISOString().slice(0, 10)}.csv`;
