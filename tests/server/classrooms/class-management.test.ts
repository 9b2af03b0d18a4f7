/**
 * Class management (issue 18 point 5) over HTTP: co-instructors added by email or by an invite link (single-use,
 * expiring, on the injected clock) teach the class as its owner does, except the owner's acts; removing and
 * leaving; ownership transfer; archive (read-only, listed apart, dashboards readable); delete with a typed
 * confirmation, after which the learners' own data stays theirs. Each operation × {owner, co-instructor,
 * another instructor, learner} is written out in one table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { INVITE_TTL_MS } from "../../../server/src/classrooms/classroom.service.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, quizWhere } from "../../helpers/course-lookup.js";

// The fixture course, its essay given an expected length (shown to graders in the queue).
const content = structuredClone(await fixtureContent());
const ESSAY_QUIZ = quizWhere(content, "an essay and two or more attempts", (q) => hasEssay(q) && q.settings.maxAttempts >= 2);
const ESSAY = ESSAY_QUIZ.items.find((i) => i.type === "ESSAY")!;
if (ESSAY.type === "ESSAY") ESSAY.expectedWords = { min: 3, max: 40 };

const clock = new ManualClock("2026-10-01T08:00:00Z");
let server: TestServer;
let owner: Learner;
let co: Learner;
let stranger: Learner;
let learner: Learner;
let classId: string;
let joinCode: string;

const CLASS_NAME = "الصف التاسع — ب";
const code = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) => res.body.errors?.[0]?.extensions?.code ?? "ok";

/** A pending essay of a learner (a finished assessment attempt); returns the response id. */
async function pendingEssay(l: Learner): Promise<string> {
  const a = (await l.gql(START, { quizId: ESSAY_QUIZ.id, mode: "ASSESSMENT" })).body.data.startAttempt;
  await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: ESSAY.id, answer: { text: "مقال قصير عن التعاون" } } });
  await l.gql(FINISH, { id: a.id });
  const [row] = await server.sql<{ id: string }>(`SELECT id FROM response WHERE "userId" = ? AND "attemptId" = ? AND status = 'PENDING_MANUAL'`, [l.id, a.id]);
  return row.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock, content });
  owner = await server.instructor("Owner");
  co = await server.instructor("Co");
  stranger = await server.instructor("Stranger");
  learner = await server.learner("سارة");
  ({ id: classId, joinCode } = (await owner.gql(`mutation($n: String!) { createClassroom(name: $n) { id joinCode } }`, { n: CLASS_NAME })).body.data.createClassroom);
  await learner.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: joinCode });
});
afterAll(async () => server.stop());

const CLASS = `query($id: ID!) { classroom(id: $id) { id name joinCode myRole archivedAt learnerCount learners { displayName } teachers { displayName owner } } }`;

