/**
 * The learner's journey in real headless Chromium against the real server (temporary database, built
 * client): sign up in Arabic, read a lesson (resumed after a reload), practise with one right and one wrong
 * answer, follow the evidence link, take an assessment that survives a reload, finish, and see progress;
 * then the first steps again in English. axe-core checks every screen; every screen is photographed in
 * both languages and at 360 px. The journey's quiz is the first lesson's, and its items are found by shape (course-lookup.ts), so the course
 * can change shape; the second practice choice item is kept practice-only (`pool: practice`): an item the
 * assessment also asks would show its key and evidence in practice only after the assessment's results.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import type { Item } from "../../server/src/content/content.schema.js";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { rightAnswerInput, wrongAnswerInput } from "../helpers/answers.js";
import { loadContent } from "../../server/src/content/content.loader.js";
import { contentWith } from "../helpers/content-fixtures.js";
import { itemsWhere, liveLessons, quizFilePath, quizOf } from "../helpers/course-lookup.js";
import { CONTENT_DIR, realContent, startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { GUARD, elementShot, graphqlResponse, openSession, readThrough, screen, screenshot } from "./browser.js";
import type { Session } from "./browser.js";

let server: TestServer;
let base: string;
let items: Map<string, Item>;
let assessed: { choice: string; matching: string; typed: string };
const chromiumPath = inject("chromiumPath");
// The first lesson learners are offered, its quiz, and its first two practice choice items (right, then wrong).
const real = await realContent();
const FIRST = liveLessons(real)[0];
const LESSON = FIRST.slug;
const QUIZ = quizOf(real, FIRST).id;
const [P1, P2] = itemsWhere(quizOf(real, FIRST), "single choice in the practice pool", (i) => i.type === "SINGLE_CHOICE" && i.pool === "practice", 2).map((i) => i.id);

beforeAll(async () => {
  const content = await loadContent(
    await contentWith(quizFilePath(real, quizOf(real, FIRST)), (doc) => {
      doc.items.find((i: { id: string }) => i.id === P2).pool = "practice";
      // The assessment's typed answer: the quiz's first short answer, asked in both pools for this journey.
      delete doc.items.find((i: { type: string }) => i.type === "SHORT_ANSWER").pool;
    }, CONTENT_DIR),
  );
  server = await startTestServer({ clientDir: CLIENT_DIST, content });
  base = server.url.replace(/\/$/, "");
  items = new Map(content.quizzes.flatMap((q) => q.items).map((i) => [i.id, i]));
  // What the assessment part answers, found by pool and type so the course's ids can change.
  const asked = content.quizzes.find((q) => q.id === QUIZ)!.items.filter((i) => i.pool !== "practice");
  const first = (types: string[]) => asked.find((i) => types.includes(i.type))!.id;
  assessed = { choice: first(["SINGLE_CHOICE", "TRUE_FALSE"]), matching: first(["MATCHING"]), typed: first(["SHORT_ANSWER"]) };
});
afterAll(async () => {
  await server?.stop();
});

const item = (id: string) => items.get(id)!;

async function expectInViewport(page: Page, selector: string) {
  await expect
    .poll(
      () =>
        page.evaluate((sel) => {
          const r = document.querySelector(sel)?.getBoundingClientRect();
          return !!r && r.top < window.innerHeight && r.bottom > 0;
        }, selector),
      GUARD,
    )
    .toBe(true);
}

async function htmlLangDir(page: Page) {
  return page.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`);
}

async function meLocale(page: Page) {
  return page.evaluate(async () => {
    const r = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { locale } }" }) });
    return ((await r.json()) as { data: { me: { locale: string } | null } }).data.me?.locale ?? null;
  });
}

/** Chooses a single-choice answer (by public choice id) and checks it in practice; returns the verdict. */
async function practiseChoice(page: Page, itemId: string, choiceId: string) {
  const card = page.locator(`[data-item="${itemId}"]`);
  await card.locator(`input[value="${choiceId}"]`).check();
  const submitted = graphqlResponse(page, "SubmitAnswer");
  await card.getByTestId("check").click();
  await submitted;
  return card.getByTestId("feedback").getAttribute("data-verdict");
}

