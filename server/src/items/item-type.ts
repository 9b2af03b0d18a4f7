/**
 * What one item type is, in one interface: every server file that needs to know about a type (content
 * schema and validation, the public view, the attempt layout, answer validation, grading, feedback, item
 * statistics, the demo) asks the type's module through the registry (registry.ts) instead of switching on
 * the type. One module per type in this folder implements it. Pure: no I/O, no framework; it imports only
 * shared/, content/content.parts.ts and zod, so every layer above may use it (docs/architecture.md).
 */
import type { z } from "zod";
import type { Locale } from "../shared/locale.js";

/** The fields every item has whatever its type (content/content.schema.ts ItemBase has more). */
export interface ItemCore {
  id: string;
  type: string;
  points: number;
  prompt: { ar: string; en: string };
}

/** A learner's answer in the content's local ids. Which fields are set depends on the item type. */
export interface LocalAnswer {
  choiceIds?: string[];
  text?: string;
  sequence?: string[];
  pairs?: { leftId: string; rightId: string }[];
}

/** An answer as it arrives over the API, in public option ids. */
export interface PublicAnswer {
  choiceIds?: string[] | null;
  text?: string | null;
  sequence?: string[] | null;
  pairs?: { leftId: string; rightId: string }[] | null;
}

export type Validation = { ok: true; answer: LocalAnswer } | { ok: false; reason: string };

export type GradeStatus = "GRADED" | "PENDING_MANUAL";

export interface Grade {
  status: GradeStatus;
  /** Points earned; null while a hand-graded item awaits an instructor. */
  score: number | null;
  maxScore: number;
  /** score === maxScore; null while pending. */
  correct: boolean | null;
}

/** Public option ids and display order, keyed with the server's secret (quizzes/option-ids.ts implements it). */
export interface OptionIdSource {
  option(itemId: string, localId: string): string;
  rank(itemId: string, localId: string): string;
}

/** An option as a learner sees it: its public id and its text in the attempt's language. */
export interface PublicOption {
  id: string;
  text: string;
}

/** What a learner sees of an item's options: `choices` (the options, the left-hand side) and `targets`. */
export interface PublicView {
  choices: PublicOption[];
  targets: PublicOption[];
}

/** An attempt's own order of an item's public choice and target ids. */
export interface PublicOrder {
  choices: string[];
  targets: string[];
}

/** A shuffle with an unpredictable source (the attempt service passes a cryptographic one). */
export type Shuffle = <T>(xs: readonly T[]) => T[];

/** Answers grouped by their answer key (stat_item_sum rows): the input of item statistics. */
export interface KeyCount {
  answerKey: string | null;
  n: number;
}

/** One bar of an item's response distribution. */
export interface OptionCountView {
  key: string;
  label: string | null;
  /** Whether this option is (part of) the key; null when the type has no such notion (typed answers). */
  correct: boolean | null;
  count: number;
}

/** CLASSIFY's statistics per statement (classrooms/classroom.type.ts StatementStat). */
export interface StatementStatView {
  id: string;
  label: string;
  responses: number;
  correct: number;
  categories: OptionCountView[];
}

/** A rule across an item's fields, checked by the content schema (a zod refinement with this message). */
export interface SchemaRule<I> {
  check: (item: I) => boolean;
  message: string;
  path: string[];
}

/** The type's part of the content schema: its own fields (besides ItemBase) and its rules across them. */
export interface SchemaPart<S extends z.ZodRawShape, I> {
  fields: z.ZodObject<S>;
  rules: readonly SchemaRule<I>[];
}

/** A content problem inside one item: a path below the item (`choices`, `accept[2]`) and a message. */
export interface ItemProblem {
  path: string;
  message: string;
}

export interface ItemTypeModule<I extends ItemCore> {
  readonly type: I["type"];
  /**
   * Whether an instructor grades it by hand (ESSAY): pending until graded, no statistics before, weighted
   * apart in mastery, answered with a rubric.
   */
  readonly handGraded: boolean;
  /** The one field of PublicAnswer (and LocalAnswer) this type is answered with. */
  readonly answerField: keyof PublicAnswer;

  // Content
  /** The local ids the item defines, by group; each group's ids must be unique (content.validate.ts). */
  localIds(item: I): { group: string; ids: string[] }[];
  /** Rules beyond the schema and the local ids (content.validate.ts reports each problem). */
  check(item: I): ItemProblem[];
  /**
   * What the item asks the learner to give, in Arabic words put through `normalize`: two items of one
   * objective and one evidence paragraph with the same keyed content are duplicates (content.review.ts).
   */
  keyedContent(item: I, normalize: (text: string) => string): string;

  // What a learner sees
  /** The public id of one of the item's options. */
  publicId(ids: OptionIdSource, item: I, localId: string): string;
  /** The options and targets, with public ids, in an order unrelated to the key. */
  view(ids: OptionIdSource, item: I, locale: Locale): PublicView;
  /** A new attempt's own order of the view's ids (`keyOrder`-free: never the key itself). */
  layout(ids: OptionIdSource, item: I, view: PublicOrder, shuffle: Shuffle): PublicOrder;
  /** The rubric shown to the grader (hand-graded types), else []. */
  rubric(item: I, locale: Locale): { id: string; criterion: string; points: number }[];

  // Answers and grading
  /** The answer's shape checked and mapped to local ids; the registry has already checked the field. */
  validate(ids: OptionIdSource, item: I, answer: PublicAnswer): Validation;
  /** Points earned, partial credit as a fraction of the points rounded to 0.01. */
  grade(item: I, answer: LocalAnswer): Grade;
  /** The key in local ids. */
  rightAnswer(item: I): LocalAnswer;
  /** The right answer as feedback shows it, in local ids (a short answer in the attempt's language); null if none. */
  shownRightAnswer(item: I, locale: Locale): LocalAnswer | null;
  /**
   * A note on a graded answer for the learner, shown whenever correctness is (SHORT_ANSWER: the accepted
   * spelling of an answer one letter off); null for most types and answers. Pure and cheap: recomputed on read.
   */
  gradingNote(item: I, answer: LocalAnswer): string | null;

  // Item statistics
  /** The signature of an answer that statistics group by (response.answerKey, at most 200 characters). */
  answerKey(item: I, answer: LocalAnswer, grade: Grade): string | null;
  /** The response distribution from answers grouped by key. */
  distribution(ids: OptionIdSource, item: I, rows: KeyCount[], locale: Locale): OptionCountView[];
  /** Per-statement statistics (CLASSIFY), else null. */
  statements(ids: OptionIdSource, item: I, rows: KeyCount[], locale: Locale): StatementStatView[] | null;

  // Demo
  /** A right and a wrong answer, in local ids, for the demo's simulated learners. */
  demoAnswers(item: I): { right: LocalAnswer; wrong: LocalAnswer };
}
