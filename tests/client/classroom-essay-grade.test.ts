// @vitest-environment happy-dom
/** Grading an essay: what the instructor reads, and a grade emitted only when the score is one the server takes. */
import { afterEach, describe, expect, it } from "vitest";
import ClassroomEssayGradeForm from "../../client/src/components/classroom/ClassroomEssayGradeForm.vue";
import type { PendingEssayFieldsFragment } from "../../client/src/gql/graphql.js";
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
  maxScore: 6,
  rubric: [
    { id: "c1", criterion: "Uses the article's evidence", points: 2 },
    { id: "c2", criterion: "Separates fact from possibility", points: 4 },
  ],
  answeredAt: "2025-03-01T10:05:00.000Z",
  ...over,
});

async function grade(w: ReturnType<typeof mountWith>, score: string, comment = "") {
  await w.get("[data-testid=grade-score]").setValue(score);
  if (comment) await w.get("[data-testid=grade-comment]").setValue(comment);
  await w.get("[data-testid=grade-form]").trigger("submit");
}

describe("ClassroomEssayGradeForm", () => {
  it("should show the question, the learner's text as written and the rubric with its points", () => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay(), quizTitle: "Lesson 3 quiz" });
    expect(w.get("h2").text()).toBe("Assess the idea of an exported rivalry.");
    expect(w.get(".eyebrow").text()).toContain("Salma");
    expect(w.get(".eyebrow").text()).toContain("Lesson 3 quiz");
    expect(w.get("[data-testid=essay-text]").text()).toBe("The article offers two kinds of evidence.\nFirst, …");
    expect(w.findAll(".rubric__list li").map((li) => li.text())).toEqual(["Uses the article's evidencePoints: 2", "Separates fact from possibilityPoints: 4"]);
    const input = w.get("[data-testid=grade-score]");
    expect(input.attributes()).toMatchObject({ type: "number", min: "0", max: "6", step: "0.5" });
    expect(w.get(`label[for="${input.attributes("id")}"]`).text()).toBe("Score (0 to 6)");
  });

  it("should emit the grade with a half-point score and the comment", async () => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay() });
    await grade(w, "4.5", "Good use of the evidence; say what is only possible.");
    expect(w.emitted("grade")).toEqual([[{ responseId: "r-1", score: 4.5, comment: "Good use of the evidence; say what is only possible." }]]);
    expect(w.find("[data-testid=grade-score-error]").exists()).toBe(false);
  });

  it("should accept the full marks and zero, with an empty comment", async () => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay() });
    await grade(w, "6");
    await grade(w, "0");
    expect(w.emitted("grade")).toEqual([[{ responseId: "r-1", score: 6, comment: "" }], [{ responseId: "r-1", score: 0, comment: "" }]]);
  });

  it.each([
    ["", "Enter a score."],
    ["6.5", "The score must be between 0 and 6."],
    ["-1", "The score must be between 0 and 6."],
    ["2.25", "Use steps of 0.5, like 3 or 3.5."],
  ])("should not emit for the score %j and say why next to the field", async (score, message) => {
    const w = mountWith(ClassroomEssayGradeForm, { essay: essay() });
    await grade(w, score);
    expect(w.emitted("grade")).toBeUndefined();
    const input = w.get("[data-testid=grade-score]");
    expect(input.attributes("aria-invalid")).toBe("true");
    expect(w.get("[data-testid=grade-score-error]").text()).toBe(message);
    expect(input.attributes("aria-describedby")).toContain(w.get("[data-testid=grade-score-error]").attributes("id"));
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
    expect(w.get("[data-testid=grade-submit]").text()).toBe("احفظ الدرجة");
    expect(w.get(".rubric__title").text()).toBe("ما الذي سيُقيَّم");
  });
});
