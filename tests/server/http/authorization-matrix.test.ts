/**
 * The authorization matrix: every query, mutation and subscription of the schema × {anonymous, learner,
 * learner of another class, instructor, instructor of another class, admin}, with the expected outcome written
 * by hand in one table. An operation added to the schema without a row here fails the first test.
 * Every row runs over both transports: queries and mutations over HTTP give the table's outcome and are
 * refused over the WebSocket; the subscription over the WebSocket gives the table's outcome and is refused
 * over HTTP (BAD_REQUEST, before any resolver runs).
 */
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rightAnswerInput } from "../../helpers/answers.js";
import { socketClass, wsOnce } from "../../helpers/live.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, paragraphIds, quizWhere } from "../../helpers/course-lookup.js";

// The content a test server serves (the fixture course): a quiz with an essay, the first quiz, the last lesson.
const content = await fixtureContent();
const ESSAY_QUIZ = quizWhere(content, "an essay", hasEssay).id;
const FIRST_QUIZ = content.lessons[0].quiz;
const LAST = content.lessons[content.lessons.length - 1];

type Role = "anonymous" | "learner" | "otherLearner" | "instructor" | "otherInstructor" | "admin";
const ROLES: Role[] = ["anonymous", "learner", "otherLearner", "instructor", "otherInstructor", "admin"];
const U = "UNAUTHENTICATED";
const F = "FORBIDDEN";
const NF = "attempt/not_found";
const CNF = "classroom/not_found";
const LNF = "live/not-found";

let server: TestServer;
const who = {} as Record<Exclude<Role, "anonymous">, Learner>;
let classA: { id: string; joinCode: string };
let practiceId: string;
let essayResponseId: string;
let hintPracticeId: string;
const NOTE_ID = "0d1b2c3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
/** Assignments of class A: one every row edits, one the admin's row deletes. */
let assignmentId: string;
let doomedAssignmentId: string;
const HINT_QUIZ = quizWhere(content, "hints", (q) => q.settings.hints === true);
// Live sessions of class A (members only): one the learner joined and is asked in, one whose pace the rows move.
const LIVE_QUIZ = quizWhere(content, "practice-only items", (q) => q.items.filter((i) => i.pool === "practice").length >= 3).id;
let live: { id: string; code: string };
let paced: { id: string; code: string };
let liveItem: { id: string; answer: Record<string, unknown> };

beforeAll(async () => {
  server = await startTestServer();
  who.learner = await server.learner("learner");
  who.otherLearner = await server.learner("otherLearner");
  who.instructor = await server.instructor("instructor");
  who.otherInstructor = await server.instructor("otherInstructor");
  who.admin = await server.instructor("admin", "ADMIN");
  classA = (await who.instructor.gql(`mutation { createClassroom(name: "A") { id joinCode } }`)).body.data.createClassroom;
  const classB = (await who.otherInstructor.gql(`mutation { createClassroom(name: "B") { id joinCode } }`)).body.data.createClassroom;
  await who.learner.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: classA.joinCode });
  await who.otherLearner.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: classB.joinCode });
  const quiz = server.app.store.quizFile(ESSAY_QUIZ)!;
  const a = (await who.learner.gql(START, { quizId: quiz.id, mode: "ASSESSMENT" })).body.data.startAttempt;
  const essay = quiz.items.find((i) => i.type === "ESSAY")!;
  await who.learner.gql(SUBMIT, { input: { attemptId: a.id, itemId: essay.id, answer: { text: "مقال" } } });
  await who.learner.gql(FINISH, { id: a.id });
  essayResponseId = (await server.sql(`SELECT id FROM response WHERE status = 'PENDING_MANUAL'`))[0].id;
  practiceId = (await who.learner.gql(START, { quizId: FIRST_QUIZ, mode: "PRACTICE" })).body.data.startAttempt.id;
  const first = server.app.store.quizFile(FIRST_QUIZ)!.items[0];
  await who.learner.gql(SUBMIT, { input: { attemptId: practiceId, itemId: first.id, answer: rightAnswerInput(first, server.app.store.ids) } }); // makes a review card
  hintPracticeId = (await who.learner.gql(START, { quizId: HINT_QUIZ.id, mode: "PRACTICE" })).body.data.startAttempt.id;
  const startLive = `mutation($i: StartLiveSessionInput!) { startLiveSession(input: $i) { id code } }`;
  live = (await who.instructor.gql(startLive, { i: { classroomId: classA.id, quizId: LIVE_QUIZ } })).body.data.startLiveSession;
  paced = (await who.instructor.gql(startLive, { i: { classroomId: classA.id, quizId: LIVE_QUIZ } })).body.data.startLiveSession;
  await who.learner.gql(`mutation($c: String!) { joinLiveSession(code: $c) { id } }`, { c: live.code });
  const shown = (await who.instructor.gql(`mutation($s: ID!) { liveControl(sessionId: $s, action: SHOW_NEXT) { item { id } } }`, { s: live.id })).body.data.liveControl.item.id;
  liveItem = { id: shown, answer: rightAnswerInput(server.app.store.item(shown)!.item, server.app.store.ids) };
  await who.learner.gql(`mutation { saveNote(input: { id: "${NOTE_ID}", paragraphId: "${paragraphIds(LAST)[0]}", language: AR, body: "ملاحظة" }) { id } }`);
  const assign = `mutation($input: AssignmentInput!) { createAssignment(input: $input) { id } }`;
  const terms = { opensAt: "2020-01-01T00:00:00Z", dueAt: "2099-01-01T00:00:00Z", latePolicy: "ACCEPT" };
  assignmentId = (await who.instructor.gql(assign, { input: { ...terms, classroomId: classA.id, kind: "LESSON", targetId: LAST.slug } })).body.data.createAssignment.id;
  doomedAssignmentId = (await who.instructor.gql(assign, { input: { ...terms, classroomId: classA.id, kind: "LESSON", targetId: content.lessons[0].slug } })).body.data.createAssignment.id;
});
afterAll(async () => server.stop());

