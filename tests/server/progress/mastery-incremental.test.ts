/**
 * Incremental mastery (issue 20 point 1): a new practice answer later than everything counted so far updates
 * objective_mastery from the row's stored state alone, without reading the learner's history; an answer at a
 * time already counted (or replacing an earlier one) recomputes from the history. The read-models property
 * test checks that both paths equal the rebuild; this one shows which path ran, by making the raw history
 * disagree with the stored state behind the server's back and seeing which one the next answer builds on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item, QuizFile } from "../../../server/src/content/content.schema.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import { quizWhere } from "../../helpers/course-lookup.js";
import { START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";

// A fresh objective on two auto-graded items of a quiz without hints: its mastery is theirs alone.
const content = structuredClone(await fixtureContent());
const autoGraded = (i: Item) => i.type !== "ESSAY" && i.pool === undefined;
const quiz: QuizFile = quizWhere(content, "no hints and two auto-graded items", (q) => !q.settings.hints && q.items.filter(autoGraded).length >= 2);
const objective = "o-incremental";
const items = quiz.items.filter(autoGraded).slice(0, 2) as [Item, Item];
for (const i of items) i.objectives.push(objective);
content.lessons.find((l) => l.quiz === quiz.id)!.objectives.push({ id: objective, text: { ar: "هدف للاختبار", en: "A test objective" } });

const clock = new ManualClock("2026-09-01T08:00:00Z");
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock, content });
});
afterAll(async () => server.stop());

const answer = async (who: Learner, attemptId: string, item: Item) => {
  const r = await who.gql(SUBMIT, { input: { attemptId, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
  expect(r.body.errors).toBeUndefined();
};
const stored = async (who: Learner) => (await server.sql<{ level: string; fraction: number }>(`SELECT level, fraction FROM objective_mastery WHERE "userId" = ? AND "objectiveId" = ?`, [who.id, objective]))[0];

describe("incremental mastery", () => {
  it("should build a later practice answer on the stored state, and recompute from the history when the time is not later", async () => {
    const me = await server.learner("incremental");
    const started = await me.gql(START, { quizId: quiz.id, mode: "PRACTICE" });
    const attemptId = started.body.data.startAttempt.id as string;
    clock.advance(1000);
    await answer(me, attemptId, items[0]);
    const half = items[0].points / (items[0].points + items[1].points);
    expect(await stored(me)).toMatchObject({ level: "ATTEMPTED" });
    expect(Number((await stored(me)).fraction)).toBeCloseTo(half, 4);

    // Behind the server's back the first answer now reads as wrong in the raw rows.
    await server.sql(`UPDATE response SET score = 0 WHERE "userId" = ? AND "itemId" = ?`, [me.id, items[0].id]);
    clock.advance(1000);
    await answer(me, attemptId, items[1]);
    // Built on the stored state (first item right): the objective is complete, as if the history was not read.
    expect(await stored(me)).toMatchObject({ level: "PROFICIENT", fraction: 1 });

    // The same item again at the same time: it replaces the earlier response, so mastery is recomputed from the
    // history, which says the first item was wrong.
    await answer(me, attemptId, items[1]);
    const recomputed = await stored(me);
    expect(recomputed.level).toBe("ATTEMPTED");
    expect(Number(recomputed.fraction)).toBeCloseTo(1 - half, 4);
  });
});
