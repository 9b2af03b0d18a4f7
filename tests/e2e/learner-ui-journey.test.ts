/**
 * Results, feedback, focus and comfort (issue 14 points 1, 2 and 8) in real headless Chromium against the
 * real server, in Arabic and English at 1280 and 360 px: a learner practises (a multiple-choice answer partly
 * right, a matching answer with wrong pairs), sees each option and pair marked in words with focus on the
 * feedback, moves back through the quiz with Shift+Tab (every focused control fully visible below the
 * sticky header and the answered bar), finishes and lands on the score's heading with the summary; content
 * runs in its own direction; the language switch's name contains its text; the header stays at most 96 px
 * tall at 360 px; the dark theme (remembered) and the print view of a lesson. axe-core checks every screen,
 * light and dark. A lesson read to its last paragraph completes by itself and home's "continue" moves on
 * (point 6). The items used are marked practice-only (`pool: practice`) so practice shows their key.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import type { Item } from "../../server/src/content/content.schema.js";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { loadContent } from "../../server/src/content/content.loader.js";
import { contentWith } from "../helpers/content-fixtures.js";
import { CONTENT_DIR, startTestServer } from "../helpers/test-server.js";
import { itemsWhere, liveLessons, quizFilePath, quizOf } from "../helpers/course-lookup.js";
import type { TestServer } from "../helpers/test-server.js";
import { GUARD, elementShot, graphqlResponse, openSession, readThrough, screen, screenshot } from "./browser.js";
import type { Session } from "./browser.js";

let server: TestServer;
let base: string;
let items: Map<string, Item>;
const chromiumPath = inject("chromiumPath");
// The first lesson and its quiz; its first multiple choice with three right options and its first matching item,
// found by shape (course-lookup.ts) so the course can change shape.
const real = await loadContent(CONTENT_DIR);
const FIRST = liveLessons(real)[0];
const LESSON = FIRST.slug;
const QUIZ = quizOf(real, FIRST).id;
const MC = itemsWhere(quizOf(real, FIRST), "a multiple choice with three right options", (i) => i.type === "MULTIPLE_CHOICE" && i.choices.filter((c) => c.correct).length === 3)[0].id;
const MATCH = itemsWhere(quizOf(real, FIRST), "a matching item", (i) => i.type === "MATCHING")[0].id;
const PRACTICE_ONLY = [MC, MATCH];

beforeAll(async () => {
  const content = await loadContent(
    await contentWith(quizFilePath(real, quizOf(real, FIRST)), (doc) => {
      // Those two practice-only (their keys show at once); the quiz's other practice items join both pools, so
      // that every objective keeps an item in the assessment pool (a content rule).
      for (const i of doc.items as { id: string; pool?: string }[]) {
        if (PRACTICE_ONLY.includes(i.id)) i.pool = "practice";
        else if (i.pool === "practice") delete i.pool;
      }
    }, CONTENT_DIR),
  );
  server = await startTestServer({ clientDir: CLIENT_DIST, content });
  base = server.url.replace(/\/$/, "");
  items = new Map(content.quizzes.flatMap((q) => q.items).map((i) => [i.id, i]));
});
afterAll(async () => {
  await server?.stop();
});

const pid = (itemId: string, local: string) => server.app.store.ids.option(itemId, local);

/** Elements with a lang attribute whose direction is not their language's (none expected). */
function misdirected(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("body [lang]"))
      .filter((el) => {
        const lang = el.getAttribute("lang");
        const want = lang === "ar" ? "rtl" : lang === "en" ? "ltr" : null;
        return want && getComputedStyle(el).direction !== want;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/**
 * The focused element's box against the sticky bars: [] when it is fully visible (within the viewport and
 * overlapping no sticky bar it is not part of), else a description. A block taller than the room below the
 * bars (a long feedback) needs its start visible.
 */
function obscured(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return ["focus on <body>"];
    // A native radio or checkbox is drawn inside its label: measure the label the learner sees.
    const target = (el.closest("label") as HTMLElement | null) ?? el;
    const r = target.getBoundingClientRect();
    const bars = Array.from(document.querySelectorAll<HTMLElement>(".site-header, .attempt__bar")).filter((b) => getComputedStyle(b).position === "sticky" && !b.contains(el));
    const floor = Math.max(0, ...bars.map((b) => b.getBoundingClientRect().bottom));
    const tall = r.height > window.innerHeight - floor;
    const problems: string[] = [];
    for (const b of bars) {
      const br = b.getBoundingClientRect();
      const bottom = tall ? r.top + 1 : r.bottom;
      if (r.top < br.bottom - 0.5 && bottom > br.top + 0.5 && r.left < br.right && r.right > br.left) problems.push(`overlaps .${b.className.split(" ")[0]} (${Math.round(br.top)}–${Math.round(br.bottom)}) at ${Math.round(r.top)}–${Math.round(r.bottom)}`);
    }
    if (r.top < -0.5) problems.push(`top ${Math.round(r.top)} above the viewport`);
    if (tall ? r.top > window.innerHeight * 0.5 : r.bottom > window.innerHeight + 0.5) problems.push(`bottom ${Math.round(r.bottom)} below the viewport ${window.innerHeight}`);
    return problems.length ? [`${el.tagName}.${el.className} ${el.textContent?.trim().slice(0, 40)}: ${problems.join("; ")}`] : [];
  });
}

