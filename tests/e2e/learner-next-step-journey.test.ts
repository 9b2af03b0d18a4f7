/**
 * A next step and honest loops (issue 14 points 1, 3 and 6) in real headless Chromium against the real
 * server, in Arabic at 1280 px and English at 360 px, axe-core on every screen: a guest finds the learning
 * tools on home; a new learner's home says why it suggests what it does ("The first lesson"); practice
 * finished with items left out shows each skipped item's right answer, explanation and evidence link; home
 * then puts the missed item's review first with its reason; the review session's closing words say when the
 * item comes back; the quiz page says an open assessment will be continued, with its time left. Then a
 * practice answer made while really offline (Chromium's offline mode, /graphql aborted with `route`, the
 * server dropping its sockets, checked by a failing request) waits in the outbox and lands exactly once after
 * reconnecting (the server's ANSWER_SUBMITTED events count the writes). Screenshots under
 * test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { Item } from "../../server/src/content/content.schema.js";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { rightAnswerInput, wrongAnswerInput } from "../helpers/answers.js";
import { CONTENT_DIR, startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { loadContent } from "../../server/src/content/content.loader.js";
import { itemsWhere, liveLessons, quizOf, quizOfRole } from "../helpers/course-lookup.js";
import { GUARD, graphqlResponse, openSession, screen } from "./browser.js";

let server: TestServer;
let base: string;
let items: Map<string, Item>;
const writes = new Map<string, number>();
let stopListening: () => void;
const chromiumPath = inject("chromiumPath");
// The first lesson's quiz, found by shape so the course can change shape (course-lookup.ts).
const content = await loadContent(CONTENT_DIR);
const FIRST_QUIZ = quizOf(content, liveLessons(content)[0]);
const QUIZ = FIRST_QUIZ.id;
// Practice-only items (pool: practice): practice shows their keys at once, and once finished, when skipped.
const [MISSED, OFFLINE] = itemsWhere(FIRST_QUIZ, "single choice in the practice pool", (i) => i.type === "SINGLE_CHOICE" && i.pool === "practice", 2).map((i) => i.id);

beforeAll(async () => {
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

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await page.route("**/graphql", (route) => route.abort("internetdisconnected"));
  server.app.server.closeAllConnections();
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
  {
    lang: "ar",
    viewport: { width: 1280, height: 900 },
    name: "ريم",
    tools: ["بحث", "الخريطة", "الخط الزمني"],
    pretest: "قبل الدرس الأول: اختبار قبلي قصير يبيّن نقطة البداية.",
    reviews: "أسئلة مستحقة للمراجعة الآن: 1.",
    back: /تعود الأسئلة التي أُجيب عنها إجابة صحيحة (غدًا|خلال|بعد)/,
    resume: "توجد محاولة مفتوحة منذ",
    timeLeft: "الوقت المتبقي: نحو 20 دقيقة.",
  },
  {
    lang: "en",
    viewport: { width: 360, height: 800 },
    name: "Robin",
    tools: ["Search", "Map", "Timeline"],
    pretest: "Before the first lesson: a short pre-test shows where you start.",
    reviews: "Questions due for review now: 1.",
    back: /Questions answered right come back (tomorrow|in \d+ days)\./,
    resume: "You have an open attempt from",
    timeLeft: "Time left: about 20 minutes.",
  },
] as const;

