/**
 * The one schema for everything under content/. Structural rules live here (zod); rules that look across
 * files (ids that must exist, objectives that must be assessed) live in content.validate.ts.
 */
import { z } from "zod";
import { Bilingual, Id } from "./content.parts.js";
import { ITEM_SCHEMAS } from "../items/schemas.js";

export { Bilingual } from "./content.parts.js";

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
    /**
     * Context beyond the article (content/context.yaml): fact ids shown in a layer marked as outside the
     * article, "before" it and "what happened next". Never mixed into the lesson's paragraphs.
     */
    context: z
      .object({ before: z.array(Id).default([]), after: z.array(Id).default([]) })
      .strict()
      .optional(),
    quiz: Id,
  })
  .strict();
export type LessonFile = z.infer<typeof LessonFile>;

/** One source of a context fact, copied from the vetted fact sheet (the repository stays self-contained). */
export const ContextSource = z
  .object({
    title: z.string().trim().min(1),
    publisher: z.string().trim().min(1),
    date: z.string().trim().min(1),
    // Optional here so that a fact without any URL is reported by the review (content.review.ts) with its id.
    url: z.url({ protocol: /^https?$/, error: "a source URL must be an http:// or https:// address" }).optional(),
  })
  .strict();

/** content/context.yaml: facts beyond the article, each in our own words with the sources it was checked against. */
export const ContextFile = z
  .object({
    facts: z.array(
      z
        .object({
          id: z.string().regex(/^cf-[a-z0-9][a-z0-9-]*$/, "context fact ids start with cf-"),
          date: PartialDate,
          /** Relative to the article: "before" it appeared, or "after" (what happened next). */
          when: z.enum(["before", "after"]),
          text: Bilingual,
          sources: z.array(ContextSource),
        })
        .strict(),
    ),
  })
  .strict();
export type ContextFile = z.infer<typeof ContextFile>;

/** Bloom-style level of what an item asks (content.review.ts caps the share of "remember"). */
export const ITEM_LEVELS = ["remember", "understand", "apply", "analyse", "evaluate"] as const;

export const GradingMethod = z.enum(["HIGHEST", "LAST", "FIRST", "AVERAGE"]);
export const ReviewPolicy = z.enum(["AFTER_FINISH", "AFTER_CLOSE", "NEVER"]);

const ItemBase = {
  id: Id,
  points: z.number().positive().max(100),
  objectives: z.array(Id).min(1, "an item assesses at least one objective"),
  evidence: z.array(Id).min(1, "an item names at least one evidence paragraph"),
  /** Context facts (content/context.yaml) that the item's answer also rests on, beside the lesson paragraphs. */
  context: z.array(Id).optional(),
  /** What the item asks of the learner: remember, understand, apply, analyse or evaluate. */
  level: z.enum(ITEM_LEVELS),
  prompt: Bilingual,
  explanation: Bilingual,
  /**
   * Which attempts ask the item: "practice" only, "assessment" only, or both when absent (today's content).
   * Keys of items an assessment asks stay hidden outside it until the learner's review policy allows
   * (quizzes/pools.ts).
   */
  pool: z.enum(["practice", "assessment"]).optional(),
};

/**
 * One member per item type: ItemBase and the type's own fields and rules, from its module in server/src/items/
 * (items/schemas.ts lists them; docs/contributing.md "Add an item type").
 */
function member<S extends z.ZodRawShape>(part: { fields: z.ZodObject<S>; rules: readonly { check: (item: never) => boolean; message: string; path: string[] }[] }) {
  return part.rules.reduce(
    (o, r) => o.refine((i) => r.check(i as never), { message: r.message, path: r.path }),
    z.object({ ...ItemBase, ...part.fields.shape }).strict(),
  );
}

const S = ITEM_SCHEMAS;
export const Item = z.discriminatedUnion("type", [
  member(S.SINGLE_CHOICE),
  member(S.MULTIPLE_CHOICE),
  member(S.TRUE_FALSE),
  member(S.MATCHING),
  member(S.ORDERING),
  member(S.SHORT_ANSWER),
  member(S.ESSAY),
  member(S.CLASSIFY),
]);
export type Item = z.infer<typeof Item>;
export type ItemType = Item["type"];
export const ITEM_TYPES = ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE", "MATCHING", "ORDERING", "SHORT_ANSWER", "ESSAY", "CLASSIFY"] as const;

export const CertaintyMode = z.enum(["off", "optional", "required"]);
export type CertaintyMode = z.infer<typeof CertaintyMode>;

export const QuizSettings = z
  .object({
    maxAttempts: z.number().int().positive().max(100),
    timeLimitMinutes: z.number().int().positive().max(600).optional(),
    gradingMethod: GradingMethod,
    reviewPolicy: ReviewPolicy,
    closesAt: z.iso.datetime({ offset: true }).optional(),
    /**
     * Certainty-based marking (grading/cbm.ts) per mode: "off" (the default), "optional" (the learner may say
     * how sure they are) or "required" (an answer without a certainty is refused).
     */
    certainty: z.object({ practice: CertaintyMode.optional(), assessment: CertaintyMode.optional() }).strict().optional(),
    /** Hints from the evidence in practice: the lesson section, then the paragraph. Never in assessments. */
    hints: z.boolean().optional(),
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
    /** "lesson" (the default): a lesson's quiz; "diagnostic" / "final": the course's pre-test and final assessment. */
    role: z.enum(["lesson", "diagnostic", "final"]).optional(),
    lesson: Id.optional(),
    title: Bilingual,
    settings: QuizSettings,
    items: z.array(Item).min(1),
  })
  .strict()
  .refine((q) => (q.role ?? "lesson") !== "lesson" || q.lesson !== undefined, { message: "a lesson's quiz names its lesson", path: ["lesson"] });
export type QuizFile = z.infer<typeof QuizFile>;
