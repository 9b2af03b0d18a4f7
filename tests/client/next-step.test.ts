// @vitest-environment happy-dom
/**
 * Issue 14 point 6 and the rest of point 1 on the client: home's next step and its reason (next-step.ts and
 * CourseNextStep.vue), a review session's "when they come back" (review-words.ts), the tools on home, and the
 * right answer and evidence of items a practice attempt left unanswered (QuizSkippedFeedback in QuizResults).
 */
import { afterEach, describe, expect, it } from "vitest";
import { flushPromises, mount, RouterLinkStub } from "@vue/test-utils";
import urql from "@urql/vue";
import { chooseNextStep } from "../../client/src/composables/next-step.js";
import type { NextStep, StepObjective } from "../../client/src/composables/next-step.js";
import { calendarDays, comeBack, relativeDays } from "../../client/src/quiz/review-words.js";
import CourseNextStep from "../../client/src/components/course/CourseNextStep.vue";
import CourseTools from "../../client/src/components/course/CourseTools.vue";
import QuizResults from "../../client/src/components/quiz/QuizResults.vue";
import type { AttemptFieldsFragment } from "../../client/src/gql/graphql.js";
import { createAppI18n } from "../../client/src/i18n/index.js";
import type { AppLocale } from "../../client/src/i18n/index.js";
import { fakeGraphql } from "./fake-graphql.js";
import { mountWith, quizItem } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const L1 = { slug: "l1", title: "Lesson one" };
const L2 = { slug: "l2", title: "Lesson two" };
const L3 = { slug: "l3", title: "Lesson three" };
const lessons = [L1, L2, L3];
const obj = (objectiveId: string, lessonSlug: string, level: string, fraction: number): StepObjective => ({ objectiveId, lessonSlug, level, fraction });
const statuses = (m: Record<string, string>) => (slug: string) => m[slug];

describe("chooseNextStep", () => {
  it.each<[string, { status: Record<string, string>; reviewsDue: number; objectives: StepObjective[] }, NextStep]>([
    ["nothing yet: the first lesson", { status: {}, reviewsDue: 0, objectives: [] }, { kind: "start", lesson: L1 }],
    ["a lesson being read comes before a new one", { status: { l1: "COMPLETED", l2: "IN_PROGRESS" }, reviewsDue: 0, objectives: [] }, { kind: "continue", lesson: L2 }],
    ["lesson 1 done: the next lesson, not lesson 1 again", { status: { l1: "COMPLETED" }, reviewsDue: 0, objectives: [] }, { kind: "next", lesson: L2 }],
    ["everything done", { status: { l1: "COMPLETED", l2: "COMPLETED", l3: "COMPLETED" }, reviewsDue: 0, objectives: [] }, { kind: "done" }],
    [
      "due reviews come first, even with a weak objective and a lesson in progress",
      { status: { l1: "IN_PROGRESS" }, reviewsDue: 3, objectives: [obj("o1", "l1", "ATTEMPTED", 0.1)] },
      { kind: "reviews", due: 3 },
    ],
    [
      "then the weakest objective with attempts (lowest mastery), before the next lesson",
      { status: { l1: "COMPLETED" }, reviewsDue: 0, objectives: [obj("o1", "l1", "ATTEMPTED", 0.5), obj("o2", "l2", "ATTEMPTED", 0.4), obj("o3", "l3", "NOT_STARTED", 0)] },
      { kind: "weak", objectiveId: "o2", lesson: L2, fraction: 0.4 },
    ],
    [
      "an objective never answered, or at 70% or more, is not weak",
      { status: { l1: "COMPLETED" }, reviewsDue: 0, objectives: [obj("o1", "l1", "FAMILIAR", 0.7), obj("o3", "l3", "NOT_STARTED", 0)] },
      { kind: "next", lesson: L2 },
    ],
  ])("should pick: %s", (_what, input, expected) => {
    expect(chooseNextStep({ lessons, status: statuses(input.status), reviewsDue: input.reviewsDue, objectives: input.objectives })).toEqual(expected);
  });
});

