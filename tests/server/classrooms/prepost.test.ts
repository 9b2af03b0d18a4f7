// The diagnostic pre-test and the final assessment end to end over GraphQL (issue 13 point 5): the course
// names them by role, practice is refused on them, the learner sees their gain per objective, the class's
// instructors see pre → post per learner and the class average, in a constant number of statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { quizOfRole } from "../../helpers/course-lookup.js";
import type { QuizFile } from "../../../server/src/content/content.schema.js";

let server: TestServer;
let teacher: Learner;
let otherTeacher: Learner;
let classId: string;
let code: string;
const statements: string[] = [];
const clock = new ManualClock("2026-09-01T08:00:00Z");
const content = await fixtureContent();
const PRE = quizOfRole(content, "diagnostic");
const POST = quizOfRole(content, "final");
const OBJECTIVES = content.lessons.flatMap((l) => l.objectives.map((o) => o.id));

const GAINS = `{ myGains { diagnosticQuizId finalQuizId preTaken postTaken diagnosticAttemptsUsed finalAttemptsUsed overall { pre post raw normalized alreadyMastered }
  objectives { objectiveId objectiveText lessonSlug pre post raw normalized alreadyMastered } } }`;
const CLASS = `query($id: ID!) { classroom(id: $id) { prePost(limit: 200) { learner { id displayName } pre post raw normalized alreadyMastered }
  prePostAverage { learners pre post raw normalized alreadyMastered } } }`;

/** Takes one assessment attempt of a quiz, answering right the items `right` picks (by item), and finishes it. */
async function take(l: Learner, quiz: QuizFile, right: (itemId: string) => boolean): Promise<void> {
  const a = (await l.gql(START, { quizId: quiz.id, mode: "ASSESSMENT" })).body.data.startAttempt;
  for (const item of quiz.items) {
    const answer = right(item.id) ? rightAnswerInput(item, server.app.store.ids) : wrongAnswerInput(item, server.app.store.ids);
    const res = await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer } });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  }
  expect((await l.gql(FINISH, { id: a.id })).body.errors).toBeUndefined();
  clock.advance(60_000);
}

/** The objective each item of a quiz assesses (the fixture's pre and post have one per item). */
const objectiveOf = (quiz: QuizFile, itemId: string) => quiz.items.find((i) => i.id === itemId)!.objectives[0];

beforeAll(async () => {
  server = await startTestServer({ clock, onQuery: (q) => statements.push(q) });
  teacher = await server.instructor("Ms Diallo");
  otherTeacher = await server.instructor("Mr Keita");
  ({ id: classId, joinCode: code } = (await teacher.gql(`mutation { createClassroom(name: "Pre-post") { id joinCode } }`)).body.data.createClassroom);
});
afterAll(async () => server.stop());

