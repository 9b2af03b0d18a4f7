/**
 * LTI 1.3 and LTI Advantage in Chromium, cross-site over TLS: the test platform (tests/helpers/lti-platform.ts)
 * at https://platform.test and the tool at https://tool.test, both 127.0.0.1 by Chromium's
 * --host-resolver-rules, with a certificate made here by openssl (Chromium is told to accept it). The platform
 * registers the tool by Dynamic Registration from its admin page (the tool's registration URL in its iframe,
 * closed on org.imsglobal.lti.close), and a second deployment is added by the real CLI in a child process
 * (npm run lti:register) on the tool's database; launches go through both. The platform's course page holds
 * the tool in an iframe. An instructor deep-links a quiz (the picker, the signed response the platform
 * verifies); a learner launched into that quiz finishes it by clicking in the frame, with the frame's cookie
 * (SameSite=None; Secure; Partitioned), and the platform receives the grade through the outbox, also after
 * the tool restarts mid-outbox; after a key rotation a launch and its grade passback still work; the
 * instructor syncs the roster from the class dashboard in the frame with the page-held token only (cookies
 * cleared). Back-channel calls (registration, token, JWKS, AGS, NRPS) go over plain http to 127.0.0.1.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
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
import { PROJECT_ROOT, startTestServer } from "../helpers/test-server.js";
import { databaseEnv } from "../helpers/test-database.js";
import { rightAnswerInput } from "../helpers/answers.js";
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
  // The platform reaches the tool's https://tool.test URLs (its JWK Set) at the tool's plain address, read at
  // each use (the tool restarts on another port below). The tool is registered by the first two tests.
  platform = await startTestPlatform({ toolUrl, front: { host: "platform.test", key, cert }, deploymentIds: ["dep-dr", "dep-cli"], backChannel: (u) => u.replace(toolUrl, server.url) });
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
  return { page, frame: () => frame(page) };
}

/** The tool's frame in the platform's page. */
const frame = (page: Page): Frame => page.frames().find((f) => f !== page.mainFrame())!;

