/**
 * myOpenAttempts (issue 14 point 6): the quiz page says an open attempt will be resumed, and how long a timed
 * one has left, before "start" resumes it. Only the learner's own attempts, by the server's (injected) clock;
 * an attempt past its deadline is finished, not listed. Over real HTTP, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { ATTEMPT, START } from "../../helpers/operations.js";
import type { TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { quizWhere } from "../../helpers/course-lookup.js";

const content = await fixtureContent();
const TIMED = quizWhere(content, "a time limit", (q) => q.settings.timeLimitMinutes !== undefined);
const LIMIT_S = TIMED.settings.timeLimitMinutes! * 60;
const OPEN = `query($quizId: ID!) { myOpenAttempts(quizId: $quizId) { id mode startedAt deadline secondsLeft } }`;

let server: TestServer;
const clock = new ManualClock("2026-05-01T08:00:00Z");
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server.stop();
});

describe("myOpenAttempts", () => {
  it("should list the learner's open attempts with the time left, none of anyone else's, and none once the deadline passed", async () => {
    const me = await server.learner("resumer");
    const other = await server.learner("someone");
    expect((await me.gql(OPEN, { quizId: TIMED.id })).body.data.myOpenAttempts).toEqual([]);

    const assessment = (await me.gql(START, { quizId: TIMED.id, mode: "ASSESSMENT" })).body.data.startAttempt;
    clock.advance(5 * 60_000);
    const practice = (await me.gql(START, { quizId: TIMED.id, mode: "PRACTICE" })).body.data.startAttempt;
    const open = (await me.gql(OPEN, { quizId: TIMED.id })).body.data.myOpenAttempts;
    expect(open).toEqual([
      { id: practice.id, mode: "PRACTICE", startedAt: "2026-05-01T08:05:00.000Z", deadline: null, secondsLeft: null },
      { id: assessment.id, mode: "ASSESSMENT", startedAt: "2026-05-01T08:00:00.000Z", deadline: assessment.deadline, secondsLeft: LIMIT_S - 300 },
    ]);
    expect((await other.gql(OPEN, { quizId: TIMED.id })).body.data.myOpenAttempts).toEqual([]);
    expect((await me.gql(OPEN, { quizId: "no-such-quiz" })).body.data.myOpenAttempts).toEqual([]);

    clock.advance(LIMIT_S * 1000);
    const later = (await me.gql(OPEN, { quizId: TIMED.id })).body.data.myOpenAttempts;
    expect(later.map((a: { mode: string }) => a.mode)).toEqual(["PRACTICE"]);
    expect((await me.gql(ATTEMPT, { id: assessment.id })).body.data.attempt.state).toBe("FINISHED");
  });
});