describe("the diagnostic and the final", () => {
  it("should be named by role on the course, belong to no lesson, and refuse practice", async () => {
    const res = await server.gql(`{ course { diagnostic { id role lessonSlug } final { id role lessonSlug } lessons { quiz { role } } } }`);
    expect(res.body.errors).toBeUndefined();
    const c = (res.body.data as any).course;
    expect(c.diagnostic).toEqual({ id: PRE.id, role: "DIAGNOSTIC", lessonSlug: null });
    expect(c.final).toEqual({ id: POST.id, role: "FINAL", lessonSlug: null });
    expect(c.lessons.every((l: any) => l.quiz.role === "LESSON")).toBe(true);
    const l = await server.learner("practiser");
    const practice = await l.gql(START, { quizId: PRE.id, mode: "PRACTICE" });
    expect(practice.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("should show the learner nothing taken, then pre only, then gain per objective", async () => {
    const l = await server.learner("Amina");
    const empty = (await l.gql(GAINS)).body.data.myGains;
    expect(empty).toMatchObject({ diagnosticQuizId: PRE.id, finalQuizId: POST.id, preTaken: false, postTaken: false, diagnosticAttemptsUsed: 0, finalAttemptsUsed: 0 });
    expect(empty.objectives.map((o: any) => o.objectiveId)).toEqual(OBJECTIVES);
    expect(empty.objectives.every((o: any) => o.pre === null && o.post === null && o.normalized === null)).toBe(true);

    // Pre: the first half of the objectives right.
    const knownBefore = new Set(OBJECTIVES.slice(0, OBJECTIVES.length / 2));
    await take(l, PRE, (id) => knownBefore.has(objectiveOf(PRE, id)));
    const afterPre = (await l.gql(GAINS)).body.data.myGains;
    expect(afterPre.preTaken).toBe(true);
    expect(afterPre.postTaken).toBe(false);
    expect([afterPre.diagnosticAttemptsUsed, afterPre.finalAttemptsUsed]).toEqual([1, 0]);
    expect(afterPre.overall.pre).toBe(0.5);
    for (const o of afterPre.objectives) expect([o.objectiveId, o.pre, o.post]).toEqual([o.objectiveId, knownBefore.has(o.objectiveId) ? 1 : 0, null]);

    // Post: everything right but the last objective.
    const missed = OBJECTIVES[OBJECTIVES.length - 1];
    await take(l, POST, (id) => objectiveOf(POST, id) !== missed);
    const g = (await l.gql(GAINS)).body.data.myGains;
    expect(g.postTaken).toBe(true);
    expect(g.overall).toEqual({ pre: 0.5, post: 0.9, raw: 0.4, normalized: 0.8, alreadyMastered: false });
    for (const o of g.objectives) {
      const pre = knownBefore.has(o.objectiveId) ? 1 : 0;
      const post = o.objectiveId === missed ? 0 : 1;
      expect(o).toMatchObject({ pre, post, raw: post - pre, alreadyMastered: pre === 1, normalized: pre === 1 ? null : post - pre });
      expect(o.objectiveText.length).toBeGreaterThan(0);
    }
    // The final counts by its grading method: a worse second attempt does not lower a HIGHEST final.
    expect(POST.settings.gradingMethod).toBe("HIGHEST");
    await take(l, POST, () => false);
    const again = (await l.gql(GAINS)).body.data.myGains;
    expect(again.overall.post).toBe(0.9);
    // Attempts used, for the quiz page's "none left" (the final allows 2).
    expect([again.diagnosticAttemptsUsed, again.finalAttemptsUsed]).toEqual([1, 2]);
  });

  it("should show the class's instructors pre → post per learner and the class average, and nobody else", async () => {
    const amina = (await server.learner("Bakary"));
    const chaima = await server.learner("Chaima");
    for (const l of [amina, chaima]) await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: code });
    await take(amina, PRE, (id) => PRE.items.findIndex((i) => i.id === id) < 2); // 0.2
    await take(amina, POST, (id) => POST.items.findIndex((i) => i.id === id) < 6); // 0.6
    await take(chaima, PRE, (id) => PRE.items.findIndex((i) => i.id === id) < 4); // 0.4 and no final yet

    const res = await teacher.gql(CLASS, { id: classId });
    expect(res.body.errors).toBeUndefined();
    const rows = new Map(res.body.data.classroom.prePost.map((r: any) => [r.learner.id, r]));
    expect(rows.get(amina.id)).toMatchObject({ pre: 0.2, post: 0.6, raw: 0.4, normalized: 0.5, alreadyMastered: false });
    expect(rows.get(chaima.id)).toMatchObject({ pre: 0.4, post: null, raw: null, normalized: null });
    // Hake's average over the learners with both: only Bakary so far.
    expect(res.body.data.classroom.prePostAverage).toEqual({ learners: 1, pre: 0.2, post: 0.6, raw: 0.4, normalized: 0.5, alreadyMastered: false });

    for (const who of [amina, otherTeacher]) {
      const refused = await who.gql(CLASS, { id: classId });
      expect(refused.body.data?.classroom?.prePost ?? null).toBeNull();
      expect(refused.body.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|classroom\/not_found/);
    }
  });

  it("should read pre → post in the same number of statements whatever the roster size", async () => {
    const count = async () => {
      statements.length = 0;
      const res = await teacher.gql(CLASS, { id: classId });
      expect(res.body.errors).toBeUndefined();
      return statements.filter((s) => /^\s*SELECT/i.test(s) && !/"session"|FROM "user" "UserRow"|session/i.test(s)).length;
    };
    const small = await count();
    for (let i = 0; i < 8; i++) {
      const l = await server.learner(`extra${i}`);
      await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: code });
      // Finished attempts with no answer are enough: the class's view reads the attempts' scores.
      for (const quiz of [PRE, POST]) {
        const a = (await l.gql(START, { quizId: quiz.id, mode: "ASSESSMENT" })).body.data.startAttempt;
        await l.gql(FINISH, { id: a.id });
      }
    }
    const large = await count();
    expect(large).toBe(small);
    expect(small).toBeLessThan(10);
    const avg = (await teacher.gql(CLASS, { id: classId })).body.data.classroom.prePostAverage;
    expect(avg.learners).toBe(1 + 8); // Bakary and the eight took both; Chaima has no final; Amina is no member
  }, 60_000);
});
