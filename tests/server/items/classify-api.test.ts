/**
 * CLASSIFY end to end through GraphQL (docs/architecture.md, "Item types"), on both engines: practice with feedback and
 * the right answer, an assessment whose results stay withheld until its review policy allows (then graded
 * with partial credit), and the class's item statistics per statement. The fixture course has one CLASSIFY
 * item in a practice pool and one in an assessment pool; here that quiz shows results AFTER_FINISH.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item } from "../../../server/src/content/content.schema.js";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { quizFilePath, quizWhere } from "../../helpers/course-lookup.js";

type Classify = Extract<Item, { type: "CLASSIFY" }>;

const ANSWER = `{ choiceIds text sequence pairs { leftId rightId } }`;
const START = `mutation($q: ID!, $m: AttemptMode!, $l: Locale) { startAttempt(quizId: $q, mode: $m, locale: $l) {
  id items { id type prompt choices { id text } targets { id text } } } }`;
const SUBMIT = `mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) {
  itemId status score maxScore correct answer ${ANSWER} rightAnswer ${ANSWER} feedback { explanation } } }`;
const FINISH = `mutation($id: ID!) { finishAttempt(attemptId: $id) { state score maxScore feedbackAvailable
  responses { itemId status score maxScore correct rightAnswer ${ANSWER} feedback { explanation } } } }`;
const STATS = `query($id: ID!, $quiz: ID!, $l: Locale!) { classroom(id: $id) { itemStats(quizId: $quiz, locale: $l) {
  itemId type responses distribution { key label correct count }
  statements { id label responses correct categories { key label correct count } } } } }`;

let server: TestServer;
let quizId: string;
let practiceItem: Classify;
let assessmentItem: Classify;

beforeAll(async () => {
  const fixture = await fixtureContent();
  const quiz = quizWhere(fixture, "a CLASSIFY item in each pool", (q) =>
    (["practice", "assessment"] as const).every((pool) => q.items.some((i) => i.type === "CLASSIFY" && i.pool === pool)),
  );
  quizId = quiz.id;
  practiceItem = quiz.items.find((i) => i.type === "CLASSIFY" && i.pool === "practice") as Classify;
  assessmentItem = quiz.items.find((i) => i.type === "CLASSIFY" && i.pool === "assessment") as Classify;
  const dir = await contentWith(quizFilePath(fixture, quiz), (doc) => {
    doc.settings.reviewPolicy = "AFTER_FINISH";
  });
  server = await startTestServer({ content: await loadContent(dir) });
});
afterAll(async () => server?.stop());

const pid = (item: Classify, local: string) => server.app.store.ids.option(item.id, local);
/** Pairs in public ids: each statement in `category(s)`. */
const sorted = (item: Classify, category: (s: Classify["statements"][number], i: number) => string) =>
  item.statements.map((s, i) => ({ leftId: pid(item, s.id), rightId: pid(item, category(s, i)) }));
const rightPairs = (item: Classify) => sorted(item, (s) => s.category);
/** The first `wrong` statements in another category than their own, the rest right. */
const withWrong = (item: Classify, wrong: number) =>
  sorted(item, (s, i) => (i < wrong ? item.categories.find((c) => c.id !== s.category)!.id : s.category));

async function start(me: Learner, mode: "PRACTICE" | "ASSESSMENT", locale = "AR") {
  const res = await me.gql(START, { q: quizId, m: mode, l: locale });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.startAttempt as { id: string; items: { id: string; type: string; choices: { id: string; text: string }[]; targets: { id: string; text: string }[] }[] };
}

async function submit(me: Learner, attemptId: string, itemId: string, pairs: { leftId: string; rightId: string }[]) {
  return me.gql(SUBMIT, { input: { attemptId, itemId, answer: { pairs } } });
}

describe("CLASSIFY in practice", () => {
  it("should show the statements as choices and the categories as targets in content order, in the attempt's language", async () => {
    const me = await server.learner();
    for (const [locale, lang] of [["AR", "ar"], ["EN", "en"]] as const) {
      const attempt = await start(me, "PRACTICE", locale);
      const item = attempt.items.find((i) => i.id === practiceItem.id)!;
      expect(item.type).toBe("CLASSIFY");
      expect(item.targets).toEqual(practiceItem.categories.map((c) => ({ id: pid(practiceItem, c.id), text: c.text[lang] })));
      expect(new Set(item.choices.map((c) => c.id))).toEqual(new Set(practiceItem.statements.map((s) => pid(practiceItem, s.id))));
      expect(item.choices.map((c) => c.text).sort()).toEqual(practiceItem.statements.map((s) => s.text[lang]).sort());
      await me.gql(`mutation($id: ID!) { finishAttempt(attemptId: $id) { state } }`, { id: attempt.id });
    }
    // Nothing in the served item says which category a statement belongs to.
    const attempt = await start(me, "PRACTICE");
    const raw = JSON.stringify(attempt);
    expect(raw).not.toMatch(/"category"|"correct"/);
  });

  it("should grade each statement, give partial credit and show the right answer and the explanation at once", async () => {
    const me = await server.learner();
    const attempt = await start(me, "PRACTICE");
    const n = practiceItem.statements.length;
    const res = await submit(me, attempt.id, practiceItem.id, withWrong(practiceItem, 1));
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data.submitAnswer;
    expect(r).toMatchObject({ status: "GRADED", score: Math.round((practiceItem.points * (n - 1) * 100) / n) / 100, maxScore: practiceItem.points, correct: false });
    expect(r.answer.pairs).toEqual(withWrong(practiceItem, 1));
    expect(r.rightAnswer).toEqual({ choiceIds: null, text: null, sequence: null, pairs: rightPairs(practiceItem) });
    expect(r.feedback.explanation).toBe(practiceItem.explanation.ar);

    const again = (await submit(me, attempt.id, practiceItem.id, rightPairs(practiceItem))).body.data.submitAnswer;
    expect(again).toMatchObject({ status: "GRADED", score: practiceItem.points, correct: true });
  });

  it("should count a statement left out as wrong, and refuse an answer with no statement placed", async () => {
    const me = await server.learner();
    const attempt = await start(me, "PRACTICE");
    const one = (await submit(me, attempt.id, practiceItem.id, rightPairs(practiceItem).slice(0, 1))).body.data.submitAnswer;
    expect(one.score).toBe(Math.round((practiceItem.points * 100) / practiceItem.statements.length) / 100);
    const empty = await submit(me, attempt.id, practiceItem.id, []);
    expect(empty.body.errors?.[0].extensions?.code).toBe("answer/invalid");
    const twice = await submit(me, attempt.id, practiceItem.id, [...rightPairs(practiceItem).slice(0, 1), ...withWrong(practiceItem, 1).slice(0, 1)]);
    expect(twice.body.errors?.[0].extensions?.code).toBe("answer/invalid");
    // The refused answers lost nothing: the earlier one still stands.
    const kept = await me.gql(`query($id: ID!) { attempt(id: $id) { responses { itemId score } } }`, { id: attempt.id });
    expect(kept.body.data.attempt.responses).toEqual([{ itemId: practiceItem.id, score: one.score }]);
  });
});

