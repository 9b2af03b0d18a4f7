/**
 * Records every response body a learner can get during an ASSESSMENT attempt, selecting every field, and
 * finds no key, explanation, correctness or score in any of them. Then the paths outside the assessment:
 * practice, spaced review, the data export and the public quiz reveal no key of an item an assessment asks
 * before that learner's results are out (the practice-then-assessment exploit), and the item pools of the
 * content (`pool: practice | assessment`) keep assessment-only items out of practice and review until then.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item } from "../../../server/src/content/content.schema.js";
import { loadContent } from "../../../server/src/content/content.loader.js";
import type { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import type { TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, hasPools, quizFilePath, quizWhere } from "../../helpers/course-lookup.js";

// Quizzes of the content a test server serves (the fixture course), one per review policy.
const content = await fixtureContent();
const AFTER_FINISH = quizWhere(content, "AFTER_FINISH and no essay", (q) => q.settings.reviewPolicy === "AFTER_FINISH" && !hasEssay(q));
const WITH_ESSAY = quizWhere(content, "AFTER_FINISH and an essay", (q) => q.settings.reviewPolicy === "AFTER_FINISH" && hasEssay(q));
/** One ASSESSMENT attempt, results AFTER_CLOSE, no pools. */
const AFTER_CLOSE = quizWhere(content, "one attempt, AFTER_CLOSE and no pools", (q) => q.settings.reviewPolicy === "AFTER_CLOSE" && q.settings.maxAttempts === 1 && !hasPools(q));
const NEVER = quizWhere(content, "NEVER", (q) => q.settings.reviewPolicy === "NEVER");

const ANSWER = `{ choiceIds text sequence pairs { leftId rightId } }`;
const RESPONSE = `{ id itemId itemVersion answer ${ANSWER} status score maxScore correct rightAnswer ${ANSWER}
  feedback { explanation comment evidence { lessonSlug paragraphId text } } answeredAt }`;
const ITEM = `{ id type prompt points objectiveIds version choices { id text } targets { id text } rubric { id criterion points } }`;
const ATTEMPT = `{ id quizId mode state locale startedAt finishedAt deadline score maxScore feedbackAvailable items ${ITEM} responses ${RESPONSE} }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

/** Strings whose presence in a body would reveal a key. */
function keyFingerprints(item: Item, typed: Record<string, unknown>, ids: OptionIds = server.app.store.ids): string[] {
  const id = (local: string) => JSON.stringify(ids.option(item.id, local));
  const out = [item.explanation.ar, item.explanation.en];
  switch (item.type) {
    case "MULTIPLE_CHOICE":
      out.push(`[${item.choices.filter((c) => c.correct).map((c) => id(c.id)).join(",")}]`);
      break;
    case "ORDERING":
      out.push(`[${item.sequence.map((s) => id(s.id)).join(",")}]`);
      break;
    case "SHORT_ANSWER":
      for (const a of item.accept) if (a !== typed.text) out.push(JSON.stringify(a));
      break;
    default:
  }
  // The learner's own answer is echoed back to them; when it happens to be the key, that is no leak.
  const own = [typed.choiceIds, typed.sequence].filter(Boolean).map((x) => JSON.stringify(x));
  return out.filter((fp) => !own.includes(fp));
}

describe("no key during an assessment", () => {
  it.each([AFTER_FINISH.id, WITH_ESSAY.id, AFTER_CLOSE.id, NEVER.id])("should leak nothing in any response body of %s", async (quizId) => {
    const me = await server.learner();
    const file = server.app.store.quizFile(quizId)!;
    const quiz = { ...file, items: file.items.filter((i) => i.pool !== "practice") }; // what the assessment asks
    const bodies: string[] = [];
    const call = async (q: string, v?: Record<string, unknown>) => {
      const res = await me.gql(q, v);
      expect(res.body.errors, q).toBeUndefined();
      bodies.push(res.raw);
      return res.body.data;
    };
    const attempt = (await call(`mutation($q: ID!) { startAttempt(quizId: $q, mode: ASSESSMENT) ${ATTEMPT} }`, { q: quizId })).startAttempt;
    const typed: Record<string, Record<string, unknown>> = {};
    quiz.items.forEach((item, i) => (typed[item.id] = i % 2 === 0 || item.type === "SHORT_ANSWER" ? wrongAnswerInput(item, server.app.store.ids) : rightAnswerInput(item, server.app.store.ids)));
    for (const item of quiz.items) {
      await call(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) ${RESPONSE} }`, { input: { attemptId: attempt.id, itemId: item.id, answer: typed[item.id] } });
    }
    await call(`mutation($q: ID!) { startAttempt(quizId: $q, mode: ASSESSMENT) ${ATTEMPT} }`, { q: quizId }); // resume
    await call(`query($id: ID!) { attempt(id: $id) ${ATTEMPT} }`, { id: attempt.id });
    await call(`{ myProgress { reviewsDue lessons { lessonSlug status bestScore grade } objectives { objectiveId level fraction } } }`);
    await call(`{ reviewQueue(limit: 100) ${ITEM} }`);
    await call(`query($q: ID!) { quiz(id: $q) { id items ${ITEM} } }`, { q: quizId });

    const all = bodies.join("\n");
    expect(all).not.toMatch(/"correct":(true|false)/);
    expect(all).not.toMatch(/"rightAnswer":\{/);
    expect(all).not.toMatch(/"feedback":\{/);
    expect(all).not.toMatch(/"status":"GRADED"/);
    expect(all).not.toMatch(/"score":\d/);
    expect(all).not.toMatch(/"(bestScore|grade)":\d/);
    expect(all).not.toMatch(/"level":"(ATTEMPTED|FAMILIAR|PROFICIENT|MASTERED)"/);
    expect(all).toContain('"reviewQueue":[]');
    for (const item of quiz.items) for (const fp of keyFingerprints(item, typed[item.id])) expect(all, `${item.id}: ${fp}`).not.toContain(fp);

    // And the same attempt, finished, does show results (AFTER_FINISH quizzes): the test can tell the difference.
    if (quiz.settings.reviewPolicy === "AFTER_FINISH") {
      const done = await call(`mutation($id: ID!) { finishAttempt(attemptId: $id) ${ATTEMPT} }`, { id: attempt.id });
      expect(JSON.stringify(done)).toMatch(/"correct":(true|false)/);
    }
  });
});

