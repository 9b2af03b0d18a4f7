/**
 * Every query and mutation run as anonymous, as the owning learner and as another learner: nobody reads or
 * changes another learner's attempts or progress, and someone else's attempt answers exactly as a missing one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rightAnswerInput } from "../../helpers/answers.js";
import { START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { paragraphIds } from "../../helpers/course-lookup.js";

let server: TestServer;
let owner: Learner;
let other: Learner;
let attemptId: string;
// The content a test server serves (the fixture course): its first lesson and quiz, and its last lesson.
const content = await fixtureContent();
const FIRST = content.lessons[0];
const LAST = content.lessons[content.lessons.length - 1];
const QUIZ = FIRST.quiz;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.learner("owner");
  other = await server.learner("other");
  attemptId = (await owner.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt.id;
  const item = server.app.store.quizFile(QUIZ)!.items[0];
  await owner.gql(SUBMIT, { input: { attemptId, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
  await owner.gql(`mutation { recordLessonProgress(input: { lessonSlug: "${FIRST.slug}", paragraphId: "${paragraphIds(FIRST)[1]}" }) { status } }`);
});
afterAll(async () => server.stop());

type Who = "anonymous" | "owner" | "other";
interface Case {
  field: string;
  doc: () => string;
  vars?: () => Record<string, unknown>;
  /** What each caller gets: an error code, or "ok". */
  expect: Record<Who, string>;
}

