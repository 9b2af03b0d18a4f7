/**
 * Classes over HTTP: create, join by code, the dashboard, item statistics against a direct computation,
 * essay grading, the gradebook, code regeneration and removal; statement counts that do not grow with the roster.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, lessonOf, quizWhere } from "../../helpers/course-lookup.js";
import { rebuildStats } from "../../../server/src/classrooms/stat-rollup.js";

let server: TestServer;
let teacher: Learner;
let classId: string;
let code: string;
const learners: Learner[] = [];
const statements: string[] = [];
const clock = new ManualClock("2026-09-01T08:00:00Z");
// From the content a test server serves (the fixture course): a quiz with an essay, two assessment attempts and
// results after finishing; its lesson; the course's last lesson; what a graded essay scores here.
const content = await fixtureContent();
const QUIZ_FILE = quizWhere(content, "an essay, two or more attempts and results after finishing", (q) => hasEssay(q) && q.settings.maxAttempts >= 2 && q.settings.reviewPolicy === "AFTER_FINISH");
const QUIZ = QUIZ_FILE.id;
const LESSON = lessonOf(content, QUIZ_FILE);
const LAST = content.lessons[content.lessons.length - 1];
const ESSAY_POINTS = QUIZ_FILE.items.find((i) => i.type === "ESSAY")!.points;
const GIVEN = ESSAY_POINTS * 0.75; // below full marks: the essay is not "correct"

beforeAll(async () => {
  server = await startTestServer({ clock, onQuery: (q) => statements.push(q) });
  teacher = await server.instructor("Ms Diallo");
});
afterAll(async () => server.stop());

/** Which items learner k answers right: a pattern that gives varied totals. */
const rightFor = (k: number, i: number) => (k === 0 ? true : k === 1 ? i % 2 === 0 : k === 2 ? i < 3 : i === 0 || i === 5);

