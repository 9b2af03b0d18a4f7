/**
 * Words of a text as search keys, with where each word stands in the original text: what course search
 * indexes and queries with, and what the glossary marks key terms with. Pure: no I/O, no framework imports.
 *
 * One rule for indexed text and query alike, so both sides fold the same variants:
 * - a word is a run of letters, digits, combining marks (diacritics), tatweel and zero-width joiners in the
 *   ORIGINAL text, so offsets point into the text as written (highlights never cut a word or a diacritic);
 * - the word is folded by the project's one normaliser, normalizeArabic (diacritics, hamza forms, ta marbuta,
 *   tatweel, alef maqsura, Arabic-Indic digits, case);
 * - a Latin word is then stemmed with the Porter stemmer (`stemmer` 2.0.1, wooorm, MIT, 36 KB unpacked, no
 *   dependencies): "cooperation", "cooperating" and "cooperate" meet at "cooper";
 * - an Arabic word loses the definite article and the clitics fused with it (ال، وال، بال، كال، فال، لل، وبال،
 *   فبال، وكال) when at least two letters remain: "والجزائر" and "الجزائر" meet at "جزاير";
 * - an Arabic word that starts with one of the clitic letters و ف ب ل ك also answers to the word without it
 *   when three or more letters remain ("ومالي" is found by "مالي"; "وفد" is not found by "فد"). The query keeps
 *   only its primary key, so a query word never loses a letter it was typed with.
 * Arabic is not stemmed further (no root extraction): PostgreSQL's `arabic` configuration would, SQLite's FTS5
 * would not, and both engines must give the same hits; this rule runs in Node for both.
 */
import { stemmer } from "stemmer";
import { normalizeArabic } from "./arabic.js";

const WORD = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;
const ARABIC = /[\u0600-\u06FF]/;
const LATIN_WORD = /^\p{Script=Latin}+$/u;
const ARTICLES = ["وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "لل", "ال"];
const CLITICS = new Set(["و", "ف", "ب", "ل", "ك"]);

export interface WordKeys {
  /** UTF-16 offsets of the word in the original text: text.slice(start, end) is the word as written. */
  start: number;
  end: number;
  /** The word's primary key (what a query word is searched by). */
  key: string;
  /** Every key the word answers to: the primary key first, then the form without a leading clitic letter. */
  keys: string[];
}

function stripArticle(w: string): string {
  for (const a of ARTICLES) if (w.startsWith(a) && w.length - a.length >= 2) return w.slice(a.length);
  return w;
}

/** The primary key of one word, or null when nothing searchable is left (punctuation only). */
export function wordKey(word: string): string | null {
  const n = normalizeArabic(word).replace(/ /g, "");
  if (n === "") return null;
  if (ARABIC.test(n)) return stripArticle(n);
  if (LATIN_WORD.test(n)) return stemmer(n);
  return n;
}

/** Every key a word of indexed text answers to (see the file comment). */
function wordKeys(word: string): string[] {
  const key = wordKey(word);
  if (key === null) return [];
  const keys = [key];
  const n = normalizeArabic(word).replace(/ /g, "");
  if (ARABIC.test(n) && CLITICS.has(n[0]) && n.length - 1 >= 3) {
    const rest = stripArticle(n.slice(1));
    if (!keys.includes(rest)) keys.push(rest);
  }
  return keys;
}

/** The words of a text, in order, with their offsets and keys. */
export function textWords(text: string): WordKeys[] {
  const out: WordKeys[] = [];
  for (const m of text.matchAll(WORD)) {
    const keys = wordKeys(m[0]);
    if (keys.length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, key: keys[0], keys });
  }
  return out;
}

/** The distinct primary keys of a query, in the order typed. */
export function queryKeys(query: string): string[] {
  const keys: string[] = [];
  for (const m of query.matchAll(WORD)) {
    const k = wordKey(m[0]);
    if (k !== null && !keys.includes(k)) keys.push(k);
  }
  return keys;
}