const item = () => server.app.store.quizFile(QUIZ)!.items[0];
const cases: Case[] = [
  { field: "course", doc: () => `{ course { title } }`, expect: { anonymous: "ok", owner: "ok", other: "ok" } },
  { field: "lesson", doc: () => `{ lesson(slug: "${LAST.slug}") { slug } }`, expect: { anonymous: "ok", owner: "ok", other: "ok" } },
  { field: "quiz", doc: () => `{ quiz(id: "${QUIZ}") { id } }`, expect: { anonymous: "ok", owner: "ok", other: "ok" } },
  { field: "me", doc: () => `{ me { id } }`, expect: { anonymous: "ok", owner: "ok", other: "ok" } },
  { field: "search", doc: () => `{ search(query: "x") { total } }`, expect: { anonymous: "ok", owner: "ok", other: "ok" } },
  { field: "actorMap", doc: () => `{ actorMap { actors { id } } }`, expect: { anonymous: "ok", owner: "ok", other: "ok" } },
  { field: "courseTimeline", doc: () => `{ courseTimeline { events { id } } }`, expect: { anonymous: "ok", owner: "ok", other: "ok" } },
  { field: "attempt", doc: () => `{ attempt(id: "${attemptId}") { id responses { id } } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "attempt/not_found" } },
  { field: "myProgress", doc: () => `{ myProgress { reviewsDue } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  { field: "myGains", doc: () => `{ myGains { preTaken overall { pre post } } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  { field: "reviewQueue", doc: () => `{ reviewQueue { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  { field: "myOpenAttempts", doc: () => `{ myOpenAttempts(quizId: "${QUIZ}") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  {
    field: "signUp",
    doc: () => `mutation($e: String!) { signUp(input: { email: $e, password: "long enough pw", displayName: "n" }) { token } }`,
    vars: () => ({ e: `u${Math.random()}@example.test` }),
    expect: { anonymous: "ok", owner: "ok", other: "ok" },
  },
  { field: "signIn", doc: () => `mutation { signIn(input: { email: "nobody@example.test", password: "whatever1" }) { token } }`, expect: { anonymous: "auth/invalid_credentials", owner: "auth/invalid_credentials", other: "auth/invalid_credentials" } },
  { field: "setLocale", doc: () => `mutation { setLocale(locale: AR) { locale } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  {
    field: "recordLessonProgress",
    doc: () => `mutation { recordLessonProgress(input: { lessonSlug: "${LAST.slug}", paragraphId: "${paragraphIds(LAST)[0]}" }) { status } }`,
    expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" },
  },
  { field: "startAttempt", doc: () => `mutation { startAttempt(quizId: "${QUIZ}", mode: PRACTICE) { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  {
    field: "submitAnswer",
    doc: () => SUBMIT,
    vars: () => ({ input: { attemptId, itemId: item().id, answer: rightAnswerInput(item(), server.app.store.ids) } }),
    expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "attempt/not_found" },
  },
  {
    field: "submitReview",
    doc: () => `mutation($input: ReviewAnswerInput!) { submitReview(input: $input) { id } }`,
    vars: () => ({ input: { itemId: item().id, answer: rightAnswerInput(item(), server.app.store.ids) } }),
    expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "item/not_in_quiz" },
  },
  // Instructor operations are closed to learners (the instructor side has its own isolation test).
  { field: "myClassrooms", doc: () => `{ myClassrooms { id name joinCode } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  { field: "classroom", doc: () => `{ classroom(id: "00000000-0000-0000-0000-000000000000") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "createClassroom", doc: () => `mutation { createClassroom(name: "x") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  {
    field: "renameClassroom",
    doc: () => `mutation { renameClassroom(classroomId: "00000000-0000-0000-0000-000000000000", name: "x") { id } }`,
    expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" },
  },
  // The first fixture quiz offers no hints: its owner is told so, anyone else does not learn the attempt exists.
  {
    field: "takeHint",
    doc: () => `mutation { takeHint(attemptId: "${attemptId}", itemId: "${item().id}") { used } }`,
    expect: { anonymous: "UNAUTHENTICATED", owner: "hint/not_available", other: "attempt/not_found" },
  },
  { field: "regenerateJoinCode", doc: () => `mutation { regenerateJoinCode(classroomId: "x") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "removeLearner", doc: () => `mutation { removeLearner(classroomId: "x", learnerId: "y") }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "gradeEssay", doc: () => `mutation { gradeEssay(input: { responseId: "x", score: 1 }) { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  // Assignments: a learner reads only what their own classes assigned them; the instructor's side is closed.
  { field: "myAssignments", doc: () => `{ myAssignments { id state } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  { field: "classAssignments", doc: () => `{ classAssignments(classroomId: "x") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  {
    field: "createAssignment",
    doc: () => `mutation { createAssignment(input: { classroomId: "x", kind: QUIZ, targetId: "${QUIZ}", opensAt: "2026-01-01T00:00:00Z", dueAt: "2026-02-01T00:00:00Z", latePolicy: ACCEPT }) { id } }`,
    expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" },
  },
  {
    field: "updateAssignment",
    doc: () => `mutation { updateAssignment(id: "x", terms: { opensAt: "2026-01-01T00:00:00Z", dueAt: "2026-02-01T00:00:00Z", latePolicy: ACCEPT }) { id } }`,
    expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" },
  },
  { field: "deleteAssignment", doc: () => `mutation { deleteAssignment(id: "x") }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "setClassroomTimeZone", doc: () => `mutation { setClassroomTimeZone(classroomId: "x", timeZone: "UTC") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "joinClassroom", doc: () => `mutation { joinClassroom(code: "not a code") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "classroom/bad_code", other: "classroom/bad_code" } },
  { field: "exportMyData", doc: () => `{ exportMyData }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  {
    field: "deleteMyAccount",
    doc: () => `mutation { deleteMyAccount(password: "not the password") }`,
    expect: { anonymous: "UNAUTHENTICATED", owner: "auth/invalid_credentials", other: "auth/invalid_credentials" },
  },
  // Destructive ones last: abandon/finish close the owner's attempt.
  { field: "abandonAttempt", doc: () => `mutation { abandonAttempt(attemptId: "${attemptId}") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "skip", other: "attempt/not_found" } },
  { field: "finishAttempt", doc: () => `mutation { finishAttempt(attemptId: "${attemptId}") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "attempt/not_found" } },
  // Instructors' and live operations, called by learners and the anonymous (ids that name nothing, or the learner's own notes).
  { field: "classroomLiveSessions", doc: () => `{ classroomLiveSessions(classroomId: "00000000-0000-0000-0000-000000000000") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "classroom/not_found", other: "classroom/not_found" } },
  { field: "gradebookExport", doc: () => `{ gradebookExport(classroomId: "00000000-0000-0000-0000-000000000000") { base64 } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "itemBankExport", doc: () => `{ itemBankExport(quizId: "${QUIZ}", format: QTI3) { base64 } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "liveSession", doc: () => `{ liveSession(id: "00000000-0000-0000-0000-000000000000") { id } }`, expect: { anonymous: "live/not-found", owner: "live/not-found", other: "live/not-found" } },
  { field: "liveSessionByCode", doc: () => `{ liveSessionByCode(code: "ZZZZZZ") { sessionId } }`, expect: { anonymous: "live/not-found", owner: "live/not-found", other: "live/not-found" } },
  { field: "liveSessionReport", doc: () => `{ liveSessionReport(id: "00000000-0000-0000-0000-000000000000") { items { itemId } } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "live/not-found", other: "live/not-found" } },
  { field: "liveSessionReportCsv", doc: () => `{ liveSessionReportCsv(id: "00000000-0000-0000-0000-000000000000") }`, expect: { anonymous: "UNAUTHENTICATED", owner: "live/not-found", other: "live/not-found" } },
  { field: "ltiClassStatus", doc: () => `{ ltiClassStatus(classroomId: "00000000-0000-0000-0000-000000000000") { canSyncRoster } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "myNotes", doc: () => `{ myNotes { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  { field: "responsesExport", doc: () => `{ responsesExport(classroomId: "00000000-0000-0000-0000-000000000000", quizId: "${QUIZ}") { base64 } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "acceptCoInstructorInvite", doc: () => `mutation { acceptCoInstructorInvite(token: "nope") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "addCoInstructor", doc: () => `mutation { addCoInstructor(classroomId: "00000000-0000-0000-0000-000000000000", email: "a@b.test") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "archiveClassroom", doc: () => `mutation { archiveClassroom(classroomId: "00000000-0000-0000-0000-000000000000") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "createCoInstructorInvite", doc: () => `mutation { createCoInstructorInvite(classroomId: "00000000-0000-0000-0000-000000000000") { expiresAt } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "deleteClassroom", doc: () => `mutation { deleteClassroom(classroomId: "00000000-0000-0000-0000-000000000000", confirmName: "x") }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "deleteNote", doc: () => `mutation { deleteNote(id: "00000000-0000-0000-0000-000000000000") }`, expect: { anonymous: "UNAUTHENTICATED", owner: "ok", other: "ok" } },
  { field: "joinLiveSession", doc: () => `mutation { joinLiveSession(code: "ZZZZZZ", nickname: "n") { id } }`, expect: { anonymous: "live/not-found", owner: "live/not-found", other: "live/not-found" } },
  { field: "liveControl", doc: () => `mutation { liveControl(sessionId: "00000000-0000-0000-0000-000000000000", action: END) { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "live/not-found", other: "live/not-found" } },
  { field: "removeCoInstructor", doc: () => `mutation { removeCoInstructor(classroomId: "00000000-0000-0000-0000-000000000000", userId: "00000000-0000-0000-0000-000000000000") }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "saveNote", doc: () => `mutation { saveNote(input: { id: "00000000-0000-0000-0000-000000000000", paragraphId: "no-such-paragraph", language: AR, body: "x" }) { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "content/not_found", other: "content/not_found" } },
  { field: "setLiveLeaderboard", doc: () => `mutation { setLiveLeaderboard(sessionId: "00000000-0000-0000-0000-000000000000", on: true) { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "live/not-found", other: "live/not-found" } },
  { field: "livePracticeItems", doc: () => `{ livePracticeItems(classroomId: "00000000-0000-0000-0000-000000000000", quizId: "${QUIZ}") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "classroom/not_found", other: "classroom/not_found" } },
  { field: "startLiveSession", doc: () => `mutation { startLiveSession(input: { classroomId: "00000000-0000-0000-0000-000000000000", quizId: "${QUIZ}" }) { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "classroom/not_found", other: "classroom/not_found" } },
  { field: "submitLiveAnswer", doc: () => `mutation { submitLiveAnswer(sessionId: "00000000-0000-0000-0000-000000000000", itemId: "x", clientAnswerId: "11111111-1111-4111-8111-111111111111", answer: { text: "x" }) { submitted } }`, expect: { anonymous: "live/not-found", owner: "live/not-found", other: "live/not-found" } },
  { field: "syncLtiRoster", doc: () => `mutation { syncLtiRoster(classroomId: "00000000-0000-0000-0000-000000000000") { active } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "transferClassroom", doc: () => `mutation { transferClassroom(classroomId: "00000000-0000-0000-0000-000000000000", userId: "00000000-0000-0000-0000-000000000000") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "unarchiveClassroom", doc: () => `mutation { unarchiveClassroom(classroomId: "00000000-0000-0000-0000-000000000000") { id } }`, expect: { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", other: "FORBIDDEN" } },
  { field: "signOut", doc: () => `mutation { signOut }`, expect: { anonymous: "ok", owner: "skip", other: "ok" } },
];

describe("authorization matrix", () => {
  // These run first, while both learners are signed in; the matrix below ends by signing them out.
  it("should show another learner nothing of the owner's progress", async () => {
    const res = await other.gql(`{ myProgress { lessons { lessonSlug status lastParagraphId } objectives { objectiveId level } } }`);
    const l1 = res.body.data.myProgress.lessons.find((l: any) => l.lessonSlug === FIRST.slug);
    expect(l1).toEqual({ lessonSlug: FIRST.slug, status: "NOT_STARTED", lastParagraphId: null });
    expect(res.body.data.myProgress.objectives.every((o: any) => o.level === "NOT_STARTED")).toBe(true);
  });

  it("should answer a missing attempt and someone else's attempt identically", async () => {
    const missing = await other.gql(`{ attempt(id: "00000000-0000-0000-0000-000000000000") { id } }`);
    const foreign = await other.gql(`{ attempt(id: "${attemptId}") { id } }`);
    const strip = (r: any) => r.body.errors.map((e: any) => ({ message: e.message, code: e.extensions.code }));
    expect(strip(foreign)).toEqual(strip(missing));
  });

  it("should treat a forged or unknown bearer token as anonymous", async () => {
    const res = await server.gql(`{ myProgress { reviewsDue } }`, {}, { authorization: "Bearer forged-token" });
    expect(res.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("should cover every root query and mutation of the schema", async () => {
    const res = await server.gql<any>(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
    const all = [...res.body.data.__schema.queryType.fields, ...res.body.data.__schema.mutationType.fields].map((f: any) => f.name).sort();
    expect(cases.map((c) => c.field).sort()).toEqual(all);
  });

  for (const c of cases) {
    it(`${c.field}: anonymous → ${c.expect.anonymous}, other learner → ${c.expect.other}, owner → ${c.expect.owner}`, async () => {
      const callers: [Who, (q: string, v?: Record<string, unknown>) => Promise<any>][] = [
        ["anonymous", (q, v) => server.gql(q, v)],
        ["other", (q, v) => other.gql(q, v)],
        ["owner", (q, v) => owner.gql(q, v)],
      ];
      for (const [who, call] of callers) {
        if (c.expect[who] === "skip") continue;
        const res = await call(c.doc(), c.vars?.());
        const got = res.body.errors ? res.body.errors[0].extensions?.code : "ok";
        expect(got, `${c.field} as ${who}: ${JSON.stringify(res.body.errors ?? "")}`).toBe(c.expect[who]);
      }
    });
  }

});
