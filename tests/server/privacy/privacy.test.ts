/** Privacy: a learner exports all their data and deletes their account; nothing personal remains. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rightAnswerInput } from "../../helpers/answers.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { hasEssay, lessonOf, paragraphIds, quizWhere } from "../../helpers/course-lookup.js";
import type { LessonFile } from "../../../server/src/content/content.schema.js";
import { ANSWER, CONTROL, JOIN, QUIZ as LIVE_QUIZ, START_LIVE } from "../live/live-helpers.js";

let server: TestServer;
let me: Learner;
let teacher: Learner;
let classId: string;
let QUIZ: string;
let lesson: LessonFile;

beforeAll(async () => {
  server = await startTestServer();
  const quiz = quizWhere(server.app.store.content, "no essay", (q) => !hasEssay(q));
  QUIZ = quiz.id;
  lesson = lessonOf(server.app.store.content, quiz);
  teacher = await server.instructor();
  const room = (await teacher.gql(`mutation { createClassroom(name: "P") { id joinCode } }`)).body.data.createClassroom;
  classId = room.id;
  me = await server.learner("Zainab");
  await me.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: room.joinCode });
  await me.gql(`mutation($input: LessonProgressInput!) { recordLessonProgress(input: $input) { status } }`, { input: { lessonSlug: lesson.slug, paragraphId: paragraphIds(lesson)[1] } });
  const a = (await me.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
  for (const item of server.app.store.quizFile(QUIZ)!.items) await me.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
  await me.gql(FINISH, { id: a.id });
  await me.gql(START, { quizId: QUIZ, mode: "PRACTICE" });
});
afterAll(async () => server.stop());

const stats = async () =>
  (await teacher.gql(`query($id: ID!) { classroom(id: $id) { itemStats(quizId: "${QUIZ}") { itemId attempts facilityIndex } } }`, { id: classId })).body.data.classroom.itemStats;

describe("privacy", () => {
  it("should export everything the module holds about the learner as JSON", async () => {
    const res = await me.gql(`{ exportMyData }`);
    const data = JSON.parse(res.body.data.exportMyData);
    expect(data.user).toMatchObject({ email: me.email.toLowerCase(), displayName: "Zainab", role: "LEARNER" });
    expect(data.attempts).toHaveLength(2);
    expect(data.responses.length).toBe(server.app.store.quizFile(QUIZ)!.items.length);
    expect(data.responses[0].answer).toBeTypeOf("object");
    expect(data.lessonProgress[0]).toMatchObject({ lessonSlug: lesson.slug, lastParagraphId: paragraphIds(lesson)[1] });
    expect(data.classes).toEqual([expect.objectContaining({ name: "P" })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(data.sessions)).not.toMatch(/"id"/); // session ids (hashes) are not handed out
  });

  it("should export the learner's live session answers, and flag live responses", async () => {
    const item = (id: string) => server.app.store.item(id)!.item;
    const s = (await teacher.gql(START_LIVE, { i: { classroomId: classId, quizId: LIVE_QUIZ } })).body.data.startLiveSession;
    await me.gql(JOIN, { c: s.code });
    const shown = (await teacher.gql(CONTROL, { s: s.id, a: "SHOW_NEXT" })).body.data.liveControl;
    await teacher.gql(CONTROL, { s: s.id, a: "START_TIMER", sec: 30 });
    const ack = await me.gql(ANSWER, { s: s.id, i: shown.item.id, c: randomUUID(), a: rightAnswerInput(item(shown.item.id), server.app.store.ids) });
    expect(ack.body.data.submitLiveAnswer.submitted).toBe(true);
    await teacher.gql(CONTROL, { s: s.id, a: "END" });
    const data = JSON.parse((await me.gql(`{ exportMyData }`)).body.data.exportMyData);
    expect(data.liveAnswers).toHaveLength(1);
    expect(data.liveAnswers[0]).toMatchObject({ sessionId: s.id, sessionCode: s.code, quizId: LIVE_QUIZ, itemId: shown.item.id, status: "GRADED", correct: true });
    expect(data.liveAnswers[0].answer).toMatchObject(rightAnswerInput(item(shown.item.id), server.app.store.ids));
    expect(data.responses.filter((r: { live: boolean }) => r.live)).toEqual([expect.objectContaining({ itemId: shown.item.id, attemptId: null })]);
    expect(data.responses.filter((r: { live: boolean }) => !r.live)).toHaveLength(server.app.store.quizFile(QUIZ)!.items.length);
  });

  it("should refuse deletion with a wrong password and change nothing", async () => {
    const res = await me.gql(`mutation { deleteMyAccount(password: "wrong one") }`);
    expect(res.body.errors?.[0].extensions?.code).toBe("auth/invalid_credentials");
    expect((await me.gql(`{ me { id } }`)).body.data.me.id).toBe(me.id);
  });

  it("should delete the account: no table holds the id or the email, sessions die, class statistics keep the answers", async () => {
    const before = await stats();
    const liveBefore = await server.sql(`SELECT a.id, a."sessionId" FROM live_answer a JOIN live_participant p ON p.id = a."participantId" WHERE p."userId" = ? ORDER BY a.id`, [me.id]);
    expect(liveBefore.length).toBeGreaterThan(0);
    const res = await me.gql(`mutation { deleteMyAccount(password: "correct horse battery") }`);
    expect(res.body.data.deleteMyAccount).toBe(true);
    expect((await me.gql(`{ me { id } }`)).body.data.me).toBeNull();

    const tables = await server.tables();
    const hits: string[] = [];
    for (const name of tables) {
      const rows: Record<string, unknown>[] = await server.sql(`SELECT * FROM "${name}"`);
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (text.includes(me.id) || text.toLowerCase().includes(me.email.toLowerCase()) || text.includes("Zainab")) hits.push(`${name}: ${text.slice(0, 120)}`);
      }
    }
    expect(hits).toEqual([]);
    expect(await stats()).toEqual(before);
    // The live answers stay in their sessions' reports, under a participant with no nickname of theirs.
    const liveAfter = await server.sql(`SELECT a.id, a."sessionId", p.nickname FROM live_answer a JOIN live_participant p ON p.id = a."participantId" WHERE a.id IN (${liveBefore.map(() => "?").join(", ")}) ORDER BY a.id`, liveBefore.map((r: { id: string }) => r.id));
    expect(liveAfter).toEqual(liveBefore.map((r: { id: string; sessionId: string }) => ({ ...r, nickname: "—" })));
    const signIn = await server.gql(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email: me.email, password: "correct horse battery" } });
    expect(signIn.body.errors?.[0].extensions?.code).toBe("auth/invalid_credentials");
  });

  it("should not let instructors delete themselves (an administrator does)", async () => {
    const res = await teacher.gql(`mutation { deleteMyAccount(password: "correct horse battery") }`);
    expect(res.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
