/**
 * The editorial rules of content.review.ts (issue 13), each shown to fail on a planted bad case in a copy of the
 * fixture course and to pass on the fixture itself: the Mali adjective, originality at 7 words (marked
 * quotations exempt), context facts and their sources, the "remember" share, both pools per objective, and
 * duplicate items.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadContent } from "../../server/src/content/content.loader.js";
import type { ContentProblem } from "../../server/src/content/content.model.js";
import { ContentValidationError } from "../../server/src/content/content.model.js";
import { copiedRun, articleRuns, maliAdjectives, unquotedPieces } from "../../server/src/content/content.review.js";
import { contentWith, copyContent } from "../helpers/content-fixtures.js";
import { FIXTURE_DIR } from "../helpers/test-server.js";

const LESSON1 = "lessons/01-fx-lesson-a.yaml";
const QUIZ1 = "quizzes/01-fx-lesson-a.yaml";
const PARAGRAPH = "sections[0].paragraphs[0].text.ar";
// The fixture article's first paragraph: "وقّعت بلدتا وادي النور وتل الزهر في مارس 2024 اتفاقًا لبناء خزان مياه مشترك."
const SEVEN = "وقّعت بلدتا وادي النور وتل الزهر في";
const SIX = "وقّعت بلدتا وادي النور وتل الزهر";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(path.dirname(d), { recursive: true, force: true });
});

async function problemsOf(dir: string): Promise<ContentProblem[]> {
  dirs.push(dir);
  try {
    await loadContent(dir);
    return [];
  } catch (e) {
    if (e instanceof ContentValidationError) return e.problems;
    throw e;
  }
}

const setParagraph = (text: string) => contentWith(LESSON1, (d) => (d.sections[0].paragraphs[0].text.ar = text));

describe("content review: the Mali adjective", () => {
  it("should flag مالي used as an adjective in every form, and pass Mali in the genitive", () => {
    expect(maliAdjectives("حفظ السيادة المالية وتعزيز الجانب المالي")).toEqual(["المالية", "المالي"]);
    expect(maliAdjectives("مصالح مالية، والمالية، للمالي، بالمالية، فالمالي")).toEqual(["مالية", "والمالية", "للمالي", "بالمالية", "فالمالي"]);
    expect(maliAdjectives("القوات المسلحة الماليّة")).toEqual(["الماليّة".replace("ّ", "")]);
    // The country's name, also in a genitive (سيادة مالي) and with proclitics, is not the adjective.
    expect(maliAdjectives("سيادة مالي، ومالي، لمالي، بمالي، مصالح مالي وحكومة مالي")).toEqual([]);
    // A marked quotation keeps its words: the article's own phrase may be quoted.
    expect(maliAdjectives("يقول المقال «الاستراتيجية المالية» (المقال، ¶11) ويقصد مالي")).toEqual([]);
  });

  it("should report the adjective in a lesson, with the file and path, and accept the genitive", async () => {
    const bad = await problemsOf(await setParagraph("يحذر المقال من تقييد السيادة المالية."));
    expect(bad).toContainEqual(expect.objectContaining({ file: `content/${LESSON1}`, path: PARAGRAPH, message: expect.stringMatching(/"المالية" is the adjective of Mali/) }));
    expect(await problemsOf(await setParagraph("يحذر المقال من تقييد سيادة مالي."))).toEqual([]);
  });
});

describe("content review: our own words", () => {
  it("should flag 7 consecutive words of the article, not 6", async () => {
    const seven = await problemsOf(await setParagraph(`نقرأ هنا أن ${SEVEN} يوم من الأيام.`));
    expect(seven).toContainEqual(expect.objectContaining({ file: `content/${LESSON1}`, path: PARAGRAPH, message: expect.stringMatching(/shares 7 consecutive words with the article/) }));
    expect(await problemsOf(await setParagraph(`نقرأ هنا أن ${SIX} اتفاقًا.`))).toEqual([]);
  });

  it("should exempt a marked quotation with its attribution, but not guillemets without one", async () => {
    expect(await problemsOf(await setParagraph(`يقول المقال «${SEVEN}» (المقال، ¶1) ثم يشرح.`))).toEqual([]);
    const unattributed = await problemsOf(await setParagraph(`يقول المقال «${SEVEN}» ثم يشرح.`));
    expect(unattributed.map((p) => p.message)).toContainEqual(expect.stringMatching(/shares 7 consecutive words/));
    expect(unattributed.map((p) => p.message)).toContainEqual(expect.stringMatching(/without an attribution/));
  });

  it("should not let a run of words span a quotation", () => {
    const runs = articleRuns([{ text: "ا ب ج د ه و ز ح" }]);
    expect(copiedRun("ا ب ج د ه و ز", runs)).toBe("ا ب ج د ه و ز");
    expect(unquotedPieces("ا ب ج «د ه» (المقال) و ز")).toEqual(["ا ب ج ", " و ز"]);
    expect(copiedRun("ا ب ج «د ه» (المقال) و ز", runs)).toBeUndefined();
  });

  it("should refuse a long quotation", async () => {
    const long = Array.from({ length: 26 }, (_, i) => `كلمة${i}`).join(" ");
    const problems = await problemsOf(await setParagraph(`«${long}» (المقال، ¶1)`));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/more than 25 words/));
  });
});

describe("content review: context facts", () => {
  const fact = (over: Record<string, unknown> = {}) => ({
    id: "cf-flood",
    date: "2025-05",
    when: "after",
    text: { ar: "فاض الخزان بعد عام من بنائه.", en: "The reservoir flooded a year after it was built." },
    sources: [{ title: "Reservoir floods", publisher: "Example News", date: "2025-05-02", url: "https://example.org/flood" }],
    ...over,
  });
  async function withContext(facts: unknown[], lessonLayer?: unknown, itemContext?: string[]): Promise<string> {
    const dir = await copyContent();
    await writeFile(path.join(dir, "context.yaml"), stringify({ facts }));
    const { parse } = await import("yaml");
    const { readFile } = await import("node:fs/promises");
    if (lessonLayer) {
      const file = path.join(dir, LESSON1);
      const doc = parse(await readFile(file, "utf8"));
      doc.context = lessonLayer;
      await writeFile(file, stringify(doc));
    }
    if (itemContext) {
      const file = path.join(dir, QUIZ1);
      const doc = parse(await readFile(file, "utf8"));
      doc.items[0].context = itemContext;
      await writeFile(file, stringify(doc));
    }
    return dir;
  }

  it("should load a context fact cited by a lesson layer and an item", async () => {
    const dir = await withContext([fact()], { after: ["cf-flood"] }, ["cf-flood"]);
    dirs.push(dir);
    const content = await loadContent(dir);
    expect(content.context.facts.map((f) => f.id)).toEqual(["cf-flood"]);
    expect(content.lessons[0].context?.after).toEqual(["cf-flood"]);
    expect((await loadContent(FIXTURE_DIR)).context.facts).toEqual([]);
  });

  it("should flag a context fact with no source URL", async () => {
    const problems = await problemsOf(await withContext([fact({ sources: [{ title: "A book", publisher: "A press", date: "2025" }] })]));
    expect(problems).toContainEqual({ file: "content/context.yaml", path: "facts[0].sources", message: 'context fact "cf-flood" has no source with a URL' });
  });

  it("should flag unknown fact ids and a fact in the wrong layer", async () => {
    const problems = await problemsOf(await withContext([fact()], { before: ["cf-flood", "cf-none"] }, ["cf-missing"]));
    expect(problems).toContainEqual(expect.objectContaining({ file: `content/${LESSON1}`, path: "context.before[0]", message: expect.stringMatching(/marked "after"/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: `content/${LESSON1}`, path: "context.before[1]", message: expect.stringMatching(/no context fact "cf-none"/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: `content/${QUIZ1}`, path: "items[0].context[0]", message: expect.stringMatching(/no context fact "cf-missing"/) }));
  });
});

describe("content review: levels, pools and duplicates", () => {
  it("should require a level on every item", async () => {
    const problems = await problemsOf(await contentWith(QUIZ1, (d) => delete d.items[0].level));
    expect(problems).toContainEqual(expect.objectContaining({ file: `content/${QUIZ1}`, path: "items[0].level" }));
  });

  it("should flag more than 20% of items at level remember", async () => {
    const dir = await contentWith(QUIZ1, (d) => d.items.forEach((i: { level: string }) => (i.level = "remember")));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: "content/quizzes", path: "(levels)", message: expect.stringMatching(/items are at level "remember" .*at most 20% may be/) }));
  });

  it("should flag an objective with no item in the assessment pool", async () => {
    const dir = await contentWith(QUIZ1, (d) => {
      for (const i of d.items) if (i.objectives.includes("fx-a-o2")) i.pool = "practice";
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: `content/${LESSON1}`, path: "objectives[1]", message: expect.stringMatching(/"fx-a-o2" has no item in the assessment pool/) }));
  });

  it("should flag two items with the same objective, evidence and keyed content, not a parallel item", async () => {
    const dup = await problemsOf(
      await contentWith(QUIZ1, (d) => d.items.push({ ...structuredClone(d.items[0]), id: "fq-a-99", prompt: { ar: "في أي فصل اتفقت البلدتان؟", en: "In which season did the towns agree?" } })),
    );
    expect(dup).toContainEqual(expect.objectContaining({ file: `content/${QUIZ1}`, message: expect.stringMatching(/"fq-a-99" duplicates "fq-a-01"/) }));
    const parallel = await problemsOf(
      await contentWith(QUIZ1, (d) => {
        const twin = { ...structuredClone(d.items[0]), id: "fq-a-99" };
        twin.choices[0].text = { ar: "في مارس 2024", en: "In March 2024" };
        d.items.push(twin);
      }),
    );
    expect(parallel).toEqual([]);
  });

  it("should pass the fixture course", async () => {
    expect(await problemsOf(await copyContent(FIXTURE_DIR))).toEqual([]);
  });
});
