/**
 * No answer lost, none counted twice (issue 14, point 3), in real headless Chromium against the real server,
 * in Arabic at 1280 px and in English at 360 px: answers made while the page is really offline (Chromium's
 * offline mode, every /graphql request aborted with `route`, and the server dropping its open sockets; the
 * test checks that a request from the page fails) wait on the device, are counted as not saved and block
 * finishing; on reconnecting they land exactly once (the server's ANSWER_SUBMITTED events count the writes).
 * Then the session is ended from another tab: the next answer waits, a sign-in link appears in place, and
 * after signing in the learner is back on the attempt with the newest answer, which lands once. axe-core
 * checks every screen; screenshots under test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { Item } from "../../server/src/content/content.schema.js";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { rightAnswerInput, wrongAnswerInput } from "../helpers/answers.js";
import { CONTENT_DIR, startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { loadContent } from "../../server/src/content/content.loader.js";
import { itemsWhere, liveLessons, quizFilePath, quizOf } from "../helpers/course-lookup.js";
import { contentWith } from "../helpers/content-fixtures.js";
import { GUARD, elementShot, openSession, screen } from "./browser.js";

let server: TestServer;
let base: string;
let items: Map<string, Item>;
/** ANSWER_SUBMITTED events per attempt/item: one per answer the server actually wrote. */
const writes = new Map<string, number>();
let stopListening: () => void;
const chromiumPath = inject("chromiumPath");
// The first lesson's quiz, its first practice choice item and its first short answer, found by shape.
const real = await loadContent(CONTENT_DIR);
const FIRST_QUIZ = quizOf(real, liveLessons(real)[0]);
const QUIZ = FIRST_QUIZ.id;
const CHOICE = itemsWhere(FIRST_QUIZ, "single choice in the practice pool", (i) => i.type === "SINGLE_CHOICE" && i.pool === "practice")[0].id;
const SHORT = itemsWhere(FIRST_QUIZ, "a short answer", (i) => i.type === "SHORT_ANSWER")[0].id;

beforeAll(async () => {
  // The journey answers a choice and a short answer in the assessment: both asked in both pools here.
  const content = await loadContent(
    await contentWith(quizFilePath(real, FIRST_QUIZ), (doc) => {
      for (const i of doc.items as { id: string; pool?: string }[]) if (i.id === CHOICE || i.id === SHORT) delete i.pool;
    }, CONTENT_DIR),
  );
  server = await startTestServer({ clientDir: CLIENT_DIST, content });
  base = server.url.replace(/\/$/, "");
  items = new Map(content.quizzes.flatMap((q) => q.items).map((i) => [i.id, i]));
  stopListening = server.app.services.activity.subscribe((e) => {
    if (e.type === "ANSWER_SUBMITTED") writes.set(`${e.attemptId}/${e.itemId}`, (writes.get(`${e.attemptId}/${e.itemId}`) ?? 0) + 1);
  });
});
afterAll(async () => {
  stopListening?.();
  await server?.stop();
});

const choiceOf = (answer: Record<string, unknown>) => (answer.choiceIds as string[])[0];

async function stored(attemptId: string, itemId: string) {
  const rows = await server.sql<{ answer: string; clientAnswerId: string | null }>(`SELECT answer, "clientAnswerId" FROM response WHERE "attemptId" = ? AND "itemId" = ?`, [attemptId, itemId]);
  return rows.map((r) => ({ answer: JSON.parse(r.answer) as { text?: string; choiceIds?: string[] }, clientAnswerId: r.clientAnswerId }));
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await page.route("**/graphql", (route) => route.abort("internetdisconnected"));
  server.app.server.closeAllConnections();
  // Really offline: the browser says so, and a request from the page does not reach the server.
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const reached = await page.evaluate(() =>
    fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) }).then(
      () => true,
      () => false,
    ),
  );
  expect(reached).toBe(false);
}

async function goOnline(context: BrowserContext, page: Page) {
  await page.unroute("**/graphql");
  await context.setOffline(false);
}

const journeys = [
  { lang: "ar", viewport: { width: 1280, height: 900 }, name: "سلمى", typed: ["باماكو", "باماكو عاصمة مالي"] },
  { lang: "en", viewport: { width: 360, height: 800 }, name: "Sam", typed: ["Bamako", "Bamako, Mali"] },
] as const;

