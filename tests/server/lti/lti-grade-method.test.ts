/**
 * AGS sends the learner's grade for the quiz under its grading method, not the last attempt's score: a table of
 * grading methods × attempt sequences for `agsGrade` (checked against the gradebook's own quizGrade), and the
 * outbox on both engines through real attempts: a new row only when the grade state changes (a better attempt
 * under HIGHEST, any change under LAST, an essay graded later under AVERAGE), PendingManual while an essay in an
 * attempt that counts waits, each state sent once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import type { LaunchSpec, TestPlatform } from "../../helpers/lti-platform.js";
import { Browser, ROLE, startTestPlatform } from "../../helpers/lti-platform.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import type { AgsGrade, GradedAttempt } from "../../../server/src/lti/lti-ags.js";
import { agsGrade } from "../../../server/src/lti/lti-ags.js";
import type { GradingMethodName } from "../../../server/src/grading/quiz-grade.js";
import { quizGrade } from "../../../server/src/grading/quiz-grade.js";

const METHODS: GradingMethodName[] = ["HIGHEST", "LAST", "FIRST", "AVERAGE"];
const t0 = Date.parse("2026-03-01T08:00:00Z");
/** Attempts in the order finished (a minute apart): [score, maxScore, essays pending]. */
const attempts = (...rows: [number, number, number?][]): GradedAttempt[] =>
  rows.map(([score, maxScore, pendingEssays = 0], i) => ({ finishedAt: new Date(t0 + i * 60_000), score, maxScore, pendingEssays }));
const full = (scoreGiven: number, scoreMaximum: number): AgsGrade => ({ scoreGiven, scoreMaximum, gradingProgress: "FullyGraded" });
const waiting = (scoreGiven: number, scoreMaximum: number): AgsGrade => ({ scoreGiven, scoreMaximum, gradingProgress: "PendingManual" });

// Each sequence with the grade each method gives (HIGHEST, LAST, FIRST, AVERAGE), worked out by hand.
const TABLE: { name: string; attempts: GradedAttempt[]; expected: Record<GradingMethodName, AgsGrade> }[] = [
  { name: "one attempt", attempts: attempts([2, 4]), expected: { HIGHEST: full(2, 4), LAST: full(2, 4), FIRST: full(2, 4), AVERAGE: full(2, 4) } },
  { name: "a better second attempt", attempts: attempts([1, 4], [3, 4]), expected: { HIGHEST: full(3, 4), LAST: full(3, 4), FIRST: full(1, 4), AVERAGE: full(2, 4) } },
  { name: "a worse second attempt", attempts: attempts([3, 4], [1, 4]), expected: { HIGHEST: full(3, 4), LAST: full(1, 4), FIRST: full(3, 4), AVERAGE: full(2, 4) } },
  {
    name: "an essay waiting in the first attempt",
    attempts: attempts([1, 4, 1], [3, 4]),
    expected: { HIGHEST: waiting(3, 4), LAST: full(3, 4), FIRST: waiting(1, 4), AVERAGE: waiting(2, 4) },
  },
  {
    name: "an essay waiting in the last attempt",
    attempts: attempts([4, 4], [0, 4, 1]),
    expected: { HIGHEST: waiting(4, 4), LAST: waiting(0, 4), FIRST: full(4, 4), AVERAGE: waiting(2, 4) },
  },
  {
    name: "three attempts out of different maxima (scaled to the latest)",
    attempts: attempts([6, 10], [1, 4], [1, 2]),
    expected: { HIGHEST: full(1.2, 2), LAST: full(1, 2), FIRST: full(1.2, 2), AVERAGE: full(0.9, 2) },
  },
  { name: "a zero maximum", attempts: attempts([0, 0]), expected: { HIGHEST: full(0, 0), LAST: full(0, 0), FIRST: full(0, 0), AVERAGE: full(0, 0) } },
];

describe("agsGrade: grading methods × attempt sequences", () => {
  for (const row of TABLE)
    for (const method of METHODS)
      it(`should send ${method} of ${row.name} as the gradebook grades it`, () => {
        const grade = agsGrade(method, row.attempts)!;
        expect(grade).toEqual(row.expected[method]);
        // The same grade as the gradebook's (grading/quiz-grade.ts), whatever order the attempts come in.
        const fraction = grade.scoreMaximum > 0 ? grade.scoreGiven / grade.scoreMaximum : 0;
        expect(Math.round(fraction * 10_000) / 10_000).toBe(quizGrade(method, row.attempts));
        expect(agsGrade(method, [...row.attempts].reverse())).toEqual(grade);
      });

  it("should send nothing without a finished attempt", () => {
    for (const method of METHODS) expect(agsGrade(method, [])).toBeNull();
  });
});

let server: TestServer;
let platform: TestPlatform;
const clock = new ManualClock(new Date());

beforeAll(async () => {
  server = await startTestServer({ clock });
  platform = await startTestPlatform({ toolUrl: server.url });
  await server.app.services.lti.registry.register({ issuer: platform.issuer, clientId: platform.clientId, authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl, deploymentIds: platform.deploymentIds });
});
afterAll(async () => {
  await platform?.close();
  await server?.stop();
});

const context = { id: "ctx-grades", title: "Grades class" };

async function launch(spec: LaunchSpec): Promise<string> {
  const flow = await new Browser().launch(`${server.url}lti/login`, platform.initiation({ context, ...spec }));
  expect(platform.refusals).toEqual([]);
  const token = /<meta name="lti-session" content="([^"]*)">/.exec(await flow.launch!.text())?.[1];
  expect(token).toBeTruthy();
  return token!;
}