describe("LTI in a cross-site iframe over TLS", () => {
  let lineItemId: string;
  let quizUrl: string;

  it("should register the tool by Dynamic Registration from the platform's admin page, the tool's page closing itself", async () => {
    const invite = await server.app.services.ltiDynamic.invite();
    const ctx = await browser.newContext({ locale: "ar" });
    try {
      const page = await ctx.newPage();
      page.setDefaultTimeout(GUARD.timeout);
      await page.goto(`${platform.url}/register-tool?url=${encodeURIComponent(`${toolUrl}lti/register?invite=${invite}`)}`);
      await expect.poll(() => page.locator("#registration-closed").textContent(), GUARD).toBe(`closed by ${new URL(toolUrl).origin}`);
      await page.locator("#tool-registration").waitFor({ state: "hidden" });
      // The tool's confirmation page, in both languages, that the platform closed.
      const confirmation = await page.frameLocator("#tool-registration").locator("main").textContent();
      expect(confirmation).toContain("سُجّلت الأداة لدى منصة التعلم.");
      expect(confirmation).toContain("The tool is registered with the learning platform.");
    } finally {
      await ctx.close();
    }
    expect(platform.refusals).toEqual([]);
    expect(platform.registrations).toHaveLength(1);
    expect(platform.registrations[0]).toMatchObject({ initiate_login_uri: `${toolUrl}lti/login`, redirect_uris: [`${toolUrl}lti/launch`], jwks_uri: `${toolUrl}lti/jwks` });
    const registered = await server.app.services.lti.registry.find(platform.issuer);
    expect(registered).toEqual([expect.objectContaining({ clientId: platform.clientId, authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl, deploymentIds: ["dep-dr"] })]);
  });

  it("should add a second deployment with the CLI in a child process (npm run lti:register), and launch through it", async () => {
    const spec: LaunchSpec = { sub: "cli-learner", name: "Learner CLI", context: { id: "ctx-cli", title: "CLI class" }, deploymentId: "dep-cli" };
    const ctx = await browser.newContext({ locale: "en" });
    try {
      const refused = await launchInFrame(ctx, spec);
      await expect.poll(() => frame(refused.page)?.url() ?? "", GUARD).toContain("/lti/login");
      await frame(refused.page).getByText("This deployment of the tool is not registered.").waitFor();
      await refused.page.close();
      const flags = { issuer: platform.issuer, "client-id": platform.clientId, "auth-url": platform.authUrl, "token-url": platform.tokenUrl, "jwks-url": platform.jwksUrl, "deployment-id": "dep-cli" };
      const run = await promisify(execFile)("npm", ["run", "--silent", "lti:register", "--", ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v])], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...databaseEnv(server), LTI_TOOL_URL: toolUrl },
        encoding: "utf8",
      });
      expect(run.stdout).toContain(`Registered ${platform.issuer} (client ${platform.clientId}); deployments: `);
      expect((await server.app.services.lti.registry.find(platform.issuer)).map((p) => [p.clientId, [...p.deploymentIds].sort()])).toEqual([[platform.clientId, ["dep-cli", "dep-dr"]]]);
      expect(run.stdout).toContain(`login URL ${toolUrl}lti/login`);
      const launched = await launchInFrame(ctx, spec);
      await expect.poll(() => frame(launched.page)?.url() ?? "", GUARD).toContain("/lessons/intro");
      await frame(launched.page).getByRole("heading", { level: 1 }).first().waitFor();
      expect(platform.refusals).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 120_000);

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

  /**
   * A learner launched into the quiz finishes it by clicking in the frame: start the assessment, choose the right
   * answer to the single-choice and true/false items (each saved), finish, confirm; returns the attempt as stored.
   */
  async function learnerFinishes(sub: string) {
    const ctx = await browser.newContext({ locale: "ar" });
    try {
      const { frame } = await launchInFrame(ctx, { sub, name: `Learner ${sub}`, context, resourceLinkId: "rl-e2e", targetLinkUri: quizUrl, ags: { lineitem: lineItemId } });
      await expect.poll(() => frame()?.url() ?? "", GUARD).toContain("/quizzes/fq-e");
      const cookies = await ctx.cookies(toolUrl);
      const sid = cookies.find((c) => c.name === "sid")!;
      expect(sid).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });
      await frame().getByTestId("start-assessment").click();
      await frame().getByTestId("attempt-assessment").waitFor();
      const quiz = server.app.store.quizFile("fq-e")!;
      const answered = quiz.items.filter((i) => i.type === "SINGLE_CHOICE" || i.type === "TRUE_FALSE");
      expect(answered.length).toBeGreaterThan(0);
      for (const item of answered) {
        const choice = (rightAnswerInput(item, server.app.store.ids).choiceIds as string[])[0];
        await frame().locator(`[data-item="${item.id}"] input[value="${choice}"]`).check();
        await frame().locator(`[data-item="${item.id}"] .save-state--saved`).waitFor();
      }
      await frame().getByTestId("finish").click();
      await frame().getByTestId("finish-confirm").click();
      await frame().getByTestId("score").waitFor();
      const [attempt] = await server.sql<{ id: string; score: number; maxScore: number }>(
        `SELECT a.id, a.score, a."maxScore" FROM attempt a JOIN lti_user u ON u."userId" = a."userId" WHERE u.sub = ? AND a."quizId" = 'fq-e' AND a.state = 'FINISHED'`,
        [sub],
      );
      expect(Number(attempt.score)).toBe(answered.reduce((n, i) => n + i.points, 0));
      return { id: attempt.id, score: Number(attempt.score), maxScore: Number(attempt.maxScore) };
    } finally {
      await ctx.close();
    }
  }

  it("should launch a learner into the quiz in the frame with a cross-site cookie, let them finish it by clicking, and deliver the grade to the platform, also after a restart mid-outbox", async () => {
    const attempt = await learnerFinishes("e2e-learner");
    platform.failScores = 1;
    expect(await server.app.services.ltiScores.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    // The tool stops with the score still in its outbox and starts again on the same data.
    await server.stop();
    server = await startTestServer({ clientDir: CLIENT_DIST, clock, dataDir, ltiToolUrl: toolUrl });
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
