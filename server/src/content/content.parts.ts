/**
 * The zod building blocks that content.schema.ts and the item-type modules (server/src/items/) share:
 * bilingual text, ids and options. They live apart from content.schema.ts so that the item-type modules can
 * use them while content.schema.ts assembles the item union from those modules, with no import cycle.
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

export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and hyphens");
/** An id local to one item (an option, a pair side, a rubric criterion). */
export const LocalId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "ids are lower-case letters, digits, _ and -");

export const Option = z.object({ id: LocalId, text: Bilingual }).strict();
export const Choice = Option.extend({ correct: z.boolean().optional() }).strict();