/** One assessment attempt, finished: the items of these types answered right, the rest left blank. */
async function attempt(token: string, quizId: string, right: string[]): Promise<{ id: string; score: number; maxScore: number }> {
  const auth = { authorization: `Bearer ${token}` };
  const started = await server.gql<any>(START, { quizId, mode: "ASSESSMENT" }, auth);
  expect(started.body.errors).toBeUndefined();
  const id = started.body.data.startAttempt.id as string;
  const served = new Set((started.body.data.startAttempt.items as { id: string }[]).map((i) => i.id));
  for (const item of server.app.store.quizFile(quizId)!.items.filter((i) => served.has(i.id) && right.includes(i.type))) {
    const sent = await server.gql<any>(SUBMIT, { input: { attemptId: id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } }, auth);
    expect(sent.body.errors).toBeUndefined();
  }
  const done = await server.gql<any>(FINISH, { id }, auth);
  expect(done.body.errors).toBeUndefined();
  clock.advance(60_000);
  // From the table: a quiz that never shows results (fq-d) hides the score from the learner.
  const [row] = await server.sql<{ score: number; maxScore: number }>(`SELECT score, "maxScore" FROM attempt WHERE id = ?`, [id]);
  return { id, score: Number(row.score), maxScore: Number(row.maxScore) };
}

/** The scores queued for the learner on the link, oldest first, after one outbox pass has sent them. */
async function queuedAndSent(sub: string) {
  const run = await server.app.services.ltiScores.runOnce();
  expect(run.retried + run.failed).toBe(0);
  const rows = await server.sql<{ score: string; state: string }>(
    `SELECT o.score, o.state FROM lti_score_outbox o JOIN lti_user u ON u."userId" = o."userId" WHERE u.sub = ? ORDER BY o."createdAt", o."dedupeKey"`,
    [sub],
  );
  expect(rows.map((r) => r.state).every((s) => s === "SENT")).toBe(true);
  // Each queued state reached the platform exactly once.
  expect(platform.scorePosts.filter((p) => p.score.userId === sub)).toHaveLength(rows.length);
  return rows.map((r) => {
    const s = JSON.parse(r.score) as AgsGrade;
    return [s.scoreGiven, s.scoreMaximum, s.gradingProgress];
  });
}

describe("the outbox sends the grade under the quiz's grading method", () => {
  it("HIGHEST (fq-e): a better attempt is sent, a worse one is not", async () => {
    const token = await launch({ sub: "gm-highest", resourceLinkId: "rl-gm-e", targetLinkUri: `${server.url}quizzes/fq-e` });
    const first = await attempt(token, "fq-e", ["SINGLE_CHOICE"]);
    expect(first.score).toBeGreaterThan(0);
    expect(await queuedAndSent("gm-highest")).toEqual([[first.score, first.maxScore, "FullyGraded"]]);
    const worse = await attempt(token, "fq-e", []);
    expect(worse.score).toBe(0);
    expect(await queuedAndSent("gm-highest")).toEqual([[first.score, first.maxScore, "FullyGraded"]]);
  });

  it("LAST (fq-d): a worse last attempt lowers the grade sent", async () => {
    const token = await launch({ sub: "gm-last", resourceLinkId: "rl-gm-d", targetLinkUri: `${server.url}quizzes/fq-d` });
    const first = await attempt(token, "fq-d", ["SINGLE_CHOICE", "TRUE_FALSE"]);
    expect(first.score).toBeGreaterThan(0);
    const second = await attempt(token, "fq-d", []);
    expect(await queuedAndSent("gm-last")).toEqual([
      [first.score, first.maxScore, "FullyGraded"],
      [second.score, second.maxScore, "FullyGraded"],
    ]);
  });

  it("AVERAGE (fq-b): PendingManual while the essay waits, the grade again when it is graded, the average after a second attempt", async () => {
    const teacher = await launch({ sub: "gm-teacher", roles: [ROLE.instructor], resourceLinkId: "rl-gm-b", targetLinkUri: `${server.url}quizzes/fq-b` });
    const token = await launch({ sub: "gm-average", resourceLinkId: "rl-gm-b", targetLinkUri: `${server.url}quizzes/fq-b` });
    const first = await attempt(token, "fq-b", ["SINGLE_CHOICE", "ESSAY"]);
    expect(await queuedAndSent("gm-average")).toEqual([[first.score, first.maxScore, "PendingManual"]]);
    const essay = server.app.store.quizFile("fq-b")!.items.find((i) => i.type === "ESSAY")!;
    const [{ id: responseId }] = await server.sql<{ id: string }>(`SELECT id FROM response WHERE "attemptId" = ? AND status = 'PENDING_MANUAL'`, [first.id]);
    const graded = await server.gql<any>(`mutation($r: ID!) { gradeEssay(input: { responseId: $r, score: ${essay.points} }) { id } }`, { r: responseId }, { authorization: `Bearer ${teacher}` });
    expect(graded.body.errors).toBeUndefined();
    clock.advance(60_000);
    const second = await attempt(token, "fq-b", []);
    expect(second.score).toBe(0);
    const firstGraded = first.score + essay.points;
    // While the essay waited, the attempt's maximum left its points out; graded, they count in both.
    const [{ maxScore: gradedMax }] = await server.sql<{ maxScore: number }>(`SELECT "maxScore" FROM attempt WHERE id = ?`, [first.id]);
    expect(Number(gradedMax)).toBe(first.maxScore + essay.points);
    expect(await queuedAndSent("gm-average")).toEqual([
      [first.score, first.maxScore, "PendingManual"],
      [firstGraded, Number(gradedMax), "FullyGraded"],
      // A blank essay is graded 0 at once: the average of the two attempts, nothing pending.
      [Math.round(((firstGraded / Number(gradedMax) + second.score / second.maxScore) / 2) * second.maxScore * 10_000) / 10_000, second.maxScore, "FullyGraded"],
    ]);
  });
});
