/**
 * What the feedback and the results say about a graded answer, part by part, and about a whole attempt: pure
 * functions over the API's shapes, so the components only render them (issue 14 point 1).
 * - choices: each option marked as picked and right, picked and wrong, or a right one left out;
 * - pairs: each pair given marked right or wrong, with the right partner;
 * - order: the right order, numbered, each event with the place the learner gave it;
 * - partial credit: the numbers behind a partial score, in the grading rules' own terms (server/src/grading);
 * - the attempt: correct, partial, wrong, skipped; the weakest objective; the paragraphs to re-read.
 */
import type { AnswerFieldsFragment, AttemptFieldsFragment, QuizItemFieldsFragment } from "../gql/graphql.js";
import type { AnswerDraft } from "./answer-shapes.js";

type Item = Pick<QuizItemFieldsFragment, "choices" | "targets">;
type Answer = AnswerFieldsFragment | AnswerDraft | null | undefined;

/** An i18n key with its parameters: a sentence the component translates. */
export interface Words {
  key: string;
  params: Record<string, number | string>;
}

/** `right`: picked and in the key; `wrong`: picked, not in the key; `missed`: in the key, not picked. */
export type ChoiceMark = "right" | "wrong" | "missed" | null;

export interface MarkedChoice {
  id: string;
  text: string;
  picked: boolean;
  mark: ChoiceMark;
}

export function markChoices(item: Item, given: Answer, key: Answer): MarkedChoice[] {
  const picked = new Set(given?.choiceIds ?? []);
  const right = new Set(key?.choiceIds ?? []);
  return item.choices.map((c) => {
    const p = picked.has(c.id);
    const r = right.has(c.id);
    return { id: c.id, text: c.text, picked: p, mark: p ? (r ? "right" : "wrong") : r ? "missed" : null };
  });
}

export interface MarkedPair {
  leftId: string;
  left: string;
  given: string | null;
  right: string | null;
  ok: boolean;
}

/** One row per left-hand option of the item: what it was paired with, and (when wrong) its right partner. */
export function markPairs(item: Item, given: Answer, key: Answer): MarkedPair[] {
  const text = (id: string | undefined) => (id ? (item.targets.find((t) => t.id === id)?.text ?? id) : null);
  const mine = new Map<string, string>();
  for (const p of given?.pairs ?? []) if (!mine.has(p.leftId)) mine.set(p.leftId, p.rightId);
  const right = new Map((key?.pairs ?? []).map((p) => [p.leftId, p.rightId]));
  return item.choices.map((c) => ({
    leftId: c.id,
    left: c.text,
    given: text(mine.get(c.id)),
    right: text(right.get(c.id)),
    ok: mine.has(c.id) && mine.get(c.id) === right.get(c.id),
  }));
}

/** Length of the longest subsequence of `seq` in key order (as server/src/grading/grading.ts counts it). */
export function longestInKeyOrder(seq: string[], key: string[]): number {
  const rank = new Map(key.map((id, i) => [id, i]));
  const tails: number[] = [];
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

export interface MarkedPosition {
  id: string;
  text: string;
  /** 1-based place in the right order. */
  place: number;
  /** 1-based place the learner gave it; null when left out. */
  givenPlace: number | null;
  inPlace: boolean;
}

/** The right order, numbered, each event with the place the learner put it in. */
export function markOrder(item: Item, given: Answer, key: Answer): MarkedPosition[] {
  const mine = given?.sequence ?? [];
  return (key?.sequence ?? []).map((id, i) => {
    const at = mine.indexOf(id);
    return {
      id,
      text: item.choices.find((c) => c.id === id)?.text ?? id,
      place: i + 1,
      givenPlace: at < 0 ? null : at + 1,
      inPlace: at === i,
    };
  });
}

/** The numbers behind a multiple-choice score: (right − wrong) / all right ones. */
export function choicesPartial(item: Item, given: Answer, key: Answer): Words {
  const marks = markChoices(item, given, key);
  const right = marks.filter((m) => m.mark === "right").length;
  const wrong = marks.filter((m) => m.mark === "wrong").length;
  const total = marks.filter((m) => m.mark === "right" || m.mark === "missed").length;
  return { key: "quiz.partialWhy.choices", params: { right, wrong, total } };
}

export function pairsPartial(item: Item, given: Answer, key: Answer): Words {
  const rows = markPairs(item, given, key).filter((r) => r.right != null);
  return { key: "quiz.partialWhy.pairs", params: { right: rows.filter((r) => r.ok).length, total: rows.length } };
}

export function orderPartial(_item: Item, given: Answer, key: Answer): Words {
  const k = key?.sequence ?? [];
  return { key: "quiz.partialWhy.order", params: { run: longestInKeyOrder(given?.sequence ?? [], k), total: k.length } };
}

export type Outcome = "correct" | "partial" | "wrong" | "pending" | "skipped";

/** One item's outcome in a closed attempt (a response the server has not graded yet counts as pending). */
export function outcome(r: Pick<AttemptFieldsFragment["responses"][number], "status" | "correct" | "score"> | undefined): Outcome {
  if (!r) return "skipped";
  if (r.status !== "GRADED") return "pending";
  if (r.correct) return "correct";
  return (r.score ?? 0) > 0 ? "partial" : "wrong";
}

export interface AttemptSummary {
  counts: Record<Outcome, number>;
  /** The objective with the lowest share of its points earned (below all of them), or null when none falls short. */
  weakest: { objectiveId: string; share: number } | null;
  /** Evidence paragraphs of the items not answered right, once each, in item order. */
  reread: { lessonSlug: string; paragraphId: string; text: string }[];
}

export function summarize(attempt: Pick<AttemptFieldsFragment, "items" | "responses">): AttemptSummary {
  const byItem = new Map(attempt.responses.map((r) => [r.itemId, r]));
  const counts: Record<Outcome, number> = { correct: 0, partial: 0, wrong: 0, pending: 0, skipped: 0 };
  const perObjective = new Map<string, { got: number; max: number; order: number }>();
  const reread: AttemptSummary["reread"] = [];
  const seen = new Set<string>();
  for (const item of attempt.items) {
    const r = byItem.get(item.id);
    const o = outcome(r);
    counts[o]++;
    if (o === "pending") continue;
    for (const id of item.objectiveIds) {
      const s = perObjective.get(id) ?? { got: 0, max: 0, order: perObjective.size };
      s.got += r?.score ?? 0;
      s.max += item.points;
      perObjective.set(id, s);
    }
    if (o !== "correct")
      for (const ev of r?.feedback?.evidence ?? []) {
        const k = `${ev.lessonSlug}#${ev.paragraphId}`;
        if (seen.has(k)) continue;
        seen.add(k);
        reread.push({ lessonSlug: ev.lessonSlug, paragraphId: ev.paragraphId, text: ev.text });
      }
  }
  let weakest: AttemptSummary["weakest"] = null;
  for (const [objectiveId, s] of perObjective) {
    if (s.max <= 0) continue;
    const share = s.got / s.max;
    if (share < 1 && (!weakest || share < weakest.share)) weakest = { objectiveId, share };
  }
  return { counts, weakest, reread };
}
