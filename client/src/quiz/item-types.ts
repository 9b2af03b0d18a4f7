/**
 * The client's item-type registry (the client half of issue 12's "one module per item type"; the server's is
 * server/src/items/): for each ItemType, everything the client does differently for it. The question card,
 * the feedback, the results and the item statistics look the type up here; nothing else in client/src
 * branches on an item type. A new type is one entry here (Record<ItemType, …>: vue-tsc fails without it, and
 * tests/client/item-types.test.ts checks every ItemType of server/schema.graphql), its input component and
 * its strings (quiz.types.<TYPE>, teach.items.types.<TYPE>).
 *
 * It imports components, so composables (which import no component) never import it; the answer shapes both
 * share live in answer-shapes.ts.
 */
import type { Component } from "vue";
import type { AnswerFieldsFragment, ItemType, QuizItemFieldsFragment } from "../gql/graphql.js";
import ClassroomStatementStats from "../components/classroom/ClassroomStatementStats.vue";
import QuizFeedbackChoices from "../components/quiz/QuizFeedbackChoices.vue";
import QuizFeedbackClassify from "../components/quiz/QuizFeedbackClassify.vue";
import QuizFeedbackOrder from "../components/quiz/QuizFeedbackOrder.vue";
import QuizFeedbackPairs from "../components/quiz/QuizFeedbackPairs.vue";
import QuizItemClassify from "../components/quiz/QuizItemClassify.vue";
import QuizItemEssay from "../components/quiz/QuizItemEssay.vue";
import QuizItemMatching from "../components/quiz/QuizItemMatching.vue";
import QuizItemMultipleChoice from "../components/quiz/QuizItemMultipleChoice.vue";
import QuizItemOrdering from "../components/quiz/QuizItemOrdering.vue";
import QuizItemShortAnswer from "../components/quiz/QuizItemShortAnswer.vue";
import QuizItemSingleChoice from "../components/quiz/QuizItemSingleChoice.vue";
import { ANSWER_SHAPES, answerLines, everyChoicePaired } from "./answer-shapes.js";
import type { AnswerDraft, AnswerShape } from "./answer-shapes.js";
import { choicesPartial, orderPartial, pairsPartial } from "./feedback-marks.js";
import type { Words } from "./feedback-marks.js";

type Item = Pick<QuizItemFieldsFragment, "choices" | "targets">;

/** What one item type means to the client. */
export interface ItemTypeClient {
  /** The input: v-model an AnswerDraft (or null); props item, labelledby, disabled, lang, plus `inputProps`. */
  input: Component;
  inputProps?: Record<string, unknown>;
  /** The AnswerInput field the type answers in; `shape.given` says a draft is worth sending (saved, checkable). */
  shape: AnswerShape;
  /**
   * Whether the item counts as answered (the answered-count bar; practice's "check" button). Usually the same
   * as `shape.given`; a type whose answer has parts may save a partial answer that does not count yet.
   */
  isAnswered: (item: Item, d: AnswerDraft | null | undefined) => d is AnswerDraft;
  /** Typed answers are saved after a pause in typing (or when focus leaves), not at every change. */
  typed: boolean;
  /** An answer the untouched input already shows, which an assessment may keep on request (ORDERING's order). */
  keepAsIs?: (item: Item) => AnswerDraft;
  /** How an answer (the learner's or the right one) reads in words, one line per part. */
  answerLines: (item: Item, a: AnswerFieldsFragment | AnswerDraft | null | undefined) => string[];
  /**
   * Feedback on a graded answer part by part, shown instead of the list of the right answer's lines
   * (props: item, response, lang).
   */
  feedback?: Component;
  /**
   * Why a partial score is what it is, in words (the grading rule's numbers for this answer and its key);
   * absent for types that score all or nothing.
   */
  partial?: (item: Item, given: AnswerFieldsFragment | AnswerDraft | null | undefined, key: AnswerFieldsFragment | AnswerDraft | null | undefined) => Words;
  /** Item statistics. */
  stats: {
    /** Why there is no distribution of answers over options (an i18n key); absent when there is one. */
    noDistribution?: string;
    /** An i18n key naming an option from its key, where the option's own text does not say it (TRUE_FALSE). */
    optionLabel?: (key: string) => string;
    /** Whether the option that is (part of) the key is marked as such; outcome buckets (=correct …) are not. */
    marksKey: boolean;
    /** Detail under the distribution (props: stat, lang). */
    detail?: Component;
  };
}

const given =
  (shape: AnswerShape) =>
  (_item: Item, d: AnswerDraft | null | undefined): d is AnswerDraft =>
    shape.given(d);

const choice = (inputProps?: Record<string, unknown>): ItemTypeClient => ({
  input: QuizItemSingleChoice,
  inputProps,
  shape: ANSWER_SHAPES.choices,
  isAnswered: given(ANSWER_SHAPES.choices),
  typed: false,
  answerLines,
  feedback: QuizFeedbackChoices,
  stats: { marksKey: true },
});

export const ITEM_TYPES: Record<ItemType, ItemTypeClient> = {
  SINGLE_CHOICE: choice(),
  MULTIPLE_CHOICE: { ...choice(), input: QuizItemMultipleChoice, partial: choicesPartial },
  // Its two options read "true"/"false" in the interface's language, side by side.
  TRUE_FALSE: {
    ...choice({ inline: true }),
    stats: { marksKey: true, optionLabel: (key) => (key.endsWith(".true") ? "teach.items.true" : "teach.items.false") },
  },
  MATCHING: {
    input: QuizItemMatching,
    shape: ANSWER_SHAPES.pairs,
    isAnswered: given(ANSWER_SHAPES.pairs),
    typed: false,
    answerLines,
    feedback: QuizFeedbackPairs,
    partial: pairsPartial,
    stats: { marksKey: false },
  },
  ORDERING: {
    input: QuizItemOrdering,
    shape: ANSWER_SHAPES.sequence,
    isAnswered: given(ANSWER_SHAPES.sequence),
    typed: false,
    keepAsIs: (item) => ({ sequence: item.choices.map((c) => c.id) }),
    answerLines,
    feedback: QuizFeedbackOrder,
    partial: orderPartial,
    stats: { marksKey: false },
  },
  // Statements (choices) sorted into categories (targets): a partly sorted item is saved and graded per
  // statement, but counts as answered only once every statement has a category.
  CLASSIFY: {
    input: QuizItemClassify,
    shape: ANSWER_SHAPES.pairs,
    isAnswered: everyChoicePaired,
    typed: false,
    answerLines,
    feedback: QuizFeedbackClassify,
    partial: pairsPartial,
    stats: { marksKey: false, detail: ClassroomStatementStats },
  },
  SHORT_ANSWER: {
    input: QuizItemShortAnswer,
    shape: ANSWER_SHAPES.text,
    isAnswered: given(ANSWER_SHAPES.text),
    typed: true,
    answerLines,
    stats: { marksKey: true },
  },
  ESSAY: {
    input: QuizItemEssay,
    shape: ANSWER_SHAPES.text,
    isAnswered: given(ANSWER_SHAPES.text),
    typed: true,
    answerLines,
    stats: { marksKey: true, noDistribution: "teach.items.essayNoOptions" },
  },
};

/** The registry entry of an item's type. */
export const itemType = (type: ItemType): ItemTypeClient => ITEM_TYPES[type];
