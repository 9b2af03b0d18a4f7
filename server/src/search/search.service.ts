/**
 * Course search: an index of the course's own texts built once from the loaded content, plus documents that
 * sources hand in per query for the viewer (the learner's notes, registered at the composition root by the
 * feature that owns them). Public: lessons are public; a source decides what a viewer may see of its own.
 */
import type { CourseContent } from "../content/content.model.js";
import { AppError } from "../errors.js";
import type { Viewer } from "../shared/viewer.js";
import type { IndexedDocument, SearchDocument, SearchMatch } from "./search.index.js";
import { indexDocument, searchDocuments } from "./search.index.js";

export const MAX_QUERY_LENGTH = 200;
export const MAX_RESULTS = 50;

/** More documents for one viewer's query (e.g. their notes). Called only when a viewer is signed in. */
export interface SearchSource {
  documents(viewer: Viewer): Promise<SearchDocument[]>;
}

export interface SearchOutcome {
  total: number;
  matches: SearchMatch[];
}

/** Every searchable text of the course, both languages, in reading order. */
export function courseDocuments(content: CourseContent): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const add = (kind: string, lessonSlug: string, anchor: string, text: { ar: string; en: string }) => {
    docs.push({ kind, lessonSlug, anchor, language: "ar", text: text.ar, order: docs.length });
    docs.push({ kind, lessonSlug, anchor, language: "en", text: text.en, order: docs.length });
  };
  // Only what learners are offered: a retired lesson's text lives on in the lessons that absorbed it.
  const live = content.lessons.filter((l) => !l.retired);
  for (const l of live) {
    add("SUMMARY", l.slug, "lesson-summary", l.summary);
    for (const s of l.sections) {
      add("HEADING", l.slug, s.id, s.heading);
      for (const p of s.paragraphs) add("PARAGRAPH", l.slug, p.id, p.text);
    }
    for (const t of l.keyTerms)
      add("KEY_TERM", l.slug, t.id, { ar: `${t.term.ar}: ${t.definition.ar}`, en: `${t.term.en}: ${t.definition.en}` });
  }
  // Actors of the map, by name and aliases ("AES", "البوليساريو"), opening the actor map of the first lesson
  // that states one of their relations (the first lesson for an actor known only from context facts).
  const lessonOf = new Map<string, string>();
  for (const l of live) for (const s of l.sections) for (const p of s.paragraphs) lessonOf.set(p.id, l.slug);
  const byOrder = [...live].sort((a, b) => a.order - b.order).map((l) => l.slug);
  for (const n of content.actors.nodes) {
    const slugs = new Set(content.actors.edges.filter((e) => e.from === n.id || e.to === n.id).flatMap((e) => (e.evidence ?? []).map((p) => lessonOf.get(p))));
    const slug = byOrder.find((s) => slugs.has(s)) ?? byOrder[0];
    if (!slug) continue;
    const named = (lang: "ar" | "en") => [n.name[lang], ...(n.aliases?.[lang] ?? [])].join(lang === "ar" ? "، " : ", ");
    add("ACTOR", slug, "lesson-actors-h", { ar: `${named("ar")}: ${n.role.ar}`, en: `${named("en")}: ${n.role.en}` });
  }
  return docs;
}

export class SearchService {
  private indexed: IndexedDocument[] | undefined;
  private readonly sources: SearchSource[] = [];

  constructor(private readonly content: CourseContent) {}

  /** The course's documents, indexed at the first search rather than at start (cold start, issue 20). */
  private get docs(): IndexedDocument[] {
    this.indexed ??= courseDocuments(this.content).map(indexDocument);
    return this.indexed;
  }

  /** Adds a source of per-viewer documents (composition root only). */
  addSource(source: SearchSource): this {
    this.sources.push(source);
    return this;
  }

  async search(viewer: Viewer | null, query: string, first: number): Promise<SearchOutcome> {
    if (query.length > MAX_QUERY_LENGTH)
      throw new AppError("BAD_USER_INPUT", `A search is at most ${MAX_QUERY_LENGTH} characters.`, { field: "query" });
    if (!Number.isInteger(first) || first < 1 || first > MAX_RESULTS)
      throw new AppError("BAD_USER_INPUT", `first must be 1–${MAX_RESULTS}.`, { field: "first" });
    let docs = this.docs;
    if (viewer && this.sources.length > 0) {
      const extra = (await Promise.all(this.sources.map((s) => s.documents(viewer)))).flat();
      if (extra.length > 0) docs = [...docs, ...extra.map((d) => indexDocument({ ...d, order: this.docs.length + d.order }))];
    }
    const matches = searchDocuments(docs, query);
    return { total: matches.length, matches: matches.slice(0, first) };
  }
}
