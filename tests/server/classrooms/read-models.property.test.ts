/**
 * Property test of the read models' invariant (docs/architecture.md, "Read models"): after any history of
 * answers (practice, assessment and review, right and wrong), finishes, deadline expiries, essay grades, class joins
 * and removals and lesson progress, hints taken before practice answers (issue 15: they weigh mastery), sent through the GraphQL API of a real test server, every read model kept
 * incrementally equals the one rebuilt from the raw rows by the live rebuild functions (rebuildObjectiveMastery,
 * then rebuildStats, which also rebuilds quiz_best, learner_summary and the class rollups). objective_mastery's
 * stored state (the one a practice or review answer builds on without reading the history) is compared too, and
 * review_day (the review cap's cards per learner and day) against rebuildReviewDays.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildStats } from "../../../server/src/classrooms/stat-rollup.js";
import { rebuildObjectiveMastery } from "../../../server/src/progress/mastery.query.js";
import { rebuildReviewDays } from "../../../server/src/review/review.service.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { FINISH, RECORD, START, SUBMIT, SUBMIT_REVIEW } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, hasPools, lessonOf, quizWhere } from "../../helpers/course-lookup.js";

/**
 * Two quizzes of the test content, found by what the histories need: the first has an essay and two or more
 * assessment attempts (results after finishing), the second a time limit and three attempts; and their lessons.
 */
const QUIZZES: string[] = [];
const LESSONS: string[] = [];
const LEARNERS = 2;
const CLASSES = 2;

const clock = new ManualClock("2026-10-01T08:00:00Z");
let server: TestServer;

beforeAll(async () => {
  // Hints on in every quiz's practice, so that practice answers carry 0–2 hints into mastery.
  const hinted = structuredClone(await fixtureContent());
  for (const q of hinted.quizzes) q.settings.hints = true;
  server = await startTestServer({ clock, content: hinted });
  const content = server.app.store.content;
  const essayQuiz = quizWhere(content, "an essay and two attempts, results after finishing", (q) => hasEssay(q) && !hasPools(q) && q.settings.maxAttempts >= 2 && q.settings.reviewPolicy === "AFTER_FINISH");
  const timedQuiz = quizWhere(content, "a time limit and three attempts", (q) => !!q.settings.timeLimitMinutes && q.settings.maxAttempts >= 3 && !hasPools(q));
  QUIZZES.push(essayQuiz.id, timedQuiz.id);
  LESSONS.push(lessonOf(content, essayQuiz).slug, lessonOf(content, timedQuiz).slug);
});
afterAll(async () => server.stop());

type Mode = "PRACTICE" | "ASSESSMENT";
type Action =
  | { t: "answer"; k: number; quiz: number; mode: Mode; item: number | "essay"; right: boolean; hints: number }
  | { t: "finish"; k: number; mode: Mode }
  | { t: "grade"; pick: number; share: number }
  | { t: "join"; k: number; c: number }
  | { t: "remove"; k: number; c: number }
  | { t: "lesson"; k: number; lesson: number; completed: boolean }
  | { t: "review"; k: number; pick: number; right: boolean }
  | { t: "wait"; minutes: number; sweep: boolean };

const k = fc.nat(LEARNERS - 1);
const quiz = fc.nat(1);
const mode = fc.constantFrom<Mode>("PRACTICE", "ASSESSMENT", "ASSESSMENT");
// The essay (in the quiz that has one) often enough for grades to meet answered, regraded and re-answered essays.
const essayOrIndex = fc.oneof({ weight: 1, arbitrary: fc.constant("essay" as const) }, { weight: 2, arbitrary: fc.nat(20) });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant("answer" as const), k, quiz, mode, item: essayOrIndex, right: fc.boolean(), hints: fc.nat(2) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant("finish" as const), k, mode }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("grade" as const), pick: fc.nat(11), share: fc.constantFrom(0, 0.5, 1) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant("join" as const), k, c: fc.nat(CLASSES - 1) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("remove" as const), k, c: fc.nat(CLASSES - 1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("lesson" as const), k, lesson: fc.nat(1), completed: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("review" as const), k, pick: fc.nat(11), right: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("wait" as const), minutes: fc.integer({ min: 1, max: 30 }), sweep: fc.boolean() }) },
);

/** How often each action ended in each outcome over all runs, to show that the histories reach what matters. */
const outcomes: Record<string, number> = {};
const count = (key: string) => (outcomes[key] = (outcomes[key] ?? 0) + 1);

/** The one error code of a GraphQL result, "ok" without errors. */
const codeOf = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) => (res.body.errors ? String(res.body.errors[0].extensions?.code) : "ok");

