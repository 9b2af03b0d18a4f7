// @vitest-environment happy-dom
/** Grading an essay by its rubric: what the instructor reads (with the expected length), marks per criterion and their total, and a grade emitted only when every mark is one the server takes. */
import { afterEach, describe, expect, it } from "vitest";
import ClassroomEssayGradeForm from "../../client/src/components/classroom/ClassroomEssayGradeForm.vue";
import type { PendingEssayFieldsFragment } from "../../client/src/gql/graphql.js";
import { lengthAgainst, parseMark, totalOf } from "../../client/src/components/classroom/rubric-marks.js";
import { mountWith } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const essay = (over: Partial<PendingEssayFieldsFragment> = {}): PendingEssayFieldsFragment => ({
  responseId: "r-1",
  learner: { id: "u-1", displayName: "Salma", disambiguator: null },
  quizId: "fq-b",
  itemId: "fq-b-07",
  prompt: "Assess the idea of an exported rivalry.",
  text: "The article offers two kinds of evidence.\nFirst, …",
  wordCount: 8,
  expectedWords: null,
  maxScore: 6,
  rubric: [
    { id: "c1", criterion: "Uses the article's evidence", points: 2 },
    { id: "c2", criterion: "Separates fact from possibility", points: 4 },
  ],
  answeredAt: "2025-03-01T10:05:00.000Z",
  ...over,
});

async function grade(w: ReturnType<typeof mountWith>, marks: string[], comment = "", notes: string[] = []) {
  const inputs = w.findAll("[data-testid=grade-mark]");
  for (const [i, m] of marks.entries()) await inputs[i].setValue(m);
  const noteInputs = w.findAll("[data-testid=grade-mark-comment]");
  for (const [i, n] of notes.entries()) await noteInputs[i].setValue(n);
  if (comment) await w.get("[data-testid=grade-comment]").setValue(comment);
  await w.get("[data-testid=grade-form]").trigger("submit");
}

