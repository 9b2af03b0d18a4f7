/**
 * The actor-relations map in one locale, whole or as the sub-map one lesson's paragraphs support (the
 * relations whose evidence is in that lesson, and their actors). Pure over the loaded content.
 */
import type { CourseContent } from "../content/content.model.js";
import { Locale, pick } from "../shared/locale.js";
import type { ActorMap } from "./actor-map.type.js";

export function actorMapView(content: CourseContent, locale: Locale, lessonSlug: string | null): ActorMap {
  const where = new Map<string, { slug: string; title: string }>();
  for (const l of content.lessons)
    for (const s of l.sections) for (const p of s.paragraphs) where.set(p.id, { slug: l.slug, title: pick(l.title, locale) });
  let edges = content.actors.edges;
  if (lessonSlug !== null) edges = edges.filter((e) => (e.evidence ?? []).some((p) => where.get(p)?.slug === lessonSlug));
  const used = new Set(edges.flatMap((e) => [e.from, e.to]));
  const nodes = lessonSlug === null ? content.actors.nodes : content.actors.nodes.filter((n) => used.has(n.id));
  return {
    actors: nodes.map((n) => ({ id: n.id, name: pick(n.name, locale), aliases: n.aliases ? (locale === Locale.EN ? n.aliases.en : n.aliases.ar) : [], role: pick(n.role, locale), kind: n.kind, source: n.source ?? null })),
    relations: edges.map((e) => ({
      id: `${e.from}>${e.to}>${e.type}`,
      from: e.from,
      to: e.to,
      type: e.type,
      label: pick(e.label, locale),
      evidence: (e.evidence ?? []).map((p) => ({ paragraphId: p, lessonSlug: where.get(p)!.slug, lessonTitle: where.get(p)!.title })),
      source: e.source ?? null,
    })),
  };
}