describe("co-instructors", () => {
  it("should refuse an email that is no instructor's account, and add an instructor's", async () => {
    const add = `mutation($c: ID!, $e: String!) { addCoInstructor(classroomId: $c, email: $e) { id } }`;
    expect(code(await owner.gql(add, { c: classId, e: "nobody@example.test" }))).toBe("classroom/no_such_instructor");
    expect(code(await owner.gql(add, { c: classId, e: learner.email }))).toBe("classroom/no_such_instructor");
    // Typed in another case with spaces: emails are compared normalized.
    expect(code(await owner.gql(add, { c: classId, e: `  ${co.email.toUpperCase()} ` }))).toBe("ok");
    expect(code(await owner.gql(add, { c: classId, e: co.email }))).toBe("ok"); // twice: still one row
    expect(await server.sql(`SELECT "userId" FROM classroom_teacher WHERE "classroomId" = ?`, [classId])).toEqual([{ userId: co.id }]);
  });

  it("should let a co-instructor see and teach the class as its owner does", async () => {
    const mine = await co.gql(`{ myClassrooms { id joinCode myRole } }`);
    expect(mine.body.data.myClassrooms).toEqual([{ id: classId, joinCode, myRole: "CO_INSTRUCTOR" }]);
    const seen = await co.gql(CLASS, { id: classId });
    expect(seen.body.errors).toBeUndefined();
    expect(seen.body.data.classroom).toMatchObject({ myRole: "CO_INSTRUCTOR", learnerCount: 1, learners: [{ displayName: "سارة" }], teachers: [{ displayName: "Owner", owner: true }, { displayName: "Co", owner: false }] });
    expect((await owner.gql(CLASS, { id: classId })).body.data.classroom.myRole).toBe("OWNER");
    // Grading an essay of the class's learner is teaching; the queue shows its length against the expected one.
    const responseId = await pendingEssay(learner);
    const queue = await co.gql(`query($id: ID!) { classroom(id: $id) { pendingEssays { responseId wordCount expectedWords { min max } } } }`, { id: classId });
    expect(queue.body.data.classroom.pendingEssays).toEqual([{ responseId, wordCount: 4, expectedWords: { min: 3, max: 40 } }]);
    const graded = await co.gql(`mutation($r: ID!) { gradeEssay(input: { responseId: $r, score: 1, comment: "جيد" }) { status } }`, { r: responseId });
    expect(code(graded)).toBe("ok");
    // A learner of the class is seen in the drill-down.
    expect(code(await co.gql(`query($id: ID!, $l: ID!) { classroom(id: $id) { learner(id: $l) { learner { displayName } } } }`, { id: classId, l: learner.id }))).toBe("ok");
    // Another instructor still sees nothing; a learner sees the name alone.
    expect(code(await stranger.gql(CLASS, { id: classId }))).toBe("classroom/not_found");
    expect((await learner.gql(`{ myClassrooms { id joinCode myRole } }`)).body.data.myClassrooms).toEqual([{ id: classId, joinCode: null, myRole: null }]);
  });

  it("should give every operation its outcome for owner, co-instructor, another instructor and learner", async () => {
    // Run each as each role in this order; none of these changes what the next row finds.
    const rows: { doc: string; vars: Record<string, unknown>; expect: [string, string, string, string] }[] = [
      { doc: `query($c: ID!) { classroom(id: $c) { recentActivity { type } needsHelp { learner { id } } pendingEssayCount } }`, vars: { c: classId }, expect: ["ok", "ok", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { renameClassroom(classroomId: $c, name: "${CLASS_NAME}") { id } }`, vars: { c: classId }, expect: ["ok", "ok", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { removeLearner(classroomId: $c, learnerId: "nobody") }`, vars: { c: classId }, expect: ["BAD_USER_INPUT", "BAD_USER_INPUT", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { addCoInstructor(classroomId: $c, email: "nobody@example.test") { id } }`, vars: { c: classId }, expect: ["classroom/no_such_instructor", "FORBIDDEN", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { createCoInstructorInvite(classroomId: $c) { path } }`, vars: { c: classId }, expect: ["ok", "FORBIDDEN", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { transferClassroom(classroomId: $c, userId: "nobody") { id } }`, vars: { c: classId }, expect: ["BAD_USER_INPUT", "FORBIDDEN", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { removeCoInstructor(classroomId: $c, userId: "nobody") }`, vars: { c: classId }, expect: ["BAD_USER_INPUT", "FORBIDDEN", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { deleteClassroom(classroomId: $c, confirmName: "not its name") }`, vars: { c: classId }, expect: ["classroom/confirm_mismatch", "FORBIDDEN", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { archiveClassroom(classroomId: $c) { id } }`, vars: { c: "no-such-class" }, expect: ["classroom/not_found", "classroom/not_found", "classroom/not_found", "FORBIDDEN"] },
      { doc: `mutation($c: ID!) { unarchiveClassroom(classroomId: $c) { archivedAt } }`, vars: { c: classId }, expect: ["ok", "FORBIDDEN", "classroom/not_found", "FORBIDDEN"] },
    ];
    const roles = [owner, co, stranger, learner];
    for (const row of rows) {
      const got = [];
      for (const who of roles) got.push(code(await who.gql(row.doc, row.vars)));
      expect(got, row.doc).toEqual(row.expect);
    }
  });

  it("should let an instructor join by an invite link once, before it expires", async () => {
    const third = await server.instructor("Third");
    const fourth = await server.instructor("Fourth");
    const invite = (await owner.gql(`mutation($c: ID!) { createCoInstructorInvite(classroomId: $c) { token path expiresAt } }`, { c: classId })).body.data.createCoInstructorInvite;
    expect(invite.path).toBe(`/teach/invite/${invite.token}`);
    expect(new Date(invite.expiresAt).getTime()).toBe(clock.now().getTime() + INVITE_TTL_MS);
    // Only the hash is kept.
    expect(await server.sql(`SELECT 1 AS x FROM classroom_invite WHERE "tokenHash" = ?`, [invite.token])).toEqual([]);
    const accept = `mutation($t: String!) { acceptCoInstructorInvite(token: $t) { id myRole } }`;
    expect(code(await learner.gql(accept, { t: invite.token }))).toBe("FORBIDDEN");
    // The owner opening their own link is let in without using it up.
    expect((await owner.gql(accept, { t: invite.token })).body.data.acceptCoInstructorInvite).toEqual({ id: classId, myRole: "OWNER" });
    expect((await third.gql(accept, { t: invite.token })).body.data.acceptCoInstructorInvite).toEqual({ id: classId, myRole: "CO_INSTRUCTOR" });
    expect(code(await third.gql(accept, { t: invite.token }))).toBe("ok"); // already in: still fine
    expect(code(await fourth.gql(accept, { t: invite.token }))).toBe("classroom/invite_invalid"); // used
    expect(code(await fourth.gql(accept, { t: "made-up-token" }))).toBe("classroom/invite_invalid");
    const late = (await owner.gql(`mutation($c: ID!) { createCoInstructorInvite(classroomId: $c) { token } }`, { c: classId })).body.data.createCoInstructorInvite;
    clock.advance(INVITE_TTL_MS);
    expect(code(await fourth.gql(accept, { t: late.token }))).toBe("classroom/invite_invalid");
    expect(code(await fourth.gql(CLASS, { id: classId }))).toBe("classroom/not_found");
    // A co-instructor leaves by removing themself; they may not remove another.
    const remove = `mutation($c: ID!, $u: ID!) { removeCoInstructor(classroomId: $c, userId: $u) }`;
    expect(code(await third.gql(remove, { c: classId, u: co.id }))).toBe("FORBIDDEN");
    expect(code(await third.gql(remove, { c: classId, u: third.id }))).toBe("ok");
    expect(code(await third.gql(CLASS, { id: classId }))).toBe("classroom/not_found");
  });

  it("should transfer ownership to a co-instructor only; the owner before stays a co-instructor", async () => {
    const transfer = `mutation($c: ID!, $u: ID!) { transferClassroom(classroomId: $c, userId: $u) { id myRole } }`;
    expect(code(await owner.gql(transfer, { c: classId, u: stranger.id }))).toBe("BAD_USER_INPUT");
    expect(code(await co.gql(transfer, { c: classId, u: co.id }))).toBe("FORBIDDEN");
    expect((await owner.gql(transfer, { c: classId, u: co.id })).body.data.transferClassroom).toEqual({ id: classId, myRole: "CO_INSTRUCTOR" });
    expect((await co.gql(CLASS, { id: classId })).body.data.classroom.teachers).toEqual([{ displayName: "Co", owner: true }, { displayName: "Owner", owner: false }]);
    // Now the owner's acts are the new owner's: the one before can no longer remove anyone.
    expect(code(await owner.gql(`mutation($c: ID!, $u: ID!) { removeCoInstructor(classroomId: $c, userId: $u) }`, { c: classId, u: co.id }))).toBe("FORBIDDEN");
    // And back, for the tests below.
    expect((await co.gql(transfer, { c: classId, u: owner.id })).body.data.transferClassroom.myRole).toBe("CO_INSTRUCTOR");
  });

  it("should take a removed co-instructor's access away", async () => {
    const temp = await server.instructor("Temp");
    await owner.gql(`mutation($c: ID!, $e: String!) { addCoInstructor(classroomId: $c, email: $e) { id } }`, { c: classId, e: temp.email });
    expect(code(await temp.gql(CLASS, { id: classId }))).toBe("ok");
    expect(code(await owner.gql(`mutation($c: ID!, $u: ID!) { removeCoInstructor(classroomId: $c, userId: $u) }`, { c: classId, u: temp.id }))).toBe("ok");
    expect(code(await temp.gql(CLASS, { id: classId }))).toBe("classroom/not_found");
    expect((await temp.gql(`{ myClassrooms { id } }`)).body.data.myClassrooms).toEqual([]);
  });
});

describe("archive", () => {
  it("should make the class read-only and list it apart, until unarchived", async () => {
    const essay = await pendingEssay(learner);
    const archived = await owner.gql(`mutation($c: ID!) { archiveClassroom(classroomId: $c) { archivedAt } }`, { c: classId });
    expect(archived.body.data.archiveClassroom.archivedAt).toBe(clock.now().toISOString());
    for (const who of [owner, co]) {
      expect((await who.gql(`{ myClassrooms { id } }`)).body.data.myClassrooms).toEqual([]);
      expect((await who.gql(`{ myClassrooms(archived: true) { id } }`)).body.data.myClassrooms).toEqual([{ id: classId }]);
    }
    // Dashboards stay readable.
    const seen = await co.gql(CLASS, { id: classId });
    expect(seen.body.errors).toBeUndefined();
    expect(seen.body.data.classroom.learnerCount).toBe(1);
    // No joins, no edits, no grades.
    const other = await server.learner("Late");
    expect(code(await other.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: joinCode }))).toBe("classroom/archived");
    expect(code(await co.gql(`mutation($c: ID!) { renameClassroom(classroomId: $c, name: "x") { id } }`, { c: classId }))).toBe("classroom/archived");
    expect(code(await co.gql(`mutation($c: ID!) { regenerateJoinCode(classroomId: $c) { id } }`, { c: classId }))).toBe("classroom/archived");
    expect(code(await owner.gql(`mutation($c: ID!, $l: ID!) { removeLearner(classroomId: $c, learnerId: $l) }`, { c: classId, l: learner.id }))).toBe("classroom/archived");
    expect(code(await owner.gql(`mutation($c: ID!) { createCoInstructorInvite(classroomId: $c) { token } }`, { c: classId }))).toBe("classroom/archived");
    expect(code(await owner.gql(`mutation($r: ID!) { gradeEssay(input: { responseId: $r, score: 1 }) { status } }`, { r: essay }))).toBe("classroom/archived");
    // The learner no longer sees it among their classes.
    expect((await learner.gql(`{ myClassrooms { id } }`)).body.data.myClassrooms).toEqual([]);
    expect(code(await co.gql(`mutation($c: ID!) { unarchiveClassroom(classroomId: $c) { id } }`, { c: classId }))).toBe("FORBIDDEN");
    expect((await owner.gql(`mutation($c: ID!) { unarchiveClassroom(classroomId: $c) { archivedAt } }`, { c: classId })).body.data.unarchiveClassroom.archivedAt).toBeNull();
    expect((await owner.gql(`{ myClassrooms { id } }`)).body.data.myClassrooms).toEqual([{ id: classId }]);
    expect(code(await owner.gql(`mutation($r: ID!) { gradeEssay(input: { responseId: $r, score: 1 }) { status } }`, { r: essay }))).toBe("ok");
  });
});

describe("delete", () => {
  it("should need the class's name typed, and keep the learners' own data theirs", async () => {
    const del = `mutation($c: ID!, $n: String!) { deleteClassroom(classroomId: $c, confirmName: $n) }`;
    const before = await server.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM response WHERE "userId" = ?`, [learner.id]);
    expect(code(await owner.gql(del, { c: classId, n: "الصف التاسع" }))).toBe("classroom/confirm_mismatch");
    expect(code(await co.gql(del, { c: classId, n: CLASS_NAME }))).toBe("FORBIDDEN");
    expect(code(await owner.gql(CLASS, { id: classId }))).toBe("ok"); // nothing lost
    expect(Number((await server.sql(`SELECT COUNT(*) AS n FROM class_quiz_sum WHERE "classroomId" = ?`, [classId]))[0].n)).toBeGreaterThan(0);
    expect((await owner.gql(del, { c: classId, n: `  ${CLASS_NAME} ` })).body.data.deleteClassroom).toBe(true);
    for (const who of [owner, co]) expect(code(await who.gql(CLASS, { id: classId }))).toBe("classroom/not_found");
    for (const table of ["classroom", "classroom_member", "classroom_teacher", "classroom_invite", "stat_attempt_sum", "stat_item_sum", "class_lesson_sum", "class_quiz_sum"]) {
      const column = table === "classroom" ? "id" : `"classroomId"`;
      expect(Number((await server.sql(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, [classId]))[0].n), table).toBe(0);
    }
    // The learner's attempts, answers and grades stay.
    expect(await server.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM response WHERE "userId" = ?`, [learner.id])).toEqual(before);
    const progress = await learner.gql(`{ myProgress { lessons { lessonSlug assessmentAttemptsUsed } } myClassrooms { id } }`);
    expect(progress.body.data.myClassrooms).toEqual([]);
    expect(progress.body.data.myProgress.lessons.some((l: { assessmentAttemptsUsed: number }) => l.assessmentAttemptsUsed > 0)).toBe(true);
  });
});
