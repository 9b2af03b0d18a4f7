/** The search keys (shared/search-terms.ts) and the passage cutting of the index, as pure functions. */
import { describe, expect, it } from "vitest";
import { indexDocument, passage, searchDocuments } from "../../../server/src/search/search.index.js";
import { queryKeys, textWords, wordKey } from "../../../server/src/shared/search-terms.js";

describe("search keys", () => {
  const same: [string, string[]][] = [
    ["diacritics", ["باماكو", "بَامَاكُو"]],
    ["the article and its fused clitics", ["الجزائر", "والجزائر", "بالجزائر", "للجزائر", "فالجزائر", "جزائر"]],
    ["hamza forms and ta marbuta", ["الأمنية", "الامنيه", "الإمنية"]],
    ["tatweel and a zero-width non-joiner", ["المغـــرب", "المغ\u200Cرب", "المغرب"]],
    ["English stem", ["rivalries", "rivalry"]],
    ["English case", ["Morocco", "MOROCCO", "morocco"]],
  ];
  it.each(same)("should give one key to variants: %s", (_n, words) => {
    expect(new Set(words.map(wordKey)).size).toBe(1);
  });

  it("should keep the offsets of the words as written", () => {
    const text = "قال: «الهيئـــة» وَالمغرب.";
    const words = textWords(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(["قال", "الهيئـــة", "وَالمغرب"]);
  });

  it("should let an indexed word answer to its form without a clitic letter, but not a query word", () => {
    expect(textWords("ومالي")[0].keys).toEqual(["ومالي", "مالي"]);
    expect(textWords("وفد")[0].keys).toEqual(["وفد"]);
    expect(queryKeys("ومالي مالي ومالي")).toEqual(["ومالي", "مالي"]);
  });
});

describe("passages", () => {
  const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
  const doc = indexDocument({ kind: "PARAGRAPH", lessonSlug: "x", anchor: "p", language: "en", text: words.join(" "), order: 0 });

  it("should cut a long text around its first match and flag only the matching words", () => {
    const p = passage(doc, queryKeys("w50 w52"));
    expect(p.truncatedStart).toBe(true);
    expect(p.truncatedEnd).toBe(true);
    const text = p.segments.map((s) => s.text).join("");
    expect(text.startsWith("w42 ")).toBe(true);
    expect(text.split(" ")).toHaveLength(36);
    expect(p.segments.filter((s) => s.match).map((s) => s.text)).toEqual(["w50", "w52"]);
  });

  it("should keep the end of the text in view when the match is near it", () => {
    const p = passage(doc, queryKeys("w99"));
    expect(p.truncatedEnd).toBe(false);
    expect(p.segments.map((s) => s.text).join("").split(" ")).toHaveLength(36);
  });

  it("should require every query word", () => {
    expect(searchDocuments([doc], "w1 w2")).toHaveLength(1);
    expect(searchDocuments([doc], "w1 w200")).toHaveLength(0);
  });
});