interface World {
  learners: Learner[];
  teacher: Learner;
  classes: { id: string; code: string }[];
  members: Set<string>; // `${k}|${c}`
  attempts: Map<string, string>; // `${k}|${mode}` → the id of the learner's latest attempt in that mode
}

async function newWorld(): Promise<World> {
  const teacher = await server.instructor("prop-teacher");
  const classes: World["classes"] = [];
  for (let c = 0; c < CLASSES; c++) {
    const res = await teacher.gql(`mutation($n: String!) { createClassroom(name: $n) { id joinCode } }`, { n: `class ${c}` });
    expect(res.body.errors).toBeUndefined();
    classes.push({ id: res.body.data.createClassroom.id, code: res.body.data.createClassroom.joinCode });
  }
  const learners: Learner[] = [];
  for (let i = 0; i < LEARNERS; i++) learners.push(await server.learner(`prop${i}`));
  // The first learner starts in the first class, so that histories reach essay grades (members only) often.
  const joined = await learners[0].gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: classes[0].code });
  expect(joined.body.errors).toBeUndefined();
  return { learners, teacher, classes, members: new Set(["0|0"]), attempts: new Map() };
}

async function run(w: World, a: Action): Promise<void> {
  clock.advance(1000); // no two writes share a timestamp: mastery orders answers by time
  switch (a.t) {
    case "answer": {
      const l = w.learners[a.k];
      const quizId = QUIZZES[a.item === "essay" ? 0 : a.quiz]; // the first quiz has the essay
      const started = await l.gql(START, { quizId, mode: a.mode });
      const startCode = codeOf(started);
      if (startCode !== "ok") {
        expect(startCode).toBe("attempt/max_reached");
        count(`answer:${startCode}`);
        return;
      }
      const attempt = started.body.data.startAttempt;
      w.attempts.set(`${a.k}|${a.mode}`, attempt.id);
      const items: { id: string; type: string }[] = attempt.items;
      const pub = a.item === "essay" ? items.find((i) => i.type === "ESSAY")! : items[a.item % items.length];
      const item = server.app.store.quizFile(quizId)!.items.find((i) => i.id === pub.id)!;
      const answer = a.right ? rightAnswerInput(item, server.app.store.ids) : wrongAnswerInput(item, server.app.store.ids);
      for (let h = 0; h < a.hints && a.mode === "PRACTICE"; h++) {
        const hint = await l.gql(`mutation($a: ID!, $i: ID!) { takeHint(attemptId: $a, itemId: $i) { used } }`, { a: attempt.id, i: item.id });
        expect(codeOf(hint), JSON.stringify(hint.body.errors)).toBe("ok");
        count("hint");
      }
      const res = await l.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer } });
      expect(codeOf(res), JSON.stringify(res.body.errors)).toBe("ok");
      count(`answer:${a.mode}:${item.type === "ESSAY" ? "essay" : a.right ? "right" : "wrong"}`);
      return;
    }
    case "finish": {
      const id = w.attempts.get(`${a.k}|${a.mode}`);
      if (!id) return;
      const res = await w.learners[a.k].gql(FINISH, { id });
      expect(codeOf(res), JSON.stringify(res.body.errors)).toBe("ok");
      count(`finish:${a.mode}`);
      return;
    }
    case "grade": {
      // Any essay answer of this history's learners, in any attempt (finished or not, graded before or not).
      const essays = await server.sql<{ id: string; userId: string; maxScore: number; state: string }>(
        `SELECT r.id AS id, r."userId" AS "userId", r."maxScore" AS "maxScore", a.state AS state
           FROM response r JOIN quiz_item_version v ON v.id = r."itemVersionId" JOIN attempt a ON a.id = r."attemptId"
          WHERE r."userId" IN (??) AND v.type = 'ESSAY' ORDER BY r."answeredAt", r.id`,
        [w.learners.map((l) => l.id)],
      );
      if (essays.length === 0) return;
      // Mostly one the instructor can grade (a member's, in a finished attempt), sometimes any.
      const isMember = (userId: string) => [...w.members].some((m) => m.startsWith(`${w.learners.findIndex((l) => l.id === userId)}|`));
      const gradable = essays.filter((x) => x.state === "FINISHED" && isMember(x.userId));
      const pool = gradable.length > 0 && a.pick % 4 !== 0 ? gradable : essays;
      const e = pool[a.pick % pool.length];
      const res = await w.teacher.gql(`mutation($i: GradeEssayInput!) { gradeEssay(input: $i) { id status score } }`, {
        i: { responseId: e.id, score: Number(e.maxScore) * a.share, comment: "graded" },
      });
      const member = isMember(e.userId);
      // Essays are graded once their attempt is finished (an open one could be answered again).
      const expected = !member ? "classroom/not_found" : e.state !== "FINISHED" ? "BAD_USER_INPUT" : "ok";
      expect(codeOf(res), JSON.stringify(res.body.errors)).toBe(expected);
      count(`grade:${!member ? "not_member" : e.state !== "FINISHED" ? "open_attempt" : "ok"}`);
      return;
    }
    case "join": {
      const res = await w.learners[a.k].gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: w.classes[a.c].code });
      expect(codeOf(res), JSON.stringify(res.body.errors)).toBe("ok");
      count(w.members.has(`${a.k}|${a.c}`) ? "join:again" : "join:new");
      w.members.add(`${a.k}|${a.c}`);
      return;
    }
    case "remove": {
      const res = await w.teacher.gql(`mutation($id: ID!, $l: ID!) { removeLearner(classroomId: $id, learnerId: $l) }`, { id: w.classes[a.c].id, l: w.learners[a.k].id });
      const member = w.members.delete(`${a.k}|${a.c}`);
      expect(codeOf(res), JSON.stringify(res.body.errors)).toBe(member ? "ok" : "BAD_USER_INPUT");
      count(`remove:${member ? "ok" : "not_member"}`);
      return;
    }
    case "lesson": {
      const slug = LESSONS[a.lesson];
      const lesson = server.app.store.content.lessons.find((l) => l.slug === slug)!;
      const input = a.completed ? { lessonSlug: slug, completed: true } : { lessonSlug: slug, paragraphId: lesson.sections[0].paragraphs[0].id };
      const res = await w.learners[a.k].gql(RECORD, { input });
      expect(codeOf(res), JSON.stringify(res.body.errors)).toBe("ok");
      count(`lesson:${a.completed ? "completed" : "read"}`);
      return;
    }
    case "review": {
      // A review answer (any card of the learner's, due or not: the server takes both) moves mastery too.
      const cards = await server.sql<{ itemId: string }>(`SELECT "itemId" FROM review_card WHERE "userId" = ? ORDER BY 1`, [w.learners[a.k].id]);
      if (cards.length === 0) return;
      const item = server.app.store.item(cards[a.pick % cards.length].itemId)!.item;
      const answer = a.right ? rightAnswerInput(item, server.app.store.ids) : wrongAnswerInput(item, server.app.store.ids);
      const res = await w.learners[a.k].gql(SUBMIT_REVIEW, { input: { itemId: item.id, answer } });
      expect(codeOf(res), JSON.stringify(res.body.errors)).toBe("ok");
      count(`review:${a.right ? "right" : "wrong"}`);
      return;
    }
    case "wait":
      clock.advance(a.minutes * 60_000);
      // The server's periodic sweep (main.ts) finishes overdue assessments; reads and answers also do it lazily.
      if (a.sweep) await server.app.services.attempts.expireOverdue();
      count("wait");
      return;
  }
}

