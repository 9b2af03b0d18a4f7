/** The review-policy matrix, over HTTP, with time moved by an injected clock. */
import { describe, expect, it } from "vitest";
import { feedbackVisible } from "../../../server/src/attempts/review-policy.js";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import { ATTEMPT, FINISH, MY_PROGRESS, REVIEW_QUEUE, START, SUBMIT } from "../../helpers/operations.js";
import { startTestServer } from "../../helpers/test-server.js";

// The fixture course's first quiz (tests/fixtures/course), whose settings each row replaces.
const QUIZ_FILE = "quizzes/01-fx-lesson-a.yaml";
const QUIZ_ID = "fq-a";
const CLOSES = "2026-06-01T00:00:00Z";
// Issue 13: an AFTER_CLOSE quiz closes at most 30 days after it opens.
const OPENS = "2026-05-05T00:00:00Z";

describe("feedbackVisible", () => {
  const before = new Date("2026-05-01T00:00:00Z");
  const after = new Date("2026-07-01T00:00:00Z");
  const closes = new Date(CLOSES);
  const rows: [string, "PRACTICE" | "ASSESSMENT", "IN_PROGRESS" | "FINISHED", "AFTER_FINISH" | "AFTER_CLOSE" | "NEVER", Date, boolean][] = [
    ["practice, in progress", "PRACTICE", "IN_PROGRESS", "NEVER", before, true],
    ["assessment in progress, AFTER_FINISH", "ASSESSMENT", "IN_PROGRESS", "AFTER_FINISH", after, false],
    ["assessment finished, AFTER_FINISH", "ASSESSMENT", "FINISHED", "AFTER_FINISH", before, true],
    ["assessment finished before close, AFTER_CLOSE", "ASSESSMENT", "FINISHED", "AFTER_CLOSE", before, false],
    ["assessment finished after close, AFTER_CLOSE", "ASSESSMENT", "FINISHED", "AFTER_CLOSE", after, true],
    ["assessment finished, NEVER", "ASSESSMENT", "FINISHED", "NEVER", after, false],
  ];
  it.each(rows)("%s → %s", (_n, mode, state, policy, now, visible) => {
    expect(feedbackVisible(mode, state, policy, closes, now)).toBe(visible);
  });
});

describe.each([
  // policy, visible after finishing (before the quiz closes), visible after it closes
  ["AFTER_FINISH", true, true],
  ["AFTER_CLOSE", false, true],
  ["NEVER", false, false],
] as const)("review policy %s over HTTP", (policy, afterFinish, afterClose) => {
  it(`should hide results during the attempt, ${afterFinish ? "show" : "hide"} them after finishing, ${afterClose ? "show" : "hide"} them after closing`, async () => {
    const dir = await contentWith(QUIZ_FILE, (d) => {
      d.settings = { maxAttempts: 2, gradingMethod: "HIGHEST", reviewPolicy: policy, opensAt: OPENS, closesAt: CLOSES, timeLimitMinutes: 30 };
    });
    const content = await loadContent(dir);
    const clock = new ManualClock("2026-05-10T09:00:00Z");
    const server = await startTestServer({ content, clock });
    try {
      const me = await server.learner();
      const quiz = content.quizzes.find((q) => q.id === QUIZ_ID)!;
      const attempt = (await me.gql(START, { quizId: QUIZ_ID, mode: "ASSESSMENT" })).body.data.startAttempt;
      const [missed, ...rest] = quiz.items;
      await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: missed.id, answer: wrongAnswerInput(missed, server.app.store.ids) } });
      for (const item of rest) await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });

      const shown = (a: any) => a.score !== null && a.feedbackAvailable && a.responses.every((r: any) => r.correct !== null && r.feedback !== null);
      const hidden = (a: any) =>
        a.score === null && !a.feedbackAvailable && a.responses.every((r: any) => r.correct === null && r.score === null && r.rightAnswer === null && r.feedback === null && r.status === "ANSWERED");

      expect(hidden((await me.gql(ATTEMPT, { id: attempt.id })).body.data.attempt)).toBe(true);
      const finished = (await me.gql(FINISH, { id: attempt.id })).body.data.finishAttempt;
      expect(finished.state).toBe("FINISHED");
      expect((afterFinish ? shown : hidden)(finished)).toBe(true);
      const progress1 = (await me.gql(MY_PROGRESS)).body.data.myProgress;
      expect(progress1.lessons[0].bestScore === null).toBe(!afterFinish);
      expect(progress1.reviewsDue > 0).toBe(afterFinish); // the missed item is due only once visible

      clock.set("2026-06-02T00:00:00Z");
      const later = (await me.gql(ATTEMPT, { id: attempt.id })).body.data.attempt;
      expect((afterClose ? shown : hidden)(later)).toBe(true);
      const progress2 = (await me.gql(MY_PROGRESS)).body.data.myProgress;
      expect(progress2.lessons[0].bestScore === null).toBe(!afterClose);
      const queue = (await me.gql(REVIEW_QUEUE, { limit: 50 })).body.data.reviewQueue.map((i: any) => i.id);
      expect(queue.includes(missed.id)).toBe(afterClose);

      // Once the quiz has closed, no new assessment attempt starts.
      const again = await me.gql(START, { quizId: QUIZ_ID, mode: "ASSESSMENT" });
      expect(again.body.errors?.[0].extensions?.code).toBe("attempt/closed");
    } finally {
      await server.stop();
    }
  });
});

