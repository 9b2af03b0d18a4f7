/**
 * Certainty-based marking and hints from the evidence (issue 15, points 4 and 5) over real HTTP: the
 * certainty travels with the answer and is stored; the CBM mark and the calibration appear once the score
 * may be seen; off/optional/required are enforced; hints reveal the section, then the paragraph, survive a
 * reload, are refused in assessments, weigh mastery by 0.75 each (learner's and stored views, and the
 * rebuild), and show to the instructor in the drill-down, the item statistics and the class calibration.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseContent } from "../../../server/src/content/content.model.js";
import type { Item, QuizFile } from "../../../server/src/content/content.schema.js";
import { rebuildObjectiveMastery } from "../../../server/src/progress/mastery.query.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { quizWhere } from "../../helpers/course-lookup.js";
import { START } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";

// The fixture quiz with hints and optional certainty in practice; here its assessment requires a certainty.
const base = await fixtureContent();
const content: CourseContent = structuredClone(base);
const TOOLS: QuizFile = quizWhere(content, "hints and certainty in practice", (q) => q.settings.hints === true && q.settings.certainty?.practice === "optional");
TOOLS.settings.certainty = { practice: "optional", assessment: "required" };
const PLAIN: QuizFile = quizWhere(content, "no certainty and no hints", (q) => !q.settings.hints && !q.settings.certainty && q.settings.reviewPolicy === "AFTER_FINISH");
const single = (q: QuizFile) => q.items.find((i) => i.type === "SINGLE_CHOICE")!;

const SUBMIT = `mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) { itemId status score maxScore correct certainty hintsUsed cbmMark feedback { explanation } } }`;
const HINT = `mutation($a: ID!, $i: ID!) { takeHint(attemptId: $a, itemId: $i) { itemId used max lessonSlug lessonTitle sectionId sectionHeading paragraphs { paragraphId text } } }`;
const VIEW = `query($id: ID!) { attempt(id: $id) { id mode certaintyMode hintsAvailable
  hints { itemId used sectionId paragraphs { paragraphId } }
  responses { itemId certainty hintsUsed cbmMark }
  calibration { answers averageMark levels { certainty answers accuracy verdict } } } }`;
const FINISH = `mutation($id: ID!) { finishAttempt(attemptId: $id) { id state calibration { answers averageMark levels { certainty answers accuracy verdict } } responses { itemId cbmMark certainty } } }`;

let server: TestServer;
const clock = new ManualClock("2026-06-01T08:00:00Z");
beforeAll(async () => {
  server = await startTestServer({ content, clock });
});
afterAll(async () => server.stop());

const code = (r: { body: { errors?: { extensions?: { code?: string } }[] } }) => r.body.errors?.[0]?.extensions?.code;
const start = async (who: Learner, quizId: string, mode: "PRACTICE" | "ASSESSMENT") => {
  const r = await who.gql(START, { quizId, mode });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.startAttempt.id as string;
};
const answer = (who: Learner, attemptId: string, item: Item, right: boolean, certainty?: number | null) =>
  who.gql(SUBMIT, { input: { attemptId, itemId: item.id, answer: (right ? rightAnswerInput : wrongAnswerInput)(item, server.app.store.ids), certainty } });

describe("certainty-based marking", () => {
  it("should store the certainty and mark a practice answer by Moodle's scheme", async () => {
    const me = await server.learner("cbm");
    const id = await start(me, TOOLS.id, "PRACTICE");
    const item = single(TOOLS);
    const sure = (await answer(me, id, item, true, 3)).body.data.submitAnswer;
    expect(sure).toMatchObject({ correct: true, certainty: 3, cbmMark: 3 * item.points, score: item.points });
    const wrongFairly = (await answer(me, id, item, false, 2)).body.data.submitAnswer;
    expect(wrongFairly).toMatchObject({ correct: false, certainty: 2, cbmMark: -2 * item.points, score: 0 });
    const tf = TOOLS.items.find((i) => i.type === "TRUE_FALSE")!;
    const unsure = (await answer(me, id, tf, false, 1)).body.data.submitAnswer;
    expect(unsure).toMatchObject({ certainty: 1, cbmMark: 0 });
    const none = (await answer(me, id, TOOLS.items.find((i) => i.type === "MULTIPLE_CHOICE")!, true)).body.data.submitAnswer;
    expect(none).toMatchObject({ certainty: null, cbmMark: null });
    expect(await server.sql(`SELECT "itemId", certainty FROM response WHERE "attemptId" = ? AND certainty IS NOT NULL ORDER BY certainty`, [id])).toEqual([
      { itemId: tf.id, certainty: 1 },
      { itemId: item.id, certainty: 2 },
    ]);
    const view = (await me.gql(VIEW, { id })).body.data.attempt;
    expect(view.certaintyMode).toBe("OPTIONAL");
    // Both certain answers wrong: at certainty 1 that is well calibrated (under 67%), at 2 over-confident.
    expect(view.calibration).toEqual({
      answers: 2,
      averageMark: (0 + -2 * item.points) / (tf.points + item.points),
      levels: [
        { certainty: 1, answers: 1, accuracy: 0, verdict: "GOOD" },
        { certainty: 2, answers: 1, accuracy: 0, verdict: "OVER" },
        { certainty: 3, answers: 0, accuracy: null, verdict: null },
      ],
    });
  });

  it("should refuse a certainty out of 1–3, and any certainty where the quiz asks none", async () => {
    const me = await server.learner("cbm-bad");
    const id = await start(me, TOOLS.id, "PRACTICE");
    for (const bad of [0, 4, -1]) expect(code(await answer(me, id, single(TOOLS), true, bad))).toBe("certainty/invalid");
    const plain = await start(me, PLAIN.id, "PRACTICE");
    expect(code(await answer(me, plain, single(PLAIN), true, 2))).toBe("certainty/invalid");
    expect((await me.gql(VIEW, { id: plain })).body.data.attempt).toMatchObject({ certaintyMode: "OFF", hintsAvailable: false, calibration: null });
    expect(Number((await server.sql(`SELECT COUNT(*) AS n FROM response WHERE "userId" = ?`, [me.id]))[0].n)).toBe(0);
  });

  it("should refuse an assessment answer without a certainty where it is required, and hide marks until the results", async () => {
    const me = await server.learner("cbm-exam");
    const id = await start(me, TOOLS.id, "ASSESSMENT");
    expect((await me.gql(VIEW, { id })).body.data.attempt).toMatchObject({ certaintyMode: "REQUIRED", hintsAvailable: false });
    const item = single(TOOLS);
    expect(code(await answer(me, id, item, true))).toBe("certainty/invalid");
    const given = (await answer(me, id, item, true, 3)).body.data.submitAnswer;
    expect(given).toMatchObject({ status: "ANSWERED", certainty: 3, cbmMark: null, score: null });
    expect((await me.gql(VIEW, { id })).body.data.attempt.calibration).toBeNull();
    const done = (await me.gql(FINISH, { id })).body.data.finishAttempt;
    expect(done.state).toBe("FINISHED");
    expect(done.responses.find((r: { itemId: string }) => r.itemId === item.id)).toEqual({ itemId: item.id, certainty: 3, cbmMark: 3 * item.points });
    expect(done.calibration.levels[2]).toEqual({ certainty: 3, answers: 1, accuracy: 1, verdict: "GOOD" });
  });
});

describe("hints from the evidence", () => {
  it("should show the section, then the paragraph, never the answer, and keep them over a reload", async () => {
    const me = await server.learner("hinted");
    const id = await start(me, TOOLS.id, "PRACTICE");
    const item = TOOLS.items.find((i) => i.evidence.length === 1)!;
    const lesson = content.lessons.find((l) => l.sections.some((s) => s.paragraphs.some((p) => p.id === item.evidence[0])))!;
    const section = lesson.sections.find((s) => s.paragraphs.some((p) => p.id === item.evidence[0]))!;
    const first = await me.gql(HINT, { a: id, i: item.id });
    expect(first.body.data.takeHint).toEqual({
      itemId: item.id, used: 1, max: 2, lessonSlug: lesson.slug, lessonTitle: lesson.title.ar, sectionId: section.id, sectionHeading: section.heading.ar, paragraphs: [],
    });
    const second = (await me.gql(HINT, { a: id, i: item.id })).body.data.takeHint;
    expect(second).toMatchObject({ used: 2, paragraphs: [{ paragraphId: item.evidence[0], text: section.paragraphs.find((p) => p.id === item.evidence[0])!.text.ar }] });
    expect(JSON.stringify(second)).not.toContain(item.explanation.ar);
    expect((await me.gql(HINT, { a: id, i: item.id })).body.data.takeHint.used).toBe(2); // no third hint
    const view = (await me.gql(VIEW, { id })).body.data.attempt;
    expect(view.hintsAvailable).toBe(true);
    expect(view.hints).toEqual([{ itemId: item.id, used: 2, sectionId: section.id, paragraphs: [{ paragraphId: item.evidence[0] }] }]);
    const r = (await answer(me, id, item, true)).body.data.submitAnswer;
    expect(r.hintsUsed).toBe(2);
    expect(await server.sql(`SELECT "hintsUsed" FROM response WHERE "attemptId" = ? AND "itemId" = ?`, [id, item.id])).toEqual([{ hintsUsed: 2 }]);
  });

  it("should refuse hints in an assessment, in a quiz without them, and on someone else's attempt", async () => {
    const me = await server.learner("no-hints");
    const exam = await start(me, TOOLS.id, "ASSESSMENT");
    expect(code(await me.gql(HINT, { a: exam, i: TOOLS.items[0].id }))).toBe("hint/not_available");
    const plain = await start(me, PLAIN.id, "PRACTICE");
    expect(code(await me.gql(HINT, { a: plain, i: PLAIN.items[0].id }))).toBe("hint/not_available");
    const other = await server.learner("someone-else");
    const theirs = await start(other, TOOLS.id, "PRACTICE");
    expect(code(await me.gql(HINT, { a: theirs, i: TOOLS.items[0].id }))).toBe("attempt/not_found");
    expect(code(await me.gql(HINT, { a: (await start(me, TOOLS.id, "PRACTICE")), i: PLAIN.items[0].id }))).toBe("item/not_in_quiz");
    expect(Number((await server.sql(`SELECT COUNT(*) AS n FROM item_hint WHERE "userId" = ?`, [me.id]))[0].n)).toBe(0);
  });

  it("should weigh a right answer's mastery credit by 0.75 per hint (0, 1 and 2 hints), stored and rebuilt alike", async () => {
    const item = single(TOOLS);
    const objectiveId = item.objectives[0];
    const fractions: number[] = [];
    const learners: Learner[] = [];
    for (const hints of [0, 1, 2]) {
      const me = await server.learner(`mastery-${hints}`);
      learners.push(me);
      const id = await start(me, TOOLS.id, "PRACTICE");
      for (let h = 0; h < hints; h++) await me.gql(HINT, { a: id, i: item.id });
      clock.advance(1000);
      expect((await answer(me, id, item, true)).body.data.submitAnswer.hintsUsed).toBe(hints);
      const mine = (await me.gql(`{ myProgress { objectives { objectiveId fraction } } }`)).body.data.myProgress.objectives;
      fractions.push(mine.find((o: { objectiveId: string }) => o.objectiveId === objectiveId).fraction);
    }
    const points = server.app.store.objectiveItems(objectiveId).filter((i) => !i.essay).reduce((s, i) => s + i.points, 0);
    const full = item.points / points;
    expect(fractions[0]).toBeCloseTo(full, 4);
    expect(fractions[1]).toBeCloseTo(full * 0.75, 4);
    expect(fractions[2]).toBeCloseTo(full * 0.5625, 4);
    const stored = async () =>
      (await server.sql(`SELECT "userId", fraction FROM objective_mastery WHERE "objectiveId" = ? ORDER BY "userId"`, [objectiveId]))
        .filter((r) => learners.some((l) => l.id === r.userId))
        .map((r) => ({ userId: r.userId, fraction: Number(r.fraction) }));
    const before = await stored();
    expect(before.map((r) => r.fraction).sort((a, b) => b - a)).toEqual(fractions.map((f) => expect.closeTo(f, 4)));
    await server.app.services.writes.run((em) => rebuildObjectiveMastery(em, server.app.store, clock.now()));
    expect(await stored()).toEqual(before);
  });
});

describe("the instructor's view", () => {
  it("should show certainty and hints in the drill-down, hints in item statistics, and the class calibration", async () => {
    const teacher = await server.instructor("teacher");
    const room = (await teacher.gql(`mutation { createClassroom(name: "CBM") { id joinCode } }`)).body.data.createClassroom;
    const me = await server.learner("class-member");
    await me.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: room.joinCode });
    const id = await start(me, TOOLS.id, "PRACTICE");
    const item = single(TOOLS);
    await me.gql(HINT, { a: id, i: item.id });
    await answer(me, id, item, true, 3);
    const tf = TOOLS.items.find((i) => i.type === "TRUE_FALSE")!;
    await answer(me, id, tf, false, 3);

    const q = `query($c: ID!, $l: ID!, $q: ID!) { classroom(id: $c) {
      learner(id: $l) { attempts { id responses { itemId certainty hintsUsed } } }
      itemStats(quizId: $q) { itemId hintedAnswers hintsUsed }
      calibration(quizId: $q) { answers averageMark levels { certainty answers accuracy verdict } }
      all: calibration { answers } } }`;
    const r = await teacher.gql(q, { c: room.id, l: me.id, q: TOOLS.id });
    expect(r.body.errors).toBeUndefined();
    const c = r.body.data.classroom;
    const responses = c.learner.attempts.find((a: { id: string }) => a.id === id).responses;
    expect(responses).toEqual(expect.arrayContaining([{ itemId: item.id, certainty: 3, hintsUsed: 1 }, { itemId: tf.id, certainty: 3, hintsUsed: 0 }]));
    expect(c.itemStats.find((s: { itemId: string }) => s.itemId === item.id)).toEqual({ itemId: item.id, hintedAnswers: 1, hintsUsed: 1 });
    expect(c.itemStats.find((s: { itemId: string }) => s.itemId === tf.id)).toEqual({ itemId: tf.id, hintedAnswers: 0, hintsUsed: 0 });
    // One right and one wrong at certainty 3: 50% where 3 pays only above 80% — over-confident.
    expect(c.calibration).toEqual({
      answers: 2,
      averageMark: (3 * item.points - 6 * tf.points) / (item.points + tf.points),
      levels: [
        { certainty: 1, answers: 0, accuracy: null, verdict: null },
        { certainty: 2, answers: 0, accuracy: null, verdict: null },
        { certainty: 3, answers: 2, accuracy: 0.5, verdict: "OVER" },
      ],
    });
    expect(c.all).toEqual({ answers: 2 });
    // Another instructor's class sees none of it.
    const other = await server.instructor("other-teacher");
    expect(code(await other.gql(`query($c: ID!) { classroom(id: $c) { calibration { answers } } }`, { c: room.id }))).toBe("classroom/not_found");
  });
});
