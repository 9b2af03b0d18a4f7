/**
 * The answer shapes the quiz shares: the answer a learner is composing, where it stands on its way to the server,
 * and how an answer reads in words. Pure types and functions, imported by components and composables alike
 * (composables import no component).
 */
import type { AnswerFieldsFragment, QuizItemFieldsFragment } from "../gql/graphql.js";

/** Where an assessment answer stands on its way to the server. */
export type SaveState = "idle" | "saving" | "saved" | "failed";

/** An answer in the shape of AnswerInput, only the field its item type uses. */
export interface AnswerDraft {
  choiceIds?: string[];
  text?: string;
  sequence?: string[];
  pairs?: { leftId: string; rightId: string }[];
}

/** A stored answer (from the server) as a draft: nulls and __typename dropped. */
export function toDraft(answer: AnswerFieldsFragment | null | undefined): AnswerDraft | null {
  if (!answer) return null;
  const d: AnswerDraft = {};
  if (answer.choiceIds) d.choiceIds = [...answer.choiceIds];
  if (answer.text != null) d.text = answer.text;
  if (answer.sequence) d.sequence = [...answer.sequence];
  if (answer.pairs) d.pairs = answer.pairs.map((p) => ({ leftId: p.leftId, rightId: p.rightId }));
  return d;
}

/**
 * One field of AnswerInput and when a draft has something in it: the answer shapes the item types share
 * (client/src/quiz/item-types.ts says which type uses which).
 */
export interface AnswerShape {
  field: keyof AnswerDraft;
  /** Whether the draft is worth sending: something chosen, typed, ordered or paired. */
  given: (d: AnswerDraft | null | undefined) => d is AnswerDraft;
}

export const ANSWER_SHAPES = {
  choices: { field: "choiceIds", given: (d): d is AnswerDraft => (d?.choiceIds?.length ?? 0) > 0 },
  text: { field: "text", given: (d): d is AnswerDraft => (d?.text ?? "").trim().length > 0 },
  sequence: { field: "sequence", given: (d): d is AnswerDraft => (d?.sequence?.length ?? 0) > 0 },
  pairs: { field: "pairs", given: (d): d is AnswerDraft => (d?.pairs?.length ?? 0) > 0 },
} as const satisfies Record<string, AnswerShape>;

/** Whether every left-hand option (a choice: a statement to sort) has a pair in the draft. */
export function everyChoicePaired(item: Pick<QuizItemFieldsFragment, "choices">, d: AnswerDraft | null | undefined): d is AnswerDraft {
  const paired = new Set((d?.pairs ?? []).map((p) => p.leftId));
  return item.choices.length > 0 && item.choices.every((c) => paired.has(c.id));
}

/** Lines that state an answer in the item's own words (choice texts, pairs, the order, the text). */
export function answerLines(item: Pick<QuizItemFieldsFragment, "choices" | "targets">, a: AnswerFieldsFragment | AnswerDraft | null | undefined): string[] {
  if (!a) return [];
  const text = (id: string) => item.choices.find((c) => c.id === id)?.text ?? item.targets.find((c) => c.id === id)?.text ?? id;
  if (a.choiceIds?.length) return a.choiceIds.map(text);
  if (a.sequence?.length) return a.sequence.map(text);
  if (a.pairs?.length) return a.pairs.map((p) => `${text(p.leftId)} — ${text(p.rightId)}`);
  if (a.text) return [a.text];
  return [];
}

/** Code points, as the server counts an answer's length. */
export const charCount = (s: string): number => [...s].length;
export const MAX_SHORT_ANSWER = 200;
export const MAX_ESSAY = 10_000;