describe("answers made offline or signed out, in Chromium", () => {
  for (const j of journeys) {
    it(`should land every answer exactly once after reconnecting and after signing in again (${j.lang}, ${j.viewport.width} px)`, async () => {
      const session = await openSession(chromiumPath, j.viewport);
      const { context, page } = session;
      try {
        await page.goto(`${base}/`);
        await page.locator("h1").first().waitFor();
        if (j.lang === "en") {
          await page.getByTestId("locale-switch").click();
          await expect.poll(() => page.evaluate(() => document.documentElement.lang), GUARD).toBe("en");
        }
        const email = `${j.lang}-offline-${Date.now()}@example.test`;
        const password = "correct horse battery";
        await page.goto(`${base}/signup`);
        await page.locator("#signup-name").fill(j.name);
        await page.locator("#signup-email").fill(email);
        await page.locator("#signup-password").fill(password);
        await page.locator("[data-testid=sign-up-form] button[type=submit]").click();
        await page.waitForURL((u) => !u.pathname.startsWith("/signup"), GUARD);

        await page.goto(`${base}/quizzes/${QUIZ}`);
        await page.getByTestId("start-assessment").click();
        await page.getByTestId("attempt-assessment").waitFor();
        const attemptPath = new URL(page.url()).pathname;
        const attemptId = attemptPath.split("/").pop()!;
        const key = (itemId: string) => `${attemptId}/${itemId}`;

        // Online: the first answer is saved at once.
        const wrong = choiceOf(wrongAnswerInput(items.get(CHOICE)!, server.app.store.ids));
        const right = choiceOf(rightAnswerInput(items.get(CHOICE)!, server.app.store.ids));
        // Stored answers are in the content's local ids.
        const choices = (items.get(CHOICE) as Extract<Item, { type: "SINGLE_CHOICE" }>).choices;
        const [wrongLocal, rightLocal] = [choices.find((c) => !c.correct)!.id, choices.find((c) => c.correct)!.id];
        await page.locator(`[data-item="${CHOICE}"] input[value="${wrong}"]`).check();
        await page.locator(`[data-item="${CHOICE}"] .save-state--saved`).waitFor();
        expect(writes.get(key(CHOICE))).toBe(1);

        // Offline: a changed choice and a typed answer wait on the device, counted and shown as not saved.
        await goOffline(context, page);
        await page.locator(`[data-item="${CHOICE}"] input[value="${right}"]`).check();
        const short = page.locator(`[data-item="${SHORT}"] input[type=text]`);
        await short.fill(j.typed[0]);
        await short.blur();
        await page.getByTestId("unsent").waitFor();
        await expect.poll(() => page.getByTestId("unsent").textContent(), GUARD).toMatch(/[2٢]/);
        await page.locator(`[data-item="${CHOICE}"] .save-state--failed`).waitFor();
        await page.locator(`[data-item="${SHORT}"] .save-state--failed`).waitFor();
        // Finishing waits for them.
        await page.getByTestId("finish").click();
        expect(await page.getByTestId("finish-confirm").isDisabled()).toBe(true);
        await page.getByTestId("finish-blocked").waitFor();
        await screen(page, `${j.lang}-offline-01-unsent`);
        await elementShot(page.getByTestId("unsent"), `${j.lang}-offline-01a-unsent-banner`);
        await elementShot(page.locator(".finish-card"), `${j.lang}-offline-01b-finish-blocked`);
        await elementShot(page.locator(`[data-item="${SHORT}"]`), `${j.lang}-offline-01c-not-saved`);
        await page.locator(".confirm .btn--ghost").click();
        expect((await stored(attemptId, CHOICE))[0].answer.choiceIds).toEqual([wrongLocal]);
        expect(await stored(attemptId, SHORT)).toEqual([]);
        expect(writes.get(key(SHORT))).toBeUndefined();

        // Back online: both land, once each.
        await goOnline(context, page);
        await page.getByTestId("unsent").waitFor({ state: "detached" });
        await page.locator(`[data-item="${CHOICE}"] .save-state--saved`).waitFor();
        await page.locator(`[data-item="${SHORT}"] .save-state--saved`).waitFor();
        expect((await stored(attemptId, CHOICE))[0].answer.choiceIds).toEqual([rightLocal]);
        expect((await stored(attemptId, SHORT))[0].answer.text).toBe(j.typed[0]);
        expect(writes.get(key(CHOICE))).toBe(2);
        expect(writes.get(key(SHORT))).toBe(1);
        await screen(page, `${j.lang}-offline-02-reconnected`);

        // Signed out in another tab: the next answer waits, with a sign-in link in place; never shown as saved.
        const other = await context.newPage();
        await other.goto(`${base}/`);
        await other.evaluate(() => fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "mutation { signOut }" }) }));
        await other.close();
        await short.fill(j.typed[1]);
        await short.blur();
        await page.getByTestId("signed-out").waitFor();
        await page.locator(`[data-item="${SHORT}"] .save-state--failed`).waitFor();
        expect(await page.locator(".site-header__user").count()).toBe(0);
        await screen(page, `${j.lang}-offline-03-signed-out`);
        await elementShot(page.getByTestId("signed-out"), `${j.lang}-offline-03a-sign-in-link`);
        expect((await stored(attemptId, SHORT))[0].answer.text).toBe(j.typed[0]);

        await page.getByTestId("sign-in-again").click();
        await page.locator("#signin-email").fill(email);
        await page.locator("#signin-password").fill(password);
        await page.locator("[data-testid=sign-in-form] button[type=submit]").click();
        await page.waitForURL((u) => u.pathname === attemptPath, GUARD);
        await page.getByTestId("attempt-assessment").waitFor();
        await expect.poll(async () => (await stored(attemptId, SHORT))[0]?.answer.text, GUARD).toBe(j.typed[1]);
        expect(await page.locator(`[data-item="${SHORT}"] input[type=text]`).inputValue()).toBe(j.typed[1]);
        expect(await page.locator(`[data-item="${CHOICE}"] input[value="${right}"]`).isChecked()).toBe(true);
        await page.locator(`[data-item="${SHORT}"] .save-state--saved`).waitFor();
        expect(writes.get(key(SHORT))).toBe(2);
        expect(writes.get(key(CHOICE))).toBe(2);
        await screen(page, `${j.lang}-offline-04-back`);

        // And finishing now works, with both newest answers counted.
        await page.getByTestId("finish").click();
        await page.getByTestId("finish-confirm").click();
        await page.getByTestId("score").waitFor();
        const [attempt] = await server.sql<{ state: string }>(`SELECT state FROM attempt WHERE id = ?`, [attemptId]);
        expect(attempt.state).toBe("FINISHED");
        expect(writes.get(key(SHORT))).toBe(2);
      } finally {
        await session.close();
      }
    });
  }
});
