/**
 * Where a lesson's key terms occur in its paragraphs: found with the search keys of shared/search-terms.ts
 * (the project's Arabic normaliser; English stems), so "اللجنة العسكريّة المشتركة" in a paragraph is found
 * for the key term "اللجنة العسكرية المشتركة", and "joint military commissions" for "Joint military
 * commission". Pure. The client marks each occurrence with a button that opens the term's definition.
 */
import { textWords, wordKey } from "../shared/search-terms.js";
import type { WordKeys } from "../shared/search-terms.js";

export interface TermMark {
  termId: string;
  /** UTF-16 offsets into the paragraph text. */
  start: number;
  end: number;
}

const LEADING_ARTICLES = new Set(["the", "a", "an"]);

/** The keys a term is found by: the words before any parenthesis, without a leading English article. */
export function termPattern(term: string): string[] {
  const main = term.split("(")[0];
  const keys = textWords(main).map((w) => wordKey(main.slice(w.start, w.end))!);
  while (keys.length > 1 && LEADING_ARTICLES.has(keys[0])) keys.shift();
  return keys;
}

function matchAt(words: WordKeys[], i: number, pattern: string[]): boolean {
  if (i + pattern.length > words.length) return false;
  return pattern.every((k, j) => words[i + j].keys.includes(k));
}

/** A lesson's terms as the keys they are found by, longest first: computed once per lesson and language. */
export interface TermPatterns {
  patterns: { id: string; keys: string[] }[];
}

export function termPatterns(terms: readonly { id: string; term: string }[]): TermPatterns {
  return {
    patterns: terms
      .map((t) => ({ id: t.id, keys: termPattern(t.term) }))
      .filter((p) => p.keys.length > 0)
      .sort((a, b) => b.keys.length - a.keys.length),
  };
}

/**
 * The first occurrence of each term in a text, never overlapping (a longer term wins a place over a shorter
 * one inside it), in text order.
 */
export function glossaryMarks(text: string, terms: readonly { id: string; term: string }[] | TermPatterns): TermMark[] {
  const words = textWords(text);
  const { patterns } = "patterns" in terms ? terms : termPatterns(terms);
  const taken = new Array<boolean>(words.length).fill(false);
  const marks: TermMark[] = [];
  for (const p of patterns) {
    for (let i = 0; i < words.length; i++) {
      if (!matchAt(words, i, p.keys)) continue;
      if (taken.slice(i, i + p.keys.length).some(Boolean)) continue;
      for (let j = i; j < i + p.keys.length; j++) taken[j] = true;
      marks.push({ termId: p.id, start: words[i].start, end: words[i + p.keys.length - 1].end });
      break;
    }
  }
  return marks.sort((a, b) => a.start - b.start);
}
