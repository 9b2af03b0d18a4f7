// @vitest-environment happy-dom
/**
 * Feedback that shows what went wrong, and results that land on the score (issue 14 points 1 and 2): marks
 * per option, pair and place in words, partial credit explained, focus moved to the feedback after a check,
 * the results' summary, and the theme choice (point 8).
 */
import { afterEach, describe, expect, it } from "vitest";
import { nextTick } from "vue";
import { RouterLinkStub } from "@vue/test-utils";
import QuizFeedback from "../../client/src/components/quiz/QuizFeedback.vue";
import QuizItemCard from "../../client/src/components/quiz/QuizItemCard.vue";
import QuizResults from "../../client/src/components/quiz/QuizResults.vue";
import type { AttemptFieldsFragment, ItemResponseFieldsFragment } from "../../client/src/gql/graphql.js";
import { chooseTheme, currentTheme, initTheme, storedTheme } from "../../client/src/theme.js";
import { mountWith, quizItem } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
});

function response(over: Partial<ItemResponseFieldsFragment> = {}): ItemResponseFieldsFragment {
  return {
    id: "r1",
    itemId: "q",
    status: "GRADED",
    score: 0,
    maxScore: 1,
    correct: false,
    answeredAt: "2025-03-01T10:00:00.000Z",
    spellingNote: null,
    rubricMarks: null,
    answer: { choiceIds: null, text: null, sequence: null, pairs: null },
    rightAnswer: null,
    feedback: { explanation: "Because.", comment: null, evidence: [{ lessonSlug: "fx-lesson-a", paragraphId: "fx-a-p2", text: "The paragraph." }] },
    ...over,
  };
}
const ans = (a: Partial<ItemResponseFieldsFragment["answer"]>) => ({ choiceIds: null, text: null, sequence: null, pairs: null, ...a });

describe("feedback part by part", () => {
  it("should mark a multiple-choice answer option by option and explain its partial score in words, in English and Arabic", () => {
    const r = response({ score: 0.33, maxScore: 1, answer: ans({ choiceIds: ["q.a", "q.c", "q.d"] }), rightAnswer: ans({ choiceIds: ["q.a", "q.b", "q.c"] }) });
    const w = mountWith(QuizFeedback, { item: quizItem("MULTIPLE_CHOICE"), response: r, lang: "en" });
    expect(w.get("[data-testid=feedback]").attributes("data-verdict")).toBe("partial");
    expect(w.findAll("[data-testid=choice-marks] li").map((li) => li.attributes("data-mark"))).toEqual(["right", "missed", "right", "wrong"]);
    expect(w.get("[data-choice='q.d']").text()).toContain("Chosen, but wrong");
    expect(w.get("[data-testid=partial-why]").text()).toBe(
      "2 of the 3 right options chosen, and each wrong choice (1) cancels one: (2 − 1) ÷ 3. So the score is 0.33 of 1.",
    );
    const ar = mountWith(QuizFeedback, { item: quizItem("MULTIPLE_CHOICE"), response: r, lang: "ar" }, "ar");
    expect(ar.get("[data-testid=partial-why]").text()).toContain("الخيارات الصحيحة المختارة 2 من 3");
    expect(ar.get("[data-choice='q.d']").text()).toContain("اختيار خاطئ");
    // The option's text carries its own language and direction.
    expect(ar.get("[data-choice='q.d'] [lang]").attributes()).toMatchObject({ lang: "ar", dir: "rtl" });
  });

  it("should flag the wrong pairs of a matching answer with the right partner", () => {
    const r = response({
      score: 0.33,
      answer: ans({ pairs: [{ leftId: "q.l1", rightId: "q.r1" }, { leftId: "q.l2", rightId: "q.r3" }] }),
      rightAnswer: ans({ pairs: [{ leftId: "q.l1", rightId: "q.r1" }, { leftId: "q.l2", rightId: "q.r2" }, { leftId: "q.l3", rightId: "q.r3" }] }),
    });
    const w = mountWith(QuizFeedback, { item: quizItem("MATCHING"), response: r, lang: "en" });
    expect(w.findAll("[data-testid=pair-marks] li").map((li) => li.attributes("data-ok"))).toEqual(["true", "false", "false"]);
    expect(w.get("[data-left='q.l2']").text()).toBe("✗Wrong pairtext l2Paired with: text r3Right partner: text r2");
    expect(w.get("[data-left='q.l3']").text()).toContain("Not paired");
    expect(w.get("[data-testid=partial-why]").text()).toBe("1 of 3 pairs right. So the score is 0.33 of 1.");
  });

  it("should show the right order numbered, each event with the place it was given", () => {
    const r = response({ score: 0.5, answer: ans({ sequence: ["q.e2", "q.e1", "q.e3"] }), rightAnswer: ans({ sequence: ["q.e1", "q.e2", "q.e3"] }) });
    const w = mountWith(QuizFeedback, { item: quizItem("ORDERING"), response: r, lang: "en" });
    const rows = w.findAll("[data-testid=order-marks] li");
    expect(w.get("[data-testid=order-marks]").element.tagName).toBe("OL");
    expect(rows.map((li) => li.text())).toEqual([
      "1✗Belongs in place 1; put in place 2text e1",
      "2✗Belongs in place 2; put in place 1text e2",
      "3✓In place 3, as it should betext e3",
    ]);
    expect(w.get("[data-testid=partial-why]").text()).toBe("The longest run in the right order is 2 of 3: (2 − 1) ÷ (3 − 1). So the score is 0.5 of 1.");
  });

  it("should move focus to the feedback once a practice answer has been checked", async () => {
    const w = mountWith(QuizItemCard, { item: quizItem("SINGLE_CHOICE"), mode: "PRACTICE", index: 0, total: 1 });
    await w.findAll("input[type=radio]")[1].setValue(true);
    (w.get("[data-testid=check]").element as HTMLElement).focus();
    await w.setProps({ response: response({ answer: ans({ choiceIds: ["q.b"] }), rightAnswer: ans({ choiceIds: ["q.a"] }) }) });
    await nextTick();
    expect(document.activeElement).toBe(w.get("[data-testid=feedback]").element);
  });
});

