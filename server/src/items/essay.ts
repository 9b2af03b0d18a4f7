/**
 * ESSAY: a typed answer of at most 10,000 characters that an instructor grades by hand against a rubric
 * (classrooms/instructor.service.ts gradeEssay), optionally with the length it expects in words (expectedWords,
 * shown to the grader). Pending until then: out of the score, no statistics.
 */
import { z } from "zod";
import { Bilingual, LocalId } from "../content/content.parts.js";
import type { ItemCore, ItemTypeModule, SchemaPart } from "./item-type.js";
import { machineGraded } from "./item-kit.js";
import { pick } from "../shared/locale.js";
import { validateText } from "./short-answer.js";

const fields = z.object({
  type: z.literal("ESSAY"),
  rubric: z.array(z.object({ id: LocalId, points: z.number().positive(), criterion: Bilingual }).strict()).min(2),
  /** The length the prompt expects, in words (shown to the grader next to the essay's word count). */
  expectedWords: z.object({ min: z.number().int().nonnegative(), max: z.number().int().positive() }).strict().optional(),
});
export type EssayItem = ItemCore & z.infer<typeof fields>;

export const essaySchema: SchemaPart<typeof fields.shape, EssayItem> = {
  fields,
  rules: [
    {
      check: (i) => Math.abs(i.rubric.reduce((s, r) => s + r.points, 0) - i.points) < 1e-9,
      message: "an ESSAY's points must equal the sum of its rubric points",
      path: ["points"],
    },
    {
      check: (i) => !i.expectedWords || i.expectedWords.min <= i.expectedWords.max,
      message: "an ESSAY's expectedWords.min must not exceed its max",
      path: ["expectedWords"],
    },
  ],
};

export const MAX_ESSAY = 10_000;

export const essay: ItemTypeModule<EssayItem> = {
  ...machineGraded,
  type: "ESSAY",
  keyedContent: (item, n) => n(item.prompt.ar),
  handGraded: true,
  answerField: "text",
  localIds: (item) => [{ group: "rubric", ids: item.rubric.map((r) => r.id) }],
  view: () => ({ choices: [], targets: [] }),
  rubric: (item, locale) => item.rubric.map((r) => ({ id: r.id, criterion: pick(r.criterion, locale), points: r.points })),
  validate: (_ids, _item, answer) => validateText(answer.text!, MAX_ESSAY),
  /** Essays wait for an instructor: out of the score until graded by hand. */
  grade: (item) => ({ status: "PENDING_MANUAL", score: null, maxScore: item.points, correct: null }),
  rightAnswer: () => ({}),
  shownRightAnswer: () => null,
  answerKey: () => null,
  distribution: () => [],
  demoAnswers: () => ({
    right: {
      text: "يرى المقال أن التعاون العسكري بين مالي والمغرب يلبي حاجة أمنية لباماكو، لكنه يحذر من التبعية ومن الانجرار إلى التنافس المغربي الجزائري، ويدعو إلى مقاربة أشمل.",
    },
    wrong: { text: "" },
  }),
};
