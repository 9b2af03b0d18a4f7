/**
 * Review spreading (issue 14 point 6): items answered right together would all fall due on one day; a daily
 * cap (review/scheduler.ts spreadDue) moves the rest to the next days with room, and a review answer says
 * when its item comes back (ItemResponse.nextReviewAt). The pure rule by table, then through the server with
 * the injected clock on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { REVIEW_DAILY_CAP, spreadDue } from "../../../server/src/review/scheduler.js";
import { guarded } from "../../../server/src/quizzes/pools.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { START, SUBMIT } from "../../helpers/operations.js";
import type { TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasPools, quizWhere } from "../../helpers/course-lookup.js";

const DAY = 86_400_000;
const now = new Date("2026-05-01T08:00:00Z");
const at = (days: number, hour = 8) => new Date(Date.UTC(2026, 4, 1 + days, hour));
const times = (n: number, d: Date) => Array.from({ length: n }, () => d);

describe("spreadDue", () => {
  it.each([
    ["an empty day keeps the date", at(3), [] as Date[], 3, at(3)],
    ["a day under the cap keeps the date", at(3), times(2, at(3, 1)), 3, at(3)],
    ["a full day moves it one day on", at(3), times(3, at(3, 23)), 3, at(4)],
    ["full days in a row move it past all of them", at(3), [...times(3, at(3)), ...times(3, at(4, 0)), ...times(2, at(5))], 3, at(5)],
    ["cards on other days do not count", at(3), [...times(5, at(2)), ...times(5, at(6))], 3, at(3)],
  ])("should: %s", (_what, due, others, cap, expected) => {
    expect(spreadDue(due, others, now, cap)).toEqual(expected);
  });

  it("should leave a due date that is not in the future alone (a missed item comes back at once)", () => {
    expect(spreadDue(now, times(50, now), now, 3)).toEqual(now);
  });

  it("should spread a session's worth of equal due dates over days, never more than the cap on one", () => {
    const others: Date[] = [];
    for (let i = 0; i < 2 * REVIEW_DAILY_CAP + 1; i++) others.push(spreadDue(at(3), others, now));
    const perDay = new Map<number, number>();
    for (const d of others) perDay.set(Math.floor(d.getTime() / DAY), (perDay.get(Math.floor(d.getTime() / DAY)) ?? 0) + 1);
    expect([...perDay.values()]).toEqual([REVIEW_DAILY_CAP, REVIEW_DAILY_CAP, 1]);
  });
});

const content = await fixtureContent();
const QUIZ = quizWhere(content, "no pools", (q) => !hasPools(q));

let server: TestServer;
const clock = new ManualClock(now.toISOString());
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server.stop();
});

describe("review scheduling through the server", () => {
  it("should move a right answer's due date past a day that already holds the cap, keep a missed one due now, and say when a reviewed item comes back", async () => {
    const me = await server.learner("spread");
    const attempt = (await me.gql(START, { quizId: QUIZ.id, mode: "PRACTICE" })).body.data.startAttempt;
    const auto = QUIZ.items.filter((i) => i.type !== "ESSAY" && guarded(i));
    const [first, second, missed] = auto;
    const dueOf = async (itemId: string) =>
      new Date((await server.sql<{ due: string }>(`SELECT due FROM review_card WHERE "userId" = ? AND "itemId" = ?`, [me.id, itemId]))[0].due);
    const answer = (itemId: string, a: Record<string, unknown>) => me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId, answer: a } });

    await answer(first.id, rightAnswerInput(first, server.app.store.ids));
    const firstDue = await dueOf(first.id);
    expect(firstDue.getTime()).toBeGreaterThan(now.getTime());

    // Fill the first item's day up to the cap with other cards of this learner (items no longer in the content).
    for (let i = 0; i < REVIEW_DAILY_CAP; i++)
      await server.sql(`INSERT INTO review_card ("userId", "itemId", due, card, "updatedAt") VALUES (?, ?, ?, ?, ?)`, [me.id, `gone-${i}`, firstDue.toISOString(), "{}", now.toISOString()]);
    // … counted in review_day as the write path would have (the cap reads the counts, not the cards).
    await server.sql(`UPDATE review_day SET cards = cards + ? WHERE "userId" = ? AND day = ?`, [REVIEW_DAILY_CAP, me.id, firstDue.toISOString().slice(0, 10)]);

    // Same instant, same fresh card: FSRS gives the same interval, and the full day moves it one day on.
    await answer(second.id, rightAnswerInput(second, server.app.store.ids));
    expect((await dueOf(second.id)).getTime()).toBe(firstDue.getTime() + DAY);

    await answer(missed.id, wrongAnswerInput(missed, server.app.store.ids));
    expect((await dueOf(missed.id)).getTime()).toBe(now.getTime());

    // On its due day, a review answer says when the item comes back: its card's new due date.
    clock.set(new Date(firstDue.getTime() + 60_000));
    const reviewed = await me.gql(`mutation($input: ReviewAnswerInput!) { submitReview(input: $input) { itemId correct nextReviewAt } }`, {
      input: { itemId: first.id, answer: rightAnswerInput(first, server.app.store.ids) },
    });
    expect(reviewed.body.errors).toBeUndefined();
    const back = reviewed.body.data.submitReview;
    expect(back.correct).toBe(true);
    expect(new Date(back.nextReviewAt).getTime()).toBe((await dueOf(first.id)).getTime());
    expect(new Date(back.nextReviewAt).getTime()).toBeGreaterThan(firstDue.getTime());
  });
});
