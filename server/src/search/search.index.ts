/**
 * The course-wide search index: documents (lesson paragraphs, section headings, lesson summaries, key terms,
 * in both languages; other kinds, such as a learner's notes, are added per query by a SearchSource) reduced
 * to the keys of shared/search-terms.ts, and a query that every key must match. Pure and in memory.
 *
 * Why in memory and not a table filled at import: content is immutable while the server runs and small (five
 * lessons, a few hundred passages), and the same code then answers on SQLite and on PostgreSQL, so both give
 * the same hits by construction; neither FTS5 (no Arabic folding) nor PostgreSQL's `arabic` configuration
 * (which stems) is involved. Hits are returned as plain text segments flagged as matches: the client renders
 * them as text, so nothing in a document or a query can become markup.
 */
import type { WordKeys } from "../shared/search-terms.js";
import { queryKeys, textWords } from "../shared/search-terms.js";

/** What a document is; sources may add kinds (a learner's notes) without changing the index. */
export type SearchDocumentKind = "PARAGRAPH" | "HEADING" | "SUMMARY" | "KEY_TERM" | (string & {});

export interface SearchDocument {
  kind: SearchDocumentKind;
  /** The lesson it belongs to, and the element id inside the lesson page that shows it (the link target). */
  lessonSlug: string;
  anchor: string;
  language: "ar" | "en";
  text: string;
  /** Position in the course (reading order): ties in score keep this order. */
  order: number;
}

export interface IndexedDocument extends SearchDocument {
  words: WordKeys[];
  keySet: Set<string>;
}

export interface Segment {
  text: string;
  match: boolean;
}

export interface SearchMatch {
  document: SearchDocument;
  score: number;
  segments: Segment[];
  /** The passage starts after the document's start / ends before its end (the client shows an ellipsis). */
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

/** How many words a passage shows around its first match. */
const PASSAGE_BEFORE = 8;
const PASSAGE_WORDS = 36;
/** A key term or a heading that matches says more than one paragraph among many. */
const KIND_WEIGHT: Record<string, number> = { KEY_TERM: 3, HEADING: 2, SUMMARY: 1, PARAGRAPH: 1 };

export function indexDocument(doc: SearchDocument): IndexedDocument {
  const words = textWords(doc.text);
  const keySet = new Set<string>();
  for (const w of words) for (const k of w.keys) keySet.add(k);
  return { ...doc, words, keySet };
}

/** The matching passage of a document: the words around the first match, every matching word flagged. */
export function passage(doc: IndexedDocument, keys: readonly string[]): Omit<SearchMatch, "document" | "score"> {
  const wanted = new Set(keys);
  const isMatch = (w: WordKeys) => w.keys.some((k) => wanted.has(k));
  const first = Math.max(0, doc.words.findIndex(isMatch));
  const from = doc.words.length <= PASSAGE_WORDS ? 0 : Math.max(0, Math.min(first - PASSAGE_BEFORE, doc.words.length - PASSAGE_WORDS));
  const to = Math.min(doc.words.length, from + PASSAGE_WORDS);
  const startAt = from === 0 ? 0 : doc.words[from].start;
  const endAt = to === doc.words.length ? doc.text.length : doc.words[to - 1].end;
  const segments: Segment[] = [];
  let at = startAt;
  const push = (text: string, match: boolean) => {
    if (text === "") return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  for (let i = from; i < to; i++) {
    const w = doc.words[i];
    if (!isMatch(w)) continue;
    push(doc.text.slice(at, w.start), false);
    push(doc.text.slice(w.start, w.end), true);
    at = w.end;
  }
  push(doc.text.slice(at, endAt), false);
  return { segments, truncatedStart: startAt > 0, truncatedEnd: endAt < doc.text.length };
}

/** Documents holding every key of the query, best first (score, then reading order). */
export function searchDocuments(docs: readonly IndexedDocument[], query: string): SearchMatch[] {
  const keys = queryKeys(query);
  if (keys.length === 0) return [];
  const matches: SearchMatch[] = [];
  for (const doc of docs) {
    if (!keys.every((k) => doc.keySet.has(k))) continue;
    const wanted = new Set(keys);
    const occurrences = doc.words.filter((w) => w.keys.some((k) => wanted.has(k))).length;
    const score = occurrences + (KIND_WEIGHT[doc.kind] ?? 1) * keys.length;
    const { words: _w, keySet: _k, ...document } = doc;
    matches.push({ document, score, ...passage(doc, keys) });
  }
  return matches.sort((a, b) => b.score - a.score || a.document.order - b.document.order || (a.document.language < b.document.language ? -1 : 1));
}