describe("a next step and honest loops, in Chromium", () => {
  for (const j of journeys) {
    it(`should give reasons, show skipped items' answers, say when reviews come back and that an attempt resumes, and land an offline practice answer once (${j.lang}, ${j.viewport.width} px)`, async () => {
      const session = await openSession(chromiumPath, j.viewport);
      const { context, page } = session;
      const shot = `${j.lang}-${j.viewport.width}-next`;
      try {
        // A guest: the tools are on home, whatever the header shows.
        await page.goto(`${base}/`);
        await page.locator("h1").first().waitFor();
        if (j.lang === "en") {
          await page.getByTestId("locale-switch").click();
          await expect.poll(() => page.evaluate(() => document.documentElement.lang), GUARD).toBe("en");
        }
        const tools = page.getByTestId("home-tools");
        await tools.waitFor();
        expect(await tools.locator("a").allInnerTexts()).toEqual([...j.tools]);
        expect(await tools.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(["/search", "/actors", "/timeline"]);
        await screen(page, `${shot}-01-guest-tools`);

        // Signed up: the diagnostic pre-test first (it measures where a learner starts), with its reason.
        await page.goto(`${base}/signup`);
        await page.locator("#signup-name").fill(j.name);
        await page.locator("#signup-email").fill(`${j.lang}-next-${Date.now()}@example.test`);
        await page.locator("#signup-password").fill("correct horse battery");
        await page.locator("[data-testid=sign-up-form] button[type=submit]").click();
        await page.getByTestId("continue-link").waitFor();
        await expect.poll(() => page.getByTestId("next-step").getAttribute("data-kind"), GUARD).toBe("pretest");
        expect(await page.getByTestId("next-step-reason").innerText()).toBe(j.pretest);
        expect(await page.getByTestId("continue-link").getAttribute("href")).toBe(`/quizzes/${quizOfRole(content, "diagnostic").id}`);
        await screen(page, `${shot}-02-home-start`);

        // Practice: one item answered wrong, the rest left out, then finished.
        await page.goto(`${base}/quizzes/${QUIZ}`);
        await page.getByTestId("start-practice").click();
        await page.getByTestId("attempt-practice").waitFor();
        const card = page.locator(`[data-item="${MISSED}"]`);
        await card.locator(`input[value="${choiceOf(wrongAnswerInput(items.get(MISSED)!, server.app.store.ids))}"]`).check();
        const submitted = graphqlResponse(page, "SubmitAnswer");
        await card.getByTestId("check").click();
        await submitted;
        await expect.poll(() => card.getByTestId("feedback").getAttribute("data-verdict"), GUARD).toBe("incorrect");
        const itemCount = await page.locator("[data-item]").count();
        await page.getByTestId("finish").click();
        await page.getByTestId("finish-confirm").click();
        await page.getByTestId("results-heading").waitFor();
        const skipped = page.getByTestId("skipped-feedback");
        await expect.poll(() => skipped.count(), GUARD).toBe(itemCount - 1);
        // Every skipped practice-only item: its right answer (where the type has lines), explanation and evidence link.
        expect(await skipped.locator("[data-testid=explanation]").count()).toBe(itemCount - 1);
        expect(await skipped.locator("[data-testid=key-later]").count()).toBe(0);
        expect(await skipped.locator("[data-testid=right-answer]").count()).toBeGreaterThan(0);
        for (const s of await skipped.all()) expect(await s.locator("[data-testid=evidence-link]").count()).toBeGreaterThan(0);
        await screen(page, `${shot}-03-practice-skipped`);

        // Home: the missed item's review comes first, with its reason.
        await page.goto(`${base}/`);
        await page.getByTestId("next-step").waitFor();
        await expect.poll(() => page.getByTestId("next-step").getAttribute("data-kind"), GUARD).toBe("reviews");
        expect(await page.getByTestId("next-step-reason").innerText()).toBe(j.reviews);
        expect(await page.getByTestId("continue-link").getAttribute("href")).toBe("/review");
        await screen(page, `${shot}-04-home-reviews`);

        // The review, answered right: the closing words say when it comes back.
        await page.getByTestId("continue-link").click();
        const review = page.locator(`[data-item="${MISSED}"]`);
        await review.locator(`input[value="${choiceOf(rightAnswerInput(items.get(MISSED)!, server.app.store.ids))}"]`).check();
        await review.getByTestId("check").click();
        await expect.poll(() => review.getByTestId("feedback").getAttribute("data-verdict"), GUARD).toBe("correct");
        await page.getByTestId("review-next").click();
        await page.getByTestId("review-done").waitFor();
        expect(await page.getByTestId("review-back").innerText()).toMatch(j.back);
        await screen(page, `${shot}-05-review-back`);

        // Home moves on from reviews.
        await page.goto(`${base}/`);
        await page.getByTestId("next-step").waitFor();
        await expect.poll(() => page.getByTestId("next-step").getAttribute("data-kind"), GUARD).not.toBe("reviews");

        // An open assessment: the quiz page says it will be continued, and how long it has left.
        await page.goto(`${base}/quizzes/${QUIZ}`);
        await page.getByTestId("start-assessment").click();
        await page.getByTestId("attempt-assessment").waitFor();
        const attemptPath = new URL(page.url()).pathname;
        await page.goto(`${base}/quizzes/${QUIZ}`);
        const notice = page.getByTestId("resume-assessment");
        await notice.waitFor();
        expect(await notice.innerText()).toContain(j.resume);
        expect(await page.getByTestId("resume-time-left").innerText()).toBe(j.timeLeft);
        await screen(page, `${shot}-06-resume-notice`);
        await page.getByTestId("start-assessment").click();
        await page.waitForURL((u) => u.pathname === attemptPath, GUARD);

        // Offline practice: the answer waits on the device and lands once, back online.
        await page.goto(`${base}/quizzes/${QUIZ}`);
        await page.getByTestId("start-practice").click();
        await page.getByTestId("attempt-practice").waitFor();
        const practiceId = new URL(page.url()).pathname.split("/").pop()!;
        const offlineCard = page.locator(`[data-item="${OFFLINE}"]`);
        await offlineCard.locator(`input[value="${choiceOf(rightAnswerInput(items.get(OFFLINE)!, server.app.store.ids))}"]`).waitFor();
        await goOffline(context, page);
        await offlineCard.locator(`input[value="${choiceOf(rightAnswerInput(items.get(OFFLINE)!, server.app.store.ids))}"]`).check();
        await offlineCard.getByTestId("check").click();
        await page.getByTestId("unsent").waitFor();
        expect(writes.get(`${practiceId}/${OFFLINE}`)).toBeUndefined();
        await screen(page, `${shot}-07-practice-offline`);
        await goOnline(context, page);
        await page.getByTestId("unsent").waitFor({ state: "detached" });
        await expect.poll(() => offlineCard.getByTestId("feedback").getAttribute("data-verdict"), GUARD).toBe("correct");
        const rows = await server.sql<{ id: string }>(`SELECT id FROM response WHERE "attemptId" = ? AND "itemId" = ?`, [practiceId, OFFLINE]);
        expect(rows).toHaveLength(1);
        expect(writes.get(`${practiceId}/${OFFLINE}`)).toBe(1);
        await screen(page, `${shot}-08-practice-landed`);
      } finally {
        await session.close();
      }
    });
  }
});