describe("chooseNextStep with a diagnostic pre-test and a final assessment", () => {
  const PRE = { id: "q-pre", title: "Pre-test" };
  const POST = { id: "q-post", title: "Final" };
  const all = { l1: "COMPLETED", l2: "COMPLETED", l3: "COMPLETED" };
  it.each<[string, { status: Record<string, string>; reviewsDue: number; preTaken: boolean; postTaken: boolean; answered?: boolean }, NextStep]>([
    ["nothing started, pre-test not taken: the pre-test first", { status: {}, reviewsDue: 0, preTaken: false, postTaken: false }, { kind: "pretest", quiz: PRE }],
    ["pre-test taken: the first lesson", { status: {}, reviewsDue: 0, preTaken: true, postTaken: false }, { kind: "start", lesson: L1 }],
    ["a lesson already started: no pre-test any more (it would not measure the start)", { status: { l1: "IN_PROGRESS" }, reviewsDue: 0, preTaken: false, postTaken: false }, { kind: "continue", lesson: L1 }],
    ["an item already answered (no lesson opened): no pre-test any more either", { status: {}, reviewsDue: 0, preTaken: false, postTaken: false, answered: true }, { kind: "start", lesson: L1 }],
    ["due reviews still come first", { status: {}, reviewsDue: 2, preTaken: false, postTaken: false }, { kind: "reviews", due: 2 }],
    ["every lesson read, final not taken: the final", { status: all, reviewsDue: 0, preTaken: true, postTaken: false }, { kind: "final", quiz: POST }],
    ["every lesson read, final taken: done", { status: all, reviewsDue: 0, preTaken: true, postTaken: true }, { kind: "done" }],
  ])("should pick: %s", (_what, input, expected) => {
    const step = chooseNextStep({
      lessons,
      status: statuses(input.status),
      reviewsDue: input.reviewsDue,
      objectives: input.answered ? [obj("o1", "l1", "PROFICIENT", 0.8)] : [],
      diagnostic: { ...PRE, taken: input.preTaken },
      final: { ...POST, taken: input.postTaken },
    });
    expect(step).toEqual(expected);
  });
});

function mountStep(step: NextStep, locale: AppLocale) {
  const fake = fakeGraphql({
    LessonObjectives: () => ({ data: { lesson: { __typename: "Lesson", slug: "l2", objectives: [{ __typename: "Objective", id: "o2", text: locale === "ar" ? "تسمية الفاعلين" : "Name the actors" }] } } }),
  });
  return mount(CourseNextStep, {
    props: { step },
    attachTo: document.body,
    global: { plugins: [createAppI18n(locale), [urql, fake.client]], stubs: { RouterLink: RouterLinkStub } },
  });
}

describe("CourseNextStep", () => {
  it.each<[AppLocale, NextStep, string, string | null]>([
    ["en", { kind: "pretest", quiz: { id: "q-pre", title: "Pre-test" } }, "Before the first lesson: a short pre-test shows where you start.", "/quizzes/q-pre"],
    ["ar", { kind: "final", quiz: { id: "q-post", title: "التقييم الختامي" } }, "اكتملت قراءة الدروس: التقييم الختامي يبيّن مقدار التقدّم.", "/quizzes/q-post"],
    ["en", { kind: "reviews", due: 3 }, "Questions due for review now: 3.", "/review"],
    ["ar", { kind: "reviews", due: 3 }, "أسئلة مستحقة للمراجعة الآن: 3.", "/review"],
    ["en", { kind: "weak", objectiveId: "o2", lesson: L2, fraction: 0.4 }, "Objective “Name the actors” is weak: 40%.", "/lessons/l2"],
    ["ar", { kind: "weak", objectiveId: "o2", lesson: L2, fraction: 0.4 }, "الهدف «تسمية الفاعلين» ما زال ضعيفًا: 40%.", "/lessons/l2"],
    ["en", { kind: "next", lesson: L2 }, "Next lesson.", "/lessons/l2"],
    ["ar", { kind: "next", lesson: L2 }, "الدرس التالي.", "/lessons/l2"],
    ["en", { kind: "done" }, "You have completed every lesson. Review what you learned or retake a quiz.", null],
  ])("should word the reason in %s: %j", async (locale, step, reason, href) => {
    const w = mountStep(step, locale);
    await flushPromises();
    // Arabic percentages carry direction marks (U+200E) around the sign.
    expect(w.get("[data-testid=next-step-reason]").text().replace(/[\u200e\u200f\u061c]/g, "")).toBe(reason);
    const link = w.findAllComponents(RouterLinkStub).find((l) => l.attributes("data-testid") === "continue-link");
    expect(link?.props("to") ?? null).toBe(href);
  });
});