describe("CLASSIFY in an assessment", () => {
  it("should withhold correctness, score and key during the attempt and show them, with partial credit, after finishing", async () => {
    const me = await server.learner();
    const attempt = await start(me, "ASSESSMENT");
    expect(attempt.items.map((i) => i.id)).toContain(assessmentItem.id);
    expect(attempt.items.map((i) => i.id)).not.toContain(practiceItem.id);
    const res = await submit(me, attempt.id, assessmentItem.id, withWrong(assessmentItem, 2));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.submitAnswer).toMatchObject({ status: "ANSWERED", score: null, correct: null, rightAnswer: null, feedback: null });
    expect(res.raw).not.toContain(assessmentItem.explanation.ar);

    const done = await me.gql(FINISH, { id: attempt.id });
    expect(done.body.errors).toBeUndefined();
    const finished = done.body.data.finishAttempt;
    expect(finished.feedbackAvailable).toBe(true);
    const n = assessmentItem.statements.length;
    const response = finished.responses.find((r: { itemId: string }) => r.itemId === assessmentItem.id);
    expect(response).toMatchObject({
      status: "GRADED",
      score: Math.round((assessmentItem.points * (n - 2) * 100) / n) / 100,
      maxScore: assessmentItem.points,
      correct: false,
      rightAnswer: { pairs: rightPairs(assessmentItem) },
      feedback: { explanation: assessmentItem.explanation.ar },
    });
  });
});

describe("CLASSIFY in item statistics", () => {
  it("should count, per statement, the answers in each category, and the outcomes", async () => {
    const teacher = await server.instructor();
    const room = (await teacher.gql(`mutation { createClassroom(name: "CLASSIFY") { id joinCode } }`)).body.data.createClassroom;
    // Three learners: all right, two wrong, everything wrong (each statement in another category).
    const answers = [rightPairs(assessmentItem), withWrong(assessmentItem, 2), withWrong(assessmentItem, assessmentItem.statements.length)];
    for (const pairs of answers) {
      const me = await server.learner();
      expect((await me.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: room.joinCode })).body.errors).toBeUndefined();
      const attempt = await start(me, "ASSESSMENT");
      expect((await submit(me, attempt.id, assessmentItem.id, pairs)).body.errors).toBeUndefined();
      expect((await me.gql(FINISH, { id: attempt.id })).body.errors).toBeUndefined();
    }
    const res = await teacher.gql(STATS, { id: room.id, quiz: quizId, l: "EN" });
    expect(res.body.errors).toBeUndefined();
    const stats = res.body.data.classroom.itemStats;
    const stat = stats.find((s: { itemId: string }) => s.itemId === assessmentItem.id);
    expect(stat.type).toBe("CLASSIFY");
    expect(stat.responses).toBe(3);
    expect(stat.distribution).toEqual([
      { key: "=correct", label: null, correct: true, count: 1 },
      { key: "=partial", label: null, correct: false, count: 1 },
      { key: "=incorrect", label: null, correct: false, count: 1 },
    ]);
    expect(stat.statements).toHaveLength(assessmentItem.statements.length);
    assessmentItem.statements.forEach((s, i) => {
      const st = stat.statements[i];
      const wrongTwice = i < 2; // the first two statements are wrong in two answers
      expect(st).toMatchObject({ id: pid(assessmentItem, s.id), label: s.text.en, responses: 3, correct: wrongTwice ? 1 : 2 });
      const other = assessmentItem.categories.find((c) => c.id !== s.category)!.id;
      expect(st.categories).toEqual(
        assessmentItem.categories.map((c) => ({
          key: pid(assessmentItem, c.id),
          label: c.text.en,
          correct: c.id === s.category,
          count: c.id === s.category ? (wrongTwice ? 1 : 2) : c.id === other ? (wrongTwice ? 2 : 1) : 0,
        })),
      );
    });
    // Other types have no per-statement statistics.
    expect(stats.filter((s: { type: string }) => s.type !== "CLASSIFY").every((s: { statements: unknown }) => s.statements === null)).toBe(true);
  });
});