describe("time limits", () => {
  it("should finish an assessment at its deadline with the answers given, whatever the client does", async () => {
    const clock = new ManualClock("2026-05-10T09:00:00Z");
    const server = await startTestServer({ clock });
    try {
      const me = await server.learner();
      const quiz = server.app.store.quizFile(QUIZ_ID)!;
      const attempt = (await me.gql(START, { quizId: QUIZ_ID, mode: "ASSESSMENT" })).body.data.startAttempt;
      const deadline = new Date(attempt.deadline);
      expect(deadline.getTime() - clock.now().getTime()).toBe(quiz.settings.timeLimitMinutes! * 60_000);
      const item = quiz.items[0];
      await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
      clock.advance(60_000);
      const during = (await me.gql(ATTEMPT, { id: attempt.id })).body.data.attempt;
      expect(during.secondsLeft).toBe(quiz.settings.timeLimitMinutes! * 60 - 60); // by the server's clock
      clock.advance(quiz.settings.timeLimitMinutes! * 60_000 - 60_000 + 1);
      const late = await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: quiz.items[1].id, answer: rightAnswerInput(quiz.items[1], server.app.store.ids) } });
      expect(late.body.errors?.[0].extensions?.code).toBe("attempt/closed");
      const after = (await me.gql(ATTEMPT, { id: attempt.id })).body.data.attempt;
      expect(after.state).toBe("FINISHED");
      expect(after.finishedAt).toBe(deadline.toISOString());
      expect(after.score).toBe(item.points);
      expect(after.responses).toHaveLength(1);
      expect(after.secondsLeft).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it("should close overdue attempts in the background sweep too", async () => {
    const clock = new ManualClock("2026-05-10T09:00:00Z");
    const server = await startTestServer({ clock });
    try {
      const me = await server.learner();
      const attempt = (await me.gql(START, { quizId: QUIZ_ID, mode: "ASSESSMENT" })).body.data.startAttempt;
      expect(await server.app.services.attempts.expireOverdue()).toBe(0);
      clock.advance(24 * 3600 * 1000);
      expect(await server.app.services.attempts.expireOverdue()).toBe(1);
      const rows = await server.sql(`SELECT state, "openKey" FROM attempt WHERE id = ?`, [attempt.id]);
      expect(rows[0]).toEqual({ state: "FINISHED", openKey: null });
    } finally {
      await server.stop();
    }
  });
});

describe("attempt limits", () => {
  it("should allow maxAttempts assessment attempts and then refuse with attempt/max_reached", async () => {
    const server = await startTestServer({ clock: new ManualClock("2026-05-10T09:00:00Z") });
    try {
      const me = await server.learner();
      const max = server.app.store.quizFile(QUIZ_ID)!.settings.maxAttempts;
      for (let i = 0; i < max; i++) {
        const a = (await me.gql(START, { quizId: QUIZ_ID, mode: "ASSESSMENT" })).body.data.startAttempt;
        await me.gql(FINISH, { id: a.id });
      }
      const over = await me.gql(START, { quizId: QUIZ_ID, mode: "ASSESSMENT" });
      expect(over.body.errors?.[0].extensions?.code).toBe("attempt/max_reached");
      // Practice stays unlimited.
      expect((await me.gql(START, { quizId: QUIZ_ID, mode: "PRACTICE" })).body.errors).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});
