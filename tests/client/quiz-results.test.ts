// @vitest-environment happy-dom
/** A closed attempt's results: shown as the review policy allows, explained when they are not. */
import { afterEach, describe, expect, it } from "vitest";
import QuizResults from "../../client/src/components/quiz/QuizResults.vue";
import type { AttemptFieldsFragment, QuizSettingsFieldsFragment } from "../../client/src/gql/graphql.js";
import { mountWith, quizItem } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const settings = (over: Partial<QuizSettingsFieldsFragment> = {}): QuizSettingsFieldsFragment => ({
  maxAttempts: 1,
  timeLimitMinutes: null,
  gradingMethod: "FIRST",
  reviewPolicy: "AFTER_CLOSE",
  closesAt: "2027-06-30T23:59:59.000Z",
  ...over,
});

function attempt(over: Partial<AttemptFieldsFragment> = {}): AttemptFieldsFragment {
  return {
    id: "a1",
    quizId: "fq-c",
    mode: "ASSESSMENT",
    state: "FINISHED",
    locale: "EN",
    startedAt: "2025-03-01T10:00:00.000Z",
    finishedAt: "2025-03-01T10:12:00.000Z",
    deadline: null,
    score: null,
    maxScore: null,
    feedbackAvailable: false,
    skipped: [],
    items: [quizItem("SINGLE_CHOICE")],
    responses: [
      {
        id: "r1",
        itemId: "q",
        status: "ANSWERED",
        rubricMarks: null,
        score: null,
        maxScore: 1,
        correct: null,
        spellingNote: null,
        answeredAt: "2025-03-01T10:05:00.000Z",
        answer: { choiceIds: ["q.a"], text: null, sequence: null, pairs: null },
        rightAnswer: null,
        feedback: null,
      },
    ],
    ...over,
  };
}

describe("QuizResults", () => {
  it("should say when results come for a quiz reviewed after it closes, and show no score or answer", () => {
    const w = mountWith(QuizResults, { attempt: attempt(), settings: settings() });
    expect(w.get("[data-testid=policy-note]").text()).toMatch(/^Results are shown after the quiz closes, on .*2027/);
    expect(w.find("[data-testid=score]").exists()).toBe(false);
    expect(w.find("[data-testid=feedback]").exists()).toBe(false);
  });

  it("should say results are never shown under NEVER", () => {
    const w = mountWith(QuizResults, { attempt: attempt(), settings: settings({ reviewPolicy: "NEVER", closesAt: null }) }, "ar");
    expect(w.get("[data-testid=policy-note]").text()).toBe("لا تُعرض نتائج هذا التقييم على المتعلّمين، لكن درجتك تُسجَّل.");
  });

  it("should show the score and each answer's feedback once available", () => {
    const graded = attempt({
      feedbackAvailable: true,
      score: 1,
      maxScore: 2,
      responses: [
        {
          ...attempt().responses[0],
          status: "GRADED",
          score: 1,
          correct: true,
          rightAnswer: { choiceIds: ["q.a"], text: null, sequence: null, pairs: null },
          feedback: { explanation: "Because.", comment: null, evidence: [] },
        },
      ],
    });
    const w = mountWith(QuizResults, { attempt: graded, settings: settings({ reviewPolicy: "AFTER_FINISH", closesAt: null }) });
    expect(w.get("[data-testid=score]").text()).toContain("1 of 2 points");
    expect(w.get("[data-testid=feedback]").attributes("data-verdict")).toBe("correct");
    expect(w.text()).toContain("text a");
  });
});
