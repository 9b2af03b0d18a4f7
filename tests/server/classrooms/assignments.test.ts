/**
 * Assignments with due dates (issue 18, point 3), over HTTP with the injected clock, on both engines: the
 * class's time zone, creating, editing and deleting assignments, the opening time, the three late policies,
 * where learners stand (myAssignments, the class report), "behind" on the dashboard from due dates, and an
 * AFTER_CLOSE quiz whose results wait for the class's due date instead of the content's close date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { pickTerms, isLate, startRefusal } from "../../../server/src/attempts/assignment-terms.js";
import { assignmentState } from "../../../server/src/classrooms/assignment-state.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import { itemType } from "../../../server/src/items/registry.js";
import { ATTEMPT, FINISH, MY_PROGRESS, RECORD, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

// Fixture quizzes (tests/fixtures/course/README.md): fq-b untimed, 2 attempts, AFTER_FINISH; fq-c AFTER_CLOSE
// until 2027-06-30T23:59:59Z, 1 attempt.
const UNTIMED = "fq-b";
const AFTER_CLOSE = "fq-c";
const DAY = 86_400_000;

const CREATE = `mutation($input: AssignmentInput!) { createAssignment(input: $input) { id kind targetId lessonSlug title opensAt dueAt latePolicy timeZone classroomName } }`;
const UPDATE = `mutation($id: ID!, $terms: AssignmentTermsInput!) { updateAssignment(id: $id, terms: $terms) { id opensAt dueAt latePolicy } }`;
const DELETE = `mutation($id: ID!) { deleteAssignment(id: $id) }`;
const CLASS_LIST = `query($id: ID!) { classAssignments(classroomId: $id, locale: EN) { id kind targetId title dueAt latePolicy state
  report { notStarted inProgress done late overdue behind { id displayName state doneAt } } } }`;
const MINE = `query($quizId: ID) { myAssignments(locale: EN, quizId: $quizId) { id kind targetId title opensAt dueAt latePolicy timeZone classroomName state report { done } } }`;
const NEEDS_HELP = `query($id: ID!) { classroom(id: $id) { needsHelp(threshold: 0) { learner { id displayName } reasons } } }`;
const LATE = `query($id: ID!) { attempt(id: $id) { id state late feedbackAvailable } }`;

const clock = new ManualClock("2026-03-01T09:00:00Z");
let server: TestServer;
let teacher: Learner;
let other: Learner;

const codeOf = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) => res.body.errors?.[0]?.extensions?.code;
const ok = <T>(res: { body: { data?: T | null; errors?: unknown[] } }): T => {
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data as T;
};

async function newClass(name: string, timeZone?: string): Promise<{ id: string; joinCode: string; timeZone: string }> {
  const res = await teacher.gql(`mutation($n: String!, $tz: String) { createClassroom(name: $n, timeZone: $tz) { id joinCode timeZone } }`, { n: name, tz: timeZone });
  return ok<any>(res).createClassroom;
}

async function member(name: string, joinCode: string): Promise<Learner> {
  const l = await server.learner(name);
  ok(await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: joinCode }));
  return l;
}

const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

/**
 * Starts an assessment of a quiz and answers right the first of its items that the machine grades (the order is
 * shuffled per attempt, and an essay would wait for a person); returns the attempt id.
 */
async function startAndAnswer(l: Learner, quizId: string): Promise<string> {
  const a = ok<any>(await l.gql(START, { quizId, mode: "ASSESSMENT" })).startAttempt;
  const items = server.app.store.quizFile(quizId)!.items;
  const item = a.items.map((x: { id: string }) => items.find((i) => i.id === x.id)!).find((i: (typeof items)[number]) => !itemType(i).handGraded)!;
  ok(await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } }));
  return a.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  teacher = await server.instructor("Teacher");
  other = await server.instructor("Other");
});
afterAll(async () => server.stop());

