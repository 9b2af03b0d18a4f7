/**
 * The diagnostic pre-test and the final assessment end to end in Chromium (issue 13 point 5): a learner finds
 * the pre-test before lesson 1 on the course home (Arabic, 1280 px), takes it, then the final after the lessons,
 * and reads their gain per objective on the progress page; the class's instructor sees pre → post and the class
 * average; the progress page again in English at 360 px. axe-core checks every screen; every screen is
 * photographed. The quizzes are found by role through GraphQL: the real course's once its content has them, the
 * fixture course's until then (the answers are given through the API: this journey is about the pre/post view,
 * each item type has its own journey).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { rightAnswerInput, wrongAnswerInput } from "../helpers/answers.js";
import { CONTENT_DIR, FIXTURE_DIR, startTestServer } from "../helpers/test-server.js";
import type { Learner, TestServer } from "../helpers/test-server.js";
import { loadContent } from "../../server/src/content/content.loader.js";
import { GUARD, openSession, screen } from "./browser.js";
import type { Session } from "./browser.js";

const chromiumPath = inject("chromiumPath");
let server: TestServer;
let base: string;
let learner: Learner;
let instructor: Learner;
let classId: string;
let pre: { id: string };
let post: { id: string };
const sessions: Session[] = [];

beforeAll(async () => {
  const real = await loadContent(CONTENT_DIR);
  const content = real.quizzes.some((q) => q.role === "diagnostic") && real.quizzes.some((q) => q.role === "final") ? real : await loadContent(FIXTURE_DIR);
  server = await startTestServer({ clientDir: CLIENT_DIST, content });
  base = server.url.replace(/\/$/, "");
  const found = await server.gql<{ course: { diagnostic: { id: string }; final: { id: string } } }>(`{ course { diagnostic { id } final { id } } }`);
  ({ diagnostic: pre, final: post } = found.body.data!.course);
  instructor = await server.instructor("أ. هدى");
  const created = await instructor.gql<{ createClassroom: { id: string; joinCode: string } }>(`mutation { createClassroom(name: "قبلي ونهائي") { id joinCode } }`);
  classId = created.body.data!.createClassroom.id;
  learner = await server.learner("مريم");
  const joined = await learner.gql(`mutation($code: String!) { joinClassroom(code: $code) { id } }`, { code: created.body.data!.createClassroom.joinCode });
  expect(joined.body.errors).toBeUndefined();
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.stop();
});

async function signedIn(who: Learner, viewport?: { width: number; height: number }): Promise<Page> {
  const session = await openSession(chromiumPath, viewport);
  sessions.push(session);
  await session.context.addCookies([{ name: "sid", value: encodeURIComponent(who.token), url: base }]);
  return session.page;
}

/**
 * Starts the assessment from the quiz page (which offers no practice here), answers through the API the items
 * `right` picks right and the others wrong, reloads, and finishes from the page.
 */
async function takeQuiz(page: Page, quizId: string, right: (index: number) => boolean, shot: string) {
  await page.goto(`${base}/quizzes/${quizId}`);
  await page.getByTestId("start-assessment").waitFor();
  expect(await page.getByTestId("start-practice").count()).toBe(0);
  await screen(page, `${shot}-overview`);
  await page.getByTestId("start-assessment").click();
  await page.getByTestId("attempt-assessment").waitFor();
  const attemptId = page.url().split("/attempts/")[1];
  const quiz = server.app.store.quizFile(quizId)!;
  for (const [i, item] of quiz.items.entries()) {
    if (item.type === "ESSAY") continue;
    const answer = right(i) ? rightAnswerInput(item, server.app.store.ids) : wrongAnswerInput(item, server.app.store.ids);
    const res = await learner.gql(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) { id } }`, { input: { attemptId, itemId: item.id, answer } });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  }
  await page.reload();
  await page.getByTestId("finish").click();
  await page.getByTestId("finish-confirm").click();
  await page.getByTestId("score").waitFor();
  await screen(page, `${shot}-results`);
}

describe("pre-test, final and gain in Chromium", () => {
  it("should offer the pre-test before lesson 1 and the final after the lessons (Arabic, 1280 px)", async () => {
    const page = await signedIn(learner);
    await page.goto(`${base}/`);
    await page.getByTestId("prepost-before").waitFor();
    expect(await page.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`)).toBe("ar rtl");
    // The pre-test's card comes before the lesson list, the final's after it.
    const order = await page.evaluate(() => {
      const at = (sel: string) => Array.from(document.querySelectorAll("[data-testid], .lesson-list")).indexOf(document.querySelector(sel)!);
      return [at('[data-testid="prepost-before"]'), at(".lesson-list"), at('[data-testid="prepost-after"]')];
    });
    expect(order[0]).toBeLessThan(order[1]);
    expect(order[1]).toBeLessThan(order[2]);
    await screen(page, "prepost-ar-01-home");
  });

  it("should take the pre-test, then the final, and show the gain per objective", async () => {
    const page = sessions[0].page;
    await takeQuiz(page, pre.id, (i) => i % 3 === 0, "prepost-ar-02-pre");
    await takeQuiz(page, post.id, (i) => i % 4 !== 3, "prepost-ar-03-final");
    await page.goto(`${base}/progress`);
    const table = page.getByTestId("gain-table");
    await table.waitFor();
    const gains = (await learner.gql<{ myGains: { overall: { pre: number; post: number }; objectives: { objectiveId: string }[] } }>(`{ myGains { overall { pre post } objectives { objectiveId } } }`)).body.data!.myGains;
    expect(gains.overall.post).toBeGreaterThan(gains.overall.pre);
    expect(await table.locator("tbody tr").count()).toBe(gains.objectives.length);
    await expect.poll(() => page.getByTestId("gain-overall").textContent(), GUARD).toContain("المجموع");
    await screen(page, "prepost-ar-04-progress-gains");
    await page.goto(`${base}/`);
    await expect.poll(() => page.getByTestId("prepost-after").textContent(), GUARD).toContain("تمّ");
  });

  it("should show the instructor pre → post per learner and the class average", async () => {
    const page = await signedIn(instructor);
    await page.goto(`${base}/teach/classes/${classId}`);
    const table = page.getByTestId("class-prepost");
    await table.waitFor();
    expect(await table.getByTestId("class-prepost-row").count()).toBe(1);
    await page.getByTestId("class-prepost-average").waitFor();
    await screen(page, "prepost-ar-05-dashboard");
  });

  it("should show the gains in English at 360 px without widening the page", async () => {
    expect((await learner.gql(`mutation { setLocale(locale: EN) { locale } }`)).body.errors).toBeUndefined();
    const page = await signedIn(learner, { width: 360, height: 780 });
    await page.goto(`${base}/progress`);
    await page.getByTestId("gain-table").waitFor();
    expect(await page.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`)).toBe("en ltr");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expect.poll(() => page.getByTestId("gain-overall").textContent(), GUARD).toContain("Overall");
    await screen(page, "prepost-en-01-progress-360");
  });
});
