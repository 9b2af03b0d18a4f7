/**
 * LTI Advantage over HTTP against the test platform (tests/helpers/lti-platform.ts), both engines:
 * Deep Linking 2.0 (the picker, the signed LtiDeepLinkingResponse verified by the platform against the tool's
 * JWKS, a quiz's line item) and Assignment and Grade Services 2.0 through the durable outbox (the score written
 * with the result, the line item created when the launch named none, client-credentials tokens cached, retry
 * with backoff on the injected clock, leases between two instances, a restart mid-outbox, no double send, an
 * essay graded later).
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeProtectedHeader } from "jose";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import type { LaunchSpec, TestPlatform } from "../../helpers/lti-platform.js";
import { Browser, ROLE, startTestPlatform } from "../../helpers/lti-platform.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import { ScoreOutbox, LEASE_MS, backoffMs, queueScores } from "../../../server/src/lti/lti-ags.js";
import { ServiceTokens } from "../../../server/src/lti/lti-service-token.js";

let server: TestServer;
let platform: TestPlatform;
const clock = new ManualClock(new Date());
const logs: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ clock, log: (m) => logs.push(m) });
  platform = await startTestPlatform({ toolUrl: server.url });
  await server.app.services.lti.registry.register({
    issuer: platform.issuer,
    clientId: platform.clientId,
    authUrl: platform.authUrl,
    tokenUrl: platform.tokenUrl,
    jwksUrl: platform.jwksUrl,
    deploymentIds: platform.deploymentIds,
  });
});
afterAll(async () => {
  await platform?.close();
  await server?.stop();
});

const meta = (html: string, name: string) => new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1];

async function launch(spec: LaunchSpec) {
  const browser = new Browser();
  const flow = await browser.launch(`${server.url}lti/login`, platform.initiation(spec));
  expect(platform.refusals).toEqual([]);
  const html = await flow.launch!.text();
  return { browser, status: flow.launch!.status, html, token: meta(html, "lti-session") };
}

const asUser = (token: string) => ({ authorization: `Bearer ${token}` });

/** Starts and finishes an assessment attempt of the quiz; `answer` sends answers first. */
async function finishQuiz(token: string, quizId: string, answer?: (attemptId: string) => Promise<void>) {
  const started = await server.gql<any>(START, { quizId, mode: "ASSESSMENT" }, asUser(token));
  expect(started.body.errors).toBeUndefined();
  const id = started.body.data.startAttempt.id as string;
  await answer?.(id);
  const done = await server.gql<any>(FINISH, { id }, asUser(token));
  expect(done.body.errors).toBeUndefined();
  return done.body.data.finishAttempt as { id: string; score: number; maxScore: number };
}

const outbox = (attemptId: string) => server.sql<{ id: string; state: string; tries: number; nextAt: string; score: string; dedupeKey: string }>(`SELECT * FROM lti_score_outbox WHERE "attemptId" = ? ORDER BY "createdAt"`, [attemptId]);
const scoresFor = (sub: string): Record<string, unknown>[] => [...platform.lineItems.values()].flatMap((i) => i.scores.filter((s) => s.userId === sub));

