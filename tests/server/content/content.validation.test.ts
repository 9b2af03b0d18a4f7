import { describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/content.loader.js";
import type { ContentProblem } from "../../../server/src/content/content.model.js";
import { ContentValidationError } from "../../../server/src/content/content.model.js";
import { contentWith, contentWithText } from "../../helpers/content-fixtures.js";
import { FIXTURE_DIR } from "../../helpers/test-server.js";
import { ITEM_TYPES } from "../../../server/src/content/content.schema.js";

// The fixture course's first lesson and its quiz (tests/fixtures/course); the real course has its own checks in tests/content.
const LESSON1 = "lessons/01-fx-lesson-a.yaml";
const QUIZ1 = "quizzes/01-fx-lesson-a.yaml";
// Its diagnostic pre-test and final assessment (role diagnostic | final), and how the cross-file rules name them.
const PRE = "quizzes/00-fq-diagnostic.yaml";
const POST = "quizzes/99-fq-final.yaml";
const PRE_AT = 'content/quizzes (quiz "fq-pre", role diagnostic)';
const POST_AT = 'content/quizzes (quiz "fq-post", role final)';

async function problemsOf(dir: string): Promise<ContentProblem[]> {
  try {
    await loadContent(dir);
  } catch (e) {
    if (e instanceof ContentValidationError) return e.problems;
    throw e;
  }
  throw new Error("expected the content to be rejected");
}

const itemIndex = (doc: any, type: string) => doc.items.findIndex((i: any) => i.type === type);

describe("content validation", () => {
  it("should accept every file of the fixture course, which has every item type", async () => {
    const content = await loadContent(FIXTURE_DIR);
    expect(content.lessons.map((l) => l.slug)).toEqual(content.course.lessons);
    expect(new Set(content.quizzes.flatMap((q) => q.items.map((i) => i.type)))).toEqual(new Set(ITEM_TYPES));
    expect(content.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("should accept an AFTER_CLOSE quiz closing exactly 30 days after it opens", async () => {
    const dir = await contentWith(QUIZ1, (d) => {
      d.settings.reviewPolicy = "AFTER_CLOSE";
      d.settings.opensAt = "2027-05-31T23:59:59Z";
      d.settings.closesAt = "2027-06-30T23:59:59Z";
    });
    const quiz = (await loadContent(dir)).quizzes.find((q) => q.lesson === "fx-lesson-a")!;
    expect(quiz.settings).toMatchObject({ reviewPolicy: "AFTER_CLOSE", opensAt: "2027-05-31T23:59:59Z" });
  });

  // Each row: a mutation of one fixture file, and the file, path and reason the validator must report.
  const cases: { name: string; file: string; mutate: (doc: any) => void; expect: { file: string; path: string | RegExp; message: RegExp } }[] = [
    {
      name: "should reject an empty Arabic text",
      file: LESSON1,
      mutate: (d) => (d.sections[0].paragraphs[0].text.ar = ""),
      expect: { file: `content/${LESSON1}`, path: "sections[0].paragraphs[0].text.ar", message: /Arabic text is empty/ },
    },
    {
      name: "should reject an Arabic text without Arabic letters",
      file: LESSON1,
      mutate: (d) => (d.summary.ar = "an English summary in the Arabic slot"),
      expect: { file: `content/${LESSON1}`, path: "summary.ar", message: /no Arabic letters/ },
    },
    {
      name: "should reject a missing English text",
      file: LESSON1,
      mutate: (d) => delete d.title.en,
      expect: { file: `content/${LESSON1}`, path: "title.en", message: /.+/ },
    },
    {
      name: "should reject a source paragraph the article does not have",
      file: LESSON1,
      mutate: (d) => (d.sections[0].paragraphs[0].sourceParagraphs = [1, 99]),
      expect: { file: `content/${LESSON1}`, path: "sections[0].paragraphs[0].sourceParagraphs[1]", message: /no paragraph 99/ },
    },
    {
      name: "should reject an unknown field (a typo)",
      file: LESSON1,
      mutate: (d) => (d.estimatedMinuts = 5),
      expect: { file: `content/${LESSON1}`, path: "(root)", message: /estimatedMinuts/ },
    },
    {
      name: "should reject a lesson with one objective",
      file: LESSON1,
      mutate: (d) => (d.objectives = d.objectives.slice(0, 1)),
      expect: { file: `content/${LESSON1}`, path: "objectives", message: /2–4 objectives/ },
    },
    {
      name: "should reject a malformed date",
      file: LESSON1,
      mutate: (d) => (d.timeline[0].date = "19/02/2025"),
      expect: { file: `content/${LESSON1}`, path: "timeline[0].date", message: /ISO/ },
    },
    {
      name: "should reject evidence that points at no paragraph",
      file: QUIZ1,
      mutate: (d) => (d.items[0].evidence = ["fx-a-p404"]),
      expect: { file: `content/${QUIZ1}`, path: "items[0].evidence[0]", message: /no lesson has paragraph "fx-a-p404"/ },
    },
    {
      name: "should reject an unknown objective",
      file: QUIZ1,
      mutate: (d) => (d.items[0].objectives = ["fx-a-o99"]),
      expect: { file: `content/${QUIZ1}`, path: "items[0].objectives[0]", message: /no lesson has objective "fx-a-o99"/ },
    },
    {
      name: "should reject a single-choice item with two correct choices",
      file: QUIZ1,
      mutate: (d) => d.items[itemIndex(d, "SINGLE_CHOICE")].choices.forEach((c: any) => (c.correct = true)),
      expect: { file: `content/${QUIZ1}`, path: /^items\[\d+\]\.choices$/, message: /exactly one correct/ },
    },
    {
      name: "should reject a multiple-choice item with every choice correct",
      file: QUIZ1,
      mutate: (d) => d.items[itemIndex(d, "MULTIPLE_CHOICE")].choices.forEach((c: any) => (c.correct = true)),
      expect: { file: `content/${QUIZ1}`, path: /^items\[\d+\]\.choices$/, message: /at least one wrong/ },
    },
    {
      name: "should reject an unknown item type",
      file: QUIZ1,
      mutate: (d) => (d.items[0].type = "FILL_IN"),
      expect: { file: `content/${QUIZ1}`, path: "items[0].type", message: /.+/ },
    },
    {
      name: "should reject duplicate option ids in one item",
      file: QUIZ1,
      mutate: (d) => {
        const item = d.items[itemIndex(d, "SINGLE_CHOICE")];
        item.choices[1].id = item.choices[0].id;
      },
      expect: { file: `content/${QUIZ1}`, path: /^items\[\d+\]\.choices$/, message: /used more than once/ },
    },
    {
      name: "should reject an item id used twice",
      file: QUIZ1,
      mutate: (d) => (d.items[1].id = d.items[0].id),
      expect: { file: "content/quizzes", path: "(ids)", message: /item id "fq-a-01" is used more than once/ },
    },
    {
      name: "should reject an objective assessed by fewer than two items",
      file: QUIZ1,
      mutate: (d) => {
        for (const item of d.items) item.objectives = item.objectives.filter((o: string) => o !== "fx-a-o1");
        for (const item of d.items) if (item.objectives.length === 0) item.objectives = ["fx-a-o2"];
      },
      expect: { file: `content/${LESSON1}`, path: "objectives[0]", message: /assessed by 0 item\(s\)/ },
    },
    {
      name: "should reject AFTER_CLOSE without a closing date",
      file: QUIZ1,
      mutate: (d) => {
        d.settings.reviewPolicy = "AFTER_CLOSE";
        delete d.settings.closesAt;
      },
      expect: { file: `content/${QUIZ1}`, path: "settings.closesAt", message: /needs closesAt/ },
    },
    {
      name: "should reject AFTER_CLOSE without an opening date (issue 13: the 30-day rule needs one)",
      file: QUIZ1,
      mutate: (d) => {
        d.settings.reviewPolicy = "AFTER_CLOSE";
        d.settings.closesAt = "2027-06-30T23:59:59Z";
        delete d.settings.opensAt;
      },
      expect: { file: `content/${QUIZ1}`, path: "settings.opensAt", message: /AFTER_CLOSE needs opensAt/ },
    },
    {
      name: "should reject AFTER_CLOSE closing more than 30 days after the quiz opens",
      file: QUIZ1,
      mutate: (d) => {
        d.settings.reviewPolicy = "AFTER_CLOSE";
        d.settings.opensAt = "2027-05-31T23:59:58Z";
        d.settings.closesAt = "2027-06-30T23:59:59Z"; // 30 days and 1 second
      },
      expect: { file: `content/${QUIZ1}`, path: "settings.closesAt", message: /at most 30 days after opensAt/ },
    },
    {
      name: "should reject a quiz that opens after it closes",
      file: QUIZ1,
      mutate: (d) => {
        d.settings.opensAt = "2027-07-01T00:00:00Z";
        d.settings.closesAt = "2027-06-30T23:59:59Z";
      },
      expect: { file: `content/${QUIZ1}`, path: "settings.opensAt", message: /opensAt must come before closesAt/ },
    },
    {
      name: "should reject a retired lesson still listed in course.yaml",
      file: "lessons/05-fx-lesson-e.yaml",
      mutate: (d) => (d.retired = true),
      expect: { file: "content/lessons/05-fx-lesson-e.yaml", path: "retired", message: /remove it from course.yaml/ },
    },
    {
      name: "should reject a lesson retired without its quiz",
      file: "lessons/05-fx-lesson-e.yaml",
      mutate: (d) => (d.retired = true),
      expect: { file: "content/lessons/05-fx-lesson-e.yaml", path: "retired", message: /retired together/ },
    },
    {
      name: "should reject a retired objective mapped onto one that is not live",
      file: "course.yaml",
      mutate: (d) => (d.retiredObjectives = { "fx-old-o1": "fx-nowhere" }),
      expect: { file: "content/course.yaml", path: "retiredObjectives.fx-old-o1", message: /not an objective of a live lesson/ },
    },
    {
      name: "should reject mapping an objective that is still live",
      file: "course.yaml",
      mutate: (d) => (d.retiredObjectives = { "fx-a-o2": "fx-a-o1" }),
      expect: { file: "content/course.yaml", path: "retiredObjectives.fx-a-o2", message: /still in lesson/ },
    },
    {
      name: "should reject a lesson missing from the manifest's order",
      file: "course.yaml",
      mutate: (d) => (d.lessons = d.lessons.filter((s: string) => s !== "fx-lesson-a")),
      expect: { file: `content/${LESSON1}`, path: "slug", message: /not listed in course.yaml/ },
    },
    {
      name: "should reject a source that the article does not cite",
      file: "course.yaml",
      mutate: (d) => (d.sources[0].n = 7),
      expect: { file: "content/course.yaml", path: "sources[0].n", message: /no source number 7/ },
    },
    {
      name: "should reject a lesson citing a source the manifest lacks",
      file: LESSON1,
      mutate: (d) => (d.sources = ["le-monde-2025"]),
      expect: { file: `content/${LESSON1}`, path: "sources[0]", message: /no source "le-monde-2025"/ },
    },
    // Quiz roles (issue 13 point 5): the diagnostic pre-test and the final assessment.
    {
      name: "should reject a lesson quiz that names no lesson",
      file: QUIZ1,
      mutate: (d) => delete d.lesson,
      expect: { file: `content/${QUIZ1}`, path: "lesson", message: /a lesson quiz names its lesson/ },
    },
    {
      name: "should reject an unknown quiz role",
      file: PRE,
      mutate: (d) => (d.role = "midterm"),
      expect: { file: `content/${PRE}`, path: "role", message: /.+/ },
    },
    {
      name: "should reject a diagnostic quiz that names a lesson",
      file: PRE,
      mutate: (d) => (d.lesson = "fx-lesson-a"),
      expect: { file: `content/${PRE}`, path: "lesson", message: /belongs to no lesson/ },
    },
    {
      name: "should reject two diagnostic quizzes",
      file: POST,
      mutate: (d) => (d.role = "diagnostic"),
      expect: { file: "content/quizzes", path: "role", message: /2 quizzes have role diagnostic \(fq-pre, fq-post\); a course has at most one/ },
    },
    {
      name: "should reject a diagnostic that leaves an objective without an item",
      file: PRE,
      mutate: (d) => (d.items = d.items.filter((i: any) => !i.objectives.includes("fx-c-o2"))),
      expect: { file: PRE_AT, path: "items", message: /the diagnostic quiz has no item for objective "fx-c-o2"/ },
    },
    {
      name: "should reject a final that leaves an objective without an item",
      file: POST,
      mutate: (d) => (d.items = d.items.filter((i: any) => !i.objectives.includes("fx-e-o1"))),
      expect: { file: POST_AT, path: "items", message: /the final quiz has no item for objective "fx-e-o1"/ },
    },
    {
      name: "should reject a final item outside the assessment pool",
      file: POST,
      mutate: (d) => delete d.items[3].pool,
      expect: { file: POST_AT, path: "items[3].pool", message: /must be in the assessment pool/ },
    },
    {
      name: "should reject a final item that is also in the diagnostic",
      file: POST,
      mutate: (d) => (d.items[0].id = "fq-pre-04"),
      expect: { file: POST_AT, path: "items[0].id", message: /"fq-pre-04" is in both the diagnostic and the final/ },
    },
    {
      name: "should reject a final prompt that repeats a diagnostic prompt (after normalising)",
      file: POST,
      mutate: (d) => (d.items[2].prompt.en = "the drought lowered  the reservoir's level"),
      expect: { file: POST_AT, path: "items[2].prompt.en", message: /same prompt as diagnostic item "fq-pre-03"/ },
    },
  ];

  it.each(cases)("$name", async ({ file, mutate, expect: want }) => {
    const problems = await problemsOf(await contentWith(file, mutate));
    const match = problems.find(
      (p) => p.file === want.file && (typeof want.path === "string" ? p.path === want.path : want.path.test(p.path)) && want.message.test(p.message),
    );
    expect(match, `problems were:\n${problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join("\n")}`).toBeDefined();
  });

  it("should report a YAML syntax error with its line", async () => {
    const dir = await contentWithText(QUIZ1, (t) => t.replace(/\n/, "\n  : : broken: [\n"));
    const problems = await problemsOf(dir);
    expect(problems[0].file).toBe(`content/${QUIZ1}`);
    expect(problems[0].path).toMatch(/^line \d+, column \d+$/);
    expect(problems[0].message).toMatch(/^YAML:/);
  });

  it("should list every problem, not only the first, in the thrown message", async () => {
    const dir = await contentWith(LESSON1, (d) => {
      d.title.ar = "";
      d.summary.en = "";
    });
    const err = await loadContent(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentValidationError);
    expect((err as Error).message).toContain(`content/${LESSON1}: title.ar: Arabic text is empty`);
    expect((err as Error).message).toContain(`content/${LESSON1}: summary.en: English text is empty`);
  });
});
