/**
 * Never lose an answer, never count one twice: each answer carries a client-made id (clientAnswerId); the
 * same id sent again — a retry after a lost reply, many at once, after the attempt closed — is the same
 * answer, stored once and graded once. On both engines (SQLite's queue in order, PostgreSQL's concurrent
 * SERIALIZABLE transactions).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { parseCard } from "../../../server/src/review/scheduler.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { FINISH, START } from "../../helpers/operations.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { hasEssay, hasPools, itemOfType, quizWhere } from "../../helpers/course-lookup.js";
import type { Item } from "../../../server/src/content/content.schema.js";
import { canonicalShortAnswer } from "../../../server/src/items/short-answer-match.js";

const SUBMIT = `mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) {
  id itemId status score correct spellingNote answeredAt answer { choiceIds text } } }`;

let server: TestServer;
let QUIZ: string;
let ITEM: Item;
const clock = new ManualClock("2026-05-01T08:00:00Z");
beforeAll(async () => {
  server = await startTestServer({ clock });
  const quiz = quizWhere(server.app.store.content, "no essay, no pools, a short answer", (q) => !hasEssay(q) && !hasPools(q) && q.items.some((i) => i.type === "SHORT_ANSWER"));
  QUIZ = quiz.id;
  ITEM = quiz.items[0];
});
afterAll(async () => server.stop());

const ids = () => server.app.store.ids;
const rowsOf = (attemptId: string, itemId: string) =>
  server.sql<{ id: string; answeredAt: string; clientAnswerId: string | null }>(`SELECT id, "answeredAt", "clientAnswerId" FROM response WHERE "attemptId" = ? AND "itemId" = ?`, [attemptId, itemId]);

describe("the same answer sent again", () => {
  it("should store it once: a repeat returns the stored answer unchanged, a new id replaces it", async () => {
    const me = await server.learner();
    const attempt = (await me.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    const first = randomUUID();
    const a = await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: ITEM.id, answer: wrongAnswerInput(ITEM, ids()), clientAnswerId: first } });
    expect(a.body.errors).toBeUndefined();
    clock.advance(5_000);
    // The reply was lost and the client sends the same answer again: nothing changes, not even the time.
    const again = await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: ITEM.id, answer: wrongAnswerInput(ITEM, ids()), clientAnswerId: first } });
    expect(again.body.data.submitAnswer).toEqual(a.body.data.submitAnswer);
    expect(await rowsOf(attempt.id, ITEM.id)).toEqual([{ id: a.body.data.submitAnswer.id, answeredAt: a.body.data.submitAnswer.answeredAt, clientAnswerId: first }]);
    // A changed answer has a new id and replaces the stored one in place.
    clock.advance(5_000);
    const second = randomUUID();
    const b = await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: ITEM.id, answer: rightAnswerInput(ITEM, ids()), clientAnswerId: second } });
    expect(b.body.data.submitAnswer.id).toBe(a.body.data.submitAnswer.id);
    expect(b.body.data.submitAnswer.answeredAt).not.toBe(a.body.data.submitAnswer.answeredAt);
    expect((await rowsOf(attempt.id, ITEM.id)).map((r) => r.clientAnswerId)).toEqual([second]);
    // Without an id (older clients) every send replaces, as before.
    clock.advance(5_000);
    const c = await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: ITEM.id, answer: wrongAnswerInput(ITEM, ids()) } });
    expect(c.body.errors).toBeUndefined();
    expect((await rowsOf(attempt.id, ITEM.id)).map((r) => [r.clientAnswerId, r.answeredAt])).toEqual([[null, c.body.data.submitAnswer.answeredAt]]);
  });

  it("should store and grade a practice answer sent 20 times at once exactly once (one review step)", async () => {
    const me = await server.learner();
    const attempt = (await me.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    const id = randomUUID();
    const input = { attemptId: attempt.id, itemId: ITEM.id, answer: rightAnswerInput(ITEM, ids()), clientAnswerId: id };
    const results = await Promise.all(Array.from({ length: 20 }, () => me.gql(SUBMIT, { input })));
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const answers = results.map((r) => r.body.data.submitAnswer);
    expect(new Set(answers.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(answers[0].correct).toBe(true);
    expect(await rowsOf(attempt.id, ITEM.id)).toHaveLength(1);
    // Each graded practice answer is one step of the item's review card: one, not twenty.
    const [card] = await server.sql<{ card: string }>(`SELECT card FROM review_card WHERE "userId" = ? AND "itemId" = ?`, [me.id, ITEM.id]);
    expect(parseCard(card.card).reps).toBe(1);
  });

  it("should keep the newest of many different answers sent at once, each once", async () => {
    const me = await server.learner();
    const attempt = (await me.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    const sends = Array.from({ length: 10 }, () => ({ attemptId: attempt.id, itemId: ITEM.id, answer: rightAnswerInput(ITEM, ids()), clientAnswerId: randomUUID() }));
    const results = await Promise.all(sends.flatMap((input) => [me.gql(SUBMIT, { input }), me.gql(SUBMIT, { input })]));
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const rows = await rowsOf(attempt.id, ITEM.id);
    expect(rows).toHaveLength(1);
    expect(sends.map((s) => s.clientAnswerId)).toContain(rows[0].clientAnswerId);
  });

  it("should answer a repeat of a stored answer as saved after the attempt closed, and refuse a new one", async () => {
    const me = await server.learner();
    const attempt = (await me.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    const id = randomUUID();
    const input = { attemptId: attempt.id, itemId: ITEM.id, answer: rightAnswerInput(ITEM, ids()), clientAnswerId: id };
    const saved = await me.gql(SUBMIT, { input });
    expect((await me.gql(FINISH, { id: attempt.id })).body.data.finishAttempt.state).toBe("FINISHED");
    const repeat = await me.gql(SUBMIT, { input });
    expect(repeat.body.errors).toBeUndefined();
    expect(repeat.body.data.submitAnswer).toMatchObject({ id: saved.body.data.submitAnswer.id, answeredAt: saved.body.data.submitAnswer.answeredAt });
    const fresh = await me.gql(SUBMIT, { input: { ...input, clientAnswerId: randomUUID() } });
    expect(fresh.body.errors?.[0].extensions?.code).toBe("attempt/closed");
    // Another learner's id, or another item's, does not count as this answer.
    const other = itemOfType(server.app.store.quizFile(QUIZ)!, "SHORT_ANSWER");
    const elsewhere = await me.gql(SUBMIT, { input: { ...input, itemId: other.id, answer: { text: "x" } } });
    expect(elsewhere.body.errors?.[0].extensions?.code).toBe("attempt/closed");
  });

  it("should refuse a clientAnswerId that is not a UUID, and store nothing", async () => {
    const me = await server.learner();
    const attempt = (await me.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    const r = await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: ITEM.id, answer: rightAnswerInput(ITEM, ids()), clientAnswerId: "x".repeat(40) } });
    expect(r.body.errors?.[0].extensions?.code).toBe("answer/invalid");
    expect(await rowsOf(attempt.id, ITEM.id)).toEqual([]);
  });
});

describe("short answers as people write them", () => {
  it("should accept a near miss in practice and name the accepted spelling with the verdict", async () => {
    const me = await server.learner();
    const attempt = (await me.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    const item = itemOfType(server.app.store.quizFile(QUIZ)!, "SHORT_ANSWER") as Extract<Item, { type: "SHORT_ANSWER" }>;
    const longest = [...item.accept].sort((x, y) => y.length - x.length)[0];
    const typo = longest.slice(0, -3) + longest.slice(-2); // one letter dropped near the end
    const near = await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: { text: typo } } });
    expect(near.body.data.submitAnswer.correct).toBe(true);
    const note = near.body.data.submitAnswer.spellingNote;
    expect(item.accept).toContain(note);
    expect(canonicalShortAnswer(note)).toBe(canonicalShortAnswer(longest));
    const exact = await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer: { text: longest } } });
    expect(exact.body.data.submitAnswer).toMatchObject({ correct: true, spellingNote: null });
  });
});