describe("a class", () => {
  it("should be created with a short unambiguous join code", async () => {
    const res = await teacher.gql(`mutation { createClassroom(name: "الصف العاشر — أ") { id name joinCode } }`);
    expect(res.body.errors).toBeUndefined();
    ({ id: classId, joinCode: code } = res.body.data.createClassroom);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/);
    const mine = await teacher.gql(`{ myClassrooms { id name joinCode } }`);
    expect(mine.body.data.myClassrooms).toEqual([{ id: classId, name: "الصف العاشر — أ", joinCode: code }]);
  });

  it("should let learners join by code typed in any case, with spaces, and only once", async () => {
    const names = ["أمينة", "Bakary", "Chaima", "Driss"];
    for (const n of names) learners.push(await server.learner(n));
    for (const [k, l] of learners.entries()) {
      const typed = k === 1 ? code.toLowerCase().replace("-", " ") : code;
      const res = await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id name joinCode } }`, { c: typed });
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      expect(res.body.data.joinClassroom).toEqual({ id: classId, name: "الصف العاشر — أ", joinCode: null });
    }
    await learners[0].gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: code });
    const count = await teacher.gql(`query($id: ID!) { classroom(id: $id) { learnerCount } }`, { id: classId });
    expect(count.body.data.classroom.learnerCount).toBe(4);
    const bad = await learners[0].gql(`mutation { joinClassroom(code: "AAAA-AAAA") { id } }`);
    expect(bad.body.errors?.[0].extensions?.code).toBe("classroom/bad_code");
  });

  it("should compute item statistics that match a direct computation over the attempts", async () => {
    const quiz = server.app.store.quizFile(QUIZ)!;
    const auto = quiz.items.filter((i) => i.type !== "ESSAY");
    for (const [k, l] of learners.entries()) {
      const a = (await l.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
      for (const [i, item] of auto.entries()) {
        const answer = rightFor(k, i) ? rightAnswerInput(item, server.app.store.ids) : wrongAnswerInput(item, server.app.store.ids);
        await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer } });
      }
      const essay = quiz.items.find((i) => i.type === "ESSAY")!;
      await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: essay.id, answer: { text: `مقال المتعلم ${k}` } } });
      await l.gql(FINISH, { id: a.id });
      clock.advance(60_000);
    }
    // A second attempt by learner 3 (all right) counts only with allAttempts.
    const again = (await learners[3].gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    for (const item of auto) await learners[3].gql(SUBMIT, { input: { attemptId: again.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
    await learners[3].gql(FINISH, { id: again.id });

    const q = `query($id: ID!, $quiz: ID!, $all: Boolean) { classroom(id: $id) { itemStats(quizId: $quiz, allAttempts: $all) {
      itemId type attempts responses facilityIndex discriminationIndex needsCheck checkReasons distribution { key label correct count } } } }`;
    const first = (await teacher.gql(q, { id: classId, quiz: QUIZ })).body.data.classroom.itemStats;
    const all = (await teacher.gql(q, { id: classId, quiz: QUIZ, all: true })).body.data.classroom.itemStats;
    expect(first[0].attempts).toBe(4);
    expect(all[0].attempts).toBe(5);

    // Direct computation: per-attempt item scores x and totals t, Pearson r(x, t − x).
    const pearson = (xs: number[], ys: number[]) => {
      const n = xs.length;
      const mx = xs.reduce((s, v) => s + v, 0) / n;
      const my = ys.reduce((s, v) => s + v, 0) / n;
      const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
      const vx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
      const vy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
      return vx === 0 || vy === 0 ? null : Math.round((cov / Math.sqrt(vx * vy)) * 10_000) / 10_000;
    };
    const totals = learners.map((_, k) => auto.reduce((s, item, i) => s + (rightFor(k, i) ? item.points : 0), 0));
    for (const [i, item] of auto.entries()) {
      const xs = learners.map((_, k) => (rightFor(k, i) ? item.points : 0));
      const stat = first.find((s: any) => s.itemId === item.id);
      const facility = Math.round((xs.reduce((s, v) => s + v, 0) / (4 * item.points)) * 10_000) / 10_000;
      expect(stat.facilityIndex, item.id).toBeCloseTo(facility, 4);
      const r = pearson(xs, totals.map((t, k) => t - xs[k]));
      if (r === null) expect(stat.discriminationIndex, item.id).toBeNull();
      else expect(stat.discriminationIndex, item.id).toBeCloseTo(r, 3);
      expect(stat.needsCheck).toBe(stat.checkReasons.length > 0);
    }
    // The first item everyone answered right: too easy, and its distribution counts the right option 4 times.
    const easy = first.find((s: any) => s.itemId === auto[0].id);
    expect(easy.facilityIndex).toBe(1);
    expect(easy.checkReasons).toContain("TOO_EASY");
    if (auto[0].type === "SINGLE_CHOICE") expect(easy.distribution.find((d: any) => d.correct).count).toBe(4);
  });

  it("should list pending essays, grade one, and update the attempt score, the stats and the learner's feedback", async () => {
    const pending = (await teacher.gql(`query($id: ID!) { classroom(id: $id) { pendingEssays { responseId learner { id displayName } text maxScore rubric { id points } } } }`, { id: classId }))
      .body.data.classroom.pendingEssays;
    expect(pending).toHaveLength(4); // Driss's second attempt left the essay out
    const target = pending.find((p: any) => p.learner.id === learners[1].id);
    expect(target.text).toBe("مقال المتعلم 1");
    const before = await server.sql(`SELECT score, "maxScore" FROM attempt WHERE "userId" = ? AND "quizId" = ?`, [learners[1].id, QUIZ]);

    const bad = await teacher.gql(`mutation($i: GradeEssayInput!) { gradeEssay(input: $i) { id } }`, { i: { responseId: target.responseId, score: ESSAY_POINTS + 1 } });
    expect(bad.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const res = await teacher.gql(`mutation($i: GradeEssayInput!) { gradeEssay(input: $i) { status score correct feedback { comment } } }`, {
      i: { responseId: target.responseId, score: GIVEN, comment: "تحليل جيد، ينقصه التمييز بين الوقائع والاحتمالات." },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.gradeEssay).toMatchObject({ status: "GRADED", score: GIVEN, correct: false });
    const after = await server.sql(`SELECT score, "maxScore" FROM attempt WHERE "userId" = ? AND "quizId" = ?`, [learners[1].id, QUIZ]);
    expect(after[0].score).toBeCloseTo(before[0].score + GIVEN, 5);
    expect(after[0].maxScore).toBeCloseTo(before[0].maxScore + ESSAY_POINTS, 5);

    const attemptId = (await server.sql(`SELECT id FROM attempt WHERE "userId" = ? AND "quizId" = ?`, [learners[1].id, QUIZ]))[0].id;
    const seen = await learners[1].gql(`query($id: ID!) { attempt(id: $id) { score responses { itemId status score feedback { comment } } } }`, { id: attemptId });
    const essayId = server.app.store.quizFile(QUIZ)!.items.find((i) => i.type === "ESSAY")!.id;
    expect(seen.body.data.attempt.responses.find((r: any) => r.itemId === essayId)).toMatchObject({
      status: "GRADED",
      score: GIVEN,
      feedback: { comment: "تحليل جيد، ينقصه التمييز بين الوقائع والاحتمالات." },
    });
    const left = (await teacher.gql(`query($id: ID!) { classroom(id: $id) { pendingEssays { responseId } } }`, { id: classId })).body.data.classroom.pendingEssays;
    expect(left).toHaveLength(3);
  });

  it("should show the roster × lesson matrix, averages, mastery heat-map, needs-help list, activity and a drill-down", async () => {
    await learners[0].gql(`mutation { recordLessonProgress(input: { lessonSlug: "${LESSON.slug}", completed: true }) { status } }`);
    const res = await teacher.gql(
      `query($id: ID!, $l: ID!) { classroom(id: $id) {
        progress(limit: 10) { learner { id displayName } lessons { lessonSlug status bestScore } objectives { objectiveId level fraction } }
        lessonAverages { lessonSlug completed completionRate averageBestScore assessed }
        mastery { objectiveId notStarted attempted familiar proficient mastered averageFraction }
        needsHelp(threshold: 0.6) { learner { displayName } reasons averageBestScore }
        recentActivity(limit: 5) { type learnerName quizId at }
        learner(id: $l) { learner { displayName } attempts { quizId attemptNumber state score responses { itemId itemVersion itemType answer { choiceIds text sequence } status score } } }
      } }`,
      { id: classId, l: learners[3].id },
    );
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    const c = res.body.data.classroom;
    expect(c.progress.map((r: any) => r.learner.displayName)).toEqual(["Bakary", "Chaima", "Driss", "أمينة"]);
    const amina = c.progress.find((r: any) => r.learner.displayName === "أمينة");
    expect(amina.lessons.find((l: any) => l.lessonSlug === LESSON.slug)).toMatchObject({ status: "COMPLETED" });
    expect(amina.lessons.find((l: any) => l.lessonSlug === LESSON.slug).bestScore).toBe(1);
    const l3 = c.lessonAverages.find((l: any) => l.lessonSlug === LESSON.slug);
    expect(l3).toMatchObject({ completed: 1, completionRate: 0.25, assessed: 4 });
    const o = c.mastery.find((m: any) => m.objectiveId === LESSON.objectives[0].id);
    expect(o.notStarted + o.attempted + o.familiar + o.proficient + o.mastered).toBe(4);
    // Chaima got 3 of the items right; Driss did badly at first but his best (second) attempt is perfect.
    expect(c.needsHelp.map((n: any) => n.learner.displayName)).toContain("Chaima");
    expect(c.needsHelp.map((n: any) => n.learner.displayName)).not.toContain("Driss");
    expect(c.needsHelp.find((n: any) => n.learner.displayName === "Chaima").reasons).toContain("LOW_SCORES");
    expect(c.recentActivity.length).toBe(5);
    const detail = c.learner;
    expect(detail.learner.displayName).toBe("Driss");
    expect(detail.attempts.map((a: any) => a.attemptNumber)).toEqual([1, 2]);
    expect(detail.attempts[0].responses[0].itemVersion).toBe(1);
    expect(detail.attempts[0].responses.length).toBe(server.app.store.quizFile(QUIZ)!.items.length);
  });

  it("should rename the class (trimmed, 1 to 120 characters); nobody else may", async () => {
    const res = await teacher.gql(`mutation($id: ID!, $n: String!) { renameClassroom(classroomId: $id, name: $n) { id name } }`, { id: classId, n: "  الصف العاشر — ب  " });
    expect(res.body.data.renameClassroom).toEqual({ id: classId, name: "الصف العاشر — ب" });
    for (const n of ["   ", "x".repeat(121)]) {
      const bad = await teacher.gql(`mutation($id: ID!, $n: String!) { renameClassroom(classroomId: $id, name: $n) { id } }`, { id: classId, n });
      expect(bad.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    const other = await server.instructor("Mr Keita");
    const theirs = await other.gql(`mutation($id: ID!) { renameClassroom(classroomId: $id, name: "mine") { id } }`, { id: classId });
    expect(theirs.body.errors?.[0].extensions?.code).toBe("classroom/not_found");
    expect((await teacher.gql(`query($id: ID!) { classroom(id: $id) { name } }`, { id: classId })).body.data.classroom.name).toBe("الصف العاشر — ب");
    await teacher.gql(`mutation($id: ID!) { renameClassroom(classroomId: $id, name: "الصف العاشر — أ") { id } }`, { id: classId });
  });

  it("should export a gradebook CSV: UTF-8 with BOM, a row per learner, a column per quiz", async () => {
    const csv: string = (await teacher.gql(`query($id: ID!) { classroom(id: $id) { gradebookCsv(locale: EN) } }`, { id: classId })).body.data.classroom.gradebookCsv;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trim().split("\r\n");
    expect(rows).toHaveLength(5);
    expect(rows[0].split(",").length).toBe(3 + server.app.store.content.quizzes.length);
    const amina = rows.find((r) => r.startsWith("أمينة"))!;
    expect(amina.split(",")[1]).toMatch(/@example\.test$/); // the disambiguator column: the email by default
    const col = 2 + server.app.store.content.quizzes.findIndex((q) => q.id === QUIZ);
    expect(amina.split(",")[col]).toBe("100.0");
    // AVERAGE grading: Driss's two attempts average.
    expect(Number(rows.find((r) => r.startsWith("Driss"))!.split(",")[col])).toBeGreaterThan(0);
  });

  it("should issue the same number of SQL statements for the dashboard whatever the roster size", async () => {
    const DASHBOARD = `query($id: ID!, $quiz: ID!) { classroom(id: $id) { learnerCount
      progress(limit: 200) { learner { id } lessons { status bestScore } objectives { level } }
      lessonAverages { completed averageBestScore } mastery { attempted } needsHelp { learner { id } }
      recentActivity { type } itemStats(quizId: $quiz) { facilityIndex discriminationIndex distribution { count } } } }`;
    const count = async () => {
      statements.length = 0;
      const res = await teacher.gql(DASHBOARD, { id: classId, quiz: QUIZ });
      expect(res.body.errors).toBeUndefined();
      return statements.filter((s) => /^\s*SELECT/i.test(s) && !/"session"|FROM "user" "UserRow"|session/i.test(s)).length;
    };
    const small = await count();
    for (let i = 0; i < 30; i++) {
      const l = await server.learner(`extra${i}`);
      await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: code });
      const a = (await l.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
      const item = server.app.store.quizFile(QUIZ)!.items[i % 5];
      await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
      await l.gql(FINISH, { id: a.id });
    }
    const large = await count();
    expect(large).toBe(small);
    expect(small).toBeLessThan(30);
  });

  it("should regenerate the code (the old one stops working) and remove a learner", async () => {
    const fresh = (await teacher.gql(`mutation($id: ID!) { regenerateJoinCode(classroomId: $id) { joinCode } }`, { id: classId })).body.data.regenerateJoinCode.joinCode;
    expect(fresh).not.toBe(code);
    const late = await server.learner("late");
    expect((await late.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: code })).body.errors?.[0].extensions?.code).toBe("classroom/bad_code");
    expect((await late.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: fresh })).body.errors).toBeUndefined();
    const removed = await teacher.gql(`mutation($id: ID!, $l: ID!) { removeLearner(classroomId: $id, learnerId: $l) }`, { id: classId, l: late.id });
    expect(removed.body.data.removeLearner).toBe(true);
    const again = await teacher.gql(`mutation($id: ID!, $l: ID!) { removeLearner(classroomId: $id, learnerId: $l) }`, { id: classId, l: late.id });
    expect(again.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await late.gql(`{ myClassrooms { id } }`)).body.data.myClassrooms).toEqual([]);
  });

  it("should keep the incremental statistics equal to a rebuild from the raw rows (after joins, removals, regrades)", async () => {
    // A learner with a finished assessment joins late, and another leaves: both move the class's sums.
    const late = await server.learner("late-joiner");
    const a = (await late.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    const item = server.app.store.quizFile(QUIZ)!.items[0];
    await late.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
    await late.gql(FINISH, { id: a.id });
    const code2 = (await teacher.gql(`query($id: ID!) { classroom(id: $id) { joinCode } }`, { id: classId })).body.data.classroom.joinCode;
    await late.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: code2 });
    await teacher.gql(`mutation($id: ID!, $l: ID!) { removeLearner(classroomId: $id, learnerId: $l) }`, { id: classId, l: learners[2].id });
    // Completing a lesson already started (a paragraph read first, then "completed") moves the class's sums too.
    const progress = `mutation($i: LessonProgressInput!) { recordLessonProgress(input: $i) { status } }`;
    await learners[1].gql(progress, { i: { lessonSlug: LAST.slug, paragraphId: LAST.sections[0].paragraphs[0].id } });
    expect((await learners[1].gql(progress, { i: { lessonSlug: LAST.slug, completed: true } })).body.data.recordLessonProgress.status).toBe("COMPLETED");
    const averages = (await teacher.gql(`query($id: ID!) { classroom(id: $id) { lessonAverages { lessonSlug completed } } }`, { id: classId })).body.data.classroom;
    expect(averages.lessonAverages.find((l: any) => l.lessonSlug === LAST.slug).completed).toBe(1);

    const read = async () => ({
      attempts: (await server.sql(`SELECT "classroomId", "quizId", scope, n, "sumT", "sumT2" FROM stat_attempt_sum WHERE n <> 0 ORDER BY 1, 2, 3`)) as any[],
      items: (await server.sql(`SELECT "classroomId", "quizId", scope, "itemId", "answerKey", n, graded, "sumX", "sumX2", "sumXT" FROM stat_item_sum WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`)) as any[],
      best: (await server.sql(`SELECT * FROM quiz_best ORDER BY 1, 2`)) as any[],
      lessons: (await server.sql(`SELECT * FROM class_lesson_sum WHERE completed <> 0 ORDER BY 1, 2`)) as any[],
      quizzes: (await server.sql(`SELECT * FROM class_quiz_sum WHERE n <> 0 ORDER BY 1, 2`)) as any[],
      // A learner without a row reads as zeros (LEFT JOIN … COALESCE), so empty rows are left out of the comparison.
      summary: (await server.sql(
        `SELECT * FROM learner_summary WHERE "lessonsCompleted" > 0 OR "weakObjectives" > 0 OR "averageBest" IS NOT NULL ORDER BY 1`,
      )) as any[],
    });
    const incremental = await read();
    expect(incremental.items.length).toBeGreaterThan(10);
    await server.app.writes.run((em) => rebuildStats(em));
    const rebuilt = await read();
    const close = (x: any[], y: any[]) => {
      expect(x.length).toBe(y.length);
      x.forEach((row, i) => {
        for (const k of Object.keys(row)) {
          if (typeof row[k] === "number") expect(row[k], `${k} of ${JSON.stringify(row)}`).toBeCloseTo(y[i][k], 6);
          else expect(row[k]).toBe(y[i][k]);
        }
      });
    };
    close(incremental.attempts, rebuilt.attempts);
    close(incremental.items, rebuilt.items);
    close(incremental.best, rebuilt.best);
    close(incremental.summary, rebuilt.summary);
    close(incremental.lessons, rebuilt.lessons);
    close(incremental.quizzes, rebuilt.quizzes);
    expect(incremental.quizzes.length).toBeGreaterThan(0);
  });
});
