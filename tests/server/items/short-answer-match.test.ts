/**
 * Table tests of short-answer matching (items/short-answer-match.ts), one block per rule, in Arabic and
 * English: what people write that must count, what must still not count, and when a spelling note is given.
 */
import { describe, expect, it } from "vitest";
import { canonicalShortAnswer, matchShortAnswer, withinOneEdit } from "../../../server/src/items/short-answer-match.js";
import { gradeItem } from "../../../server/src/grading/grading.js";
import { shortAnswer } from "../../helpers/item-factory.js";
import type { Item } from "../../../server/src/content/content.schema.js";

type Row = [rule: string, accepted: string[], typed: string, correct: boolean, note?: string];

const rows: Row[] = [
  // A year's era letter (م ميلادي، هـ هجري), attached or apart, with Arabic-Indic digits too.
  ["year + م attached", ["2024"], "2024م", true],
  ["year + م apart", ["2024"], "2024 م", true],
  ["year + هـ", ["1445"], "1445هـ", true],
  ["Arabic-Indic year + م", ["2024"], "٢٠٢٤م", true],
  ["accepted with م, typed without", ["2024م"], "2024", true],
  ["another year + م stays wrong", ["2024"], "2023م", false],
  ["م after a word is one letter off, not an era", ["باماكو"], "باماكوم", true, "باماكو"],
  // A leading preposition or "year" word.
  ["في + year", ["2024"], "في 2024", true],
  ["عام + year", ["2024"], "عام 2024", true],
  ["سنة + year", ["2024"], "سنة 2024", true],
  ["في عام + year + م", ["2024"], "في عام ٢٠٢٤م", true],
  ["في + place", ["باماكو"], "في باماكو", true],
  ["English: in + year", ["2024"], "in 2024", true],
  ["English: the year + year", ["2024"], "the year 2024", true],
  ["an answer that is itself a preposition still matches", ["في"], "في", true],
  ["a preposition before the wrong year stays wrong", ["2024"], "في 2020", false],
  // A dropped final hamza.
  ["الصحرا for الصحراء", ["الصحراء الغربية"], "الصحرا الغربية", true],
  ["شي for شيء", ["شيء"], "شي", true],
  ["hamza dropped mid-word is one letter off", ["المساءلة"], "المسالة", true, "المساءلة"],
  // Spaces, as before.
  ["spaces ignored", ["بوركينا فاسو"], "بوركينافاسو", true],
  // One letter off on 5+ letters: accepted with a note naming the accepted spelling.
  ["English: a letter dropped (Frane)", ["France"], "Frane", true, "France"],
  ["English: a letter added", ["Bamako"], "Bamakko", true, "Bamako"],
  ["English: a letter changed", ["Morocco"], "Morokco", true, "Morocco"],
  ["English: neighbours swapped", ["Algeria"], "Algeira", true, "Algeria"],
  ["Arabic: a letter dropped", ["موريتانيا"], "موريتنيا", true, "موريتانيا"],
  ["Arabic: a letter changed", ["الجزائر"], "الجزاءر", true, "الجزائر"],
  ["Arabic: neighbours swapped", ["باماكو"], "بامكاو", true, "باماكو"],
  ["note in the typed answer's script", ["باماكو", "Bamako"], "Bamakko", true, "Bamako"],
  ["exact beats near: no note", ["Bamako", "Bamakko"], "Bamakko", true],
  ["two letters off stays wrong", ["France"], "Frnae", false],
  ["two edits stay wrong", ["Morocco"], "Marokko", false],
  ["Arabic: two letters off stays wrong", ["موريتانيا"], "مورتنيا", false],
  ["4 letters: one off is wrong (English)", ["Mali"], "Male", false],
  ["4 letters: one off is wrong (Arabic)", ["مالي"], "مالو", false],
  ["3 Arabic letters: one off is wrong", ["مال"], "مار", false],
  ["digits are never tolerated", ["Mali 1960"], "Mali 1961", false],
  ["a digit added is not a letter off", ["Bamako"], "Bamako1", false],
  // What was never right stays wrong.
  ["a different word", ["باماكو"], "الرباط", false],
  ["a prefix is not enough", ["بوركينا فاسو"], "بوركينا", false],
  ["empty", ["باماكو"], "   ", false],
  ["only a preposition", ["2024"], "في", false],
];

describe("matchShortAnswer", () => {
  it.each(rows)("%s", (_rule, accepted, typed, correct, note) => {
    const m = matchShortAnswer(accepted, typed);
    expect(m.correct).toBe(correct);
    expect(m.spellingNote).toBe(note);
  });

  it("should accept no near miss when the item turns spelling tolerance off, and still fold the rest", () => {
    expect(matchShortAnswer(["France"], "Frane", { spellingTolerance: false })).toEqual({ correct: false });
    expect(matchShortAnswer(["الصحراء الغربية"], "في الصحرا الغربيه", { spellingTolerance: false })).toEqual({ correct: true });
    expect(matchShortAnswer(["2024"], "عام ٢٠٢٤م", { spellingTolerance: false })).toEqual({ correct: true });
  });

  it("should grade through gradeItem with the item's own spellingTolerance", () => {
    const tolerant = shortAnswer(["France"]);
    const strict = { ...shortAnswer(["France"]), spellingTolerance: false } as Item;
    expect(gradeItem(tolerant, { text: "Frane" }).correct).toBe(true);
    expect(gradeItem(strict, { text: "Frane" }).correct).toBe(false);
    expect(gradeItem(strict, { text: "france" }).correct).toBe(true);
  });
});

describe("canonicalShortAnswer", () => {
  it.each([
    ["في عام 2024م", "2024"],
    ["سنة ١٤٤٥ هـ", "1445"],
    ["الصحراء الغربية", "الصحراالغربيه"],
    ["In 2024", "2024"],
    ["في", "في"],
  ])("%s → %s", (input, form) => {
    expect(canonicalShortAnswer(input)).toBe(form);
  });
});

describe("withinOneEdit", () => {
  it.each([
    ["abcde", "abcde", true],
    ["abcde", "abde", true],
    ["abcde", "abxde", true],
    ["abcde", "abdce", true],
    ["abcde", "abcdef", true],
    ["abcde", "xabcde", true],
    ["abcde", "badce", false],
    ["abcde", "abc", false],
    ["abcde", "edcba", false],
  ])("%s ~ %s → %s", (a, b, near) => {
    expect(withinOneEdit(a, b)).toBe(near);
    expect(withinOneEdit(b, a)).toBe(near);
  });
});
