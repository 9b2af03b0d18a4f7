// @vitest-environment happy-dom
/** The feedback view and the question card around the inputs. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { RouterLinkStub } from "@vue/test-utils";
import QuizFeedback from "../../client/src/components/quiz/QuizFeedback.vue";
import QuizItemCard from "../../client/src/components/quiz/QuizItemCard.vue";
import type { ItemResponseFieldsFragment } from "../../client/src/gql/graphql.js";
import { mountWith, quizItem } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

function response(over: Partial<ItemResponseFieldsFragment> = {}): ItemResponseFieldsFragment {
  return {
    
    id: "r1",
    itemId: "q",
    status: "GRADED",
    score: 0,
    maxScore: 1,
    correct: false,
    spellingNote: null,
    answeredAt: "2025-03-01T10:00:00.000Z",
    answer: { choiceIds: ["q.b"], text: null, sequence: null, pairs: null },
    rightAnswer: { choiceIds: ["q.c"], text: null, sequence: null, pairs: null },
    rubricMarks: null,
    feedback: {
      
      explanation: "The article says so in its first part.",
      comment: null,
      evidence: [{ lessonSlug: "fx-lesson-a", paragraphId: "fx-a-p2", text: "Two brigadier generals co-chaired the meeting." }],
    },
    ...over,
  };
}

describe("QuizFeedback", () => {
  it("should say a hand-graded essay is graded, with its total and each criterion's mark and comment", () => {
    const essay = response({
      status: "GRADED",
      score: 4.5,
      maxScore: 6,
      correct: false,
      rightAnswer: null,
      rubricMarks: [
        { criterionId: "c1", criterion: "Uses the evidence", points: 2, score: 2, comment: null },
        { criterionId: "c2", criterion: "Separates fact from possibility", points: 4, score: 2.5, comment: "Say what is only possible." },
      ],
    });
    const w = mountWith(QuizFeedback, { item: quizItem("ESSAY"), response: essay, lang: "en" });
    expect(w.get("[data-testid=feedback]").attributes("data-verdict")).toBe("graded");
    expect(w.get("[data-testid=graded-total]").text()).toBe("Graded: 4.5 of 6");
    expect(w.text()).not.toContain("Partly correct");
    const marks = w.findAll("[data-testid=rubric-marks] li");
    expect(marks.map((m) => m.get("strong").text())).toEqual(["2 of 2", "2.5 of 4"]);
    expect(marks[1].get(".feedback__mark-comment").text()).toBe("Say what is only possible.");
    const ar = mountWith(QuizFeedback, { item: quizItem("ESSAY"), response: essay, lang: "ar" }, "ar");
    expect(ar.get("[data-testid=graded-total]").text()).toContain("قُيِّمت");
  });


  it("should say a wrong answer is wrong in words, mark the options, give the explanation and the evidence with its link", () => {

    const w = mountWith(QuizFeedback, { item: quizItem("SINGLE_CHOICE"), response: response(), lang: "en" });
    expect(w.get("[data-testid=feedback]").attributes("data-verdict")).toBe("incorrect");
    expect(w.text()).toContain("Not correct");
    // The pick marked wrong and the right option marked as missed, in words; the others unmarked.
    expect(w.get("[data-choice='q.b']").attributes("data-mark")).toBe("wrong");
    expect(w.get("[data-choice='q.b']").text()).toContain("Chosen, but wrong");
    expect(w.get("[data-choice='q.c']").attributes("data-mark")).toBe("missed");
    expect(w.get("[data-choice='q.c']").text()).toContain("A right option not chosen");
    expect(w.get("[data-choice='q.a']").attributes("data-mark")).toBe("none");
    expect(w.get("[data-testid=explanation]").text()).toBe("The article says so in its first part.");
    expect(w.get("blockquote").text()).toBe("Two brigadier generals co-chaired the meeting.");
    const link = w.getComponent(RouterLinkStub);
    expect(link.props("to")).toBe("/lessons/fx-lesson-a#fx-a-p2");
    expect(link.text()).toBe("Open the lesson at this paragraph");
  });

  it("should not repeat the right answer after a correct one", () => {
    const w = mountWith(QuizFeedback, { item: quizItem("SINGLE_CHOICE"), response: response({ correct: true, score: 1 }) });
    expect(w.get("[data-testid=feedback]").attributes("data-verdict")).toBe("correct");
    expect(w.text()).toContain("Correct");
    expect(w.find("[data-testid=right-answer]").exists()).toBe(false);
  });

  it("should show partial credit with its points, and an essay as waiting for an instructor", () => {
    const partial = mountWith(QuizFeedback, { item: quizItem("MATCHING"), response: response({ score: 0.67, maxScore: 1 }) });
    expect(partial.text()).toContain("Partly correct: 0.67 out of 1");
    const essay = mountWith(QuizFeedback, {
      item: quizItem("ESSAY"),
      response: response({ status: "PENDING_MANUAL", score: null, correct: null, rightAnswer: null }),
    });
    expect(essay.get("[data-testid=feedback]").attributes("data-verdict")).toBe("pending");
    expect(essay.text()).toContain("Waiting for an instructor to grade it.");
  });

  it("should say when the right answer and explanation come later (an assessment question in practice), in both languages", () => {
    const held = { rightAnswer: null, feedback: null };
    const w = mountWith(QuizFeedback, { item: quizItem("SINGLE_CHOICE"), response: response(held), lang: "en" });
    expect(w.text()).toContain("Not correct");
    expect(w.get("[data-testid=key-later]").text()).toBe(
      "This question is also in the assessment: its right answer and explanation are shown once your assessment results for this quiz are out.",
    );
    expect(w.find("[data-testid=right-answer]").exists()).toBe(false);
    const ar = mountWith(QuizFeedback, { item: quizItem("SINGLE_CHOICE"), response: response({ ...held, correct: true, score: 1 }) }, "ar");
    expect(ar.get("[data-testid=key-later]").text()).toContain("تظهر إجابته الصحيحة وتعليله بعد صدور نتائج تقييمك");
    // With its feedback, or still waiting for an instructor, an answer has no such note.
    expect(mountWith(QuizFeedback, { item: quizItem("SINGLE_CHOICE"), response: response() }).find("[data-testid=key-later]").exists()).toBe(false);
    const essay = mountWith(QuizFeedback, { item: quizItem("ESSAY"), response: response({ status: "PENDING_MANUAL", score: null, correct: null, ...held }) });
    expect(essay.find("[data-testid=key-later]").exists()).toBe(false);
  });

  it("should name the accepted spelling of a short answer accepted one letter off, in both languages, and only then", () => {
    const near = (spellingNote: string | null) =>
      response({ correct: true, score: 1, spellingNote, answer: { choiceIds: null, text: "Frane", sequence: null, pairs: null }, rightAnswer: null });
    const en = mountWith(QuizFeedback, { item: quizItem("SHORT_ANSWER"), response: near("France"), lang: "en" });
    expect(en.get("[data-testid=spelling-note]").text()).toBe("Accepted, but check the spelling: France");
    expect(en.get("[data-testid=spelling-note] bdi").attributes("lang")).toBe("en");
    // Also when the key itself is held back (an assessment question in practice): the note comes with correctness.
    const ar = mountWith(QuizFeedback, { item: quizItem("SHORT_ANSWER"), response: { ...near("الصحراء الغربية"), feedback: null }, lang: "ar" }, "ar");
    expect(ar.get("[data-testid=spelling-note]").text()).toBe("إجابة مقبولة، والإملاء الصحيح: الصحراء الغربية");
    expect(mountWith(QuizFeedback, { item: quizItem("SHORT_ANSWER"), response: near(null) }).find("[data-testid=spelling-note]").exists()).toBe(false);
  });

  it("should speak Arabic in an Arabic interface", () => {
    const w = mountWith(QuizFeedback, { item: quizItem("SINGLE_CHOICE"), response: response() }, "ar");
    expect(w.text()).toContain("إجابة غير صحيحة");
    expect(w.text()).toContain("فتح الدرس عند هذه الفقرة");
  });
});

describe("QuizItemCard", () => {
  it("should in practice enable checking only once answered, then emit the answer to check", async () => {
    const w = mountWith(QuizItemCard, { item: quizItem("SINGLE_CHOICE"), mode: "PRACTICE", index: 0, total: 3 });
    expect(w.text()).toContain("Question 1 of 3");
    const check = w.get("[data-testid=check]");
    expect(check.attributes("disabled")).toBeDefined();
    await w.findAll("input[type=radio]")[0].setValue(true);
    expect(check.attributes("disabled")).toBeUndefined();
    await check.trigger("click");
    expect(w.emitted("check")).toEqual([[{ choiceIds: ["q.a"] }]]);
  });

  it("should in practice show the feedback and lock the inputs once graded", () => {
    const w = mountWith(QuizItemCard, { item: quizItem("SINGLE_CHOICE"), mode: "PRACTICE", index: 0, total: 3, response: response() });
    expect(w.find("[data-testid=feedback]").exists()).toBe(true);
    expect(w.findAll<HTMLInputElement>("input[type=radio]").every((r) => r.element.disabled)).toBe(true);
    expect(w.find("[data-testid=check]").exists()).toBe(false);
  });

  it("should in an assessment save a choice at once and typing after a pause, and never show feedback", async () => {
    vi.useFakeTimers();
    const choice = mountWith(QuizItemCard, { item: quizItem("SINGLE_CHOICE"), mode: "ASSESSMENT", index: 0, total: 3 });
    expect(choice.get("[data-testid=save-state]").text()).toBe("Not answered yet");
    await choice.findAll("input[type=radio]")[1].setValue(true);
    expect(choice.emitted("save")).toEqual([[{ choiceIds: ["q.b"] }]]);

    const short = mountWith(QuizItemCard, { item: quizItem("SHORT_ANSWER"), mode: "ASSESSMENT", index: 1, total: 3, lang: "ar" });
    await short.get("input").setValue("باما");
    await short.get("input").setValue("باماكو");
    expect(short.emitted("save")).toBeUndefined();
    vi.advanceTimersByTime(1000);
    expect(short.emitted("save")).toEqual([[{ text: "باماكو" }]]);

    const answered = mountWith(QuizItemCard, {
      item: quizItem("SINGLE_CHOICE"),
      mode: "ASSESSMENT",
      index: 2,
      total: 3,
      response: response({ status: "ANSWERED", correct: null, score: null, feedback: null, rightAnswer: null }),
      saveState: "saved",
    });
    expect(answered.get("[data-testid=save-state]").text()).toBe("Saved");
    expect(answered.find("[data-testid=feedback]").exists()).toBe(false);
  });

  it("should show the input its type's registry entry names: true/false side by side, single choice stacked", () => {
    const tf = mountWith(QuizItemCard, { item: quizItem("TRUE_FALSE"), mode: "PRACTICE", index: 0, total: 2 });
    expect(tf.get("[role=radiogroup]").classes()).toContain("choices--inline");
    const single = mountWith(QuizItemCard, { item: quizItem("SINGLE_CHOICE"), mode: "PRACTICE", index: 1, total: 2 });
    expect(single.get("[role=radiogroup]").classes()).not.toContain("choices--inline");
    // No keep-the-order offer outside ORDERING.
    expect(mountWith(QuizItemCard, { item: quizItem("MATCHING"), mode: "ASSESSMENT", index: 0, total: 1 }).find("[data-testid=keep-order]").exists()).toBe(false);
  });

  it("should let an assessment keep an ordering's initial order on request", async () => {
    const w = mountWith(QuizItemCard, { item: quizItem("ORDERING"), mode: "ASSESSMENT", index: 0, total: 1 });
    await w.get("[data-testid=keep-order]").trigger("click");
    expect(w.emitted("save")).toEqual([[{ sequence: ["q.e1", "q.e2", "q.e3"] }]]);
  });
});
