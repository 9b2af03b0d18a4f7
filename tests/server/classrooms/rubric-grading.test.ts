/**
 * Grading an essay by its rubric (issue 18, point 2): a mark per criterion with a comment, the total their sum;
 * bad marks refused with nothing changed; the learner sees "graded" with the marks and comments once the
 * review policy shows scores; a regrade keeps the earlier grade in the history; the queue pages past its limit
 * and filters by quiz, with a word count per essay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { checkMarks, wordCount } from "../../../server/src/classrooms/essay-marks.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, quizWhere } from "../../helpers/course-lookup.js";

const content = await fixtureContent();
const QUIZ = quizWhere(content, "an essay, results after finishing", (q) => hasEssay(q) && q.settings.reviewPolicy === "AFTER_FINISH");
const ESSAY = QUIZ.items.find((i) => i.type === "ESSAY")!;
if (ESSAY.type !== "ESSAY") throw new Error("not an essay");
const RUBRIC = ESSAY.rubric;

let server: TestServer;
let teacher: Learner;
let classId: string;
const learners: Learner[] = [];
const clock = new ManualClock("2026-09-01T08:00:00Z");

const GRADE = `mutation($input: GradeEssayInput!) { gradeEssay(input: $input) { id status score maxScore rubricMarks { criterionId score comment } } }`;
const QUEUE = `query($id: ID!, $offset: Int, $limit: Int, $quiz: ID) { classroom(id: $id) {
  pendingEssayCount(quizId: $quiz) pendingEssays(offset: $offset, limit: $limit, quizId: $quiz) { responseId quizId wordCount text learner { id } } } }`;

beforeAll(async () => {
  server = await startTestServer({ clock });
  teacher = await server.instructor("Ms Diallo");
  const room = (await teacher.gql(`mutation { createClassroom(name: "مقالات") { id joinCode } }`)).body.data.createClassroom;
  classId = room.id;
  for (let k = 0; k < 3; k++) {
    const l = await server.learner(`learner${k}`);
    await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: room.joinCode });
    const a = (await l.gql(START, { quizId: QUIZ.id, mode: "ASSESSMENT" })).body.data.startAttempt;
    clock.advance(1000);
    await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: ESSAY.id, answer: { text: k === 0 ? "التعاون العسكري بين مالي والمغرب، وأثره في الساحل." : `essay number ${k}` } } });
    expect((await l.gql(FINISH, { id: a.id })).body.errors).toBeUndefined();
    learners.push(l);
  }
});
afterAll(async () => server.stop());

describe("the pure rubric check", () => {
  const rubric = [
    { id: "a", points: 2 },
    { id: "b", points: 4 },
  ];
  it("should total the marks in the rubric's order", () => {
    expect(checkMarks(rubric, [{ criterionId: "b", score: 2.5, comment: " good " }, { criterionId: "a", score: 2 }])).toEqual({
      marks: [
        { criterionId: "a", score: 2, comment: null },
        { criterionId: "b", score: 2.5, comment: "good" },
      ],
      total: 4.5,
    });
  });
  it.each([
    [[{ criterionId: "a", score: 1 }], /missing: b/],
    [[{ criterionId: "a", score: 1 }, { criterionId: "a", score: 1 }, { criterionId: "b", score: 1 }], /twice/],
    [[{ criterionId: "a", score: 3 }, { criterionId: "b", score: 1 }], /between 0 and 2/],
    [[{ criterionId: "a", score: 1.1 }, { criterionId: "b", score: 1 }], /steps of 0.25/],
    [[{ criterionId: "z", score: 1 }, { criterionId: "b", score: 1 }], /no criterion "z"/],
  ])("should refuse %j", (marks, reason) => {
    const r = checkMarks(rubric, marks);
    expect("error" in r && r.error).toMatch(reason);
  });
  it("should count Arabic and Latin words", () => {
    expect(wordCount("التعاون العسكري بين مالي والمغرب، وأثره في الساحل.")).toBe(8);
    expect(wordCount("  it's a  test —  ok ")).toBe(4);
    expect(wordCount("")).toBe(0);
  });
});

describe("grading by rubric over GraphQL", () => {
  it("should page the queue, filter it by quiz and count each essay's words", async () => {
    const all = (await teacher.gql(QUEUE, { id: classId })).body.data.classroom;
    expect(all.pendingEssayCount).toBe(3);
    const first = (await teacher.gql(QUEUE, { id: classId, limit: 2 })).body.data.classroom.pendingEssays;
    const rest = (await teacher.gql(QUEUE, { id: classId, limit: 2, offset: 2 })).body.data.classroom.pendingEssays;
    expect([...first, ...rest].map((e: { responseId: string }) => e.responseId)).toEqual(all.pendingEssays.map((e: { responseId: string }) => e.responseId));
    expect(rest).toHaveLength(1);
    expect(all.pendingEssays[0].wordCount).toBe(8);
    const other = content.quizzes.find((q) => q.id !== QUIZ.id)!;
    const none = (await teacher.gql(QUEUE, { id: classId, quiz: other.id })).body.data.classroom;
    expect(none).toEqual({ pendingEssayCount: 0, pendingEssays: [] });
    expect((await teacher.gql(QUEUE, { id: classId, quiz: QUIZ.id })).body.data.classroom.pendingEssayCount).toBe(3);
  });

  it("should refuse marks that do not fit the rubric and change nothing", async () => {
    const [essay] = (await teacher.gql(QUEUE, { id: classId })).body.data.classroom.pendingEssays;
    const bad = [
      { criteria: [{ criterionId: RUBRIC[0].id, score: RUBRIC[0].points }] },
      { criteria: RUBRIC.map((c) => ({ criterionId: c.id, score: c.points + 1 })) },
      { criteria: RUBRIC.map((c) => ({ criterionId: c.id, score: 0 })), score: 1 },
      { criteria: RUBRIC.map((c) => ({ criterionId: c.id, score: 0, comment: "x".repeat(1001) })) },
    ];
    for (const b of bad) {
      const res = await teacher.gql(GRADE, { input: { responseId: essay.responseId, ...b } });
      expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(b)).toBe("BAD_USER_INPUT");
    }
    expect((await teacher.gql(QUEUE, { id: classId })).body.data.classroom.pendingEssayCount).toBe(3);
    expect(await server.sql(`SELECT id FROM essay_grade`)).toEqual([]);
  });

  it("should grade by criterion, show the learner the marks and comments, and keep a regrade's history", async () => {
    const mine = (await teacher.gql(QUEUE, { id: classId })).body.data.classroom.pendingEssays.find((e: { learner: { id: string } }) => e.learner.id === learners[0].id);
    // Half of each criterion but the last, which gets full marks.
    const marks = RUBRIC.map((c, i) => ({ criterionId: c.id, score: i === RUBRIC.length - 1 ? c.points : Math.floor(c.points * 2) / 4, comment: i === 0 ? "حجة واضحة" : null }));
    const total = marks.reduce((s, m) => s + m.score, 0);
    const res = await teacher.gql(GRADE, { input: { responseId: mine.responseId, criteria: marks, comment: "عمل جيد" } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.gradeEssay).toMatchObject({ status: "GRADED", score: total, maxScore: ESSAY.points });
    expect(res.body.data.gradeEssay.rubricMarks).toEqual(marks.map((m) => ({ ...m, comment: m.comment ?? null })));

    // The learner, results shown after finishing: "graded", the total, the marks with the rubric's words.
    const [{ attemptId }] = await server.sql(`SELECT "attemptId" FROM response WHERE id = ?`, [mine.responseId]);
    const seen = await learners[0].gql(
      `query($id: ID!) { attempt(id: $id) { responses { itemId status score maxScore feedback { comment } rubricMarks { criterionId criterion points score comment } } } }`,
      { id: attemptId },
    );
    const r = seen.body.data.attempt.responses.find((x: { itemId: string }) => x.itemId === ESSAY.id);
    expect(r).toMatchObject({ status: "GRADED", score: total, maxScore: ESSAY.points, feedback: { comment: "عمل جيد" } });
    expect(r.rubricMarks.map((m: { criterionId: string; points: number; score: number }) => [m.criterionId, m.points, m.score])).toEqual(RUBRIC.map((c, i) => [c.id, c.points, marks[i].score]));
    expect(r.rubricMarks[0].comment).toBe("حجة واضحة");
    expect(r.rubricMarks[0].criterion).toBe(RUBRIC[0].criterion.ar);

    // Regrade: full marks. The drill-down lists both grades, oldest first; the learner sees the new one.
    clock.advance(60_000);
    const again = await teacher.gql(GRADE, { input: { responseId: mine.responseId, criteria: RUBRIC.map((c) => ({ criterionId: c.id, score: c.points })) } });
    expect(again.body.data.gradeEssay.score).toBe(ESSAY.points);
    const detail = await teacher.gql(
      `query($id: ID!, $l: ID!) { classroom(id: $id) { learner(id: $l) { attempts { responses { id rubricMarks { score } gradeHistory { score comment gradedAt rubricMarks { criterionId score } } } } } } }`,
      { id: classId, l: learners[0].id },
    );
    const raw = detail.body.data.classroom.learner.attempts.flatMap((a: { responses: unknown[] }) => a.responses).find((x: { id: string }) => x.id === mine.responseId);
    expect(raw.gradeHistory.map((h: { score: number; comment: string | null }) => [h.score, h.comment])).toEqual([
      [total, "عمل جيد"],
      [ESSAY.points, null],
    ]);
    expect(raw.rubricMarks.map((m: { score: number }) => m.score)).toEqual(RUBRIC.map((c) => c.points));
    expect((await teacher.gql(QUEUE, { id: classId })).body.data.classroom.pendingEssayCount).toBe(2);
  });

  it("should still take one total without criteria, and record it in the history", async () => {
    const [essay] = (await teacher.gql(QUEUE, { id: classId })).body.data.classroom.pendingEssays;
    const res = await teacher.gql(GRADE, { input: { responseId: essay.responseId, score: 1 } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.gradeEssay).toMatchObject({ score: 1, rubricMarks: null });
    expect(await server.sql(`SELECT score FROM essay_grade WHERE "responseId" = ?`, [essay.responseId])).toEqual([{ score: 1 }]);
  });
});
