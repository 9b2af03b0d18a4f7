/**
 * LTI 1.3 and LTI Advantage in Chromium, cross-site over TLS: the test platform (tests/helpers/lti-platform.ts)
 * at https://platform.test and the tool at https://tool.test, both 127.0.0.1 by Chromium's
 * --host-resolver-rules, with a certificate made here by openssl (Chromium is told to accept it). The platform's
 * course page holds the tool in an iframe. An instructor deep-links a quiz (the picker, the signed response the
 * platform verifies); a learner launched into that quiz finishes it in the frame with the frame's cookie
 * (SameSite=None; Secure; Partitioned) and the platform receives the score through the outbox, also after
 * the tool restarts mid-outbox; after a key rotation a launch and its grade passback still work; the
 * instructor syncs the roster from the class dashboard in the frame with the page-held token only (cookies
 * cleared). Back-channel calls (token, JWKS, AGS, NRPS) go over plain http to 127.0.0.1.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Server as TlsServer } from "node:tls";
import { createServer as createTlsServer } from "node:tls";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromium } from "playwright-core";
import type { Browser as Chromium, BrowserContext, Frame, Page } from "playwright-core";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import type { TestServer } from "../helpers/test-server.js";
import { startTestServer } from "../helpers/test-server.js";
import type { LaunchSpec, TestPlatform } from "../helpers/lti-platform.js";
import { ROLE, startTestPlatform } from "../helpers/lti-platform.js";
import { ManualClock } from "../../server/src/shared/clock.js";
import { backoffMs } from "../../server/src/lti/lti-ags.js";
import { CHROMIUM_FLAGS } from "./chromium.js";
import { GUARD } from "./browser.js";

const chromiumPath = inject("chromiumPath");
const clock = new ManualClock(new Date());
let server: TestServer;
let toolFront: TlsServer;
let toolUrl: string;
let dataDir: string;
let platform: TestPlatform;
let browser: Chromium;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "lti-e2e-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`, "-days", "1", "-subj", "/CN=tool.test", "-addext", "subjectAltName=DNS:tool.test,DNS:platform.test"], { stdio: "ignore" });
  const [key, cert] = await Promise.all([readFile(`${dir}/key.pem`, "utf8"), readFile(`${dir}/cert.pem`, "utf8")]);
  // The tool over TLS: the TLS socket is handed to the tool's own HTTP server (req.socket.encrypted).
  toolFront = createTlsServer({ key, cert }, (socket) => server.app.server.emit("connection", socket));
  await new Promise<void>((resolve) => toolFront.listen(0, "127.0.0.1", resolve));
  toolUrl = `https://tool.test:${(toolFront.address() as AddressInfo).port}/`;
  dataDir = await mkdtemp(path.join(tmpdir(), "lti-e2e-data-"));
  server = await startTestServer({ clientDir: CLIENT_DIST, clock, dataDir, ltiToolUrl: toolUrl });
  platform = await startTestPlatform({ toolUrl, front: { host: "platform.test", key, cert }, toolJwksUrl: `${server.url}lti/jwks` });
  await server.app.services.lti.registry.register({ issuer: platform.issuer, clientId: platform.clientId, authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl, deploymentIds: platform.deploymentIds });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...CHROMIUM_FLAGS, "--host-resolver-rules=MAP tool.test 127.0.0.1, MAP platform.test 127.0.0.1", "--ignore-certificate-errors"],
  });
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await new Promise<void>((resolve) => (toolFront ? toolFront.close(() => resolve()) : resolve()));
  await server?.stop();
});

const context = { id: "ctx-e2e", title: "Sahel e2e class" };

/** Opens the platform's course page with the tool launched in its iframe; returns the page and the frame. */
async function launchInFrame(ctx: BrowserContext, spec: LaunchSpec): Promise<{ page: Page; frame: () => Frame }> {
  const page = await ctx.newPage();
  page.setDefaultTimeout(GUARD.timeout);
  const src = `${toolUrl}lti/login?${new URLSearchParams(platform.initiation(spec))}`;
  await page.goto(`${platform.url}/course?src=${encodeURIComponent(src)}`);
  const frame = () => page.frames().find((f) => f !== page.mainFrame())!;
  return { page, frame };
}

