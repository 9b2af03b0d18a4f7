/**
 * Grading: pure functions (item, answer) → score. One rule per item type, partial credit as a fraction of the
 * item's points rounded to 0.01. Answers arrive here already mapped from public option ids to the content's
 * local ids and checked for shape (answer.validate.ts), so every rule can assume a well-formed answer.
 */
import type { Item } from "../content/content.schema.js";
import { matchShortAnswer } from "./short-answer-match.js";

/** A learner's answer in the content's local ids. Which fields are set depends on the item type. */
export interface LocalAnswer {
  choiceIds?: string[];
  text?: string;
  sequence?: string[];
  pairs?: { leftId: string; rightId: string }[];
}

export type GradeStatus = "GRADED" | "PENDING_MANUAL";

export interface Grade {
  status: GradeStatus;
  /** Points earned; null while an ESSAY awaits an instructor. */
  score: number | null;
  maxScore: number;
  /** score === maxScore; null while pending. */
  correct: boolean | null;
}

/** Rounds to 0.01 (in points), away from binary noise: 0.1 + 0.2 → 0.3. */
export const roundPoints = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

const graded = (points: number, fraction: number): Grade => {
  const score = roundPoints(points * Math.min(1, Math.max(0, fraction)));
  return { status: "GRADED", score, maxScore: points, correct: score === points };
};

/** Length of the longest subsequence of `seq` whose elements appear in increasing key order. */
export function longestInKeyOrder(seq: string[], key: string[]): number {
  const rank = new Map(key.map((id, i) => [id, i]));
  const tails: number[] = []; // patience sorting: O(n log n) longest increasing subsequence
  for (const id of seq) {
    const r = rank.get(id);
    if (r === undefined) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = r;
  }
  return tails.length;
}

export function gradeSingleChoice(item: Extract<Item, { type: "SINGLE_CHOICE" }>, a: LocalAnswer): Grade {
  const right = item.choices.find((c) => c.correct)!.id;
  return graded(item.points, a.choiceIds?.length === 1 && a.choiceIds[0] === right ? 1 : 0);
}

/** max(0, (R − W) / K): R right and W wrong choices picked, K correct choices in all. */
export function gradeMultipleChoice(item: Extract<Item, { type: "MULTIPLE_CHOICE" }>, a: LocalAnswer): Grade {
  const correct = new Set(item.choices.filter((c) => c.correct).map((c) => c.id));
  const picked = new Set(a.choiceIds ?? []);
  let right = 0;
  let wrong = 0;
  for (const id of picked) {
    if (correct.has(id)) right++;
    else wrong++;
  }
  return graded(item.points, Math.max(0, (right - wrong) / correct.size));
}

export function gradeTrueFalse(item: Extract<Item, { type: "TRUE_FALSE" }>, a: LocalAnswer): Grade {
  const picked = a.choiceIds?.length === 1 ? a.choiceIds[0] : undefined;
  return graded(item.points, picked === String(item.answer) ? 1 : 0);
}

/** Correct pairs / n, n the number of pairs in the key. */
export function gradeMatching(item: Extract<Item, { type: "MATCHING" }>, a: LocalAnswer): Grade {
  const key = new Map(item.pairs.map((p) => [p.left.id, p.right.id]));
  const seen = new Set<string>();
  let right = 0;
  for (const p of a.pairs ?? []) {
    if (seen.has(p.leftId)) continue;
    seen.add(p.leftId);
    if (key.get(p.leftId) === p.rightId) right++;
  }
  return graded(item.points, right / item.pairs.length);
}

/** (L − 1) / (n − 1), L the longest subsequence placed in key order. */
export function gradeOrdering(item: Extract<Item, { type: "ORDERING" }>, a: LocalAnswer): Grade {
  const key = item.sequence.map((s) => s.id);
  const n = key.length;
  const l = longestInKeyOrder(a.sequence ?? [], key);
  return graded(item.points, l <= 1 ? 0 : (l - 1) / (n - 1));
}

export function gradeShortAnswer(item: Extract<Item, { type: "SHORT_ANSWER" }>, a: LocalAnswer): Grade {
  // The rules live in short-answer-match.ts; a near miss counts as right (its spelling note is shown in feedback).
  return graded(item.points, matchShortAnswer(item.accept, a.text ?? "", { spellingTolerance: item.spellingTolerance }).correct ? 1 : 0);
}

/** Essays wait for an instructor: out of the score until graded by hand. */
export function gradeEssay(item: Extract<Item, { type: "ESSAY" }>): Grade {
  return { status: "PENDING_MANUAL", score: null, maxScore: item.points, correct: null };
}

/** Dispatches to the rule for the item's type. */
export function gradeItem(item: Item, answer: LocalAnswer): Grade {
  switch (item.type) {
    case "SINGLE_CHOICE":
      return gradeSingleChoice(item, answer);
    case "MULTIPLE_CHOICE":
      return gradeMultipleChoice(item, answer);
    case "TRUE_FALSE":
      return gradeTrueFalse(item, answer);
    case "MATCHING":
      return gradeMatching(item, answer);
    case "ORDERING":
      return gradeOrdering(item, answer);
    case "SHORT_ANSWER":
      return gradeShortAnswer(item, answer);
    case "ESSAY":
      return gradeEssay(item);
  }
}

/** The key of an item in local ids, for showing the right answer when the review policy allows. */
export function rightAnswer(item: Item): LocalAnswer {
  switch (item.type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return { choiceIds: item.choices.filter((c) => c.correct).map((c) => c.id) };
    case "TRUE_FALSE":
      return { choiceIds: [String(item.answer)] };
    case "MATCHING":
      return { pairs: item.pairs.map((p) => ({ leftId: p.left.id, rightId: p.right.id })) };
    case "ORDERING":
      return { sequence: item.sequence.map((s) => s.id) };
    case "SHORT_ANSWER":
      return { text: item.accept[0] };
    case "ESSAY":
      return {};
  }
}
