/**
 * Two server instances on one PostgreSQL database, as behind a load balancer without sticky sessions: a
 * session made on A works on B; an answer sent through A reaches the instructor's live feed on B; a sign-out
 * on A ends the session on B at once and closes its sockets on B; failed sign-ins count across both; writes that
 * race through both instances keep one outcome; both serve the same option ids.
 *
 * Both instances run on a manual clock that never moves, so B's in-memory session cache never expires by
 * time: only the cluster bus (LISTEN/NOTIFY) can make B forget a session.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import { closeLiveClients, listeners, rawSocket, subscribe, wsClient } from "../../helpers/live.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, quizWhere } from "../../helpers/course-lookup.js";

let a: TestServer;
let b: TestServer;
let teacherOnB: Learner;
let classroom: { id: string; joinCode: string };
// A quiz with an essay, from the content a test server serves (the fixture course).
const QUIZ = quizWhere(await fixtureContent(), "an essay", hasEssay).id;

beforeAll(async () => {
  const clock = new ManualClock("2026-11-29T09:00:00Z");
  a = await startTestServer({ clock });
  b = await startTestServer({ clock, databaseUrl: a.databaseUrl });
  const teacher = await a.instructor("teacher");
  teacherOnB = b.rebind(teacher);
  classroom = (await teacherOnB.gql(`mutation { createClassroom(name: "Two instances") { id joinCode } }`)).body.data.createClassroom;
});
afterAll(async () => {
  await closeLiveClients();
  await b?.stop();
  await a?.stop();
});

describe("two server instances on one PostgreSQL", () => {
  it("should run both on the same database", () => {
    expect(a.databaseUrl).toMatch(/^postgres/);
    expect(b.databaseUrl).toBe(a.databaseUrl);
    expect(a.url).not.toBe(b.url);
  });

  it("should give the same opaque option ids on both (one secret in the shared database), so an answer built on A grades on B", async () => {
    const items = async (server: TestServer) => (await server.gql<any>(`{ quiz(id: "${QUIZ}") { items { id choices { id text } targets { id text } } } }`)).body.data!.quiz.items;
    const onA = await items(a);
    expect(await items(b)).toEqual(onA);
    expect(onA.flatMap((i: { choices: unknown[] }) => i.choices).length).toBeGreaterThan(10);
    const learner = await a.learner("Nour");
    const attempt = (await b.rebind(learner).gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    const sc = a.app.store.quizFile(QUIZ)!.items.find((i) => i.type === "SINGLE_CHOICE")!;
    const r = await b.rebind(learner).gql(SUBMIT, { input: { attemptId: attempt.id, itemId: sc.id, answer: rightAnswerInput(sc, a.app.store.ids) } });
    expect(r.body.data.submitAnswer.correct).toBe(true);
  });

  it("should accept on B a session made on A", async () => {
    const onA = await a.learner("Salma");
    const me = await b.rebind(onA).gql(`{ me { id displayName } }`);
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data.me).toEqual({ id: onA.id, displayName: "Salma" });
  });

  it("should push an answer sent through A to the instructor's live feed on B", async () => {
    const learnerOnA = await a.learner("Idriss");
    await learnerOnA.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: classroom.joinCode });
    const feed = subscribe(wsClient(b, teacherOnB.token), classroom.id);
    await listeners(b, 1);
    expect(a.app.services.activity.listenerCount).toBe(0); // nobody listens on A: the event must cross over

    const attempt = (await learnerOnA.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    const item = a.app.store.quizFile(QUIZ)!.items[0];
    const sent = await learnerOnA.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: rightAnswerInput(item, a.app.store.ids) } });
    expect(sent.body.errors).toBeUndefined();

    await feed.until(() => feed.events.some((e) => e.type === "ANSWER_SUBMITTED"));
    expect(feed.events.find((e) => e.type === "ANSWER_SUBMITTED")).toMatchObject({ learnerId: learnerOnA.id, learnerName: "Idriss", quizId: QUIZ, itemId: item.id });
    expect(feed.errors).toEqual([]);
  });

  it("should end on B, without waiting, a session signed out on A", async () => {
    const onA = await a.learner("Nadia");
    const onB = b.rebind(onA);
    expect((await onB.gql(`{ me { id } }`)).body.data.me).toEqual({ id: onA.id }); // now cached in B's memory
    expect((await onA.gql(`mutation { signOut }`)).body.data.signOut).toBe(true);
    // The clock does not move, so only the bus's message can clear B's cache; wait for it (10 s guard).
    const started = Date.now();
    let me: unknown = { id: onA.id };
    while (me !== null && Date.now() - started < 10_000) me = (await onB.gql(`{ me { id } }`)).body.data.me;
    expect(me).toBeNull();
  });

  it("should close on B the live sockets of a session signed out on A, and of an account deleted on A", async () => {
    const teacher = await a.instructor("Rania");
    const room = (await teacher.gql(`mutation { createClassroom(name: "Closing") { id } }`)).body.data.createClassroom;
    const before = b.app.services.activity.listenerCount;
    const socket = rawSocket(b, { token: teacher.token });
    expect(await socket.init()).toBe("ack");
    socket.subscribe("1", `subscription($c: ID!) { classroomActivity(classroomId: $c) { type } }`, { c: room.id });
    await listeners(b, before + 1);
    expect((await teacher.gql(`mutation { signOut }`)).body.data.signOut).toBe(true);
    expect((await socket.closing()).code).toBe(4401); // 10 s guard: only the bus's message can tell B
    const started = Date.now();
    while (b.app.services.activity.listenerCount > before && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 5));
    expect(b.app.services.activity.listenerCount).toBe(before);

    const learner = await a.learner("Amal");
    const learnerSocket = rawSocket(b, { token: learner.token });
    expect(await learnerSocket.init()).toBe("ack");
    expect((await learner.gql(`mutation { deleteMyAccount(password: "correct horse battery") }`)).body.errors).toBeUndefined();
    expect((await learnerSocket.closing()).code).toBe(4401);
  });

  it("should throttle an account by its failures through both instances together", async () => {
    const { email } = await a.learner("Hajar");
    const signIn = (server: TestServer, password: string) =>
      server.gql<any>(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email, password } });
    for (let i = 0; i < 6; i++) expect((await signIn(i % 2 ? a : b, "wrong")).body.errors?.[0].extensions?.code).toBe("auth/invalid_credentials");
    // 3 failures on each instance: each alone would be under the 5 free ones; together they lock the account.
    for (const server of [a, b]) expect((await signIn(server, "correct horse battery")).body.errors?.[0].extensions?.code).toBe("auth/rate_limited");
  });

  it("should keep one outcome when the same attempt is answered and finished through both instances at once", async () => {
    const onA = await a.learner("Youssef");
    const onB = b.rebind(onA);
    const attempt = (await onA.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    const items = a.app.store.quizFile(QUIZ)!.items;
    const answers = await Promise.all(
      items.map((item, i) => (i % 2 === 0 ? onA : onB).gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: rightAnswerInput(item, a.app.store.ids) } })),
    );
    expect(answers.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const finishes = await Promise.all([onA.gql(FINISH, { id: attempt.id }), onB.gql(FINISH, { id: attempt.id }), onA.gql(FINISH, { id: attempt.id })]);
    const results = finishes.map((r) => r.body.data?.finishAttempt);
    expect(finishes.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => JSON.stringify([r.state, r.score, r.maxScore, r.finishedAt]))).size).toBe(1);
    const stored = await a.sql(`SELECT COUNT(*) AS n FROM response WHERE "attemptId" = ?`, [attempt.id]);
    expect(Number(stored[0].n)).toBe(items.length);
    // One finished attempt counted once in the class-independent read model.
    const best = await a.sql(`SELECT attempts FROM quiz_best WHERE "userId" = ? AND "quizId" = ?`, [onA.id, QUIZ]);
    expect(best.map((r) => Number(r.attempts))).toEqual([1]);
  });
});