describe("comeBack", () => {
  const now = new Date(2026, 4, 1, 10, 0);
  const day = (n: number, h = 9) => new Date(2026, 4, 1 + n, h, 0);

  it.each([
    ["every answer missed: all in the next session", [now, now, now], [{ key: "review.back.missed", n: 3 }]],
    ["all right on one day", [day(3), day(3, 20)], [{ key: "review.back.day", days: 3 }]],
    ["mixed, spread over days", [now, day(1), day(4)], [{ key: "review.back.missed", n: 1 }, { key: "review.back.range", first: 1, last: 4 }]],
    ["nothing answered", [], []],
  ])("should say: %s", (_what, dues, expected) => {
    expect(comeBack(dues as Date[], now)).toEqual(expected);
  });

  it("should count calendar days, not 24-hour spans", () => {
    expect(calendarDays(new Date(2026, 4, 2, 1, 0), new Date(2026, 4, 1, 23, 0))).toBe(1);
  });

  it("should word the days in both languages", () => {
    expect(relativeDays("en", 1)).toBe("tomorrow");
    expect(relativeDays("en", 3)).toBe("in 3 days");
    expect(relativeDays("ar", 1)).toBe("غدًا");
    expect(relativeDays("ar", 3)).toMatch(/3/);
    const { t } = createAppI18n("en").global;
    expect(t("review.back.day", { when: relativeDays("en", 3) })).toBe("Questions answered right come back in 3 days.");
  });
});

describe("home tools", () => {
  it.each<[AppLocale, string[]]>([
    ["en", ["Search", "Map", "Timeline"]],
    ["ar", ["بحث", "الخريطة", "الخط الزمني"]],
  ])("should link search, the actor map and the timeline in %s", (locale, labels) => {
    const w = mountWith(CourseTools, {}, locale);
    const links = w.findAllComponents(RouterLinkStub);
    expect(links.map((l) => [l.props("to"), l.text()])).toEqual([
      ["/search", labels[0]],
      ["/actors", labels[1]],
      ["/timeline", labels[2]],
    ]);
  });
});

describe("skipped practice items in the results", () => {
  const ans = (choiceIds: string[]) => ({ choiceIds, text: null, sequence: null, pairs: null });
  const attempt = (): AttemptFieldsFragment => ({
    id: "a1",
    quizId: "fq",
    mode: "PRACTICE",
    state: "FINISHED",
    locale: "EN",
    startedAt: "2025-03-01T10:00:00.000Z",
    finishedAt: "2025-03-01T10:12:00.000Z",
    deadline: null,
    score: 0,
    maxScore: 2,
    feedbackAvailable: true,
    items: [quizItem("SINGLE_CHOICE", { id: "i1" }), quizItem("SINGLE_CHOICE", { id: "i2" })],
    responses: [],
    skipped: [
      { itemId: "i1", rightAnswer: ans(["q.c"]), feedback: { explanation: "Because of c.", evidence: [{ lessonSlug: "fx-lesson-a", paragraphId: "fx-a-p3", text: "Paragraph three." }] } },
      { itemId: "i2", rightAnswer: null, feedback: null },
    ],
  });

  it("should show a skipped item's right answer, explanation and evidence link, and say when a guarded one's come", () => {
    const w = mountWith(QuizResults, { attempt: attempt() });
    const [open, guarded] = w.findAll("[data-testid=skipped-feedback]");
    expect(open.get("[data-testid=right-answer]").text()).toBe("text c");
    expect(open.get("[data-testid=explanation]").text()).toBe("Because of c.");
    const link = w.findAllComponents(RouterLinkStub).find((l) => l.attributes("data-testid") === "evidence-link");
    expect(link?.props("to")).toBe("/lessons/fx-lesson-a#fx-a-p3");
    expect(guarded.find("[data-testid=right-answer]").exists()).toBe(false);
    expect(guarded.get("[data-testid=key-later]").text()).toContain("also in the assessment");
  });
});
