/**
 * CLASSIFY end to end in Chromium, on the real course's critical-reading quiz: a learner sorts the practice
 * item's statements by keyboard (Arabic, 1280 px), one of them wrongly, and sees ✓/✗ and the right category per
 * statement; sorts the assessment item's statements all right and finishes; the class's instructor sees the
 * statistics per statement; then the practice item again in English at 360 px. axe-core checks every screen;
 * every screen is photographed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import type { Item } from "../../server/src/content/content.schema.js";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { rightAnswerInput } from "../helpers/answers.js";
import { loadContent } from "../../server/src/content/content.loader.js";
import { CONTENT_DIR, startTestServer } from "../helpers/test-server.js";
import type { Learner, TestServer } from "../helpers/test-server.js";
import { GUARD, elementShot, graphqlResponse, openSession, screen } from "./browser.js";
import type { Session } from "./browser.js";

type ClassifyItem = Extract<Item, { type: "CLASSIFY" }>;
type Pair = { leftId: string; rightId: string };

const chromiumPath = inject("chromiumPath");
let server: TestServer;
let base: string;
let quizId: string;
let practiceItem: ClassifyItem;
let assessmentItem: ClassifyItem;
let learner: Learner;
let instructor: Learner;
let classId: string;
const sessions: Session[] = [];

beforeAll(async () => {
  const content = await loadContent(CONTENT_DIR);
  // The quiz with a CLASSIFY item in each pool: the critical-reading strand today, found by shape.
  const quiz = content.quizzes.find(
    (q) => q.items.some((i) => i.type === "CLASSIFY" && i.pool === "practice") && q.items.some((i) => i.type === "CLASSIFY" && i.pool === "assessment"),
  )!;
  quizId = quiz.id;
  practiceItem = quiz.items.find((i) => i.type === "CLASSIFY" && i.pool === "practice") as ClassifyItem;
  assessmentItem = quiz.items.find((i) => i.type === "CLASSIFY" && i.pool === "assessment") as ClassifyItem;
  server = await startTestServer({ clientDir: CLIENT_DIST, content });
  base = server.url.replace(/\/$/, "");

  instructor = await server.instructor("أ. هدى");
  const created = await instructor.gql<{ createClassroom: { id: string; joinCode: string } }>(
    `mutation { createClassroom(name: "قراءة نقدية") { id joinCode } }`,
  );
  classId = created.body.data!.createClassroom.id;
  learner = await server.learner("مريم");
  const joined = await learner.gql(`mutation($code: String!) { joinClassroom(code: $code) { id } }`, { code: created.body.data!.createClassroom.joinCode });
  expect(joined.body.errors).toBeUndefined();
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.stop();
});

/** A browser signed in as `who` (the session cookie the web client would hold). */
async function signedIn(who: Learner, viewport?: { width: number; height: number }): Promise<Page> {
  const session = await openSession(chromiumPath, viewport);
  sessions.push(session);
  await session.context.addCookies([{ name: "sid", value: encodeURIComponent(who.token), url: base }]);
  return session.page;
}

const rightPairs = (item: ClassifyItem) => rightAnswerInput(item, server.app.store.ids).pairs as Pair[];

/** Picks each statement's category with the keyboard: Tab into the statement's radios, arrows to the one wanted. */
async function sortByKeyboard(page: Page, itemId: string, pairs: Pair[]) {
  const card = page.locator(`[data-item="${itemId}"]`);
  for (const p of pairs) {
    const statement = card.locator(`fieldset[data-statement="${p.leftId}"]`);
    const radios = statement.locator("input[type=radio]");
    const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await radios.first().focus();
    await page.keyboard.press("Space");
    // Arrow keys move within the radio group; in a right-to-left page ArrowLeft is "next" visually, so use Down.
    for (let i = 0; i < values.indexOf(p.rightId); i++) await page.keyboard.press("ArrowDown");
    await expect.poll(() => statement.locator(`input[value="${p.rightId}"]`).isChecked(), GUARD).toBe(true);
  }
}

