/**
 * The learner's loop over real HTTP: sign up, read, practice with immediate grading, take an assessment,
 * see its score only as the policy allows, and find progress, mastery and reviews again after a restart.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { ATTEMPT, FINISH, MY_PROGRESS, RECORD, REVIEW_QUEUE, START, SUBMIT, SUBMIT_REVIEW } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import type { QuizFile } from "../../../server/src/content/content.schema.js";
import { hasEssay, hasPools, lessonOf, paragraphIds, quizWhere } from "../../helpers/course-lookup.js";

// From the content a test server serves (the fixture course): a lesson read and practised (its quiz has no essay
// and no pools, so every answer is graded at once), a timed AFTER_FINISH quiz for the assessment, and a lesson
// left alone.
const content = await fixtureContent();
const autoGraded = (q: QuizFile) => !hasEssay(q) && !hasPools(q);
const PRACTISED = lessonOf(content, quizWhere(content, "no essay and no pools", autoGraded));
const ASSESSED = lessonOf(content, quizWhere(content, "a time limit, AFTER_FINISH, no essay, no pools, in another lesson", (q) =>
  q.lesson !== PRACTISED.slug && autoGraded(q) && q.settings.timeLimitMinutes !== undefined && q.settings.reviewPolicy === "AFTER_FINISH"));
const UNTOUCHED = content.lessons.find((l) => l.slug !== PRACTISED.slug && l.slug !== ASSESSED.slug)!;
const [P1, , P3] = paragraphIds(PRACTISED);

let dataDir: string;
let server: TestServer;
const clock = new ManualClock("2026-05-01T08:00:00Z");
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "flow-"));
  server = await startTestServer({ dataDir, clock });
});
afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const quizOf = (slug: string) => server.app.store.content.quizzes.find((q) => q.lesson === slug)!;

describe("a learner's loop", () => {
  let me: Learner;
  let practiceAttemptId: string;

  it("should sign up as a learner and read a lesson", async () => {
    me = await server.learner("amina");
    const who = await me.gql(`{ me { id displayName role locale email } }`);
    expect(who.body.data.me).toMatchObject({ displayName: "amina", role: "LEARNER", locale: "AR", email: me.email });
    const r1 = await me.gql(RECORD, { input: { lessonSlug: PRACTISED.slug, paragraphId: P1 } });
    expect(r1.body.data.recordLessonProgress).toMatchObject({ status: "IN_PROGRESS", lastParagraphId: P1, paragraphsSeen: 1, timeSpentSeconds: 0 });
    clock.advance(90_000);
    const r2 = await me.gql(RECORD, { input: { lessonSlug: PRACTISED.slug, paragraphId: P3 } });
    expect(r2.body.data.recordLessonProgress).toMatchObject({ lastParagraphId: P3, paragraphsSeen: 2, timeSpentSeconds: 90 });
    clock.advance(3_600_000); // an hour away counts as the 5-minute cap
    const r3 = await me.gql(RECORD, { input: { lessonSlug: PRACTISED.slug, completed: true } });
    expect(r3.body.data.recordLessonProgress).toMatchObject({ status: "COMPLETED", lastParagraphId: P3, timeSpentSeconds: 390 });
  });

  it("should reject progress for a paragraph that is not in the lesson", async () => {
    const r = await me.gql(RECORD, { input: { lessonSlug: PRACTISED.slug, paragraphId: paragraphIds(ASSESSED)[0] } });
    expect(r.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("should grade practice at once, keeping the key, explanation and evidence of assessment items for later", async () => {
    const quiz = quizOf(PRACTISED.slug);
    const start = await me.gql(START, { quizId: quiz.id, mode: "PRACTICE" });
    const attempt = start.body.data.startAttempt;
    practiceAttemptId = attempt.id;
    expect(attempt).toMatchObject({ mode: "PRACTICE", state: "IN_PROGRESS", deadline: null, feedbackAvailable: true });
    expect(attempt.items).toHaveLength(quiz.items.length);

    const item = quiz.items.find((i) => i.type === "SINGLE_CHOICE")!;
    const wrong = (await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: wrongAnswerInput(item, server.app.store.ids) } })).body.data.submitAnswer;
    expect(wrong).toMatchObject({ status: "GRADED", score: 0, correct: false, maxScore: item.points });
    // The assessment asks this item too (today's content has no pools): its key waits for the assessment's
    // results (key-leak.test.ts shows it arriving once they are out).
    expect(wrong).toMatchObject({ rightAnswer: null, feedback: null });

    // Answering again replaces the earlier answer.
    const right = (await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } })).body.data.submitAnswer;
    expect(right).toMatchObject({ id: wrong.id, score: item.points, correct: true });
    const again = (await me.gql(START, { quizId: quiz.id, mode: "PRACTICE" })).body.data.startAttempt;
    expect(again.id).toBe(attempt.id); // the open attempt is returned, not a new one
    expect(again.responses).toHaveLength(1);
  });

  it("should answer every item right in practice and finish with full marks bar the essay", async () => {
    const quiz = quizOf(PRACTISED.slug);
    for (const item of quiz.items) {
      const r = await me.gql(SUBMIT, { input: { attemptId: practiceAttemptId, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
      expect(r.body.errors, item.id).toBeUndefined();
      expect(r.body.data.submitAnswer.correct, item.id).toBe(true);
    }
    const done = (await me.gql(FINISH, { id: practiceAttemptId })).body.data.finishAttempt;
    const total = quiz.items.reduce((s, i) => s + i.points, 0);
    expect(done).toMatchObject({ state: "FINISHED", score: total, maxScore: total });
  });

  it("should keep assessment results hidden until the attempt is finished (AFTER_FINISH)", async () => {
    const quiz = quizOf(ASSESSED.slug);
    expect(quiz.settings.reviewPolicy).toBe("AFTER_FINISH");
    const attempt = (await me.gql(START, { quizId: quiz.id, mode: "ASSESSMENT" })).body.data.startAttempt;
    expect(attempt.deadline).toBe(new Date(clock.now().getTime() + quiz.settings.timeLimitMinutes! * 60_000).toISOString());
    expect(attempt.feedbackAvailable).toBe(false);
    const [first, ...rest] = quiz.items;
    const hidden = (await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: first.id, answer: wrongAnswerInput(first, server.app.store.ids) } })).body.data.submitAnswer;
    expect(hidden).toMatchObject({ status: "ANSWERED", score: null, correct: null, rightAnswer: null, feedback: null });
    for (const item of rest) await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
    const during = (await me.gql(ATTEMPT, { id: attempt.id })).body.data.attempt;
    expect(during).toMatchObject({ state: "IN_PROGRESS", score: null, feedbackAvailable: false });
    expect(during.responses.every((r: any) => r.correct === null && r.feedback === null)).toBe(true);
    const progressDuring = (await me.gql(MY_PROGRESS)).body.data.myProgress;
    expect(progressDuring.lessons.find((l: any) => l.lessonSlug === ASSESSED.slug).bestScore).toBeNull();

    const done = (await me.gql(FINISH, { id: attempt.id })).body.data.finishAttempt;
    const total = quiz.items.reduce((s, i) => s + i.points, 0);
    expect(done).toMatchObject({ state: "FINISHED", feedbackAvailable: true, score: total - first.points, maxScore: total });
    expect(done.responses.find((r: any) => r.itemId === first.id)).toMatchObject({ correct: false, score: 0 });
    expect(done.responses.find((r: any) => r.itemId === first.id).feedback.explanation).toBe(first.explanation.ar);
  });

  it("should refuse an answer to a finished attempt and change nothing", async () => {
    const quiz = quizOf(ASSESSED.slug);
    const list = await server.sql(`SELECT id FROM attempt WHERE "userId" = ? AND "quizId" = ? AND state = 'FINISHED'`, [me.id, quiz.id]);
    const before = await server.sql(`SELECT * FROM response WHERE "attemptId" = ? ORDER BY "itemId"`, [list[0].id]);
    const r = await me.gql(SUBMIT, { input: { attemptId: list[0].id, itemId: quiz.items[0].id, answer: rightAnswerInput(quiz.items[0], server.app.store.ids) } });
    expect(r.body.errors?.[0].extensions?.code).toBe("attempt/closed");
    expect(await server.sql(`SELECT * FROM response WHERE "attemptId" = ? ORDER BY "itemId"`, [list[0].id])).toEqual(before);
  });

  it("should show progress, mastery and due reviews, and keep them across a restart", async () => {
    const before = (await me.gql(MY_PROGRESS)).body.data.myProgress;
    const l1 = before.lessons.find((l: any) => l.lessonSlug === PRACTISED.slug);
    const l2 = before.lessons.find((l: any) => l.lessonSlug === ASSESSED.slug);
    expect(l1).toMatchObject({ status: "COMPLETED", lastParagraphId: P3, bestScore: null });
    const assessed = quizOf(ASSESSED.slug);
    const total = assessed.items.reduce((s, i) => s + i.points, 0);
    expect(l2.bestScore).toBeCloseTo((total - assessed.items[0].points) / total, 4); // all right but the first
    expect(l2.bestScore).toBeLessThan(1);
    expect(l2.assessmentAttemptsUsed).toBe(1);
    const levels = new Map(before.objectives.map((o: any) => [o.objectiveId, o.level]));
    expect(levels.get(PRACTISED.objectives[0].id)).toBe("PROFICIENT"); // every item right in practice
    expect(levels.get(UNTOUCHED.objectives[0].id)).toBe("NOT_STARTED");
    expect(before.reviewsDue).toBeGreaterThanOrEqual(1); // the missed assessment item is due at once

    await server.stop();
    server = await startTestServer({ dataDir, clock });
    me = server.rebind(me);
    const after = (await me.gql(MY_PROGRESS)).body.data.myProgress;
    expect(after).toEqual(before);
  });

  it("should serve due reviews and reschedule them when answered", async () => {
    const english = await me.gql(`{ reviewQueue(limit: 1, locale: EN) { prompt } }`);
    expect(english.body.data.reviewQueue[0].prompt).not.toMatch(/[\u0600-\u06FF]/);
    const queueRes = await me.gql(REVIEW_QUEUE, { limit: 50 });
    expect(queueRes.body.errors).toBeUndefined();
    const queue = queueRes.body.data.reviewQueue;
    expect(queue.length).toBeGreaterThanOrEqual(1);
    const due = queue[0];
    const item = server.app.store.item(due.id)!.item;
    const r = (await me.gql(SUBMIT_REVIEW, { input: { itemId: due.id, answer: rightAnswerInput(item, server.app.store.ids) } })).body.data.submitReview;
    expect(r).toMatchObject({ itemId: due.id, status: "GRADED", correct: true });
    expect(r.feedback.explanation.length).toBeGreaterThan(0);
    const next = (await me.gql(REVIEW_QUEUE, { limit: 50 })).body.data.reviewQueue;
    expect(next.map((i: any) => i.id)).not.toContain(due.id);
    clock.advance(29 * 24 * 3600 * 1000); // four weeks later (the 30-day session still valid) it is due again
    const laterRes = await me.gql(REVIEW_QUEUE, { limit: 100 });
    expect(laterRes.body.errors).toBeUndefined();
    const later = laterRes.body.data.reviewQueue;
    expect(later.map((i: any) => i.id)).toContain(due.id);
  });
});
