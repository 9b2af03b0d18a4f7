/**
 * A compact signature of an answer, stored with each response so that response distributions can be counted
 * with GROUP BY: the picked options for choice items, the normalized text for short answers, and the outcome
 * for matching and ordering (whose answers are too varied to list). Pure.
 */
import type { Item } from "../content/content.schema.js";
import { normalizeArabic } from "../shared/arabic.js";
import type { Grade, LocalAnswer } from "./grading.js";

export function answerKey(item: Item, answer: LocalAnswer, grade: Grade): string | null {
  switch (item.type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
    case "TRUE_FALSE":
      return [...(answer.choiceIds ?? [])].sort().join(",");
    case "SHORT_ANSWER":
      return `t:${normalizeArabic(answer.text ?? "").slice(0, 190)}`;
    case "MATCHING":
    case "ORDERING":
      return grade.correct ? "=correct" : (grade.score ?? 0) > 0 ? "=partial" : "=incorrect";
    case "ESSAY":
      return null;
  }
}