describe("CLASSIFY in Chromium", () => {
  it("should sort a practice item by keyboard in Arabic and mark each statement right or wrong", async () => {
    const page = await signedIn(learner);
    await page.goto(`${base}/quizzes/${quizId}`);
    await page.getByTestId("start-practice").click();
    await page.getByTestId("attempt-practice").waitFor();
    const card = page.locator(`[data-item="${practiceItem.id}"]`);
    await card.waitFor();
    expect(await page.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`)).toBe("ar rtl");

    // Every statement right but the first, which goes to a wrong category.
    const right = rightPairs(practiceItem);
    const targets = await card.locator("fieldset").first().locator("input[type=radio]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const wrongFirst = { ...right[0], rightId: targets.find((t) => t !== right[0].rightId)! };
    await sortByKeyboard(page, practiceItem.id, [wrongFirst, ...right.slice(1)]);
    await screen(page, "classify-ar-01-practice-sorted");

    const submitted = graphqlResponse(page, "SubmitAnswer");
    await card.getByTestId("check").click();
    await submitted;
    await expect.poll(() => card.getByTestId("feedback").getAttribute("data-verdict"), GUARD).toBe("partial");
    const rows = card.locator("[data-testid=classify-feedback] li");
    expect(await rows.count()).toBe(practiceItem.statements.length);
    expect(await card.locator(`[data-testid=classify-feedback] li[data-statement="${right[0].leftId}"]`).getAttribute("data-ok")).toBe("false");
    expect(await card.locator('[data-testid=classify-feedback] li[data-ok="true"]').count()).toBe(practiceItem.statements.length - 1);
    // The miss names the right category in words.
    const category = practiceItem.categories.find((c) => server.app.store.ids.option(practiceItem.id, c.id) === right[0].rightId)!;
    expect(await card.locator(`[data-testid=classify-feedback] li[data-statement="${right[0].leftId}"] [data-testid=right]`).textContent()).toContain(category.text.ar);
    await screen(page, "classify-ar-02-practice-feedback");
    await elementShot(card, "classify-ar-02b-feedback-card");
  });

  it("should sort the assessment item, finish, and score it", async () => {
    const page = sessions[0].page;
    await page.goto(`${base}/quizzes/${quizId}`);
    await page.getByTestId("start-assessment").click();
    await page.getByTestId("attempt-assessment").waitFor();
    const card = page.locator(`[data-item="${assessmentItem.id}"]`);
    await card.waitFor();
    await sortByKeyboard(page, assessmentItem.id, rightPairs(assessmentItem));
    await card.locator(".save-state--saved").waitFor();
    await screen(page, "classify-ar-03-assessment");

    await page.getByTestId("finish").click();
    await page.getByTestId("finish-confirm").click();
    await page.getByTestId("score").waitFor();
    // The results list every item; the CLASSIFY item, every statement right, reads correct (no part-by-part list).
    const result = page.locator(".results__item").filter({ hasText: assessmentItem.prompt.ar });
    await expect.poll(() => result.getByTestId("feedback").getAttribute("data-verdict"), GUARD).toBe("correct");
    expect(await result.locator('[data-testid=classify-feedback] li[data-ok="false"]').count()).toBe(0);
    await screen(page, "classify-ar-04-results");
  });

  it("should show the instructor the statistics per statement", async () => {
    const page = await signedIn(instructor);
    await page.goto(`${base}/teach/classes/${classId}/items?quiz=${quizId}`);
    await page.getByTestId("item-stats-page").waitFor();
    const row = page.locator(`[data-testid=item-stats] tbody[data-item="${assessmentItem.id}"]`);
    await row.getByTestId("toggle-distribution").click();
    const table = row.getByTestId("statement-stats");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(assessmentItem.statements.length);
    // One learner sorted every statement right: each row shows one answer, in the right category's cell.
    for (const p of rightPairs(assessmentItem)) {
      const statement = table.locator(`tr[data-statement="${p.leftId}"]`);
      expect(await statement.locator(`td[data-category="${p.rightId}"]`).getAttribute("data-count")).toBe("1");
    }
    await screen(page, "classify-ar-05-item-stats");
  });

  it("should work in English at 360 px", async () => {
    // A second learner, in English (the first one's practice attempt already holds this item's answer).
    const reader = await server.learner("Sam");
    expect((await reader.gql(`mutation { setLocale(locale: EN) { locale } }`)).body.errors).toBeUndefined();
    const page = await signedIn(reader, { width: 360, height: 780 });
    await page.goto(`${base}/quizzes/${quizId}`);
    await page.getByTestId("start-practice").click();
    await page.getByTestId("attempt-practice").waitFor();
    expect(await page.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`)).toBe("en ltr");
    const card = page.locator(`[data-item="${practiceItem.id}"]`);
    await sortByKeyboard(page, practiceItem.id, rightPairs(practiceItem));
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screen(page, "classify-en-01-practice-360");
    const submitted = graphqlResponse(page, "SubmitAnswer");
    await card.getByTestId("check").click();
    await submitted;
    await expect.poll(() => card.getByTestId("feedback").getAttribute("data-verdict"), GUARD).toBe("correct");
    await screen(page, "classify-en-02-feedback-360");
  });
});
