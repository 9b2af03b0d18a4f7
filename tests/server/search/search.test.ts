/**
 * Course search over GraphQL, on SQLite and again on PostgreSQL (the pg project runs this file too): the same
 * queries give the same hits on both, Arabic spelling variants find the same passages (diacritics, hamza
 * forms, ta marbuta, tatweel, Arabic-Indic digits, a fused article or clitic), English words meet at their
 * stem, matches are highlighted as plain text segments, and bad input gets a clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

// A paragraph written for this test (added to the fixture's first lesson): every variant below is in it once.
const P9 = {
  id: "fx-a-p9",
  sourceParagraphs: [2],
  text: {
    ar: "أكّدت الهيئـــة المائيّة أنّ مُؤسَّسة السدود أنجزت ٣ خزّانات في إقليم الواحة عام ٢٠٢٤، بالتعاون مع والي الإقليم.",
    en: "The water agency confirmed that the dams company had built 3 reservoirs in the oasis province in 2024, cooperating with the province's governor.",
  },
};

let server: TestServer;
beforeAll(async () => {
  const dir = await contentWith("lessons/01-fx-lesson-a.yaml", (doc) => {
    doc.sections[1].paragraphs.push(P9);
  });
  server = await startTestServer({ content: await loadContent(dir) });
});
afterAll(async () => {
  await server.stop();
});

const SEARCH = `query($q: String!, $locale: Locale, $first: Int) { search(query: $q, locale: $locale, first: $first) {
  total hits { kind lessonSlug lessonTitle anchor language truncatedStart truncatedEnd segments { text match } } } }`;

async function search(q: string, locale = "AR", first = 50) {
  const res = await server.gql<any>(SEARCH, { q, locale, first });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.search as { total: number; hits: any[] };
}
/** The hits as "anchor/LANGUAGE", sorted: what the tables compare. */
const hitSet = async (q: string) => (await search(q)).hits.map((h) => `${h.anchor}/${h.language}`).sort();

describe("course search", () => {
  // Each row: queries that must give the same hits, and those hits exactly.
  const exact: [string, string[], string[]][] = [
    ["diacritics and shadda, on either side", ["السدود", "السُّدود", "سدود"], ["fx-a-p9/AR"]],
    ["hamza forms on the alef (the text has أكّدت)", ["أكدت", "اكدت", "إكدت", "آكدت", "أكّدت"], ["fx-a-p9/AR"]],
    ["hamza on the waw and ta marbuta / ha (the text has مُؤسَّسة)", ["مؤسسة", "موسسه", "مُؤَسَّسَةٌ"], ["fx-a-p9/AR"]],
    ["ta marbuta and a fused article (the text has المائيّة)", ["المائية", "المائيه", "مائيه"], ["fx-a-p9/AR"]],
    ["alef with hamza below, with and without the article (إقليم, الإقليم)", ["إقليم", "اقليم", "الاقليم", "أقليم"], ["fx-a-p9/AR"]],
    ["a clitic و before a word (the text has والي)", ["والي"], ["fx-a-p9/AR"]],
    ["every word of the query must match", ["الواحة السدود", "سدود ٣"], ["fx-a-p9/AR"]],
    ["Arabic-Indic, Persian and ASCII digits", ["٢٠٢٤", "2024", "۲۰۲۴"], ["fx-a-p1/AR", "fx-a-p1/EN", "fx-a-p9/AR", "fx-a-p9/EN"]],
    ["English stems: dam/dams", ["dam", "dams", "Dams"], ["fx-a-p9/EN"]],
    ["English stems: confirm/confirmed/confirms", ["confirms", "confirming", "confirmed"], ["fx-a-p9/EN"]],
    ["English stems: cooperation/cooperating (two lessons)", ["cooperate", "cooperation", "cooperating"], ["fx-b-p2/EN", "fx-a-p9/EN"].sort()],
    ["English stems: province/provinces", ["provinces", "province"], ["fx-a-p9/EN"]],
    ["no match", ["zzzz", "قمرصناعي"], []],
  ];
  it.each(exact)("should find the same passages for %s", async (_name, queries, expected) => {
    for (const q of queries) expect(await hitSet(q), q).toEqual(expected);
  });

  it("should find with tatweel what it finds without it, the tatweel'd passage included", async () => {
    const plain = await hitSet("الهيئة");
    expect(plain).toContain("fx-a-p9/AR");
    expect(await hitSet("الهيـــئة")).toEqual(plain);
    expect(await hitSet("الهيئه")).toEqual(plain);
  });

  it("should find key terms, headings and summaries in both languages", async () => {
    expect(await hitSet("shared reservoir")).toEqual(["fx-a-t1/EN"]);
    expect(await hitSet("خزان مشترك")).toEqual(["fx-a-t1/AR"]);
    // The heading "The witnesses", and fx-a-p2's "witnessed" (same stem); the heading ranks first.
    expect(await hitSet("witnesses")).toEqual(["fx-a-p2/EN", "fx-a-s2/EN"]);
    expect((await search("witnesses")).hits.map((h) => h.kind)).toEqual(["HEADING", "PARAGRAPH"]);
    expect(await hitSet("attended")).toEqual(["lesson-summary/EN"]);
  });

  it("should highlight the words as written in the text, and give back the whole text when it is short", async () => {
    const hit = (await search("اكدت المائيه ٢٠٢٤")).hits.find((h) => h.anchor === "fx-a-p9")!;
    expect(hit).toMatchObject({ kind: "PARAGRAPH", lessonSlug: "fx-lesson-a", language: "AR", truncatedStart: false, truncatedEnd: false });
    expect(hit.segments.map((s: any) => s.text).join("")).toBe(P9.text.ar);
    expect(hit.segments.filter((s: any) => s.match).map((s: any) => s.text)).toEqual(["أكّدت", "المائيّة", "٢٠٢٤"]);
    const tatweel = (await search("الهيئة")).hits.find((h) => h.anchor === "fx-a-p9")!;
    expect(tatweel.segments.filter((s: any) => s.match).map((s: any) => s.text)).toEqual(["الهيئـــة"]);
  });

  it("should name the lesson in the requested locale whatever the language of the hit", async () => {
    const ar = (await search("dams", "AR")).hits[0];
    const en = (await search("dams", "EN")).hits[0];
    const lesson = server.app.store.content.lessons.find((l) => l.slug === "fx-lesson-a")!;
    expect(ar.lessonTitle).toBe(lesson.title.ar);
    expect(en.lessonTitle).toBe(lesson.title.en);
  });

  it("should rank a key term above a paragraph, count every match and cut the list at first", async () => {
    const all = await search("reservoir");
    expect(all.hits[0].anchor).toBe("fx-a-t1");
    expect(all.total).toBe(all.hits.length);
    const one = await search("reservoir", "AR", 1);
    expect(one.total).toBe(all.total);
    expect(one.hits).toHaveLength(1);
  });

  it("should give no hits for a query with no words, and refuse an over-long query or a bad first", async () => {
    expect(await search("  ،؛!  ")).toEqual({ total: 0, hits: [] });
    const long = await server.gql<any>(SEARCH, { q: "م".repeat(201) });
    expect(long.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const zero = await server.gql<any>(SEARCH, { q: "x", first: 0 });
    expect(zero.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const many = await server.gql<any>(SEARCH, { q: "x", first: 51 });
    expect(many.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("should return markup in the text as text segments, never as markup of its own", async () => {
    const res = await search("<img src=x onerror=alert(1)> dams");
    // The query's words are img, src, x, onerror, alert, 1, dam: nothing holds them all.
    expect(res.total).toBe(0);
  });
});
