/**
 * The one schema for everything under content/. Structural rules live here (zod); rules that look across
 * files (ids that must exist, objectives that must be assessed) live in content.validate.ts.
 */
import { z } from "zod";

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** Every user-visible text: Arabic first, English alongside. */
export const Bilingual = z
  .object({
    ar: z
      .string()
      .trim()
      .min(1, "Arabic text is empty")
      .refine((s) => ARABIC_LETTER.test(s), "Arabic text contains no Arabic letters"),
    en: z.string().trim().min(1, "English text is empty"),
  })
  .strict();
export type Bilingual = z.infer<typeof Bilingual>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and hyphens");
const LocalId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "ids are lower-case letters, digits, _ and -");
/** ISO date, possibly partial (2021, 2024-01, 2025-02-17) or a range (2025-02-17/2025-02-19). */
const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/, "dates are ISO and may be partial: 2021, 2024-01, 2025-02-17/2025-02-19");
const SourceParagraphs = z.array(z.number().int().positive()).min(1, "name at least one article paragraph");

export const Source = z
  .object({
    id: Id,
    n: z.number().int().positive(),
    title: Bilingual,
    publisher: Bilingual,
    date: PartialDate,
    // http(s) only: a source is rendered as a link, and javascript: or data: there would run in the page.
    url: z.url({ protocol: /^https?$/, error: "a source URL must be an http:// or https:// address" }),
  })
  .strict();

export const CourseFile = z
  .object({
    id: Id,
    title: Bilingual,
    description: Bilingual,
    audience: Bilingual,
    article: z.object({ title: Bilingual, language: z.enum(["ar", "en"]) }).strict(),
    sources: z.array(Source).min(1),
    lessons: z.array(Id).min(1),
  })
  .strict();
export type CourseFile = z.infer<typeof CourseFile>;

export const LessonFile = z
  .object({
    slug: Id,
    order: z.number().int().positive(),
    estimatedMinutes: z.number().int().min(1).max(120),
    title: Bilingual,
    summary: Bilingual,
    objectives: z
      .array(z.object({ id: Id, text: Bilingual }).strict())
      .min(2, "a lesson has 2–4 objectives")
      .max(4, "a lesson has 2–4 objectives"),
    sections: z
      .array(
        z
          .object({
            id: Id,
            heading: Bilingual,
            paragraphs: z
              .array(z.object({ id: Id, sourceParagraphs: SourceParagraphs, text: Bilingual }).strict())
              .min(1),
          })
          .strict(),
      )
      .min(1),
    keyTerms: z.array(z.object({ id: Id, term: Bilingual, definition: Bilingual }).strict()).min(1),
    timeline: z.array(z.object({ date: PartialDate, sourceParagraphs: SourceParagraphs, event: Bilingual }).strict()),
    sources: z.array(Id),
    quiz: Id,
  })
  .strict();
export type LessonFile = z.infer<typeof LessonFile>;

export const GradingMethod = z.enum(["HIGHEST", "LAST", "FIRST", "AVERAGE"]);
export const ReviewPolicy = z.enum(["AFTER_FINISH", "AFTER_CLOSE", "NEVER"]);

const Option = z.object({ id: LocalId, text: Bilingual }).strict();
const Choice = Option.extend({ correct: z.boolean().optional() }).strict();

const ItemBase = {
  id: Id,
  points: z.number().positive().max(100),
  objectives: z.array(Id).min(1, "an item assesses at least one objective"),
  evidence: z.array(Id).min(1, "an item names at least one evidence paragraph"),
  prompt: Bilingual,
  explanation: Bilingual,
  /**
   * Which attempts ask the item: "practice" only, "assessment" only, or both when absent (today's content).
   * Keys of items an assessment asks stay hidden outside it until the learner's review policy allows
   * (quizzes/pools.ts).
   */
  pool: z.enum(["practice", "assessment"]).optional(),
};

const correctCount = (choices: { correct?: boolean }[]) => choices.filter((c) => c.correct === true).length;

export const Item = z.discriminatedUnion("type", [
  z
    .object({ ...ItemBase, type: z.literal("SINGLE_CHOICE"), choices: z.array(Choice).min(3).max(5) })
    .strict()
    .refine((i) => correctCount(i.choices) === 1, { message: "SINGLE_CHOICE needs exactly one correct choice", path: ["choices"] }),
  z
    .object({ ...ItemBase, type: z.literal("MULTIPLE_CHOICE"), choices: z.array(Choice).min(4).max(6) })
    .strict()
    .refine((i) => correctCount(i.choices) >= 2 && correctCount(i.choices) < i.choices.length, {
      message: "MULTIPLE_CHOICE needs at least two correct choices and at least one wrong one",
      path: ["choices"],
    }),
  z.object({ ...ItemBase, type: z.literal("TRUE_FALSE"), answer: z.boolean() }).strict(),
  z
    .object({
      ...ItemBase,
      type: z.literal("MATCHING"),
      pairs: z.array(z.object({ left: Option, right: Option }).strict()).min(3).max(6),
      distractors: z.array(Option).max(3).optional(),
    })
    .strict(),
  z.object({ ...ItemBase, type: z.literal("ORDERING"), sequence: z.array(Option).min(3).max(7) }).strict(),
  z
    .object({
      ...ItemBase,
      type: z.literal("SHORT_ANSWER"),
      accept: z.array(z.string().trim().min(1)).min(1),
      /** false: only exact answers (after normalization); by default one letter off is accepted with a note. */
      spellingTolerance: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      ...ItemBase,
      type: z.literal("ESSAY"),
      rubric: z.array(z.object({ id: LocalId, points: z.number().positive(), criterion: Bilingual }).strict()).min(2),
    })
    .strict()
    .refine((i) => Math.abs(i.rubric.reduce((s, r) => s + r.points, 0) - i.points) < 1e-9, {
      message: "an ESSAY's points must equal the sum of its rubric points",
      path: ["points"],
    }),
]);
export type Item = z.infer<typeof Item>;
export type ItemType = Item["type"];
export const ITEM_TYPES = ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "MATCHING", "ORDERING", "SHORT_ANSWER", "ESSAY"] as const;

export const QuizSettings = z
  .object({
    maxAttempts: z.number().int().positive().max(100),
    timeLimitMinutes: z.number().int().positive().max(600).optional(),
    gradingMethod: GradingMethod,
    reviewPolicy: ReviewPolicy,
    closesAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((s) => s.reviewPolicy !== "AFTER_CLOSE" || s.closesAt !== undefined, {
    message: "reviewPolicy AFTER_CLOSE needs closesAt",
    path: ["closesAt"],
  });
export type QuizSettings = z.infer<typeof QuizSettings>;

export const QuizFile = z
  .object({
    id: Id,
    lesson: Id,
    title: Bilingual,
    settings: QuizSettings,
    items: z.array(Item).min(1),
  })
  .strict();
export type QuizFile = z.infer<typeof QuizFile>;
