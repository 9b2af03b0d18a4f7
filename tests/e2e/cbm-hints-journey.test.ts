/**
 * Certainty-based marking and hints from the evidence in real headless Chromium (issue 15, points 4 and 5),
 * keyboard only: in practice of quiz 1 (the content offers both there), a learner takes a hint (the section),
 * then the next (the paragraph), says how sure they are with the arrow keys, checks, and sees the CBM mark and
 * the calibration; a reload keeps the hints; the assessment offers no hint. In Arabic and English, at 1280
 * and 360 px; axe-core checks every screen, and every screen is photographed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import type { Item } from "../../server/src/content/content.schema.js";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { realContent, startTestServer } from "../helpers/test-server.js";
import { quizWhere } from "../helpers/course-lookup.js";
import type { TestServer } from "../helpers/test-server.js";
import { GUARD, graphqlResponse, openSession, screen } from "./browser.js";
import type { Session } from "./browser.js";

let server: TestServer;
let base: string;
const chromiumPath = inject("chromiumPath");
// The first live quiz offering hints and optional certainty in practice, with a practice single choice.
const QUIZ = quizWhere(await realContent(), "hints, optional certainty in practice and a practice single choice", (q) =>
  q.settings.hints === true && q.settings.certainty?.practice === "optional" && q.items.some((i) => i.type === "SINGLE_CHOICE" && i.pool === "practice")).id;
let item: Item;

beforeAll(async () => {
  const content = await realContent();
  const quiz = content.quizzes.find((q) => q.id === QUIZ)!;
  expect(quiz.settings.hints).toBe(true);
  expect(quiz.settings.certainty?.practice).toBe("optional");
  item = quiz.items.find((i) => i.type === "SINGLE_CHOICE" && i.pool === "practice")!;
  server = await startTestServer({ clientDir: CLIENT_DIST, content });
  base = server.url.replace(/\/$/, "");
});
afterAll(async () => {
  await server?.stop();
});

/** Signs up through the form. */
async function signUp(page: Page, name: string) {
  await page.goto(`${base}/signup`);
  await page.locator("#signup-name").fill(name);
  await page.locator("#signup-email").fill(`${name}-${Date.now()}@example.test`);
  await page.locator("#signup-password").fill("correct horse battery");
  await page.locator("[data-testid=sign-up-form] button[type=submit]").click();
  await page.getByTestId("continue-link").waitFor();
}

/** Starts an attempt from the quiz page, by keyboard. */
async function startFromQuizPage(page: Page, mode: "practice" | "assessment") {
  await page.goto(`${base}/quizzes/${QUIZ}`);
  const button = page.getByTestId(`start-${mode}`);
  await button.focus();
  await page.keyboard.press("Enter");
  await page.getByTestId(`attempt-${mode}`).waitFor();
}

async function journey(page: Page, tag: string, lang: "ar" | "en") {
  await startFromQuizPage(page, "practice");
  const card = page.locator(`[data-item="${item.id}"]`);
  await card.getByTestId("certainty").waitFor();

  // Hint 1: the section; hint 2: the paragraph — by keyboard.
  const hint1 = graphqlResponse(page, "TakeHint");
  await card.getByTestId("take-hint").focus();
  await page.keyboard.press("Enter");
  await hint1;
  await card.getByTestId("hint-section").waitFor();
  await expect.poll(() => card.getByTestId("hint-paragraph").count(), GUARD).toBe(0);
  const hint2 = graphqlResponse(page, "TakeHint");
  await card.getByTestId("take-hint").focus();
  await page.keyboard.press("Enter");
  await hint2;
  await card.getByTestId("hint-paragraph").first().waitFor();
  expect(await card.getByTestId("take-hint").count()).toBe(0);
  const explanation = item.explanation[lang];
  expect(await card.getByTestId("hint").textContent()).not.toContain(explanation);
  await screen(page, `${tag}-01-hints`);

  // A reload keeps the hints (recorded on the server).
  await page.reload();
  await card.getByTestId("hint-paragraph").first().waitFor();

  // The right answer, by keyboard: focus the right choice's radio and select it with Space.
  const rightLocal = (item as Extract<Item, { type: "SINGLE_CHOICE" }>).choices.find((c) => c.correct)!.id;
  const rightPublic = server.app.store.ids.option(item.id, rightLocal);
  await card.locator(`input[value="${rightPublic}"]`).focus();
  await page.keyboard.press("Space");
  // Certainty: focus the first level, then the arrow keys move within the group (RTL or LTR alike ends on 3).
  await card.getByTestId("certainty-1").focus();
  await page.keyboard.press("Space");
  await page.keyboard.press(lang === "ar" ? "ArrowLeft" : "ArrowRight");
  await page.keyboard.press(lang === "ar" ? "ArrowLeft" : "ArrowRight");
  await expect.poll(() => card.getByTestId("certainty-3").isChecked(), GUARD).toBe(true);
  const submitted = graphqlResponse(page, "SubmitAnswer");
  await card.getByTestId("check").focus();
  await page.keyboard.press("Enter");
  const body = await (await submitted).json();
  expect(body.data.submitAnswer.correct).toBe(true);
  // Three times the item's points, with its CBM mark and the calibration on the page.
  await expect.poll(() => card.getByTestId("cbm-mark").textContent(), GUARD).toBeTruthy();
  await page.getByTestId("calibration").waitFor();
  await expect.poll(() => page.locator("[data-testid=calibration] tr[data-certainty='3'] td").first().textContent(), GUARD).toMatch(/1|١/);
  await screen(page, `${tag}-02-marked`);

  // The assessment offers no hint.
  await startFromQuizPage(page, "assessment");
  await page.locator("[data-item]").first().waitFor();
  expect(await page.getByTestId("take-hint").count()).toBe(0);
  await screen(page, `${tag}-03-assessment`);
}

describe("certainty and hints in Chromium", () => {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });

  for (const [lang, width] of [["ar", 1280], ["ar", 360], ["en", 1280], ["en", 360]] as const) {
    it(`should hint, mark by certainty and calibrate (${lang}, ${width} px, keyboard only)`, async () => {
      const s = await openSession(chromiumPath, { width, height: 900 });
      sessions.push(s);
      const { page } = s;
      await signUp(page, `cbm-${lang}-${width}`);
      if (lang === "en") {
        await page.getByTestId("locale-switch").click();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang), GUARD).toBe("en");
      }
      await journey(page, `cbm-${lang}-${width}`, lang);
    });
  }
});
