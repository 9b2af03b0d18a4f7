/**
 * The course timeline: every lesson's dated events on one axis, each linked to the lesson paragraph that
 * draws on the same article paragraphs, each tagged with the map's actors it names (found with the search
 * keys: the project's normaliser, English stems; either language counts). Pure over the loaded content.
 *
 * Context facts (content/context.yaml) join through CONTEXT_FACTS below, marked as beyond the article, each
 * with the first of its sources that has an address.
 */
import type { CourseContent } from "../content/content.model.js";
import type { Bilingual } from "../content/content.schema.js";
import type { ContextSource } from "../content/actors.schema.js";
import type { Locale } from "../shared/locale.js";
import { pick } from "../shared/locale.js";
import { glossaryMarks } from "./glossary-marks.js";
import type { CourseTimeline, CourseTimelineEvent } from "./course-timeline.type.js";

/** A dated fact beyond the article, as the timeline needs it. */
export interface ContextTimelineFact {
  id: string;
  date: string;
  fact: Bilingual;
  source: ContextSource;
}

/** The dated facts of content/context.yaml, each with the first source that has an address (a fact without one is left out). */
export const CONTEXT_FACTS = (content: CourseContent): ContextTimelineFact[] =>
  content.context.facts.flatMap((f) => {
    const s = f.sources.find((x) => x.url);
    return s?.url ? [{ id: f.id, date: f.date, fact: f.text, source: { publisher: s.publisher, date: s.date, url: s.url } }] : [];
  });

function actorsNamed(content: CourseContent, text: Bilingual): string[] {
  const found = new Set<string>();
  for (const lang of ["ar", "en"] as const) {
    const terms = content.actors.nodes.map((n) => ({ id: n.id, term: n.name[lang] }));
    for (const m of glossaryMarks(text[lang], terms)) found.add(m.termId);
  }
  return content.actors.nodes.map((n) => n.id).filter((id) => found.has(id));
}

export function courseTimelineView(content: CourseContent, locale: Locale, facts = CONTEXT_FACTS(content)): CourseTimeline {
  const events: (CourseTimelineEvent & { order: number })[] = [];
  // Retired lessons are not offered: their dates live on in the lessons that absorbed them.
  content.lessons.filter((l) => !l.retired).forEach((l, li) => {
    const paragraphs = l.sections.flatMap((s) => s.paragraphs);
    l.timeline.forEach((t, ti) => {
      const p = paragraphs.find((x) => x.sourceParagraphs.some((n) => t.sourceParagraphs.includes(n))) ?? paragraphs[0];
      events.push({
        id: `${l.slug}#${ti}`,
        date: t.date,
        event: pick(t.event, locale),
        kind: "article",
        lessonSlug: l.slug,
        lessonTitle: pick(l.title, locale),
        paragraphId: p?.id ?? null,
        articleParagraphs: [...t.sourceParagraphs],
        actorIds: actorsNamed(content, t.event),
        source: null,
        order: li,
      });
    });
  });
  for (const f of facts)
    events.push({
      id: `context#${f.id}`,
      date: f.date,
      event: pick(f.fact, locale),
      kind: "context",
      lessonSlug: null,
      lessonTitle: null,
      paragraphId: null,
      articleParagraphs: [],
      actorIds: actorsNamed(content, f.fact),
      source: f.source,
      order: content.lessons.length,
    });
  const start = (d: string) => d.split("/")[0];
  events.sort((a, b) => (start(a.date) < start(b.date) ? -1 : start(a.date) > start(b.date) ? 1 : a.order - b.order));
  const used = new Set(events.flatMap((e) => e.actorIds));
  return {
    events: events.map(({ order: _o, ...e }) => e),
    actors: content.actors.nodes.filter((n) => used.has(n.id)).map((n) => ({ id: n.id, name: pick(n.name, locale) })),
  };
}