/** GraphQL from inside the tool's frame with the frame's cookies only (no bearer token). */
const frameGql = (frame: Frame, query: string, variables: Record<string, unknown>) =>
  frame.evaluate(
    async ([q, v]) => {
      const res = await fetch("/graphql", { method: "POST", credentials: "include", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: q, variables: v }) });
      return (await res.json()) as { data?: any; errors?: { message: string }[] };
    },
    [query, variables] as const,
  );

const START = `mutation($quizId: ID!) { startAttempt(quizId: $quizId, mode: ASSESSMENT) { id } }`;
const FINISH = `mutation($id: ID!) { finishAttempt(attemptId: $id) { id score maxScore } }`;

describe("LTI in a cross-site iframe over TLS", () => {
  let lineItemId: string;
  let quizUrl: string;

  it("should let an instructor deep-link a quiz from the picker in the platform's frame", async () => {
    const ctx = await browser.newContext({ locale: "ar" });
    try {
      const { frame } = await launchInFrame(ctx, { sub: "e2e-teacher", name: "Teacher E2E", roles: [ROLE.instructor], context, deepLinking: {} });
      await expect.poll(() => frame()?.url() ?? "", GUARD).toContain("/lti/launch");
      const picker = frame();
      await picker.getByText("اختيار ما يُضاف إلى المنصة").waitFor();
      await picker.getByText("Choose what to add to the platform").waitFor();
      await picker.locator('input[value="quiz:fq-e"]').check();
      await picker.getByRole("button").click();
      await expect.poll(() => frame()?.url() ?? "", GUARD).toContain("/deep-link-return");
      await frame().locator("#deep-link-done").waitFor();
      expect(platform.refusals).toEqual([]);
      const [item] = platform.deepLinkReturns.at(-1)!["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as Record<string, any>[];
      expect(item).toMatchObject({ type: "ltiResourceLink", url: `${toolUrl}quizzes/fq-e`, lineItem: { resourceId: "fq-e" } });
      // The platform makes the gradebook column from the item's lineItem, as platforms do, and names it in launches.
      lineItemId = `${platform.backUrl}/contexts/ctx-e2e/lineitems/${platform.lineItems.size + 1}`;
      platform.lineItems.set(lineItemId, { id: lineItemId, contextId: "ctx-e2e", scoreMaximum: item.lineItem.scoreMaximum, label: item.lineItem.label, resourceId: "fq-e", resourceLinkId: "rl-e2e", scores: [] });
      quizUrl = item.url;
    } finally {
      await ctx.close();
    }
  });

  async function learnerFinishes(sub: string) {
    const ctx = await browser.newContext({ locale: "ar" });
    try {
      const { frame } = await launchInFrame(ctx, { sub, name: `Learner ${sub}`, context, resourceLinkId: "rl-e2e", targetLinkUri: quizUrl, ags: { lineitem: lineItemId } });
      await expect.poll(() => frame()?.url() ?? "", GUARD).toContain("/quizzes/fq-e");
      await frame().getByRole("heading", { level: 1 }).first().waitFor();
      const cookies = await ctx.cookies(toolUrl);
      const sid = cookies.find((c) => c.name === "sid")!;
      expect(sid).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });
      const started = await frameGql(frame(), START, { quizId: "fq-e" });
      expect(started.errors).toBeUndefined();
      const done = await frameGql(frame(), FINISH, { id: started.data.startAttempt.id });
      expect(done.errors).toBeUndefined();
      return done.data.finishAttempt as { id: string; score: number; maxScore: number };
    } finally {
      await ctx.close();
    }
  }

  it("should launch a learner into the quiz in the frame with a cross-site cookie, and deliver the finished quiz's score to the platform, also after a restart mid-outbox", async () => {
    const attempt = await learnerFinishes("e2e-learner");
    platform.failScores = 1;
    expect(await server.app.services.ltiScores.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    // The tool stops with the score still in its outbox and starts again on the same data.
    await server.stop();
    server = await startTestServer({ clientDir: CLIENT_DIST, clock, dataDir, ltiToolUrl: toolUrl });
    platform.toolJwksUrl = `${server.url}lti/jwks`;
    clock.advance(backoffMs(1));
    expect(await server.app.services.ltiScores.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(platform.lineItems.get(lineItemId)!.scores).toEqual([
      expect.objectContaining({ userId: "e2e-learner", scoreGiven: attempt.score, scoreMaximum: attempt.maxScore, activityProgress: "Completed", gradingProgress: "FullyGraded" }),
    ]);
  });

  it("should keep launches and grade passback working across a key rotation", async () => {
    const before = (await server.app.services.ltiKeys.signingKey()).kid;
    await server.app.services.ltiKeys.rotate();
    expect((await server.app.services.ltiKeys.signingKey()).kid).not.toBe(before);
    expect((await server.app.services.ltiKeys.jwks()).keys.map((k) => k.kid)).toContain(before);
    clock.advance(1000);
    await learnerFinishes("e2e-after-rotation");
    // Past the cached access token's life: the next send asks for a token with an assertion signed by the new key.
    clock.advance(3600 * 1000);
    const tokens = platform.tokenRequests.length;
    expect(await server.app.services.ltiScores.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(platform.tokenRequests.slice(tokens)).toEqual([{ scope: "https://purl.imsglobal.org/spec/lti-ags/scope/score", granted: true }]);
    expect(platform.lineItems.get(lineItemId)!.scores.map((s) => s.userId)).toEqual(["e2e-learner", "e2e-after-rotation"]);
    expect(platform.refusals).toEqual([]);
    // Back to the platform's time for the launches that follow (its id_tokens carry the real time).
    clock.set(new Date());
  });

  it("should fill the class from the platform's roster when the instructor syncs it on the dashboard, with the page-held token only", async () => {
    platform.members.set("ctx-e2e", [
      { user_id: "e2e-teacher", roles: [ROLE.instructor], name: "Teacher E2E" },
      { user_id: "e2e-learner", roles: [ROLE.learner], name: "Learner e2e-learner" },
      { user_id: "nrps-new-1", roles: [ROLE.learner], name: "Nadia" },
      { user_id: "nrps-new-2", roles: [ROLE.learner], name: "Omar" },
    ]);
    const ctx = await browser.newContext({ locale: "ar" });
    try {
      const { frame } = await launchInFrame(ctx, { sub: "e2e-teacher", name: "Teacher E2E", roles: [ROLE.instructor], context, targetLinkUri: toolUrl });
      await expect.poll(() => frame()?.url() ?? "", GUARD).toContain("/teach/classes/");
      await ctx.clearCookies();
      const sync = frame().getByTestId("lti-sync-roster");
      await sync.waitFor();
      await sync.click();
      await expect.poll(async () => (await frame().getByTestId("lti-sync-result").textContent()) ?? "", GUARD).toMatch(/أُضيف/);
      const [{ classroomId }] = await server.sql<{ classroomId: string }>(`SELECT "classroomId" FROM lti_context WHERE "contextId" = 'ctx-e2e'`);
      const members = await server.sql<{ sub: string }>(`SELECT u.sub FROM classroom_member m JOIN lti_user u ON u."userId" = m."userId" WHERE m."classroomId" = ? ORDER BY u.sub`, [classroomId]);
      expect(members.map((m) => m.sub)).toEqual(expect.arrayContaining(["e2e-learner", "nrps-new-1", "nrps-new-2"]));
    } finally {
      await ctx.close();
    }
  });
});