describe("results summary", () => {
  const attempt = (): AttemptFieldsFragment => ({
    id: "a1",
    quizId: "fq",
    mode: "PRACTICE",
    state: "FINISHED",
    locale: "EN",
    startedAt: "2025-03-01T10:00:00.000Z",
    finishedAt: "2025-03-01T10:12:00.000Z",
    deadline: null,
    score: 1,
    maxScore: 3,
    feedbackAvailable: true,
    skipped: [],
    items: [quizItem("SINGLE_CHOICE", { id: "i1", objectiveIds: ["o1"] }), quizItem("SINGLE_CHOICE", { id: "i2", objectiveIds: ["o2"] }), quizItem("SINGLE_CHOICE", { id: "i3", objectiveIds: ["o2"] })],
    responses: [
      response({ id: "r1", itemId: "i1", score: 1, correct: true, answer: ans({ choiceIds: ["q.a"] }), rightAnswer: ans({ choiceIds: ["q.a"] }) }),
      response({ id: "r2", itemId: "i2", answer: ans({ choiceIds: ["q.b"] }), rightAnswer: ans({ choiceIds: ["q.a"] }) }),
    ],
  });

  it("should count the outcomes, name the weakest objective in its words and link the paragraphs to re-read", () => {
    const w = mountWith(QuizResults, { attempt: attempt(), objectives: new Map([["o2", "Name the actors"]]) });
    expect(w.findAll("[data-testid=summary] li").map((li) => li.text())).toEqual(["Correct: 1", "Partly correct: 0", "Wrong: 1", "Skipped: 1"]);
    expect(w.get("[data-testid=weakest]").text()).toBe("Weakest objective: Name the actors (0% of its points)");
    const links = w.findAllComponents(RouterLinkStub).filter((l) => (l.element as HTMLElement).closest("[data-testid=reread]"));
    expect(links.map((l) => [l.props("to"), l.text()])).toEqual([["/lessons/fx-lesson-a#fx-a-p2", "The paragraph."]]);
    expect(w.get("[data-testid=results-heading]").attributes("tabindex")).toBe("-1");
  });

  it("should speak Arabic in an Arabic interface", () => {
    const w = mountWith(QuizResults, { attempt: attempt() }, "ar");
    expect(w.get("[data-testid=summary]").text()).toContain("بلا إجابة: 1");
    expect(w.text()).toContain("إعادة قراءة هذه الفقرات");
  });
});

describe("theme", () => {
  it("should follow the system until the learner chooses, then remember the choice", () => {
    const dark = { matches: true, addEventListener: () => undefined };
    const original = window.matchMedia;
    window.matchMedia = (() => dark) as unknown as typeof window.matchMedia;
    try {
      initTheme();
      expect(document.documentElement.dataset.theme).toBe("dark");
      expect(storedTheme()).toBeNull();
      chooseTheme("light");
      expect(currentTheme.value).toBe("light");
      expect(document.documentElement.dataset.theme).toBe("light");
      expect(storedTheme()).toBe("light");
      initTheme();
      expect(document.documentElement.dataset.theme).toBe("light");
    } finally {
      window.matchMedia = original;
    }
  });
});
