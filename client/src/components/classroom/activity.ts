/** The class's activity as the feed shows it: pure, so it is tested without a DOM. */
import type { ClassroomActivityFieldsFragment } from "../../gql/graphql.js";

export interface ActivityEntry {
  key: string;
  type: ClassroomActivityFieldsFragment["type"];
  learnerId: string;
  learnerName: string | null;
  /** Email or learner code, when another member shares the name. */
  learnerDisambiguator: string | null;
  quizId: string | null;
  attemptId: string | null;
  /** Answers in a row by one learner in one attempt read as one line: "answered 4 questions". */
  count: number;
  at: string;
}

/** Newest first in, newest first out; consecutive answers of one attempt are merged into one entry. */
export function groupActivity(events: ClassroomActivityFieldsFragment[]): ActivityEntry[] {
  const out: ActivityEntry[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last && e.type === "ANSWER_SUBMITTED" && last.type === "ANSWER_SUBMITTED" && last.learnerId === e.learnerId && last.attemptId === (e.attemptId ?? null)) {
      last.count += 1;
      continue;
    }
    out.push({ key: `${e.type}|${e.learnerId}|${e.at}|${e.attemptId ?? ""}`, type: e.type, learnerId: e.learnerId, learnerName: e.learnerName ?? null, learnerDisambiguator: e.learnerDisambiguator ?? null, quizId: e.quizId ?? null, attemptId: e.attemptId ?? null, count: 1, at: e.at });
  }
  return out;
}

/** Seconds, minutes, hours or days ago, in the unit Intl.RelativeTimeFormat reads best. */
export function relativeParts(at: string, now: number): { value: number; unit: "second" | "minute" | "hour" | "day" } {
  const s = Math.round((new Date(at).getTime() - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 60) return { value: 0, unit: "second" };
  if (abs < 3600) return { value: Math.round(s / 60), unit: "minute" };
  if (abs < 86_400) return { value: Math.round(s / 3600), unit: "hour" };
  return { value: Math.round(s / 86_400), unit: "day" };
}
