/**
 * Arabic-aware text normalization, shared by short-answer grading, the content originality check, course
 * search and the glossary marks (shared/search-terms.ts).
 * Pure: no I/O, no framework imports.
 */

// Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g; // آ أ إ ٱ ٲ ٳ → ا
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669]/g;
const PERSIAN_DIGITS = /[\u06F0-\u06F9]/g;
// Zero-width joiners/non-joiners, direction marks and the Arabic letter mark: invisible, often pasted inside words.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
// Anything that is not a letter or a digit separates words (punctuation, quotes, Arabic comma ، etc.).
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * Folds the spelling variants that Arabic writers use interchangeably, so that answers differing only in
 * them compare equal: diacritics, tatweel and invisible marks removed; alef forms → ا; ؤ → و; ئ → ي; ة → ه;
 * ى → ي; the Persian-keyboard letters ی → ي and ک → ك; Arabic-Indic digits → ASCII; case folded;
 * punctuation and runs of spaces collapsed to one space.
 */
export function normalizeArabic(input: string): string {
  return input
    .normalize("NFKC")
    .replace(DIACRITICS, "")
    .replace(TATWEEL, "")
    .replace(INVISIBLE, "")
    .replace(ALEF_FORMS, "\u0627")
    .replace(/\u0624/g, "\u0648")
    .replace(/\u0626/g, "\u064A")
    .replace(/\u0629/g, "\u0647")
    .replace(/\u0649/g, "\u064A")
    .replace(/\u06CC/g, "\u064A")
    .replace(/\u06A9/g, "\u0643")
    .replace(ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase()
    .replace(SEPARATORS, " ")
    .trim();
}

/** The normalized words of a text. */
export function normalizedWords(input: string): string[] {
  const n = normalizeArabic(input);
  return n === "" ? [] : n.split(" ");
}
