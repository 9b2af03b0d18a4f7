/**
 * Integrity under concurrency, on both engines: SQLite's single shared connection (every write through the
 * queue, in order) and PostgreSQL's concurrent SERIALIZABLE transactions (collisions run again).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rightAnswerInput } from "../../helpers/answers.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { hasEssay, paragraphIds, quizWhere } from "../../helpers/course-lookup.js";
import { AttemptRow } from "../../../server/src/attempts/attempt.entity.js";

let server: TestServer;
let QUIZ: string;
beforeAll(async () => {
  server = await startTestServer();
  QUIZ = quizWhere(server.app.store.content, "several assessment attempts and no essay", (q) => q.settings.maxAttempts > 1 && !hasEssay(q)).id;
});
afterAll(async () => server.stop());


describe("concurrent writes", () => {
  it("should store all 50 answers sent at once by 50 learners, with no error", async () => {
    const learners: Learner[] = [];
    for (let i = 0; i < 50; i++) learners.push(await server.learner(`c${i}`));
    const attempts = await Promise.all(learners.map((l) => l.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })));
    const item = server.app.store.quizFile(QUIZ)!.items[0];
    const results = await Promise.all(
      learners.map((l, i) => l.gql(SUBMIT, { input: { attemptId: attempts[i].body.data.startAttempt.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } })),
    );
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const ids = attempts.map((a) => a.body.data.startAttempt.id);
    const stored = await server.sql(`SELECT COUNT(*) AS n FROM response WHERE "itemId" = ? AND "attemptId" IN (${ids.map(() => "?").join(",")})`, [item.id, ...ids]);
    expect(Number(stored[0].n)).toBe(50);
  });

  it("should give 20 concurrent finishAttempt calls one graded result", async () => {
    const me = await server.learner();
    const attempt = (await me.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    const quiz = server.app.store.quizFile(QUIZ)!;
    for (const item of quiz.items.slice(0, 5)) await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
    const results = await Promise.all(Array.from({ length: 20 }, () => me.gql(FINISH, { id: attempt.id })));
    const ok = results.filter((r) => !r.body.errors).map((r) => r.body.data.finishAttempt);
    const errors = results.flatMap((r) => r.body.errors ?? []).map((e: any) => e.extensions.code);
    expect(errors.every((c) => c === "attempt/closed")).toBe(true);
    expect(ok.length).toBeGreaterThan(0);
    const expected = quiz.items.slice(0, 5).reduce((s, i) => s + i.points, 0);
    for (const a of ok) expect({ state: a.state, score: a.score, finishedAt: a.finishedAt }).toEqual({ state: "FINISHED", score: expected, finishedAt: ok[0].finishedAt });
    const rows = await server.db.getRepository(AttemptRow).findBy({ id: attempt.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].score).toBe(expected);
  });

  it("should open one attempt when a learner starts the same quiz 10 times at once", async () => {
    const me = await server.learner();
    const results = await Promise.all(Array.from({ length: 10 }, () => me.gql(START, { quizId: QUIZ, mode: "PRACTICE" })));
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.body.data.startAttempt.id)).size).toBe(1);
    expect(await server.db.getRepository(AttemptRow).countBy({ userId: me.id })).toBe(1);
  });

  it("should back one open attempt per learner, quiz and mode with a unique constraint", async () => {
    const me = await server.learner();
    const a = (await me.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    const row = await server.db.getRepository(AttemptRow).findOneByOrFail({ id: a.id });
    const dup = server.db.getRepository(AttemptRow).insert({ ...row, id: "11111111-1111-1111-1111-111111111111" });
    await expect(dup).rejects.toThrow(/UNIQUE|unique/);
  });

  it("should keep every paragraph of a lesson's progress updates sent at once by one learner (no lost update)", async () => {
    const me = await server.learner();
    const lesson = [...server.app.store.content.lessons].sort((a, b) => paragraphIds(b).length - paragraphIds(a).length)[0]; // the longest
    const paragraphs = paragraphIds(lesson);
    expect(paragraphs.length).toBeGreaterThan(5);
    const record = `mutation($i: LessonProgressInput!) { recordLessonProgress(input: $i) { paragraphsSeen } }`;
    const results = await Promise.all(paragraphs.map((p) => me.gql(record, { i: { lessonSlug: lesson.slug, paragraphId: p } })));
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const after = (await me.gql(`{ myProgress { lessons { lessonSlug paragraphsSeen } } }`)).body.data.myProgress.lessons;
    expect(after.find((l: any) => l.lessonSlug === lesson.slug).paragraphsSeen).toBe(paragraphs.length);
  });

  it("should run 50 concurrent writers through the write queue without a failed transaction", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => server.app.writes.run((em) => em.query(`UPDATE content_release SET "itemCount" = "itemCount" WHERE id = ${i % 3}`))),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  });
});