describe("learner journey in Chromium", () => {
  let ar: Session;
  let en: Session;
  const visited: { name: string; path: string }[] = [];

  afterAll(async () => {
    await ar?.close();
    await en?.close();
  });

  it("should take an Arabic learner from sign-up through reading, practice, assessment and progress", async () => {
    ar = await openSession(chromiumPath);
    const { page } = ar;

    // Arabic by default, right to left.
    await page.goto(`${base}/`);
    await page.locator("h1").first().waitFor();
    expect(await htmlLangDir(page)).toBe("ar rtl");
    await screen(page, "ar-01-home-guest");
    visited.push({ name: "home", path: "/" });

    // A wrong sign-in is explained in Arabic.
    await page.goto(`${base}/signin`);
    await page.locator("#signin-email").fill("nobody@example.test");
    await page.locator("#signin-password").fill("not the password");
    await page.locator("[data-testid=sign-in-form] button[type=submit]").click();
    await expect.poll(() => page.getByTestId("form-error").textContent(), GUARD).toContain("البريد الإلكتروني أو كلمة المرور غير صحيحة");
    await screen(page, "ar-02-sign-in-error");

    // Sign up.
    await page.goto(`${base}/signup`);
    await screen(page, "ar-03-sign-up");
    await page.locator("#signup-name").fill("سلمى");
    await page.locator("#signup-email").fill(`salma-${Date.now()}@example.test`);
    await page.locator("#signup-password").fill("correct horse battery");
    await page.locator("[data-testid=sign-up-form] button[type=submit]").click();
    await page.getByTestId("continue-link").waitFor();
    await screen(page, "ar-04-home-signed-in");

    // Read the first lesson (home's next step offers the diagnostic pre-test first; prepost-journey takes it):
    // progress is recorded as the paragraphs scroll by.
    expect(await page.getByTestId("next-step").getAttribute("data-kind")).toBe("pretest");
    await page.getByTestId(`lesson-card-${LESSON}`).locator("h3 a").click();
    await page.getByTestId(`lesson-${LESSON}`).waitFor();
    await screen(page, "ar-05-lesson");
    visited.push({ name: "lesson", path: `/lessons/${LESSON}` });
    const paragraphs = await page.locator("[data-paragraph]").evaluateAll((els) => els.map((e) => e.id));
    const reached = paragraphs[5];
    const recorded = page.waitForResponse(async (r) => {
      if (!(r.request().postData() ?? "").includes('"operationName":"RecordLessonProgress"')) return false;
      const body = await r.json();
      return body.data?.recordLessonProgress?.lastParagraphId === reached;
    }, GUARD);
    // Scrolled as a reader would, each paragraph in turn to the middle of the screen.
    await readThrough(paragraphs.slice(0, 6).map((id) => page.locator(`#${id}`)));
    const body = await (await recorded).json();
    // Every paragraph passed on the way counts as seen, not only the last.
    expect(body.data.recordLessonProgress.paragraphsSeen).toBeGreaterThanOrEqual(6);

    // Reopening resumes at the last paragraph reached.
    await page.reload();
    await page.getByTestId("resumed").waitFor();
    await expectInViewport(page, `#${reached}`);
    await screenshot(page, "ar-06-lesson-resumed", { viewport: true });

    // Reading on to the last paragraph completes the lesson by itself (issue 14 point 6).
    await page.getByTestId("mark-complete").waitFor();
    await readThrough(paragraphs.map((id) => page.locator(`#${id}`)));
    await page.getByTestId("lesson-completed").waitFor();

    // The quiz, in practice: one answer right, one wrong, with feedback and evidence.
    await page.getByTestId("take-quiz").click();
    await page.getByTestId("start-practice").waitFor();
    await screen(page, "ar-07-quiz-overview");
    visited.push({ name: "quiz", path: `/quizzes/${QUIZ}` });
    await page.getByTestId("start-practice").click();
    await page.getByTestId("attempt-practice").waitFor();
    visited.push({ name: "practice", path: new URL(page.url()).pathname });
    const right = (rightAnswerInput(item(P1), server.app.store.ids).choiceIds as string[])[0];
    const wrong = (wrongAnswerInput(item(P2), server.app.store.ids).choiceIds as string[])[0];
    expect(await practiseChoice(page, P1, right)).toBe("correct");
    expect(await practiseChoice(page, P2, wrong)).toBe("incorrect");
    const wrongCard = page.locator(`[data-item="${P2}"]`);
    await expect.poll(() => wrongCard.getByTestId("explanation").textContent(), GUARD).toBeTruthy();
    await wrongCard.getByTestId("choice-marks").waitFor();
    await screen(page, "ar-08-practice-feedback");
    await elementShot(wrongCard, "ar-08b-feedback-card");

    // The evidence link opens the lesson at that paragraph, highlighted.
    const evidence = item(P2).evidence[0];
    await wrongCard.getByTestId("evidence-link").first().click();
    await page.locator(`#${evidence}.para--evidence`).waitFor();
    expect(new URL(page.url()).hash).toBe(`#${evidence}`);
    await expectInViewport(page, `#${evidence}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(evidence);
    await screenshot(page, "ar-09-lesson-evidence", { viewport: true });
    await screen(page, "ar-09b-lesson-evidence-page");

    // The assessment: timed, saved as answered, resumed after a reload.
    await page.goto(`${base}/quizzes/${QUIZ}`);
    await page.getByTestId("start-assessment").click();
    await page.getByTestId("attempt-assessment").waitFor();
    const attemptPath = new URL(page.url()).pathname;
    visited.push({ name: "assessment", path: attemptPath });
    await page.getByTestId("timer").waitFor();

    const { choice, matching: matchingId, typed } = assessed;
    const single = (rightAnswerInput(item(choice), server.app.store.ids).choiceIds as string[])[0];
    await page.locator(`[data-item="${choice}"] input[value="${single}"]`).check();
    await page.locator(`[data-item="${choice}"] .save-state--saved`).waitFor();

    const matching = rightAnswerInput(item(matchingId), server.app.store.ids).pairs as { leftId: string; rightId: string }[];
    for (const p of matching) await page.locator(`[data-item="${matchingId}"] select[data-left="${p.leftId}"]`).selectOption(p.rightId);
    await page.locator(`[data-item="${matchingId}"] .save-state--saved`).waitFor();

    // The typed answer is right, so that the review below holds only the practice answer that was wrong.
    const typedAnswer = (item(typed) as Extract<Item, { type: "SHORT_ANSWER" }>).accept[0];
    const shortInput = page.locator(`[data-item="${typed}"] input[type=text]`);
    await shortInput.fill(typedAnswer);
    await shortInput.blur();
    await page.locator(`[data-item="${typed}"] .save-state--saved`).waitFor();
    await screen(page, "ar-10-assessment");

    await page.reload();
    await page.getByTestId("attempt-assessment").waitFor();
    expect(new URL(page.url()).pathname).toBe(attemptPath);
    expect(await page.locator(`[data-item="${choice}"] input[value="${single}"]`).isChecked()).toBe(true);
    expect(await page.locator(`[data-item="${typed}"] input[type=text]`).inputValue()).toBe(typedAnswer);
    expect(await page.locator(`[data-item="${matchingId}"] select[data-left="${matching[0].leftId}"]`).inputValue()).toBe(matching[0].rightId);
    await expect.poll(() => page.getByTestId("answered-count").textContent(), GUARD).toContain("3");

    // Starting the assessment again returns the same open attempt.
    await page.goto(`${base}/quizzes/${QUIZ}`);
    await page.getByTestId("start-assessment").click();
    await page.getByTestId("attempt-assessment").waitFor();
    expect(new URL(page.url()).pathname).toBe(attemptPath);

    await page.getByTestId("finish").click();
    await page.getByTestId("finish-confirm").click();
    await page.getByTestId("score").waitFor();
    await screen(page, "ar-11-assessment-results");

    // Progress, after a reload.
    await page.getByTestId("to-progress").click();
    await page.getByTestId("progress-page").waitFor();
    await page.reload();
    const row = page.getByTestId(`progress-${LESSON}`);
    await row.waitFor();
    expect(await row.getByTestId("lesson-status").textContent()).toContain("مكتمل");
    expect(await row.getByTestId("best-score").textContent()).toMatch(/\d/);
    expect(await page.locator('[data-testid=mastery-map] [data-level]:not([data-level="NOT_STARTED"])').count()).toBeGreaterThan(0);
    await screen(page, "ar-12-progress");
    visited.push({ name: "progress", path: "/progress" });

    // Review: the practice answer that was wrong is due at once; answered right now, with feedback.
    await page.goto(`${base}/review`);
    const reviewCard = page.locator(`[data-item="${P2}"]`);
    await reviewCard.waitFor();
    await screen(page, "ar-13-review");
    visited.push({ name: "review", path: "/review" });
    await reviewCard.locator(`input[value="${(rightAnswerInput(item(P2), server.app.store.ids).choiceIds as string[])[0]}"]`).check();
    const reviewed = graphqlResponse(page, "SubmitReview");
    await reviewCard.getByTestId("check").click();
    await reviewed;
    expect(await reviewCard.getByTestId("feedback").getAttribute("data-verdict")).toBe("correct");
    await screen(page, "ar-14-review-feedback");
    await page.getByTestId("review-next").click();
    await page.getByTestId("review-done").waitFor();

    // The same screens at 360 px.
    await page.setViewportSize({ width: 360, height: 780 });
    for (const v of visited) {
      await page.goto(`${base}${v.path}`);
      await page.locator("h1").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${v.name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
      await screenshot(page, `ar-360-${v.name}`);
    }
  });

  it("should do the first steps in English, switched from the header and remembered", async () => {
    en = await openSession(chromiumPath);
    const { page } = en;
    await page.goto(`${base}/`);
    await page.locator("h1").first().waitFor();
    await page.getByTestId("locale-switch").click();
    await expect.poll(() => htmlLangDir(page), GUARD).toBe("en ltr");
    await expect.poll(() => page.locator("h1").first().textContent(), GUARD).toContain("Mali and Morocco in the Sahel");
    await screen(page, "en-01-home-guest");

    await page.goto(`${base}/signin`);
    await page.locator("#signin-email").fill("nobody@example.test");
    await page.locator("#signin-password").fill("not the password");
    await page.locator("[data-testid=sign-in-form] button[type=submit]").click();
    await expect.poll(() => page.getByTestId("form-error").textContent(), GUARD).toContain("The email or the password is wrong");
    await screen(page, "en-02-sign-in-error");

    await page.goto(`${base}/signup`);
    await page.locator("#signup-name").fill("Sam");
    await page.locator("#signup-email").fill(`sam-${Date.now()}@example.test`);
    await page.locator("#signup-password").fill("correct horse battery");
    await page.locator("[data-testid=sign-up-form] button[type=submit]").click();
    await page.getByTestId("continue-link").waitFor();
    expect(await meLocale(page)).toBe("EN");
    await screen(page, "en-03-home-signed-in");

    await page.getByTestId(`lesson-card-${LESSON}`).locator("h3 a").click();
    await page.getByTestId(`lesson-${LESSON}`).waitFor();
    await expect.poll(() => page.locator("h1").first().textContent(), GUARD).toContain(FIRST.title.en);
    await screen(page, "en-04-lesson");

    await page.goto(`${base}/quizzes/${QUIZ}`);
    await page.getByTestId("start-practice").waitFor();
    await screen(page, "en-05-quiz-overview");
    await page.getByTestId("start-practice").click();
    await page.getByTestId("attempt-practice").waitFor();
    const practicePath = new URL(page.url()).pathname;
    const right = (rightAnswerInput(item(P1), server.app.store.ids).choiceIds as string[])[0];
    expect(await practiseChoice(page, P1, right)).toBe("correct");
    expect(await page.locator(`[data-item="${P1}"] h2`).getAttribute("lang")).toBe("en");
    await screen(page, "en-06-practice-feedback");
    await elementShot(page.locator(`[data-item="${P1}"]`), "en-06b-feedback-card");

    // The choice is the account's: switching while signed in is saved on the server.
    await page.getByTestId("locale-switch").click();
    await expect.poll(() => htmlLangDir(page), GUARD).toBe("ar rtl");
    await expect.poll(() => meLocale(page), GUARD).toBe("AR");
    await page.getByTestId("locale-switch").click();
    await expect.poll(() => meLocale(page), GUARD).toBe("EN");
    await page.reload();
    await page.locator("h1").first().waitFor();
    expect(await htmlLangDir(page)).toBe("en ltr");

    await page.goto(`${base}/progress`);
    await page.getByTestId("progress-page").waitFor();
    await screen(page, "en-07-progress");

    await page.setViewportSize({ width: 360, height: 780 });
    for (const [name, p] of [
      ["home", "/"],
      ["lesson", `/lessons/${LESSON}`],
      ["practice", practicePath],
      ["progress", "/progress"],
    ]) {
      await page.goto(`${base}${p}`);
      await page.locator("h1").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
      await screenshot(page, `en-360-${name}`);
    }
  });
});
