/**
 * Each item type's part of the content schema, keyed by type, for content/content.schema.ts to assemble the
 * Item union from. Apart from registry.ts because the registry speaks the content's Item type, and the
 * content schema must not import what imports it.
 */
import { classifySchema } from "./classify.js";
import { essaySchema } from "./essay.js";
import { matchingSchema } from "./matching.js";
import { multipleChoiceSchema } from "./multiple-choice.js";
import { orderingSchema } from "./ordering.js";
import { shortAnswerSchema } from "./short-answer.js";
import { singleChoiceSchema } from "./single-choice.js";
import { trueFalseSchema } from "./true-false.js";

export const ITEM_SCHEMAS = {
  SINGLE_CHOICE: singleChoiceSchema,
  MULTIPLE_CHOICE: multipleChoiceSchema,
  TRUE_FALSE: trueFalseSchema,
  MATCHING: matchingSchema,
  ORDERING: orderingSchema,
  SHORT_ANSWER: shortAnswerSchema,
  ESSAY: essaySchema,
  CLASSIFY: classifySchema,
} as const;
