import { describe, expect, it } from "vitest";
import { normalizeArabic } from "../../../server/src/shared/arabic.js";

describe("normalizeArabic", () => {
  const cases: [string, string, string][] = [
    ["should remove diacritics", "مَالِي", "مالي"],
    ["should remove shadda and tanween", "الجزائرُّ مؤتمراً", "الجزاير موتمرا"],
    ["should remove tatweel", "الرباط ـــ باماكـــو", "الرباط باماكو"],
    ["should fold alef with hamza above", "أسيمي", "اسيمي"],
    ["should fold alef with hamza below", "إفريقيا", "افريقيا"],
    ["should fold alef madda", "آفاق", "افاق"],
    ["should fold alef wasla", "ٱلساحل", "الساحل"],
    ["should fold taa marbuta to haa", "الصحراء الغربية", "الصحراء الغربيه"],
    ["should fold alef maqsura to yaa", "مستوى", "مستوي"],
    ["should fold hamza on waw", "مؤسسة", "موسسه"],
    ["should fold hamza on yaa", "رئيس", "رييس"],
    ["should map Arabic-Indic digits", "٢٠٢١", "2021"],
    ["should map Persian digits", "۲۰۲۵", "2025"],
    ["should collapse runs of spaces", "  النيجر    وبوركينا   فاسو ", "النيجر وبوركينا فاسو"],
    ["should drop punctuation and the Arabic comma", "مالي، المغرب؛ الجزائر!", "مالي المغرب الجزاير"],
    ["should fold Latin case", "Bamako", "bamako"],
    ["should fold the Persian-keyboard yeh to yaa", "مالی", "مالي"],
    ["should fold the Persian-keyboard keheh to kaf", "المغربی ک", "المغربي ك"],
    ["should drop a zero-width non-joiner inside a word", "الجزا\u200Cئر", "الجزاير"],
    ["should drop direction marks around a word", "\u200Fباماكو\u200E", "باماكو"],
    ["should keep an empty string empty", "   ", ""],
    ["should treat a fully vowelled and a bare form alike", "بَامَاكُو", "باماكو"],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it("should make spelling variants of one answer equal", () => {
    expect(normalizeArabic("الجَزَائِر")).toBe(normalizeArabic("الجزائر"));
    expect(normalizeArabic("إتفاقية الجزائر")).toBe(normalizeArabic("اتفاقيه الجزائر"));
  });
});