/** Rows an increment has brought back to zero read as absent (docs/architecture.md); numbers rounded to 1e-9. */
const READS: Record<string, string> = {
  stat_attempt_sum: `SELECT "classroomId", "quizId", scope, n, "sumT", "sumT2" FROM stat_attempt_sum WHERE n <> 0 ORDER BY 1, 2, 3`,
  stat_item_sum: `SELECT "classroomId", "quizId", scope, "itemId", "answerKey", n, graded, "sumX", "sumX2", "sumXT" FROM stat_item_sum WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`,
  quiz_best: `SELECT "userId", "quizId", best, attempts FROM quiz_best ORDER BY 1, 2`,
  class_lesson_sum: `SELECT "classroomId", "lessonSlug", completed FROM class_lesson_sum WHERE completed <> 0 ORDER BY 1, 2`,
  class_quiz_sum: `SELECT "classroomId", "quizId", n, "sumBest" FROM class_quiz_sum WHERE n <> 0 ORDER BY 1, 2`,
  // A learner without a row reads as zeros; the rebuild writes a row for every learner.
  learner_summary: `SELECT "userId", "lessonsCompleted", "weakObjectives", "averageBest" FROM learner_summary
    WHERE "lessonsCompleted" > 0 OR "weakObjectives" > 0 OR "averageBest" IS NOT NULL ORDER BY 1`,
  // updatedAt is when the value was last refreshed, which a rebuild cannot know.
  objective_mastery: `SELECT "userId", "objectiveId", level, fraction, state FROM objective_mastery ORDER BY 1, 2`,
  review_day: `SELECT "userId", day, cards FROM review_day WHERE cards <> 0 ORDER BY 1, 2`,
};

/** The stored mastery state (what the next answer builds on) with its credits in item order and numbers rounded. */
const canonicalState = (json: string) => {
  const s = JSON.parse(json) as { credits: Record<string, number>; fraction: number };
  const credits = Object.fromEntries(Object.entries(s.credits).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, round(v)]));
  return JSON.stringify({ ...s, credits, fraction: round(s.fraction) });
};
const round = (v: unknown) => (typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?(e-?\d+)?$/.test(v)) ? Math.round(Number(v) * 1e9) / 1e9 : v);