describe("Deep Linking 2.0", () => {
  it("should show an instructor the course, lessons and quizzes in both languages and return a signed LtiResourceLink for the quiz picked, with its line item", async () => {
    const { status, html, browser } = await launch({ sub: "dl-teacher", roles: [ROLE.instructor], deepLinking: { data: "opaque-data-42" } });
    expect(status).toBe(200);
    for (const text of ["اختيار ما يُضاف إلى المنصة", "Choose what to add to the platform", "اختبار: الاتفاق وأطرافه", "Quiz: the agreement and its parties", "الدروس", "Lessons"]) expect(html).toContain(text);
    const state = /name="state" value="([^"]+)"/.exec(html)![1];
    expect(html).toContain('value="quiz:fq-a"');
    const chosen = await browser.request(`${server.url}lti/deep-link`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ state, item: "quiz:fq-a" }).toString() });
    expect(chosen.status).toBe(200);
    const csp = chosen.headers.get("content-security-policy")!;
    expect(csp).toContain(`form-action ${new URL(platform.url).origin}`);
    const form = Browser.form(await chosen.text());
    expect(form.action).toBe(`${platform.url}/deep-link-return`);
    const returned = await browser.request(form.action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form.fields).toString() });
    expect(returned.status, await returned.clone().text()).toBe(200);
    expect(platform.refusals).toEqual([]);
    const claims = platform.deepLinkReturns.at(-1)!;
    const { kid } = await server.app.services.ltiKeys.signingKey();
    expect(decodeProtectedHeader(form.fields.JWT)).toMatchObject({ alg: "RS256", kid });
    expect(claims).toMatchObject({ iss: platform.clientId, aud: platform.issuer, "https://purl.imsglobal.org/spec/lti-dl/claim/data": "opaque-data-42", "https://purl.imsglobal.org/spec/lti/claim/deployment_id": platform.deploymentIds[0] });
    const quizFile = server.app.store.quizFile("fq-a")!;
    const max = quizFile.items.filter((i) => i.pool !== "practice").reduce((s, i) => s + i.points, 0);
    expect(claims["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]).toEqual([
      {
        type: "ltiResourceLink",
        title: "اختبار: الاتفاق وأطرافه",
        text: "Quiz: the agreement and its parties",
        url: `${server.url}quizzes/fq-a`,
        custom: { kind: "quiz" },
        lineItem: { scoreMaximum: max, label: "اختبار: الاتفاق وأطرافه", resourceId: "fq-a" },
      },
    ]);
  });

  it("should return a lesson and the course without a line item, several when the platform accepts several, titled in English for an English instructor", async () => {
    const { html, browser } = await launch({ sub: "dl-teacher-en", locale: "en-GB", roles: [ROLE.instructor], deepLinking: { acceptMultiple: true } });
    expect(html).toContain('type="checkbox"');
    const state = /name="state" value="([^"]+)"/.exec(html)![1];
    const body = new URLSearchParams([["state", state], ["item", "course"], ["item", "lesson:fx-lesson-b"]]).toString();
    const form = Browser.form(await (await browser.request(`${server.url}lti/deep-link`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body })).text());
    await browser.request(form.action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form.fields).toString() });
    const items = platform.deepLinkReturns.at(-1)!["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as Record<string, unknown>[];
    expect(items.map((i) => [i.url, "lineItem" in i])).toEqual([
      [server.url, false],
      [`${server.url}lessons/fx-lesson-b`, false],
    ]);
    expect(items[1].title).toBe(server.app.store.content.lessons.find((l) => l.slug === "fx-lesson-b")!.title.en);
  });

  it("should refuse a deep linking request from a learner, a forged or expired picker state and an unknown choice", async () => {
    const learner = await launch({ sub: "dl-learner", roles: [ROLE.learner], deepLinking: {} });
    expect(learner.status).toBe(403);
    expect(learner.html).toContain("lti/not_instructor");
    const { html, browser } = await launch({ sub: "dl-teacher-2", roles: [ROLE.instructor], deepLinking: {} });
    const state = /name="state" value="([^"]+)"/.exec(html)![1];
    const post = (fields: Record<string, string>) =>
      browser.request(`${server.url}lti/deep-link`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
    const forged = `${state.slice(0, state.lastIndexOf(".") - 4)}AAAA${state.slice(state.lastIndexOf("."))}`;
    expect(await (await post({ state: forged, item: "quiz:fq-a" })).text()).toContain("lti/deep_link_expired");
    const unknown = await post({ state, item: "quiz:nope" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("lti/missing_parameter");
    expect(await (await post({ state, item: "course" })).text()).toContain("<form");
    clock.advance(31 * 60 * 1000);
    try {
      expect(await (await post({ state, item: "course" })).text()).toContain("lti/deep_link_expired");
    } finally {
      clock.advance(-31 * 60 * 1000);
    }
  });
});