describe("assignment rules (pure)", () => {
  const opensAt = new Date("2026-03-01T00:00:00Z");
  const dueAt = new Date("2026-03-10T00:00:00Z");
  it("should refuse before the opening, and after the due date only under REFUSE", () => {
    expect(startRefusal({ opensAt, dueAt, latePolicy: "ACCEPT" }, new Date("2026-02-28T23:59:59Z"))).toBe("not_open");
    expect(startRefusal({ opensAt, dueAt, latePolicy: "REFUSE" }, dueAt)).toBeNull(); // at the due date itself: still in time
    expect(startRefusal({ opensAt, dueAt, latePolicy: "REFUSE" }, new Date(dueAt.getTime() + 1))).toBe("past_due");
    expect(startRefusal({ opensAt, dueAt, latePolicy: "ACCEPT_MARKED_LATE" }, new Date(dueAt.getTime() + DAY))).toBeNull();
    expect(startRefusal(null, new Date(0))).toBeNull();
  });
  it("should mark late only after the due date and not under ACCEPT", () => {
    const after = new Date(dueAt.getTime() + 1);
    expect(isLate({ dueAt, latePolicy: "ACCEPT_MARKED_LATE" }, after)).toBe(true);
    expect(isLate({ dueAt, latePolicy: "REFUSE" }, after)).toBe(true);
    expect(isLate({ dueAt, latePolicy: "ACCEPT" }, after)).toBe(false);
    expect(isLate({ dueAt, latePolicy: "ACCEPT_MARKED_LATE" }, dueAt)).toBe(false);
  });
  it("should give each state its meaning", () => {
    const t = { dueAt, latePolicy: "ACCEPT_MARKED_LATE" as const };
    const before = new Date("2026-03-05T00:00:00Z");
    const after = new Date("2026-03-11T00:00:00Z");
    expect(assignmentState(t, { doneAt: null, started: false }, before)).toBe("NOT_STARTED");
    expect(assignmentState(t, { doneAt: null, started: true }, before)).toBe("IN_PROGRESS");
    expect(assignmentState(t, { doneAt: null, started: true }, after)).toBe("OVERDUE");
    expect(assignmentState(t, { doneAt: before, started: true }, after)).toBe("DONE");
    expect(assignmentState(t, { doneAt: after, started: true }, after)).toBe("LATE");
    expect(assignmentState({ dueAt, latePolicy: "ACCEPT" }, { doneAt: after, started: true }, after)).toBe("DONE");
  });
  it("should take the most lenient terms of a learner's several classes", () => {
    const a = { opensAt, dueAt, latePolicy: "REFUSE" as const };
    const b = { opensAt, dueAt: new Date(dueAt.getTime() + DAY), latePolicy: "REFUSE" as const };
    const c = { opensAt, dueAt: b.dueAt, latePolicy: "ACCEPT" as const };
    expect(pickTerms([a, b, c])).toBe(c);
    expect(pickTerms([])).toBeNull();
  });
});

