/**
 * Hints from the evidence (issue 15), pure: what the n-th hint on an item shows, from the item's evidence
 * paragraphs. Hint 1 names the lesson section that holds the evidence; hint 2 shows the paragraph(s) that hold
 * the answer. Never the key, never the explanation. And the per-mode switches read from a quiz's settings.
 */
import type { Item, QuizSettings } from "../content/content.schema.js";
import type { CourseContent } from "../content/content.model.js";
import type { Locale } from "../shared/locale.js";
import { pick } from "../shared/locale.js";
import { AttemptMode, CertaintyMode } from "./attempt.enum.js";

/** The section first, then the paragraph. */
export const MAX_HINTS = 2;

export interface HintView {
  itemId: string;
  used: number;
  max: number;
  lessonSlug: string | null;
  lessonTitle: string | null;
  sectionId: string | null;
  sectionHeading: string | null;
  paragraphs: { paragraphId: string; text: string }[];
}

/** What `used` hints on `item` show, in `locale`. */
export function hintView(content: Pick<CourseContent, "lessons">, item: Item, used: number, locale: Locale): HintView {
  const view: HintView = { itemId: item.id, used, max: MAX_HINTS, lessonSlug: null, lessonTitle: null, sectionId: null, sectionHeading: null, paragraphs: [] };
  if (used < 1) return view;
  const wanted = new Set(item.evidence);
  for (const lesson of content.lessons) {
    for (const section of lesson.sections) {
      for (const p of section.paragraphs) {
        if (!wanted.has(p.id)) continue;
        if (view.sectionId === null) Object.assign(view, { lessonSlug: lesson.slug, lessonTitle: pick(lesson.title, locale), sectionId: section.id, sectionHeading: pick(section.heading, locale) });
        if (used >= 2) view.paragraphs.push({ paragraphId: p.id, text: pick(p.text, locale) });
      }
    }
  }
  return view;
}

/** Whether a quiz offers hints in this mode: practice only, and only where the content switches them on. */
export const hintsOffered = (settings: QuizSettings | undefined, mode: string): boolean => mode === AttemptMode.PRACTICE && settings?.hints === true;

/** The quiz's certainty-based marking in this mode. */
export function certaintyModeOf(settings: QuizSettings | undefined, mode: string): CertaintyMode {
  const set = mode === AttemptMode.ASSESSMENT ? settings?.certainty?.assessment : mode === AttemptMode.PRACTICE ? settings?.certainty?.practice : undefined;
  return set === "required" ? CertaintyMode.REQUIRED : set === "optional" ? CertaintyMode.OPTIONAL : CertaintyMode.OFF;
}