const item = () => server.app.store.quizFile(FIRST_QUIZ)!.items[0];
const all = (v: string): Record<Role, string> => ({ anonymous: v, learner: v, otherLearner: v, instructor: v, otherInstructor: v, admin: v });
const signedIn = (v: string): Record<Role, string> => ({ ...all(v), anonymous: U });

interface Row {
  kind: "query" | "mutation" | "subscription";
  field: string;
  doc: () => string;
  vars?: () => Record<string, unknown>;
  expect: Record<Role, string>;
}

// The table. "ok" means data without errors; "skip" means not run for that role (it would destroy fixtures).
const rows: Row[] = [
  { kind: "query", field: "course", doc: () => `{ course { title } }`, expect: all("ok") },
  { kind: "query", field: "lesson", doc: () => `{ lesson(slug: "${LAST.slug}") { slug } }`, expect: all("ok") },
  { kind: "query", field: "search", doc: () => `{ search(query: "x") { total } }`, expect: all("ok") },
  { kind: "query", field: "actorMap", doc: () => `{ actorMap { actors { id } } }`, expect: all("ok") },
  { kind: "query", field: "courseTimeline", doc: () => `{ courseTimeline { events { id } } }`, expect: all("ok") },
  { kind: "query", field: "quiz", doc: () => `{ quiz(id: "${LAST.quiz}") { id } }`, expect: all("ok") },
  { kind: "query", field: "me", doc: () => `{ me { id } }`, expect: all("ok") },
  { kind: "query", field: "attempt", doc: () => `{ attempt(id: "${practiceId}") { id } }`, expect: { anonymous: U, learner: "ok", otherLearner: NF, instructor: NF, otherInstructor: NF, admin: NF } },
  { kind: "query", field: "myProgress", doc: () => `{ myProgress { reviewsDue } }`, expect: signedIn("ok") },
  { kind: "query", field: "myGains", doc: () => `{ myGains { preTaken overall { pre post } } }`, expect: signedIn("ok") },
  { kind: "query", field: "reviewQueue", doc: () => `{ reviewQueue { id } }`, expect: signedIn("ok") },
  { kind: "query", field: "myOpenAttempts", doc: () => `{ myOpenAttempts(quizId: "${LAST.quiz}") { id } }`, expect: signedIn("ok") },
  { kind: "query", field: "myClassrooms", doc: () => `{ myClassrooms { id } }`, expect: signedIn("ok") },
  { kind: "query", field: "classroom", doc: () => `{ classroom(id: "${classA.id}") { id learnerCount } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "query", field: "myNotes", doc: () => `{ myNotes { id } }`, expect: signedIn("ok") },
  { kind: "query", field: "exportMyData", doc: () => `{ exportMyData }`, expect: signedIn("ok") },
  // Exports (server/src/exports): a class's files for its instructors; the item bank, keys included, for instructors and admins.
  { kind: "query", field: "gradebookExport", doc: () => `{ gradebookExport(classroomId: "${classA.id}", format: XLSX) { filename } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "query", field: "responsesExport", doc: () => `{ responsesExport(classroomId: "${classA.id}", quizId: "${ESSAY_QUIZ}", separator: SEMICOLON) { filename } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "query", field: "itemBankExport", doc: () => `{ itemBankExport(quizId: "${FIRST_QUIZ}", format: QTI3) { filename } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: "ok", admin: "ok" } },
  {
    kind: "mutation",
    field: "signUp",
    doc: () => `mutation($e: String!) { signUp(input: { email: $e, password: "long enough pw", displayName: "n" }) { token } }`,
    vars: () => ({ e: `m${Math.random().toString(36).slice(2)}@example.test` }),
    expect: all("ok"),
  },
  { kind: "mutation", field: "signIn", doc: () => `mutation { signIn(input: { email: "nobody@example.test", password: "x1234567" }) { token } }`, expect: all("auth/invalid_credentials") },
  { kind: "mutation", field: "setLocale", doc: () => `mutation { setLocale(locale: AR) { id } }`, expect: signedIn("ok") },
  { kind: "mutation", field: "recordLessonProgress", doc: () => `mutation { recordLessonProgress(input: { lessonSlug: "${LAST.slug}", paragraphId: "${paragraphIds(LAST)[0]}" }) { status } }`, expect: signedIn("ok") },
  { kind: "mutation", field: "startAttempt", doc: () => `mutation { startAttempt(quizId: "${LAST.quiz}", mode: PRACTICE) { id } }`, expect: signedIn("ok") },
  {
    kind: "mutation",
    field: "submitAnswer",
    doc: () => SUBMIT,
    vars: () => ({ input: { attemptId: practiceId, itemId: item().id, answer: rightAnswerInput(item(), server.app.store.ids) } }),
    expect: { anonymous: U, learner: "ok", otherLearner: NF, instructor: NF, otherInstructor: NF, admin: NF },
  },
  {
    kind: "mutation",
    field: "takeHint",
    doc: () => `mutation { takeHint(attemptId: "${hintPracticeId}", itemId: "${HINT_QUIZ.items[0].id}") { used } }`,
    expect: { anonymous: U, learner: "ok", otherLearner: NF, instructor: NF, otherInstructor: NF, admin: NF },
  },
  {
    kind: "mutation",
    field: "submitReview",
    doc: () => `mutation($input: ReviewAnswerInput!) { submitReview(input: $input) { id } }`,
    vars: () => ({ input: { itemId: item().id, answer: rightAnswerInput(item(), server.app.store.ids) } }),
    expect: { anonymous: U, learner: "ok", otherLearner: "item/not_in_quiz", instructor: "item/not_in_quiz", otherInstructor: "item/not_in_quiz", admin: "item/not_in_quiz" },
  },
  {
    kind: "mutation",
    field: "saveNote",
    doc: () => `mutation { saveNote(input: { id: "${NOTE_ID}", paragraphId: "${paragraphIds(LAST)[0]}", language: AR, body: "تعديل" }) { id } }`,
    expect: { anonymous: U, learner: "ok", otherLearner: "note/not_found", instructor: "note/not_found", otherInstructor: "note/not_found", admin: "note/not_found" },
  },
  // Someone else's id deletes nothing and answers false (tests/server/notes/notes.test.ts checks the note stays).
  { kind: "mutation", field: "deleteNote", doc: () => `mutation { deleteNote(id: "${NOTE_ID}") }`, expect: { anonymous: U, learner: "skip", otherLearner: "ok", instructor: "ok", otherInstructor: "ok", admin: "ok" } },
  { kind: "query", field: "classAssignments", doc: () => `{ classAssignments(classroomId: "${classA.id}") { id report { done } } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "query", field: "myAssignments", doc: () => `{ myAssignments { id state } }`, expect: signedIn("ok") },
  {
    kind: "mutation",
    field: "createAssignment",
    // A target the course lacks: the class's teachers get as far as the content check, nobody else past the class.
    doc: () => `mutation { createAssignment(input: { classroomId: "${classA.id}", kind: QUIZ, targetId: "fq-none", opensAt: "2026-01-01T00:00:00Z", dueAt: "2026-02-01T00:00:00Z", latePolicy: ACCEPT }) { id } }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "BAD_USER_INPUT", otherInstructor: CNF, admin: "BAD_USER_INPUT" },
  },
  {
    kind: "mutation",
    field: "updateAssignment",
    doc: () => `mutation { updateAssignment(id: "${assignmentId}", terms: { opensAt: "2020-01-01T00:00:00Z", dueAt: "2099-01-01T00:00:00Z", latePolicy: REFUSE }) { id } }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" },
  },
  // The instructor's own deletion is tested in classrooms/assignments.test.ts; here the admin deletes it, after the others were refused.
  { kind: "mutation", field: "deleteAssignment", doc: () => `mutation { deleteAssignment(id: "${doomedAssignmentId}") }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "skip", otherInstructor: CNF, admin: "ok" } },
  { kind: "mutation", field: "setClassroomTimeZone", doc: () => `mutation { setClassroomTimeZone(classroomId: "${classA.id}", timeZone: "Africa/Casablanca") { id timeZone } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "mutation", field: "createClassroom", doc: () => `mutation { createClassroom(name: "x") { id } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: "ok", admin: "ok" } },
  { kind: "mutation", field: "joinClassroom", doc: () => `mutation { joinClassroom(code: "ZZZZ-ZZZZ") { id } }`, expect: { anonymous: U, learner: "classroom/bad_code", otherLearner: "classroom/bad_code", instructor: F, otherInstructor: F, admin: F } },
  { kind: "mutation", field: "renameClassroom", doc: () => `mutation { renameClassroom(classroomId: "${classA.id}", name: "A") { id name } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "mutation", field: "regenerateJoinCode", doc: () => `mutation { regenerateJoinCode(classroomId: "${classA.id}") { id } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  {
    kind: "mutation",
    field: "removeLearner",
    doc: () => `mutation { removeLearner(classroomId: "${classA.id}", learnerId: "not-a-member") }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "BAD_USER_INPUT", otherInstructor: CNF, admin: "BAD_USER_INPUT" },
  },
  // Class management: the owner's acts (co-instructors in tests/server/classrooms/class-management.test.ts).
  { kind: "mutation", field: "archiveClassroom", doc: () => `mutation { archiveClassroom(classroomId: "${classA.id}") { id } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  // Right after archiving: the rows below find class A active.
  { kind: "mutation", field: "unarchiveClassroom", doc: () => `mutation { unarchiveClassroom(classroomId: "${classA.id}") { id } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  {
    kind: "mutation",
    field: "deleteClassroom",
    doc: () => `mutation { deleteClassroom(classroomId: "${classA.id}", confirmName: "not its name") }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "classroom/confirm_mismatch", otherInstructor: CNF, admin: "classroom/confirm_mismatch" },
  },
  {
    kind: "mutation",
    field: "addCoInstructor",
    doc: () => `mutation { addCoInstructor(classroomId: "${classA.id}", email: "nobody@example.test") { id } }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "classroom/no_such_instructor", otherInstructor: CNF, admin: "classroom/no_such_instructor" },
  },
  { kind: "mutation", field: "createCoInstructorInvite", doc: () => `mutation { createCoInstructorInvite(classroomId: "${classA.id}") { path } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  {
    kind: "mutation",
    field: "acceptCoInstructorInvite",
    doc: () => `mutation { acceptCoInstructorInvite(token: "not-a-token") { id } }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "classroom/invite_invalid", otherInstructor: "classroom/invite_invalid", admin: "classroom/invite_invalid" },
  },
  {
    kind: "mutation",
    field: "removeCoInstructor",
    doc: () => `mutation { removeCoInstructor(classroomId: "${classA.id}", userId: "not-a-co-instructor") }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "BAD_USER_INPUT", otherInstructor: CNF, admin: "BAD_USER_INPUT" },
  },
  {
    kind: "mutation",
    field: "transferClassroom",
    doc: () => `mutation { transferClassroom(classroomId: "${classA.id}", userId: "not-a-co-instructor") { id } }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "BAD_USER_INPUT", otherInstructor: CNF, admin: "BAD_USER_INPUT" },
  },
  {
    kind: "mutation",
    field: "gradeEssay",
    doc: () => `mutation { gradeEssay(input: { responseId: "${essayResponseId}", score: 3, comment: "ok" }) { id } }`,
    expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" },
  },
  { kind: "query", field: "ltiClassStatus", doc: () => `{ ltiClassStatus(classroomId: "${classA.id}") { canSyncRoster } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "mutation", field: "syncLtiRoster", doc: () => `mutation { syncLtiRoster(classroomId: "${classA.id}") { listed } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "lti/no_roster_service", otherInstructor: CNF, admin: "lti/no_roster_service" } },
  { kind: "mutation", field: "deleteMyAccount", doc: () => `mutation { deleteMyAccount(password: "not it") }`, expect: { anonymous: U, learner: "auth/invalid_credentials", otherLearner: "auth/invalid_credentials", instructor: F, otherInstructor: F, admin: F } },
  { kind: "mutation", field: "abandonAttempt", doc: () => `mutation { abandonAttempt(attemptId: "${practiceId}") { id } }`, expect: { anonymous: U, learner: "skip", otherLearner: NF, instructor: NF, otherInstructor: NF, admin: NF } },
  { kind: "mutation", field: "finishAttempt", doc: () => `mutation { finishAttempt(attemptId: "${practiceId}") { id } }`, expect: { anonymous: U, learner: "ok", otherLearner: NF, instructor: NF, otherInstructor: NF, admin: NF } },
  { kind: "subscription", field: "classroomActivity", doc: () => `subscription { classroomActivity(classroomId: "${classA.id}") { type } }`, expect: { anonymous: U, learner: F, otherLearner: F, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  // Live class sessions (issue 17): the class's instructors (and admins) control and see reports; joining needs the
  // code and, in a members-only session, membership; a participant sees the session and answers.
  { kind: "query", field: "liveSession", doc: () => `query { liveSession(id: "${live.id}") { phase } }`, expect: { anonymous: LNF, learner: "ok", otherLearner: LNF, instructor: "ok", otherInstructor: LNF, admin: "ok" } },
  { kind: "query", field: "liveSessionByCode", doc: () => `query { liveSessionByCode(code: "${live.code}") { sessionId } }`, expect: all("ok") },
  { kind: "query", field: "liveSessionReport", doc: () => `query { liveSessionReport(id: "${live.id}") { items { itemId } } }`, expect: { anonymous: U, learner: LNF, otherLearner: LNF, instructor: "ok", otherInstructor: LNF, admin: "ok" } },
  { kind: "query", field: "liveSessionReportCsv", doc: () => `query { liveSessionReportCsv(id: "${live.id}") }`, expect: { anonymous: U, learner: LNF, otherLearner: LNF, instructor: "ok", otherInstructor: LNF, admin: "ok" } },
  { kind: "query", field: "classroomLiveSessions", doc: () => `query { classroomLiveSessions(classroomId: "${classA.id}") { id } }`, expect: { anonymous: U, learner: CNF, otherLearner: CNF, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "query", field: "livePracticeItems", doc: () => `query { livePracticeItems(classroomId: "${classA.id}", quizId: "${LIVE_QUIZ}") { id } }`, expect: { anonymous: U, learner: CNF, otherLearner: CNF, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "mutation", field: "startLiveSession", doc: () => `mutation { startLiveSession(input: { classroomId: "${classA.id}", quizId: "${LIVE_QUIZ}" }) { id } }`, expect: { anonymous: U, learner: CNF, otherLearner: CNF, instructor: "ok", otherInstructor: CNF, admin: "ok" } },
  { kind: "mutation", field: "joinLiveSession", doc: () => `mutation { joinLiveSession(code: "${live.code}", nickname: "N") { id } }`, expect: { anonymous: "live/guests-not-allowed", learner: "ok", otherLearner: "live/guests-not-allowed", instructor: "live/guests-not-allowed", otherInstructor: "live/guests-not-allowed", admin: "live/guests-not-allowed" } },
  { kind: "mutation", field: "liveControl", doc: () => `mutation { liveControl(sessionId: "${paced.id}", action: SHOW_NEXT) { itemIndex } }`, expect: { anonymous: U, learner: LNF, otherLearner: LNF, instructor: "ok", otherInstructor: LNF, admin: "ok" } },
  { kind: "mutation", field: "setLiveLeaderboard", doc: () => `mutation { setLiveLeaderboard(sessionId: "${paced.id}", on: true) { leaderboardOn } }`, expect: { anonymous: U, learner: LNF, otherLearner: LNF, instructor: "ok", otherInstructor: LNF, admin: "ok" } },
  {
    kind: "mutation",
    field: "submitLiveAnswer",
    doc: () => `mutation($a: AnswerInput!) { submitLiveAnswer(sessionId: "${live.id}", itemId: "${liveItem.id}", clientAnswerId: "0b6a3f4e-1d2c-4e5f-8a9b-0c1d2e3f4a5b", answer: $a) { submitted } }`,
    vars: () => ({ a: liveItem.answer }),
    expect: { anonymous: "live/not-participant", learner: "ok", otherLearner: "live/not-participant", instructor: "live/not-participant", otherInstructor: "live/not-participant", admin: "live/not-participant" },
  },
  { kind: "subscription", field: "liveSession", doc: () => `subscription { liveSession(id: "${live.id}") { phase } }`, expect: { anonymous: LNF, learner: "ok", otherLearner: LNF, instructor: "ok", otherInstructor: LNF, admin: "ok" } },
  // Last: it ends the sessions.
  { kind: "mutation", field: "signOut", doc: () => `mutation { signOut }`, expect: all("ok") },
];

/**
 * Subscribes over graphql-ws: "ok" once the server holds the subscription, else the error code. The token
 * goes in connection_init (API clients), or as the session cookie with the upgrade (the web client).
 */
async function subscribeOutcome(token: string | null, doc: string, via: "bearer" | "cookie"): Promise<string> {
  const before = server.app.services.activity.listenerCount;
  const client = createClient({
    url: server.url.replace(/^http/, "ws") + "graphql",
    webSocketImpl: via === "cookie" && token ? socketClass({ cookie: token }) : WebSocket,
    connectionParams: token && via === "bearer" ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  try {
    return await new Promise<string>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error("no outcome within 10 s")), 10_000);
      const done = (v: string) => {
        clearTimeout(guard);
        resolve(v);
      };
      // A live session's subscription answers at once with its state: data is "ok" too.
      client.subscribe({ query: doc }, { next: (v) => done(v.errors ? String(v.errors[0].extensions?.code) : "ok"), error: (e) => done(String((e as any)?.[0]?.extensions?.code ?? e)), complete: () => {} });
      const poll = () => (server.app.services.activity.listenerCount > before ? done("ok") : setTimeout(poll, 5));
      poll();
    });
  } finally {
    await client.dispose();
    // The server ends the subscription once it sees the close: wait for it, so the next call counts from here.
    const started = Date.now();
    while (server.app.services.activity.listenerCount > before && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 5));
  }
}

/** The outcome of running a row on the transport it does not belong to: its error code, or "ok". */
async function otherTransportOutcome(row: Row, token: string | null): Promise<string> {
  if (row.kind === "subscription") {
    const res = await server.gql<any>(row.doc(), row.vars?.(), token ? { authorization: `Bearer ${token}` } : {});
    return res.body.errors ? String(res.body.errors[0].extensions?.code) : "ok";
  }
  const res = await wsOnce(server, row.doc(), row.vars?.(), token ? { token } : {});
  if (res.close) return `closed ${res.close.code}`;
  return res.errors ? String(res.errors[0].extensions?.code) : "ok";
}

describe("authorization matrix", () => {
  it("should have a row for every query, mutation and subscription of the schema", async () => {
    const res = await server.gql<any>(`{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }`);
    const s = res.body.data.__schema;
    const schemaOps = [...s.queryType.fields, ...s.mutationType.fields, ...s.subscriptionType.fields].map((f: any) => f.name).sort();
    expect(rows.map((r) => r.field).sort()).toEqual(schemaOps);
  });

  for (const row of rows) {
    it(`${row.kind} ${row.field}`, async () => {
      for (const role of ROLES) {
        const want = row.expect[role];
        if (want === "skip") continue;
        const token = role === "anonymous" ? null : who[role].token;
        // First on the other transport, where it must be refused before anything runs (signOut would end the sessions).
        const elsewhere = await otherTransportOutcome(row, token);
        expect(elsewhere, `${row.field} as ${role} over ${row.kind === "subscription" ? "HTTP" : "the WebSocket"}`).toBe("BAD_REQUEST");
        let got: string;
        if (row.kind === "subscription") {
          got = await subscribeOutcome(token, row.doc(), "bearer");
          expect(await subscribeOutcome(token, row.doc(), "cookie"), `${row.field} as ${role} with the cookie`).toBe(got);
        }
        else {
          const res = await server.gql<any>(row.doc(), row.vars?.(), token ? { authorization: `Bearer ${token}` } : {});
          got = res.body.errors ? String(res.body.errors[0].extensions?.code) : "ok";
        }
        expect(got, `${row.field} as ${role}${got === want ? "" : ` (${JSON.stringify(row.vars?.())})`}`).toBe(want);
      }
    });
  }
});