describe("the class's time zone", () => {
  it("should default to UTC, take the browser's IANA name when creating, and be changed by the class's instructor only", async () => {
    expect((await newClass("No zone")).timeZone).toBe("UTC");
    const room = await newClass("Casablanca", "Africa/Casablanca");
    expect(room.timeZone).toBe("Africa/Casablanca");
    const bad = await teacher.gql(`mutation { createClassroom(name: "x", timeZone: "Mars/Olympus") { id } }`);
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    const set = `mutation($id: ID!, $tz: String!) { setClassroomTimeZone(classroomId: $id, timeZone: $tz) { id timeZone } }`;
    expect(ok<any>(await teacher.gql(set, { id: room.id, tz: "America/New_York" })).setClassroomTimeZone.timeZone).toBe("America/New_York");
    expect(codeOf(await teacher.gql(set, { id: room.id, tz: "" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await other.gql(set, { id: room.id, tz: "UTC" }))).toBe("classroom/not_found");
    const read = ok<any>(await teacher.gql(`query($id: ID!) { classroom(id: $id) { timeZone } }`, { id: room.id }));
    expect(read.classroom.timeZone).toBe("America/New_York");
  });
});

describe("creating, editing and deleting assignments", () => {
  it("should assign a quiz and a lesson, list them soonest due first, and refuse what does not make sense", async () => {
    const room = await newClass("Crud", "Africa/Casablanca");
    const input = { classroomId: room.id, kind: "QUIZ", targetId: UNTIMED, opensAt: at(0), dueAt: at(7 * DAY), latePolicy: "ACCEPT" };
    const quiz = ok<any>(await teacher.gql(CREATE, { input })).createAssignment;
    expect(quiz).toMatchObject({ kind: "QUIZ", targetId: UNTIMED, lessonSlug: server.app.store.quizFile(UNTIMED)!.lesson, timeZone: "Africa/Casablanca", classroomName: "Crud", latePolicy: "ACCEPT" });
    const lessonSlug = server.app.store.content.lessons[0].slug;
    const lesson = ok<any>(await teacher.gql(CREATE, { input: { ...input, kind: "LESSON", targetId: lessonSlug, dueAt: at(3 * DAY) } })).createAssignment;
    expect(lesson.title).toBeTruthy();
    const listed = ok<any>(await teacher.gql(CLASS_LIST, { id: room.id })).classAssignments;
    expect(listed.map((a: any) => a.id)).toEqual([lesson.id, quiz.id]);
    expect(listed[0].state).toBeNull(); // the instructor has no state of their own
    expect(listed[0].report).toEqual({ notStarted: 0, inProgress: 0, done: 0, late: 0, overdue: 0, behind: [] });

    expect(codeOf(await teacher.gql(CREATE, { input }))).toBe("BAD_USER_INPUT"); // the same quiz twice
    expect(codeOf(await teacher.gql(CREATE, { input: { ...input, targetId: "fq-nope" } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await teacher.gql(CREATE, { input: { ...input, kind: "LESSON", targetId: "fx-nope" } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await teacher.gql(CREATE, { input: { ...input, targetId: AFTER_CLOSE, dueAt: input.opensAt } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await teacher.gql(CREATE, { input: { ...input, targetId: AFTER_CLOSE, dueAt: "tomorrow" } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await other.gql(CREATE, { input: { ...input, targetId: AFTER_CLOSE } }))).toBe("classroom/not_found");
    // Issue 13: an AFTER_CLOSE quiz's results may wait at most 30 days after it opens; the due date is its close.
    const afterClose = { ...input, targetId: AFTER_CLOSE, dueAt: at(30 * DAY + 60_000) };
    expect(codeOf(await teacher.gql(CREATE, { input: afterClose }))).toBe("BAD_USER_INPUT");
    const within = ok<any>(await teacher.gql(CREATE, { input: { ...afterClose, dueAt: at(30 * DAY) } })).createAssignment;
    expect(codeOf(await teacher.gql(UPDATE, { id: within.id, terms: { opensAt: input.opensAt, dueAt: at(31 * DAY), latePolicy: "ACCEPT" } }))).toBe("BAD_USER_INPUT");
    ok(await teacher.gql(DELETE, { id: within.id }));

    const terms = { opensAt: at(DAY), dueAt: at(10 * DAY), latePolicy: "REFUSE" };
    expect(ok<any>(await teacher.gql(UPDATE, { id: quiz.id, terms })).updateAssignment).toMatchObject({ id: quiz.id, latePolicy: "REFUSE", dueAt: terms.dueAt });
    expect(codeOf(await teacher.gql(UPDATE, { id: quiz.id, terms: { ...terms, dueAt: terms.opensAt } }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await other.gql(UPDATE, { id: quiz.id, terms }))).toBe("classroom/not_found");
    expect(codeOf(await other.gql(DELETE, { id: quiz.id }))).toBe("classroom/not_found");
    expect(ok<any>(await teacher.gql(DELETE, { id: quiz.id })).deleteAssignment).toBe(true);
    expect(codeOf(await teacher.gql(DELETE, { id: quiz.id }))).toBe("classroom/not_found");
    expect(ok<any>(await teacher.gql(CLASS_LIST, { id: room.id })).classAssignments.map((a: any) => a.id)).toEqual([lesson.id]);
  });
});

describe("the opening time and the late policies", () => {
  it("should refuse class members an assessment before it opens (practice and other learners unaffected)", async () => {
    const room = await newClass("Opening");
    const learner = await member("Opening learner", room.joinCode);
    const outsider = await server.learner("Outsider");
    ok(await teacher.gql(CREATE, { input: { classroomId: room.id, kind: "QUIZ", targetId: UNTIMED, opensAt: at(DAY), dueAt: at(5 * DAY), latePolicy: "ACCEPT" } }));
    const early = await learner.gql(START, { quizId: UNTIMED, mode: "ASSESSMENT" });
    expect(codeOf(early)).toBe("assignment/not_open");
    expect(early.body.errors![0].extensions!.opensAt).toBe(at(DAY));
    ok(await learner.gql(START, { quizId: UNTIMED, mode: "PRACTICE" }));
    ok(await outsider.gql(START, { quizId: UNTIMED, mode: "ASSESSMENT" }));
    expect(Number((await server.sql(`SELECT COUNT(*) AS n FROM attempt WHERE "userId" = ? AND mode = 'ASSESSMENT'`, [learner.id]))[0].n)).toBe(0);
    clock.advance(DAY);
    ok(await learner.gql(START, { quizId: UNTIMED, mode: "ASSESSMENT" }));
  });

  it("REFUSE: starting or finishing after the due date is refused, and the saved answers stay", async () => {
    const room = await newClass("Refuse");
    const early = await member("Early", room.joinCode);
    const late = await member("Late", room.joinCode);
    const a = ok<any>(await teacher.gql(CREATE, { input: { classroomId: room.id, kind: "QUIZ", targetId: UNTIMED, opensAt: at(0), dueAt: at(DAY), latePolicy: "REFUSE" } })).createAssignment;
    const attemptId = await startAndAnswer(early, UNTIMED);
    clock.advance(DAY + 1000);
    const refused = await early.gql(FINISH, { id: attemptId });
    expect(codeOf(refused)).toBe("assignment/past_due");
    const kept = ok<any>(await early.gql(ATTEMPT, { id: attemptId })).attempt;
    expect(kept.state).toBe("IN_PROGRESS");
    expect(kept.responses).toHaveLength(1);
    expect(codeOf(await late.gql(START, { quizId: UNTIMED, mode: "ASSESSMENT" }))).toBe("assignment/past_due");
    const mine = ok<any>(await late.gql(MINE, {})).myAssignments;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: a.id, state: "OVERDUE", report: null });
    // The instructor extends the due date: the kept attempt finishes, on time, with its answer.
    ok(await teacher.gql(UPDATE, { id: a.id, terms: { opensAt: a.opensAt, dueAt: at(DAY), latePolicy: "REFUSE" } }));
    const finished = ok<any>(await early.gql(FINISH, { id: attemptId })).finishAttempt;
    expect(finished.state).toBe("FINISHED");
    expect(finished.responses.filter((r: any) => r.status === "GRADED")).toHaveLength(1);
    expect(ok<any>(await early.gql(LATE, { id: attemptId })).attempt.late).toBe(false);
    expect(ok<any>(await early.gql(MINE, { quizId: UNTIMED })).myAssignments[0].state).toBe("DONE");
  });

  it("ACCEPT_MARKED_LATE marks a late finish (learner: LATE; instructor: the report); ACCEPT does not", async () => {
    const marked = await newClass("Marked");
    const accept = await newClass("Accept");
    const m = await member("Marked learner", marked.joinCode);
    const onTime = await member("On time", marked.joinCode);
    const a = await member("Accept learner", accept.joinCode);
    const terms = { kind: "QUIZ", targetId: UNTIMED, opensAt: at(0), dueAt: at(DAY), latePolicy: "ACCEPT_MARKED_LATE" };
    ok(await teacher.gql(CREATE, { input: { ...terms, classroomId: marked.id } }));
    ok(await teacher.gql(CREATE, { input: { ...terms, classroomId: accept.id, latePolicy: "ACCEPT" } }));
    const punctual = await startAndAnswer(onTime, UNTIMED);
    expect(ok<any>(await onTime.gql(FINISH, { id: punctual })).finishAttempt.state).toBe("FINISHED");
    const mAttempt = await startAndAnswer(m, UNTIMED);
    const aAttempt = await startAndAnswer(a, UNTIMED);
    expect(ok<any>(await m.gql(MINE, {})).myAssignments[0].state).toBe("IN_PROGRESS");
    clock.advance(2 * DAY);
    ok(await m.gql(FINISH, { id: mAttempt }));
    ok(await a.gql(FINISH, { id: aAttempt }));
    expect(ok<any>(await m.gql(LATE, { id: mAttempt })).attempt.late).toBe(true);
    expect(ok<any>(await a.gql(LATE, { id: aAttempt })).attempt.late).toBe(false);
    expect(ok<any>(await onTime.gql(LATE, { id: punctual })).attempt.late).toBe(false);
    expect(ok<any>(await m.gql(MINE, {})).myAssignments[0].state).toBe("LATE");
    expect(ok<any>(await a.gql(MINE, {})).myAssignments[0].state).toBe("DONE");
    const report = ok<any>(await teacher.gql(CLASS_LIST, { id: marked.id })).classAssignments[0].report;
    expect(report).toMatchObject({ done: 1, late: 1, overdue: 0, notStarted: 0, inProgress: 0 });
    expect(report.behind).toEqual([{ id: m.id, displayName: "Marked learner", state: "LATE", doneAt: clock.now().toISOString() }]);
    // The learner drill-down of the dashboard marks the attempt too.
    const detail = ok<any>(await teacher.gql(`query($id: ID!, $l: ID!) { classroom(id: $id) { learner(id: $l) { attempts { id late } } } }`, { id: marked.id, l: m.id }));
    expect(detail.classroom.learner.attempts.filter((x: any) => x.id === mAttempt)).toEqual([{ id: mAttempt, late: true }]);
  });
});

describe("behind, from due dates", () => {
  it("should list a member as BEHIND once an assignment is past due and not done, and not once it is done", async () => {
    const room = await newClass("Behind");
    const slow = await member("Slow", room.joinCode);
    const quick = await member("Quick", room.joinCode);
    const lessonSlug = server.app.store.content.lessons[1].slug;
    ok(await teacher.gql(CREATE, { input: { classroomId: room.id, kind: "LESSON", targetId: lessonSlug, opensAt: at(0), dueAt: at(DAY), latePolicy: "ACCEPT" } }));
    const behind = async () =>
      ok<any>(await teacher.gql(NEEDS_HELP, { id: room.id })).classroom.needsHelp.filter((n: any) => n.reasons.includes("BEHIND")).map((n: any) => n.learner.displayName);
    // Nobody is behind before the due date, although nobody has done anything (the class has assignments: due dates rule).
    expect(await behind()).toEqual([]);
    const complete = { input: { lessonSlug, completed: true } };
    ok(await quick.gql(RECORD, complete));
    clock.advance(DAY + 1);
    expect(await behind()).toEqual(["Slow"]);
    const mine = ok<any>(await slow.gql(MINE, {})).myAssignments;
    expect(mine.map((a: any) => a.state)).toEqual(["OVERDUE"]);
    ok(await slow.gql(RECORD, complete));
    expect(await behind()).toEqual([]);
  });
});

describe("AFTER_CLOSE waits for the class's due date", () => {
  it("should show a member's results at the class's due date, and a non-member's only at the content's close", async () => {
    const room = await newClass("After close", "Africa/Casablanca");
    const inClass = await member("In class", room.joinCode);
    const alone = await server.learner("Alone");
    const dueAt = at(3 * DAY);
    ok(await teacher.gql(CREATE, { input: { classroomId: room.id, kind: "QUIZ", targetId: AFTER_CLOSE, opensAt: at(0), dueAt, latePolicy: "ACCEPT_MARKED_LATE" } }));
    const mine = await startAndAnswer(inClass, AFTER_CLOSE);
    const theirs = await startAndAnswer(alone, AFTER_CLOSE);
    expect(ok<any>(await inClass.gql(FINISH, { id: mine })).finishAttempt.feedbackAvailable).toBe(false);
    expect(ok<any>(await alone.gql(FINISH, { id: theirs })).finishAttempt.feedbackAvailable).toBe(false);
    clock.set(new Date(new Date(dueAt).getTime() - 1000));
    expect(ok<any>(await inClass.gql(LATE, { id: mine })).attempt.feedbackAvailable).toBe(false);
    clock.set(dueAt);
    expect(ok<any>(await inClass.gql(LATE, { id: mine })).attempt).toMatchObject({ feedbackAvailable: true, late: false });
    const shown = ok<any>(await inClass.gql(ATTEMPT, { id: mine })).attempt;
    expect(shown.score).not.toBeNull();
    expect(ok<any>(await alone.gql(LATE, { id: theirs })).attempt.feedbackAvailable).toBe(false);
    // The learner's own progress page and data export follow the same close.
    const lesson = server.app.store.quizFile(AFTER_CLOSE)!.lesson;
    const grade = async (l: Learner) => ok<any>(await l.gql(MY_PROGRESS)).myProgress.lessons.find((x: any) => x.lessonSlug === lesson).bestScore;
    expect(await grade(inClass)).not.toBeNull();
    expect(await grade(alone)).toBeNull();
    // Its answers entered spaced review no earlier than the due date (AFTER_CLOSE's notBefore).
    const cards = await server.sql<{ due: string }>(`SELECT due FROM review_card WHERE "userId" = ?`, [inClass.id]);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(new Date(c.due).getTime()).toBeGreaterThanOrEqual(new Date(dueAt).getTime());
  });
});
