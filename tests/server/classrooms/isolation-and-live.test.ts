/**
 * Class isolation (instructor B asks for class A by every path: not found or FORBIDDEN, zero records, nothing
 * changed) and the live feed (graphql-ws): it reaches the right instructor and no other.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rightAnswerInput } from "../../helpers/answers.js";
import { closeLiveClients, listeners as liveListeners, subscribe, wsClient as liveClient } from "../../helpers/live.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, quizWhere } from "../../helpers/course-lookup.js";

let server: TestServer;
let teacherA: Learner;
let teacherB: Learner;
let learnerA: Learner;
let learnerB: Learner;
let classA: { id: string; joinCode: string };
let classB: { id: string; joinCode: string };
let essayResponseId: string;
// From the content a test server serves (the fixture course): a quiz with an essay, and another quiz (the last lesson's).
const content = await fixtureContent();
const QUIZ = quizWhere(content, "an essay", hasEssay).id;
const OTHER_QUIZ = content.lessons[content.lessons.length - 1].quiz;

const CREATE = `mutation($n: String!) { createClassroom(name: $n) { id joinCode } }`;
const JOIN = `mutation($c: String!) { joinClassroom(code: $c) { id } }`;
const wsClient = (token: string | null) => liveClient(server, token);
const listeners = (n: number) => liveListeners(server, n);

beforeAll(async () => {
  server = await startTestServer();
  teacherA = await server.instructor("teacherA");
  teacherB = await server.instructor("teacherB");
  learnerA = await server.learner("learnerA");
  learnerB = await server.learner("learnerB");
  classA = (await teacherA.gql(CREATE, { n: "A" })).body.data.createClassroom;
  classB = (await teacherB.gql(CREATE, { n: "B" })).body.data.createClassroom;
  await learnerA.gql(JOIN, { c: classA.joinCode });
  await learnerB.gql(JOIN, { c: classB.joinCode });
  const quiz = server.app.store.quizFile(QUIZ)!;
  const a = (await learnerA.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
  for (const item of quiz.items) await learnerA.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
  await learnerA.gql(FINISH, { id: a.id });
  essayResponseId = (await server.sql(`SELECT id FROM response WHERE status = 'PENDING_MANUAL' AND "userId" = ?`, [learnerA.id]))[0].id;
});
afterAll(async () => {
  await closeLiveClients();
  await server.stop();
});

describe("class isolation", () => {
  const snapshot = async () => ({
    classA: await server.sql(`SELECT * FROM classroom WHERE id = ?`, [classA.id]),
    members: await server.sql(`SELECT * FROM classroom_member WHERE "classroomId" = ? ORDER BY "userId"`, [classA.id]),
    essay: await server.sql(`SELECT status, score, "graderComment" FROM response WHERE id = ?`, [essayResponseId]),
  });

  it("should give instructor B nothing of class A by any path, and change nothing", async () => {
    const before = await snapshot();
    const paths: [string, string, Record<string, unknown>][] = [
      ["classroom", `query($id: ID!) { classroom(id: $id) { id name joinCode learnerCount learners { id } } }`, { id: classA.id }],
      ["itemStats", `query($id: ID!) { classroom(id: $id) { itemStats(quizId: "${QUIZ}") { itemId attempts } } }`, { id: classA.id }],
      ["progress", `query($id: ID!) { classroom(id: $id) { progress { learner { id } } } }`, { id: classA.id }],
      ["gradebook", `query($id: ID!) { classroom(id: $id) { gradebookCsv } }`, { id: classA.id }],
      ["learner of A through class B", `query($id: ID!, $l: ID!) { classroom(id: $id) { learner(id: $l) { attempts { id } } } }`, { id: classB.id, l: learnerA.id }],
      ["regenerateJoinCode", `mutation($id: ID!) { regenerateJoinCode(classroomId: $id) { joinCode } }`, { id: classA.id }],
      ["removeLearner", `mutation($id: ID!, $l: ID!) { removeLearner(classroomId: $id, learnerId: $l) }`, { id: classA.id, l: learnerA.id }],
      ["gradeEssay", `mutation($r: ID!) { gradeEssay(input: { responseId: $r, score: 6, comment: "x" }) { id } }`, { r: essayResponseId }],
    ];
    for (const [name, doc, vars] of paths) {
      const res = await teacherB.gql(doc, vars);
      expect(res.body.errors?.[0].extensions?.code, name).toBe("classroom/not_found");
      expect(JSON.stringify(res.body.data ?? null), name).not.toMatch(new RegExp(`${learnerA.id}|${classA.joinCode}`));
    }
    const mine = (await teacherB.gql(`{ myClassrooms { id } }`)).body.data.myClassrooms;
    expect(mine).toEqual([{ id: classB.id }]);
    const pendingB = (await teacherB.gql(`query($id: ID!) { classroom(id: $id) { pendingEssays { responseId } } }`, { id: classB.id })).body.data.classroom.pendingEssays;
    expect(pendingB).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("should refuse the class's own learner the instructor's view (FORBIDDEN)", async () => {
    const res = await learnerA.gql(`query($id: ID!) { classroom(id: $id) { id } }`, { id: classA.id });
    expect(res.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const mine = await learnerA.gql(`{ myClassrooms { id name joinCode } }`);
    expect(mine.body.data.myClassrooms).toEqual([{ id: classA.id, name: "A", joinCode: null }]);
    const sneaky = await learnerA.gql(`{ myClassrooms { id learnerCount } }`);
    expect(sneaky.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("live class activity (graphql-ws)", () => {
  it("should push a learner's answers and finished attempts to their class's instructor only", async () => {
    const subA = subscribe(wsClient(teacherA.token), classA.id);
    const subB = subscribe(wsClient(teacherB.token), classB.id);
    await listeners(2);
    const attemptB = (await learnerB.gql(START, { quizId: OTHER_QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    await subB.until(() => subB.events.some((e) => e.type === "ATTEMPT_STARTED"));

    const attempt = (await learnerA.gql(START, { quizId: OTHER_QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    const item = server.app.store.quizFile(OTHER_QUIZ)!.items[0];
    await learnerA.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
    await subA.until(() => subA.events.some((e) => e.type === "ANSWER_SUBMITTED"));
    expect(subA.events.find((e) => e.type === "ANSWER_SUBMITTED")).toMatchObject({ learnerId: learnerA.id, learnerName: "learnerA", quizId: OTHER_QUIZ, itemId: item.id });
    await learnerA.gql(FINISH, { id: attempt.id });
    await subA.until(() => subA.events.some((e) => e.type === "ATTEMPT_FINISHED"));

    // B's feed saw its own learner and nothing of A's.
    await learnerB.gql(FINISH, { id: attemptB.id });
    await subB.until(() => subB.events.some((e) => e.type === "ATTEMPT_FINISHED"));
    expect(subB.events.every((e) => e.learnerId === learnerB.id)).toBe(true);
    expect(subA.events.every((e) => e.learnerId === learnerA.id)).toBe(true);
  });

  it("should push a join to the class's feed", async () => {
    const before = server.app.services.activity.listenerCount;
    const sub = subscribe(wsClient(teacherA.token), classA.id);
    await listeners(before + 1);
    const newcomer = await server.learner("newcomer");
    await newcomer.gql(JOIN, { c: classA.joinCode });
    await sub.until(() => sub.events.some((e) => e.type === "LEARNER_JOINED"));
    expect(sub.events.find((e) => e.type === "LEARNER_JOINED").learnerId).toBe(newcomer.id);
  });

  it("should refuse a subscription to another instructor's class, a learner, an anonymous connection and a forged token", async () => {
    const foreign = subscribe(wsClient(teacherB.token), classA.id);
    await foreign.until(() => foreign.errors.length > 0);
    expect(JSON.stringify(foreign.errors)).toContain("classroom/not_found");
    const learner = subscribe(wsClient(learnerA.token), classA.id);
    await learner.until(() => learner.errors.length > 0);
    expect(JSON.stringify(learner.errors)).toContain("FORBIDDEN");
    const anon = subscribe(wsClient(null), classA.id);
    await anon.until(() => anon.errors.length > 0);
    expect(JSON.stringify(anon.errors)).toContain("UNAUTHENTICATED");
    // A token given explicitly that is no session is refused at connection_init (4403), not taken as anonymous.
    const forged = subscribe(wsClient("nope"), classA.id);
    await forged.until(() => forged.errors.length > 0);
    expect((forged.errors[0] as { code?: number }).code).toBe(4403);
    expect(foreign.events.length + learner.events.length + anon.events.length + forged.events.length).toBe(0);
  });
});