describe("Assignment and Grade Services 2.0 through the outbox", () => {
  const context = { id: "ctx-ags", title: "AGS class" };

  it("should queue the score with the result, create the line item the launch lacked, post the score with a cached token, and not send it again", async () => {
    const teacher = await launch({ sub: "ags-teacher", roles: [ROLE.instructor], context, resourceLinkId: "rl-e", targetLinkUri: `${server.url}quizzes/fq-e` });
    expect(teacher.status).toBe(200);
    const learner = await launch({ sub: "ags-learner", context, resourceLinkId: "rl-e", targetLinkUri: `${server.url}quizzes/fq-e` });
    const tokensBefore = platform.tokenRequests.length;
    const attempt = await finishQuiz(learner.token!, "fq-e");
    const [row] = await outbox(attempt.id);
    expect(row.state).toBe("PENDING");
    expect(platform.scorePosts).toHaveLength(0);
    const run = await server.app.services.ltiScores.runOnce();
    expect(run).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [item] = [...platform.lineItems.values()].filter((i) => i.resourceLinkId === "rl-e");
    expect(item).toMatchObject({ resourceId: "fq-e", contextId: "ctx-ags" });
    expect(item.label).toContain("Quiz: the article's sources");
    expect(scoresFor("ags-learner")).toHaveLength(1);
    expect(scoresFor("ags-learner")[0]).toMatchObject({
      userId: "ags-learner",
      scoreGiven: attempt.score,
      scoreMaximum: attempt.maxScore,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: clock.now().toISOString(),
    });
    expect((await outbox(attempt.id))[0].state).toBe("SENT");
    // The line item is kept for the link: a second, better attempt (the grade under HIGHEST rises) posts to it
    // without looking it up again.
    clock.advance(1000);
    const second = await finishQuiz(learner.token!, "fq-e", async (id) => {
      const item = server.app.store.quizFile("fq-e")!.items.find((i) => i.type === "SINGLE_CHOICE")!;
      const sent = await server.gql<any>(SUBMIT, { input: { attemptId: id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } }, asUser(learner.token!));
      expect(sent.body.errors).toBeUndefined();
    });
    expect(second.score).toBeGreaterThan(attempt.score);
    expect(await server.app.services.ltiScores.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await server.app.services.ltiScores.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(scoresFor("ags-learner")).toHaveLength(2);
    expect(platform.lineItems.size).toBe(1);
    expect((await outbox(second.id)).map((r) => r.state)).toEqual(["SENT"]);
    // One token for the line item scope, one for the score scope; the second send reused the cached one.
    expect(platform.tokenRequests.slice(tokensBefore)).toEqual([
      { scope: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", granted: true },
      { scope: "https://purl.imsglobal.org/spec/lti-ags/scope/score", granted: true },
    ]);
    // The same state queued again (the reaction run twice) is one row: never sent twice.
    await server.app.writes.run((em) => queueScores(em, server.app.store, second.id, clock.now()));
    expect(await outbox(second.id)).toHaveLength(1);
  });

  it("should post to the launch's own line item when the platform names one, and not for a learner who launched another quiz or no link", async () => {
    // The platform made the line item itself (from a deep link's lineItem) and names it in the launch.
    const lineItemId = `${platform.url}/contexts/ctx-ags/lineitems/${platform.lineItems.size + 1}`;
    platform.lineItems.set(lineItemId, { id: lineItemId, contextId: "ctx-ags", scoreMaximum: 10, label: "fq-a", resourceId: "fq-a", resourceLinkId: "rl-a", scores: [] });
    const learner = await launch({ sub: "ags-own-item", context, resourceLinkId: "rl-a", targetLinkUri: `${server.url}quizzes/fq-a`, ags: { lineitem: lineItemId } });
    const other = await launch({ sub: "ags-other", context, resourceLinkId: "rl-lesson", targetLinkUri: `${server.url}lessons/fx-lesson-a` });
    await finishQuiz(learner.token!, "fq-a");
    const unlinked = await finishQuiz(other.token!, "fq-a");
    expect(await outbox(unlinked.id)).toEqual([]);
    expect(await server.app.services.ltiScores.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(platform.lineItems.get(lineItemId)!.scores.map((s) => s.userId)).toEqual(["ags-own-item"]);
  });

  it("should retry a failed send with exponential backoff on the clock, and give up on a refusal that cannot change", async () => {
    const learner = await launch({ sub: "ags-retry", context, resourceLinkId: "rl-e", targetLinkUri: `${server.url}quizzes/fq-e` });
    platform.failScores = 2;
    const attempt = await finishQuiz(learner.token!, "fq-e");
    const outboxes = server.app.services.ltiScores;
    expect(await outboxes.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await outbox(attempt.id);
    expect(row).toMatchObject({ state: "PENDING", tries: 1 });
    expect(new Date(row.nextAt).getTime() - clock.now().getTime()).toBe(backoffMs(1));
    expect(await outboxes.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(backoffMs(1));
    expect(await outboxes.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    [row] = await outbox(attempt.id);
    expect(row.tries).toBe(2);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    clock.advance(backoffMs(2) - 1);
    expect(await outboxes.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await outboxes.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(platform.scorePosts.filter((p) => p.score.userId === "ags-retry").map((p) => p.status)).toEqual([503, 503, 200]);
    // A line item the platform deleted (404) is not retried: the row is FAILED, for the instructor to see.
    const gone = await launch({ sub: "ags-gone", context, resourceLinkId: "rl-gone", targetLinkUri: `${server.url}quizzes/fq-e`, ags: { lineitem: `${platform.url}/contexts/ctx-ags/lineitems/999` } });
    const lost = await finishQuiz(gone.token!, "fq-e");
    expect(await outboxes.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await outbox(lost.id))[0]).toMatchObject({ state: "FAILED", tries: 1 });
    const [room] = await server.sql<{ classroomId: string }>(`SELECT "classroomId" FROM lti_context WHERE "contextId" = 'ctx-ags'`);
    const unsent = await outboxes.unsent(room.classroomId);
    expect(unsent.map((u) => [u.attemptId, u.state])).toEqual([[lost.id, "FAILED"]]);
    expect(unsent[0].lastError).toContain("404");
  });

  it("should let one of two instances send a row, wait out a dead instance's lease, and send what a stopped server left", async () => {
    const s = server.app.services;
    const instance = (owner: string) => new ScoreOutbox(server.db, server.app.writes, clock, s.lti.registry, new ServiceTokens(s.ltiKeys, clock), server.app.store, { owner });
    const a = instance("instance-a");
    const b = instance("instance-b");
    // Two learners' grades: two rows for the two instances to share.
    const learners = [await launch({ sub: "ags-two", context, resourceLinkId: "rl-e", targetLinkUri: `${server.url}quizzes/fq-e` }), await launch({ sub: "ags-two-b", context, resourceLinkId: "rl-e", targetLinkUri: `${server.url}quizzes/fq-e` })];
    const attempts = [await finishQuiz(learners[0].token!, "fq-e"), await finishQuiz(learners[1].token!, "fq-e")];
    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(ra.sent + rb.sent).toBe(2);
    expect(platform.scorePosts.filter((p) => String(p.score.userId).startsWith("ags-two")).map((p) => p.score.userId).sort()).toEqual(["ags-two", "ags-two-b"]);
    // An instance that claimed a row and died: its lease keeps others off until it runs out.
    const learner2 = await launch({ sub: "ags-dead", context, resourceLinkId: "rl-e", targetLinkUri: `${server.url}quizzes/fq-e` });
    const orphan = await finishQuiz(learner2.token!, "fq-e");
    await server.sql(`UPDATE lti_score_outbox SET "leaseOwner" = 'dead', "leaseUntil" = ? WHERE "attemptId" = ?`, [new Date(clock.now().getTime() + LEASE_MS).toISOString(), orphan.id]);
    expect(await b.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(LEASE_MS);
    expect(await b.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(platform.scorePosts.filter((p) => p.score.userId === "ags-dead")).toHaveLength(1);
    expect(attempts.length).toBe(2);
  });

  it("should send an essay quiz's score as PendingManual, then FullyGraded once the instructor grades the essay", async () => {
    const teacher = await launch({ sub: "ags-teacher", roles: [ROLE.instructor], context, resourceLinkId: "rl-b", targetLinkUri: `${server.url}quizzes/fq-b` });
    const learner = await launch({ sub: "ags-essay", context, resourceLinkId: "rl-b", targetLinkUri: `${server.url}quizzes/fq-b` });
    const essay = server.app.store.quizFile("fq-b")!.items.find((i) => i.type === "ESSAY")!;
    const attempt = await finishQuiz(learner.token!, "fq-b", async (id) => {
      const sent = await server.gql<any>(SUBMIT, { input: { attemptId: id, itemId: essay.id, answer: { text: "مقال عن الخلاف" } } }, asUser(learner.token!));
      expect(sent.body.errors).toBeUndefined();
    });
    await server.app.services.ltiScores.runOnce();
    expect(scoresFor("ags-essay").map((s) => s.gradingProgress)).toEqual(["PendingManual"]);
    const [{ id: responseId }] = await server.sql<{ id: string }>(`SELECT id FROM response WHERE "attemptId" = ? AND status = 'PENDING_MANUAL'`, [attempt.id]);
    clock.advance(1000);
    const graded = await server.gql<any>(`mutation($r: ID!) { gradeEssay(input: { responseId: $r, score: ${essay.points} }) { id } }`, { r: responseId }, asUser(teacher.token!));
    expect(graded.body.errors).toBeUndefined();
    await server.app.services.ltiScores.runOnce();
    const scores = scoresFor("ags-essay");
    expect(scores.map((s) => s.gradingProgress)).toEqual(["PendingManual", "FullyGraded"]);
    expect(scores[1].scoreGiven).toBe((scores[0].scoreGiven as number) + essay.points);
    expect(String(scores[1].timestamp) > String(scores[0].timestamp)).toBe(true);
  });
});

describe("the outbox across a restart", () => {
  it("should send, after a restart, the score a stopped server had queued and not yet sent", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "lti-restart-"));
    const restartClock = new ManualClock(new Date());
    let first = await startTestServer({ clock: restartClock, dataDir });
    const p = await startTestPlatform({ toolUrl: first.url });
    try {
      await first.app.services.lti.registry.register({ issuer: p.issuer, clientId: p.clientId, authUrl: p.authUrl, tokenUrl: p.tokenUrl, jwksUrl: p.jwksUrl, deploymentIds: p.deploymentIds });
      const browser = new Browser();
      const flow = await browser.launch(`${first.url}lti/login`, p.initiation({ sub: "restart-learner", context: { id: "ctx-r" }, resourceLinkId: "rl-r", targetLinkUri: `${first.url}quizzes/fq-e` }));
      const token = meta(await flow.launch!.text(), "lti-session")!;
      const started = await first.gql<any>(START, { quizId: "fq-e", mode: "ASSESSMENT" }, asUser(token));
      await first.gql<any>(FINISH, { id: started.body.data.startAttempt.id }, asUser(token));
      p.failScores = 1;
      expect(await first.app.services.ltiScores.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
      await first.stop();
      const second = await startTestServer({ clock: restartClock, dataDir });
      first = second;
      p.toolJwksUrl = `${second.url}lti/jwks`;
      restartClock.advance(backoffMs(1));
      expect(await second.app.services.ltiScores.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect([...p.lineItems.values()].flatMap((i) => i.scores.map((s) => s.userId))).toEqual(["restart-learner"]);
      expect(p.scorePosts.map((x) => x.status)).toEqual([503, 200]);
    } finally {
      await p.close();
      await first.stop();
    }
  });
});
