/**
 * Key terms marked in lesson text: found with the project's normaliser (Arabic variants) and English stems,
 * first occurrence per paragraph, longer terms first, offsets into the text as written; served on
 * Paragraph.terms over GraphQL (both engines), and true of the real course.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { glossaryMarks, termPattern } from "../../../server/src/lessons/glossary-marks.js";
import { textWords, wordKey } from "../../../server/src/shared/search-terms.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import type { TestServer } from "../../helpers/test-server.js";
import { realContent, startTestServer } from "../../helpers/test-server.js";

const keysOf = (s: string) => s.split(/\s+/).map((w) => wordKey(w));

describe("glossaryMarks", () => {
  const terms = [
    { id: "t1", term: "اللجنة العسكرية المشتركة" },
    { id: "t2", term: "اللجنة" },
    { id: "t3", term: "Joint military commission" },
    { id: "t4", term: "Alignment (taking sides)" },
    { id: "t5", term: "The Sahel" },
  ];

  it("should find a term written with diacritics, hamza and ta marbuta variants, and point at it as written", () => {
    const text = "التأمت اللّجنـة العسكريّه المُشتركة في باماكو.";
    const marks = glossaryMarks(text, terms);
    expect(marks).toEqual([{ termId: "t1", start: 7, end: text.indexOf(" في") }]);
    expect(text.slice(marks[0].start, marks[0].end)).toBe("اللّجنـة العسكريّه المُشتركة");
  });

  it("should give a place to the longer term and mark only the first occurrence of each", () => {
    const text = "اللجنة العسكرية المشتركة اجتمعت، ثم عادت اللجنة فاجتمعت، واللجنة العسكرية المشتركة باقية.";
    const marks = glossaryMarks(text, terms);
    expect(marks.map((m) => [m.termId, text.slice(m.start, m.end)])).toEqual([
      ["t1", "اللجنة العسكرية المشتركة"],
      ["t2", "اللجنة"],
    ]);
  });

  it("should find English terms by stem, without a leading article or a parenthesis", () => {
    const text = "Two joint military commissions met in the Sahel; alignments followed.";
    expect(glossaryMarks(text, terms).map((m) => [m.termId, text.slice(m.start, m.end)])).toEqual([
      ["t3", "joint military commissions"],
      ["t5", "Sahel"],
      ["t4", "alignments"],
    ]);
    expect(termPattern("Alignment (taking sides)")).toEqual(keysOf("alignment"));
    expect(termPattern("The Sahel")).toEqual(keysOf("sahel"));
  });

  it("should mark nothing in a text without the terms", () => {
    expect(glossaryMarks("لا شيء هنا", terms)).toEqual([]);
  });
});

describe("Paragraph.terms over GraphQL", () => {
  let server: TestServer;
  const P = {
    id: "fx-a-p8",
    sourceParagraphs: [1],
    text: { ar: "صار الخزّانُ المشتركُ مثالًا، وللخزان المشترك حارس.", en: "The shared reservoirs became an example." },
  };
  beforeAll(async () => {
    const dir = await contentWith("lessons/01-fx-lesson-a.yaml", (doc) => {
      doc.sections[0].paragraphs.push(P);
    });
    server = await startTestServer({ content: await loadContent(dir) });
  });
  afterAll(async () => {
    await server.stop();
  });

  const Q = `query($locale: Locale) { lesson(slug: "fx-lesson-a", locale: $locale) { keyTerms { id term } sections { paragraphs { id text terms { termId start end } } } } }`;

  it("should mark the lesson's key terms in its paragraphs, in both languages", async () => {
    for (const [locale, expected] of [["AR", "الخزّانُ المشتركُ"], ["EN", "shared reservoirs"]] as const) {
      const res = await server.gql<any>(Q, { locale });
      expect(res.body.errors).toBeUndefined();
      const p = res.body.data.lesson.sections.flatMap((s: any) => s.paragraphs).find((x: any) => x.id === P.id);
      expect(p.terms).toHaveLength(1);
      expect(p.terms[0].termId).toBe("fx-a-t1");
      expect(p.text.slice(p.terms[0].start, p.terms[0].end)).toBe(expected);
    }
  });
});

describe("the real course", () => {
  it("should mark terms only where the marked words fold to the term's words, word for word", async () => {
    const content = await realContent();
    let marks = 0;
    for (const l of content.lessons)
      for (const s of l.sections)
        for (const p of s.paragraphs)
          for (const locale of ["ar", "en"] as const) {
            const terms = l.keyTerms.map((t) => ({ id: t.id, term: t.term[locale] }));
            for (const m of glossaryMarks(p.text[locale], terms)) {
              marks++;
              const term = terms.find((t) => t.id === m.termId)!;
              const written = p.text[locale].slice(m.start, m.end);
              // Word for word, the written form answers to the term's key (a fused clitic such as ل may lead).
              const pattern = termPattern(term.term);
              const words = textWords(written);
              expect(words.length, `${p.id} ${locale}: "${written}" for "${term.term}"`).toBe(pattern.length);
              words.forEach((w, j) => expect(w.keys, `${p.id} ${locale}: "${written}" for "${term.term}"`).toContain(pattern[j]));
            }
          }
    // The course's own lessons use their key terms in the text: some marks exist in each language.
    expect(marks).toBeGreaterThan(0);
  });
});