describe("ClassroomEssayGradeForm", () => {
  it("should show the question, the learner's text with its word count and a mark field per criterion", () => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay(), quizTitle: "Lesson 3 quiz", position: "Essay 1 of 3" });
    expect(w.get("h2").text()).toBe("Assess the idea of an exported rivalry.");
    expect(w.get(".eyebrow").text()).toContain("Salma");
    expect(w.get(".eyebrow").text()).toContain("Lesson 3 quiz");
    expect(w.get("[data-testid=essay-text]").text()).toBe("The article offers two kinds of evidence.\nFirst, …");
    expect(w.get("[data-testid=essay-words]").text()).toBe("8 words");
    expect(w.get("[data-testid=essay-position]").text()).toBe("Essay 1 of 3");
    expect(w.findAll(".rubric__list li").map((li) => li.text())).toEqual(["Uses the article's evidencePoints: 2", "Separates fact from possibilityPoints: 4"]);
    const criteria = w.findAll("[data-testid=grade-criterion]");
    expect(criteria.map((c) => c.get("legend").text())).toEqual(["Uses the article's evidence", "Separates fact from possibility"]);
    const input = criteria[1].get("[data-testid=grade-mark]");
    expect(w.get(`label[for="${input.attributes("id")}"]`).text()).toBe("Mark (0 to 4)");
    expect(w.get("[data-testid=grade-total]").text()).toBe("Total: 0 of 6");
  });

  it("should show the length the prompt expects next to the word count, and say when the essay falls outside it", () => {
    const within = mountWith(ClassroomEssayGradeForm, { essay: essay({ expectedWords: { min: 5, max: 10 } }) });
    // White space as the browser shows it (runs collapse to one space).
    expect(within.get("[data-testid=essay-words]").text().replace(/\s+/g, " ")).toBe("8 words · expected 5–10 words");
    const short = mountWith(ClassroomEssayGradeForm, { essay: essay({ expectedWords: { min: 150, max: 250 } }) });
    expect(short.get("[data-testid=essay-expected]").attributes("data-length")).toBe("short");
    expect(short.get("[data-testid=essay-words]").text()).toContain("shorter than expected");
  });

  it("should total the marks as they are typed and emit them with each criterion's comment", async () => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay() });
    await grade(w, ["2", "2,5"], "Good use of the evidence.", ["", "Say what is only possible."]);
    expect(w.get("[data-testid=grade-total]").text()).toBe("Total: 4.5 of 6");
    expect(w.emitted("grade")).toEqual([
      [
        {
          responseId: "r-1",
          comment: "Good use of the evidence.",
          criteria: [
            { criterionId: "c1", score: 2, comment: "" },
            { criterionId: "c2", score: 2.5, comment: "Say what is only possible." },
          ],
        },
      ],
    ]);
    expect(w.find("[data-testid=grade-mark-error]").exists()).toBe(false);
  });

  it.each([
    [["", "1"], "Enter a mark."],
    [["2.5", "1"], "The score must be between 0 and 2."],
    [["-1", "1"], "The score must be between 0 and 2."],
    [["1.1", "1"], "Use steps of 0.25, like 1.5 or 1.75."],
  ])("should not emit for the marks %j and say why next to the field", async (marks, message) => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay() });
    await grade(w, marks);
    expect(w.emitted("grade")).toBeUndefined();
    const input = w.findAll("[data-testid=grade-mark]")[0];
    expect(input.attributes("aria-invalid")).toBe("true");
    expect(w.get("[data-testid=grade-mark-error]").text()).toBe(message);
    expect(input.attributes("aria-describedby")).toBe(w.get("[data-testid=grade-mark-error]").attributes("id"));
  });

  it("should ask the page for the previous and next essay", async () => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay() });
    await w.get("[data-testid=essay-next]").trigger("click");
    await w.get("[data-testid=essay-previous]").trigger("click");
    expect(Object.keys(w.emitted())).toEqual(expect.arrayContaining(["next", "previous"]));
  });

  it("should show the page's error and hold the button while saving", async () => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay(), busy: true, error: "You are not allowed to do this." });
    expect(w.get("[data-testid=grade-error]").text()).toBe("You are not allowed to do this.");
    expect(w.get("[data-testid=grade-submit]").attributes("disabled")).toBeDefined();
    await w.setProps({ busy: false, error: null });
    expect(w.find("[data-testid=grade-error]").exists()).toBe(false);
    expect(w.get("[data-testid=grade-submit]").attributes("disabled")).toBeUndefined();
  });

  it("should read in Arabic", () => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay() }, "ar");
    expect(w.get("[data-testid=grade-submit]").text()).toBe("حفظ الدرجة");
    expect(w.get(".rubric__title").text()).toBe("ما الذي سيُقيَّم");
    expect(w.get("[data-testid=grade-total]").text()).toContain("المجموع");
  });
});

describe("lengthAgainst", () => {
  it("should place a word count below, within or above the expected range, bounds included", () => {
    expect(lengthAgainst(4, { min: 5, max: 10 })).toBe("short");
    expect(lengthAgainst(5, { min: 5, max: 10 })).toBe("within");
    expect(lengthAgainst(10, { min: 5, max: 10 })).toBe("within");
    expect(lengthAgainst(11, { min: 5, max: 10 })).toBe("long");
    expect(lengthAgainst(11, null)).toBe(null);
  });
});

describe("parseMark and totalOf", () => {
  it.each([
    ["1.75", 2, { value: 1.75 }],
    ["١٫٥".replace("٫", "."), 2, { value: 1.5 }],
    ["0", 2, { value: 0 }],
    ["2.01", 2, { error: "range" }],
    ["abc", 2, { error: "range" }],
    ["0.3", 2, { error: "step" }],
    [" ", 2, { error: "required" }],
  ])("should read %j out of %d", (raw, points, expected) => {
    expect(parseMark(raw, points)).toEqual(expected);
  });
  it("should total what parses and say whether every mark is there", () => {
    expect(totalOf([{ value: 1.25 }, { value: 2 }])).toEqual({ total: 3.25, complete: true });
    expect(totalOf([{ value: 1.25 }, { error: "required" }])).toEqual({ total: 1.25, complete: false });
  });
});