const EXPORT = `{ exportMyData }`;
const PROGRESS = `{ myProgress { reviewsDue lessons { lessonSlug status bestScore grade } objectives { objectiveId level fraction } } }`;

describe("no assessment key outside the assessment before its results are out", () => {
  // One ASSESSMENT attempt, results AFTER_CLOSE (the fixture's closes 2027-06-30T23:59:59Z). The clock starts two days before.
  const clock = new ManualClock("2027-06-28T08:00:00Z");
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ clock });
  });
  afterAll(async () => s.stop());

  it("should withhold keys in practice, review and the export, so that the practice-then-assessment exploit scores nothing", async () => {
    const me = await s.learner();
    const ids = s.app.store.ids;
    const quiz = s.app.store.quizFile(AFTER_CLOSE.id)!;
    expect(quiz.settings).toMatchObject({ maxAttempts: 1, reviewPolicy: "AFTER_CLOSE", closesAt: "2027-06-30T23:59:59Z" });
    const bodies: string[] = [];
    const call = async (q: string, v?: Record<string, unknown>) => {
      const res = await me.gql(q, v);
      expect(res.body.errors, q).toBeUndefined();
      bodies.push(res.raw);
      return res.body.data;
    };

    // Practice, a wrong answer per item: graded at once, but what would the key be?
    const practice = (await call(`mutation($q: ID!) { startAttempt(quizId: $q, mode: PRACTICE) ${ATTEMPT} }`, { q: quiz.id })).startAttempt;
    expect(practice.items).toHaveLength(quiz.items.length);
    const typed: Record<string, Record<string, unknown>> = {};
    const learned = new Map<string, Record<string, unknown>>();
    for (const item of quiz.items) {
      typed[item.id] = wrongAnswerInput(item, ids);
      const r = (await call(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) ${RESPONSE} }`, { input: { attemptId: practice.id, itemId: item.id, answer: typed[item.id] } }))
        .submitAnswer;
      if (item.type !== "ESSAY") expect(r, item.id).toMatchObject({ status: "GRADED", correct: false, score: 0 }); // correctness and score are shown
      if (r.rightAnswer) learned.set(item.id, Object.fromEntries(Object.entries(r.rightAnswer).filter(([, v]) => v !== null)));
    }
    await call(`query($id: ID!) { attempt(id: $id) ${ATTEMPT} }`, { id: practice.id });
    await call(`mutation($id: ID!) { finishAttempt(attemptId: $id) ${ATTEMPT} }`, { id: practice.id });

    // Spaced review: the missed items are due at once; answering them shows no key either.
    const queue = (await call(`{ reviewQueue(limit: 100) ${ITEM} }`)).reviewQueue as { id: string }[];
    expect(queue.length).toBeGreaterThanOrEqual(quiz.items.length - 1); // every auto-graded item was missed
    for (const { id } of queue) {
      const r = (await call(`mutation($input: ReviewAnswerInput!) { submitReview(input: $input) ${RESPONSE} }`, { input: { itemId: id, answer: typed[id] } })).submitReview;
      expect(r).toMatchObject({ status: "GRADED", correct: false });
    }
    await call(EXPORT);
    await call(PROGRESS);
    await call(`query($q: ID!) { quiz(id: $q) { id items ${ITEM} } }`, { q: quiz.id });

    const all = bodies.join("\n");
    expect(all).not.toMatch(/"rightAnswer":\{/);
    expect(all).not.toMatch(/"feedback":\{/);
    for (const item of quiz.items) for (const fp of keyFingerprints(item, typed[item.id], ids)) expect(all, `${item.id}: ${fp}`).not.toContain(fp);
    expect(learned.size).toBe(0);

    // The exploit: the one assessment attempt answered with whatever practice revealed.
    const exam = (await call(`mutation($q: ID!) { startAttempt(quizId: $q, mode: ASSESSMENT) ${ATTEMPT} }`, { q: quiz.id })).startAttempt;
    for (const item of quiz.items) {
      await call(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) ${RESPONSE} }`, { input: { attemptId: exam.id, itemId: item.id, answer: learned.get(item.id) ?? typed[item.id] } });
    }
    await call(`mutation($id: ID!) { finishAttempt(attemptId: $id) ${ATTEMPT} }`, { id: exam.id });
    // Finished, but results come after the close: practice still withholds the keys.
    const again = (await call(`mutation($q: ID!) { startAttempt(quizId: $q, mode: PRACTICE) ${ATTEMPT} }`, { q: quiz.id })).startAttempt;
    const sc = quiz.items.find((i) => i.type === "SINGLE_CHOICE")!;
    const before = (await call(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) ${RESPONSE} }`, { input: { attemptId: again.id, itemId: sc.id, answer: typed[sc.id] } }))
      .submitAnswer;
    expect(before).toMatchObject({ correct: false, rightAnswer: null, feedback: null });

    clock.set("2027-07-01T08:00:00Z"); // the quiz has closed: results, and keys, are out
    const result = (await call(`query($id: ID!) { attempt(id: $id) ${ATTEMPT} }`, { id: exam.id })).attempt;
    expect(result.feedbackAvailable).toBe(true);
    expect(result.score).toBe(0);
    expect(result.maxScore).toBeGreaterThan(0);
    // The same practice answer now brings the key and the feedback: the test can tell the difference.
    const after = (await call(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) ${RESPONSE} }`, { input: { attemptId: again.id, itemId: sc.id, answer: typed[sc.id] } }))
      .submitAnswer;
    expect(after.rightAnswer).toEqual({ choiceIds: [ids.option(sc.id, sc.choices.find((c) => c.correct)!.id)], text: null, sequence: null, pairs: null });
    expect(after.feedback.explanation).toBe(sc.explanation.ar);
    const exported = JSON.parse((await call(EXPORT)).exportMyData);
    expect(exported.attempts.find((a: { id: string }) => a.id === exam.id)).toMatchObject({ score: 0 });
  });

  it("should keep the export of an assessment whose results are hidden to answers in public ids, without scores", async () => {
    const me = await s.learner();
    const ids = s.app.store.ids;
    const quiz = s.app.store.quizFile(AFTER_FINISH.id)!; // AFTER_FINISH: hidden while in progress
    const exam = (await me.gql(`mutation($q: ID!) { startAttempt(quizId: $q, mode: ASSESSMENT) { id } }`, { q: quiz.id })).body.data.startAttempt;
    const typed: Record<string, Record<string, unknown>> = {};
    for (const item of quiz.items) {
      typed[item.id] = rightAnswerInput(item, ids);
      await me.gql(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) { id } }`, { input: { attemptId: exam.id, itemId: item.id, answer: typed[item.id] } });
    }
    const raw = (await me.gql(EXPORT)).body.data.exportMyData as string;
    const data = JSON.parse(raw);
    expect(data.responses).toHaveLength(quiz.items.length);
    for (const r of data.responses) {
      expect(r, r.itemId).toMatchObject({ score: null, correct: null });
      expect(r.status === "ANSWERED" || r.status === "PENDING_MANUAL", r.itemId).toBe(true);
      const sent = typed[r.itemId];
      for (const [k, v] of Object.entries(sent)) expect(r.answer[k], `${r.itemId}.${k}`).toEqual(v); // the ids the learner sent, not local ids
    }
    expect(data.attempts[0]).toMatchObject({ score: null, maxScore: null });
    await me.gql(`mutation($id: ID!) { finishAttempt(attemptId: $id) { id } }`, { id: exam.id });
    const done = JSON.parse((await me.gql(EXPORT)).body.data.exportMyData);
    // (raw rows: SQLite's booleans are 1 and 0)
    expect(done.responses.filter((r: { correct: unknown }) => r.correct === true || r.correct === 1).length).toBeGreaterThan(0);
  });
});

describe("item pools", () => {
  // The AFTER_CLOSE quiz with pools: items 1–3 practice only, 4–6 assessment only, the rest in both.
  const clock = new ManualClock("2027-06-28T08:00:00Z");
  let s: TestServer;
  let quiz: { id: string; items: Item[] };
  const practiceOnly = AFTER_CLOSE.items.slice(0, 3).map((i) => i.id);
  const assessmentOnly = AFTER_CLOSE.items.slice(3, 6).map((i) => i.id);
  beforeAll(async () => {
    const dir = await contentWith(quizFilePath(content, AFTER_CLOSE), (doc) => {
      for (const item of doc.items) {
        if (practiceOnly.includes(item.id)) item.pool = "practice";
        if (assessmentOnly.includes(item.id)) item.pool = "assessment";
      }
    });
    s = await startTestServer({ clock, content: await loadContent(dir) });
    quiz = s.app.store.quizFile(AFTER_CLOSE.id)!;
  });
  afterAll(async () => s.stop());

  it("should ask each attempt its own pool, show practice-only keys at once and keep assessment-only items out of review until results are out", async () => {
    const me = await s.learner();
    const ids = s.app.store.ids;
    const start = async (mode: string) => (await me.gql(`mutation($q: ID!) { startAttempt(quizId: $q, mode: ${mode}) ${ATTEMPT} }`, { q: quiz.id })).body.data.startAttempt;
    const practice = await start("PRACTICE");
    const inPractice = practice.items.map((i: { id: string }) => i.id).sort();
    expect(inPractice).toEqual(quiz.items.map((i) => i.id).filter((id) => !assessmentOnly.includes(id)).sort());
    // A practice-only item's key is no secret; an item in both pools keeps its key.
    const sub = async (attemptId: string, item: Item, answer: Record<string, unknown>) =>
      (await me.gql(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) ${RESPONSE} }`, { input: { attemptId, itemId: item.id, answer } })).body.data.submitAnswer;
    const own = quiz.items.find((i) => i.id === practiceOnly[0])!;
    expect((await sub(practice.id, own, wrongAnswerInput(own, ids))).rightAnswer).not.toBeNull();
    const both = quiz.items.find((i) => i.pool === undefined && i.type !== "ESSAY")!;
    expect(await sub(practice.id, both, wrongAnswerInput(both, ids))).toMatchObject({ correct: false, rightAnswer: null, feedback: null });

    const exam = await start("ASSESSMENT");
    expect(exam.items.map((i: { id: string }) => i.id).sort()).toEqual(quiz.items.map((i) => i.id).filter((id) => !practiceOnly.includes(id)).sort());
    const hiddenItem = quiz.items.find((i) => i.id === assessmentOnly[0])!;
    await sub(exam.id, hiddenItem, wrongAnswerInput(hiddenItem, ids));
    await me.gql(`mutation($id: ID!) { finishAttempt(attemptId: $id) { id } }`, { id: exam.id });
    // A card for an assessment-only item that is due now (one made before the content had pools, say).
    const now = clock.now().toISOString();
    await s.sql(`UPDATE review_card SET due = ? WHERE "userId" = ?`, [now, me.id]);
    const cards = await s.sql<{ itemId: string }>(`SELECT "itemId" FROM review_card WHERE "userId" = ?`, [me.id]);
    expect(cards.map((c) => c.itemId)).toContain(hiddenItem.id);
    const queue = async () => ((await me.gql(`{ reviewQueue(limit: 100) { id } myProgress { reviewsDue } }`)).body.data as { reviewQueue: { id: string }[]; myProgress: { reviewsDue: number } });
    const early = await queue();
    expect(early.reviewQueue.map((i) => i.id)).not.toContain(hiddenItem.id);
    expect(early.myProgress.reviewsDue).toBe(early.reviewQueue.length);
    const refused = await me.gql(`mutation($input: ReviewAnswerInput!) { submitReview(input: $input) ${RESPONSE} }`, { input: { itemId: hiddenItem.id, answer: wrongAnswerInput(hiddenItem, ids) } });
    expect(refused.body.errors?.[0].extensions?.code).toBe("item/not_in_quiz");

    clock.set("2027-07-01T08:00:00Z");
    const late = await queue();
    expect(late.reviewQueue.map((i) => i.id)).toContain(hiddenItem.id);
    const reviewed = await me.gql(`mutation($input: ReviewAnswerInput!) { submitReview(input: $input) ${RESPONSE} }`, { input: { itemId: hiddenItem.id, answer: wrongAnswerInput(hiddenItem, ids) } });
    expect(reviewed.body.data.submitReview.rightAnswer).not.toBeNull();
  });

  it("should refuse content whose quiz leaves a pool empty", async () => {
    const dir = await contentWith(quizFilePath(content, AFTER_CLOSE), (doc) => {
      for (const item of doc.items) item.pool = "practice";
    });
    await expect(loadContent(dir)).rejects.toThrow(/no item is in the assessment pool/);
  });
});
