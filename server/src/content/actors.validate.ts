/**
 * Cross-checks of the actor-relations map (content/actors.yaml): node ids unique, every relation between
 * actors that exist, no relation twice, every evidence paragraph a lesson paragraph that exists, every actor
 * in some relation. Problems are collected, as content.validate.ts does.
 */
import type { ContentProblem } from "./content.model.js";
import type { LessonFile } from "./content.schema.js";
import type { ActorsFile } from "./actors.schema.js";

export const ACTORS_FILE = "content/actors.yaml";

export function checkActors(actors: ActorsFile, lessons: readonly LessonFile[], problems: ContentProblem[]): void {
  const push = (path: string, message: string) => problems.push({ file: ACTORS_FILE, path, message });
  const lessonOf = new Map(lessons.flatMap((l) => l.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, l] as const))));
  const ids = new Set<string>();
  actors.nodes.forEach((n, i) => {
    if (ids.has(n.id)) push(`nodes[${i}].id`, `duplicate actor id "${n.id}"`);
    ids.add(n.id);
  });
  const seen = new Set<string>();
  const related = new Set<string>();
  actors.edges.forEach((e, i) => {
    for (const end of ["from", "to"] as const) if (!ids.has(e[end])) push(`edges[${i}].${end}`, `there is no actor "${e[end]}"`);
    if (e.from === e.to) push(`edges[${i}]`, "a relation joins two different actors");
    const key = `${e.from}>${e.to}>${e.type}`;
    if (seen.has(key)) push(`edges[${i}]`, `the relation ${e.type} from "${e.from}" to "${e.to}" is given twice`);
    seen.add(key);
    (e.evidence ?? []).forEach((p, j) => {
      const lesson = lessonOf.get(p);
      if (!lesson) push(`edges[${i}].evidence[${j}]`, `there is no lesson paragraph "${p}"`);
      // The map sends readers to the paragraph: a retired lesson is history, no longer offered.
      else if (lesson.retired) push(`edges[${i}].evidence[${j}]`, `paragraph "${p}" is in retired lesson "${lesson.slug}"; the map cites live lessons`);
    });
    related.add(e.from).add(e.to);
  });
  actors.nodes.forEach((n, i) => {
    if (!related.has(n.id)) push(`nodes[${i}]`, `actor "${n.id}" has no relation`);
  });
}
