/**
 * Grading an essay by its rubric (issue 18, point 2), pure: the marks given for each criterion checked against
 * the rubric (every criterion once, each 0 to its points in steps of 0.25, comments at most 1,000 characters)
 * and their total; and the word count shown to the grader.
 */
import { roundPoints } from "../grading/grading.js";

export interface RubricLine {
  id: string;
  points: number;
}
export interface MarkInput {
  criterionId: string;
  score: number;
  comment?: string | null;
}
export interface CheckedMarks {
  marks: { criterionId: string; score: number; comment: string | null }[];
  total: number;
}

export const MAX_MARK_COMMENT = 1000;

/** The marks in the rubric's order with their total, or the reason they cannot be accepted (and the field). */
export function checkMarks(rubric: RubricLine[], given: MarkInput[]): CheckedMarks | { error: string; field: string } {
  const seen = new Set<string>();
  for (const m of given) {
    if (!rubric.some((c) => c.id === m.criterionId)) return { error: `There is no criterion "${m.criterionId}" in this rubric.`, field: "criteria" };
    if (seen.has(m.criterionId)) return { error: `The criterion "${m.criterionId}" is marked twice.`, field: "criteria" };
    seen.add(m.criterionId);
  }
  const missing = rubric.filter((c) => !seen.has(c.id));
  if (missing.length) return { error: `Every criterion needs a mark; missing: ${missing.map((c) => c.id).join(", ")}.`, field: "criteria" };
  const marks = [];
  for (const c of rubric) {
    const m = given.find((x) => x.criterionId === c.id)!;
    if (!Number.isFinite(m.score) || m.score < 0 || m.score > c.points) return { error: `The mark of "${c.id}" must be between 0 and ${c.points}.`, field: "criteria" };
    if (Math.abs(m.score * 4 - Math.round(m.score * 4)) > 1e-9) return { error: `The mark of "${c.id}" goes in steps of 0.25.`, field: "criteria" };
    const comment = m.comment?.trim() || null;
    if (comment && comment.length > MAX_MARK_COMMENT) return { error: `A criterion's comment may have at most ${MAX_MARK_COMMENT} characters.`, field: "criteria" };
    marks.push({ criterionId: c.id, score: roundPoints(m.score), comment });
  }
  return { marks, total: roundPoints(marks.reduce((s, m) => s + m.score, 0)) };
}

/** Words in a text: runs of letters or digits (Arabic, Latin and others) separated by anything else. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:['’\u200C-][\p{L}\p{M}\p{N}]+)*/gu)?.length ?? 0;
}