async function snapshot(): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [table, text] of Object.entries(READS)) {
    out[table] = (await server.sql<Record<string, unknown>>(text)).map((r) =>
      Object.fromEntries(Object.entries(r).map(([c, v]) => [c, c === "state" && typeof v === "string" ? canonicalState(v) : round(v)])),
    );
  }
  return out;
}

/** Rebuilds every read model inside one write: objective_mastery first, as learner_summary reads it. */
const rebuildAll = () =>
  server.app.writes.run(async (em) => {
    await rebuildObjectiveMastery(em, server.app.store, clock.now());
    await rebuildStats(em);
    await rebuildReviewDays(em);
  });

describe("read models", () => {
  // Found by the property below (seed 419597973): an essay graded while its practice attempt was still open
  // moved the stored mastery; answering the essay again made it PENDING_MANUAL once more, and nothing took the
  // grade back out of objective_mastery and learner_summary. Essays are now graded once their attempt is over.
  it("should refuse to grade an essay whose attempt is still open, and keep the read models equal to their rebuild", async () => {
    const w = await newWorld(); // its first learner is in the teacher's first class
    const [l] = w.learners;
    const attempt = (await l.gql(START, { quizId: QUIZZES[0], mode: "PRACTICE" })).body.data.startAttempt;
    const essay = attempt.items.find((i: { type: string }) => i.type === "ESSAY");
    clock.advance(1000);
    const first = (await l.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: essay.id, answer: { text: "مقال أول" } } })).body.data.submitAnswer;
    expect(first.status).toBe("PENDING_MANUAL");
    clock.advance(1000);
    const early = await w.teacher.gql(`mutation($i: GradeEssayInput!) { gradeEssay(input: $i) { id status } }`, { i: { responseId: first.id, score: 0 } });
    expect(codeOf(early)).toBe("BAD_USER_INPUT");
    expect(early.body.errors![0].extensions).toMatchObject({ field: "responseId" });
    clock.advance(1000);
    await l.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: essay.id, answer: { text: "مقال ثان" } } });
    await l.gql(FINISH, { id: attempt.id });
    clock.advance(1000);
    const graded = await w.teacher.gql(`mutation($i: GradeEssayInput!) { gradeEssay(input: $i) { id status score } }`, { i: { responseId: first.id, score: 0 } });
    expect(graded.body.data?.gradeEssay, JSON.stringify(graded.body.errors)).toMatchObject({ status: "GRADED", score: 0 });
    const mastery = () => server.sql(`SELECT "objectiveId", level, fraction FROM objective_mastery WHERE "userId" = ? ORDER BY 1`, [l.id]);
    const incremental = await snapshot();
    const stored = await mastery();
    expect(stored.length).toBeGreaterThan(0);
    await rebuildAll();
    expect(await mastery()).toEqual(stored);
    expect(await snapshot()).toEqual(incremental);
  });

  it("should equal their rebuild from the raw rows after random histories", async () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
    console.log(`fast-check seed: ${seed} (rerun with FC_SEED=${seed})`);
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 35, size: "max" }), async (actions) => {
        const w = await newWorld();
        for (const a of actions) await run(w, a);
        const incremental = await snapshot();
        await rebuildAll();
        const rebuilt = await snapshot();
        rows += Object.values(incremental).reduce((n, r) => n + r.length, 0);
        expect(incremental).toEqual(rebuilt);
      }),
      { seed, numRuns: 25, verbose: true },
    );
    // Assessments finished by their deadline (closed on the next read or answer after a wait) count too.
    const [expired] = await server.sql(`SELECT COUNT(*) AS n FROM attempt WHERE state = 'FINISHED' AND deadline IS NOT NULL AND "finishedAt" = deadline`);
    outcomes["finish:deadline"] = Number(expired.n);
    console.log("outcomes exercised:", outcomes);
    // The histories reached every kind of event that moves a read model, and the tables were not empty.
    for (const key of ["answer:ASSESSMENT:right", "answer:ASSESSMENT:wrong", "answer:PRACTICE:right", "answer:ASSESSMENT:essay", "finish:ASSESSMENT", "finish:deadline", "grade:ok", "grade:open_attempt", "join:new", "remove:ok", "lesson:completed"]) {
      expect(outcomes[key] ?? 0, key).toBeGreaterThan(0);
    }
    expect((outcomes["review:right"] ?? 0) + (outcomes["review:wrong"] ?? 0), "review answers").toBeGreaterThan(0);
    expect(rows).toBeGreaterThan(0);
  }, 240_000);
});