const CONFIGS = [
  { locale: "ar", width: 1280 },
  { locale: "ar", width: 360 },
  { locale: "en", width: 1280 },
  { locale: "en", width: 360 },
] as const;

describe("learner results, feedback, focus and comfort in Chromium", () => {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });

  for (const { locale, width } of CONFIGS) {
    it(`should mark feedback, keep focus visible and land on the score, in ${locale} at ${width} px, light and dark`, async () => {
      const session = await openSession(chromiumPath, { width, height: 800 });
      sessions.push(session);
      const { page } = session;
      // Colours change with a short transition; axe must read the settled ones after the theme switch.
      await page.emulateMedia({ reducedMotion: "reduce" });
      const shot = `lui-${locale}-${width}`;

      await page.goto(`${base}/`);
      await page.locator("h1").first().waitFor();
      if (width === 360) {
        const guestHeader = await page.locator(".site-header").boundingBox();
        expect(guestHeader!.height, "a guest's header height at 360 px").toBeLessThanOrEqual(96);
      }
      if (locale === "en") {
        await page.getByTestId("locale-switch").click();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang), GUARD).toBe("en");
      }
      // The language switch's accessible name contains its visible text (WCAG 2.5.3).
      const sw = page.getByTestId("locale-switch");
      const visible = (await sw.innerText()).trim();
      expect(visible.length).toBeGreaterThan(0);
      // Its name is its text (no aria-label), or an aria-label that contains the text.
      expect((await sw.getAttribute("aria-label")) ?? visible).toContain(visible);

      await page.goto(`${base}/signup`);
      await page.locator("#signup-name").fill(locale === "ar" ? "ريم" : "Rim");
      await page.locator("#signup-email").fill(`rim-${locale}-${width}-${Date.now()}@example.test`);
      await page.locator("#signup-password").fill("correct horse battery");
      await page.locator("[data-testid=sign-up-form] button[type=submit]").click();
      await page.getByTestId("continue-link").waitFor();
      if (width === 360) {
        const header = await page.locator(".site-header").boundingBox();
        expect(header!.height, "header height at 360 px").toBeLessThanOrEqual(96);
      }

      // Practice.
      await page.goto(`${base}/quizzes/${QUIZ}`);
      await page.getByTestId("start-practice").click();
      await page.getByTestId("attempt-practice").waitFor();
      expect(await misdirected(page), "content direction").toEqual([]);

      // Multiple choice: two right options and one wrong one.
      const mc = item(MC);
      const mcCard = page.locator(`[data-item="${MC}"]`);
      const right = mc.type === "MULTIPLE_CHOICE" ? mc.choices.filter((c) => c.correct).map((c) => c.id) : [];
      const wrong = mc.type === "MULTIPLE_CHOICE" ? mc.choices.filter((c) => !c.correct).map((c) => c.id) : [];
      for (const local of [right[0], right[1], wrong[0]]) await mcCard.locator(`input[value="${pid(MC, local)}"]`).check();
      // A selected option is never in the success colour.
      const selectedColour = await mcCard.locator(".choice.is-selected").first().evaluate((el) => getComputedStyle(el).borderColor);
      const successColour = await page.evaluate(() => {
        const probe = document.createElement("span");
        probe.style.color = "var(--success)";
        document.body.append(probe);
        const c = getComputedStyle(probe).color;
        probe.remove();
        return c;
      });
      expect(selectedColour).not.toBe(successColour);
      let submitted = graphqlResponse(page, "SubmitAnswer");
      await mcCard.getByTestId("check").focus();
      await page.keyboard.press("Enter");
      await submitted;
      const mcFeedback = mcCard.getByTestId("feedback");
      await expect.poll(() => mcFeedback.getAttribute("data-verdict"), GUARD).toBe("partial");
      // Focus moved from the vanished "check" button to the feedback.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")), GUARD).toBe("feedback");
      expect(await obscured(page)).toEqual([]);
      const mark = (local: string) => mcCard.locator(`[data-choice="${pid(MC, local)}"]`).getAttribute("data-mark");
      expect(await mark(right[0])).toBe("right");
      expect(await mark(right[1])).toBe("right");
      expect(await mark(right[2])).toBe("missed");
      expect(await mark(wrong[0])).toBe("wrong");
      expect(await mark(wrong[1])).toBe("none");
      // In words, not colour only.
      expect(await mcCard.locator(`[data-choice="${pid(MC, wrong[0])}"]`).innerText()).toContain(locale === "ar" ? "اختيار خاطئ" : "Chosen, but wrong");
      await screenshot(page, `${shot}-01a-check-focus`, { viewport: true });
      expect(await mcCard.getByTestId("partial-why").innerText()).toMatch(locale === "ar" ? /2 من 3/ : /2 of the 3 right options/);

      // Matching: every pair rotated, so every pair is flagged with its right partner.
      const m = item(MATCH);
      const mCard = page.locator(`[data-item="${MATCH}"]`);
      if (m.type === "MATCHING") {
        const rights = m.pairs.map((p) => p.right.id);
        for (const [i, p] of m.pairs.entries()) await mCard.locator(`select[data-left="${pid(MATCH, p.left.id)}"]`).selectOption(pid(MATCH, rights[(i + 1) % rights.length]));
      }
      submitted = graphqlResponse(page, "SubmitAnswer");
      await mCard.getByTestId("check").click();
      await submitted;
      await expect.poll(() => mCard.getByTestId("feedback").getAttribute("data-verdict"), GUARD).toBe("incorrect");
      expect(await mCard.locator('[data-testid=pair-marks] [data-ok="false"]').count()).toBe(m.type === "MATCHING" ? m.pairs.length : 0);
      expect(await mCard.locator("[data-testid=pair-marks] [data-testid=right]").count()).toBeGreaterThan(0);
      await elementShot(mCard, `${shot}-01b-matching-feedback`);
      await screen(page, `${shot}-01-practice-feedback`);

      // Keyboard only: Shift+Tab from the finish button back up to the header; no focus stop hides.
      await page.getByTestId("finish").focus();
      const hidden: string[] = [];
      let stops = 0;
      for (; stops < 60; stops++) {
        await page.keyboard.press("Shift+Tab");
        hidden.push(...(await obscured(page)));
        if (await page.evaluate(() => !!document.activeElement?.closest(".site-header"))) break;
      }
      expect(stops, "reached the header").toBeLessThan(60);
      expect(stops).toBeGreaterThan(10);
      expect(hidden, "focus stops hidden under a sticky bar").toEqual([]);

      // Finish with the keyboard; cancelling the confirmation gives focus back to the finish button.
      await page.getByTestId("finish").focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")), GUARD).toBe("finish-confirm");
      await page.keyboard.press("Enter");
      await page.getByTestId("results").waitFor();
      // The view lands on the results heading, the score right below it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), GUARD).toBe("results-h");
      expect(await obscured(page)).toEqual([]);
      const score = await page.getByTestId("score").boundingBox();
      expect(score!.y).toBeGreaterThanOrEqual(0);
      expect(score!.y + score!.height).toBeLessThanOrEqual(800);
      const counts = await page.locator("[data-testid=summary] li").evaluateAll((els) => els.map((e) => e.getAttribute("data-outcome")));
      expect(counts).toEqual(["correct", "partial", "wrong", "skipped"]);
      expect(await page.locator('[data-testid=summary] [data-outcome="partial"]').innerText()).toMatch(/1/);
      expect(await page.getByTestId("weakest").innerText()).not.toBe("");
      expect(await page.locator("[data-testid=reread] a").count()).toBeGreaterThan(0);
      await screenshot(page, `${shot}-02-results-landing`, { viewport: true });
      await screen(page, `${shot}-03-results`);

      // Dark: from the header toggle, axe-clean, remembered after a reload.
      await page.getByTestId("theme-switch").click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
      expect(await page.getByTestId("theme-switch").getAttribute("aria-pressed")).toBe("true");
      await screen(page, `${shot}-04-results-dark`);
      await page.reload();
      await page.getByTestId("results").waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");

      // A lesson, dark then printed: no chrome, the sources' addresses printed.
      await page.goto(`${base}/lessons/${LESSON}`);
      await page.getByTestId(`lesson-${LESSON}`).waitFor();
      await screen(page, `${shot}-05-lesson-dark`);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-header").isVisible()).toBe(false);
      expect(await page.locator(".lesson-end").isVisible()).toBe(false);
      const printedSource = await page.locator(".source-list__title").first().evaluate((el) => getComputedStyle(el, "::after").content);
      expect(printedSource).toContain("http");
      expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(0, 0, 0)");
      await screenshot(page, `${shot}-06-lesson-print`);
      await page.emulateMedia({ media: "screen", reducedMotion: "reduce" });

      // Point 6: reading to the last paragraph completes the lesson by itself, and home moves on.
      await readThrough(await page.locator("[data-paragraph]").all());
      await page.getByTestId("lesson-completed").waitFor();
      await page.goto(`${base}/`);
      await page.getByTestId("continue-link").waitFor();
      expect(await page.getByTestId("continue-link").getAttribute("href")).not.toBe(`/lessons/${LESSON}`);
    });
  }
});

const item = (id: string) => items.get(id)!;
