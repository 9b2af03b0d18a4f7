/**
 * The learning tools in real headless Chromium against the real server and the real content: course search,
 * the glossary in the text, the actor-relations map, the timeline, and a signed-in learner's notes on a
 * paragraph and the notes page, in Arabic and English at 1280 and 360 px, driven by the keyboard only; axe-core checks every screen, and every screen is photographed
 * (test-results/screenshots/tools-*).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { CONTENT_DIR, startTestServer } from "../helpers/test-server.js";
import { loadContent } from "../../server/src/content/content.loader.js";
import { liveLessons, paragraphIds } from "../helpers/course-lookup.js";
import type { Learner, TestServer } from "../helpers/test-server.js";
import { GUARD, graphqlResponse, openSession, screen, screenshot } from "./browser.js";
import type { Session } from "./browser.js";

let server: TestServer;
let base: string;
const chromiumPath = inject("chromiumPath");
// Found by shape so the course can change shape: the first lesson, its first paragraph, and where the map's
// Mali–Morocco cooperation relation sends the reader (its first evidence paragraph and that paragraph's lesson).
const content = await loadContent(CONTENT_DIR);
const FIRST = liveLessons(content)[0].slug;
const FIRST_PARA = paragraphIds(liveLessons(content)[0])[0];
const COOP_PARA = content.actors.edges.find((e) => e.from === "mali" && e.to === "morocco" && e.type === "cooperation")!.evidence![0];
const COOP_LESSON = content.lessons.find((l) => paragraphIds(l).includes(COOP_PARA))!.slug;

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIST, content });
  base = server.url.replace(/\/$/, "");
});
afterAll(async () => {
  await server?.stop();
});

type Lang = "ar" | "en";
const SETTINGS: { lang: Lang; width: number }[] = [
  { lang: "ar", width: 1280 },
  { lang: "ar", width: 360 },
  { lang: "en", width: 1280 },
  { lang: "en", width: 360 },
];

async function open(lang: Lang, width: number): Promise<Session> {
  const s = await openSession(chromiumPath, { width, height: width < 400 ? 780 : 900 });
  await s.page.goto(base);
  await s.page.evaluate((l) => localStorage.setItem("locale", l), lang);
  return s;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
/** How far the page scrolls sideways; when it does, the widest culprits are printed to help find them. */
async function sideways(page: Page) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (over > 0) {
    const culprits = await page.evaluate(() =>
      Array.from(document.querySelectorAll("body *"))
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.getBoundingClientRect().left < -1)
        .slice(0, 8)
        .map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join(".")} ${Math.round(e.getBoundingClientRect().left)}..${Math.round(e.getBoundingClientRect().right)}`),
    );
    console.log("sideways culprits:", culprits);
  }
  return over;
}

async function inViewport(page: Page, selector: string) {
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

/** Types a query with the keyboard, submits it with Enter, tabs to the first hit and opens it. */
async function searchJourney(page: Page, lang: Lang, width: number) {
  await page.goto(`${base}/search`);
  await expect.poll(() => activeId(page), GUARD).toBe("search-q");
  // Arabic typed fully vowelled: the text is written without vowels. English: another form of the word.
  const query = lang === "ar" ? "بَامَاكُو" : "cooperating";
  await page.keyboard.type(query);
  const answered = graphqlResponse(page, "CourseSearch");
  await page.keyboard.press("Enter");
  await answered;
  await page.getByTestId("search-hits").waitFor();
  expect(await page.locator("[data-testid=search-hits] mark").count()).toBeGreaterThan(0);
  const marked = await page.locator("[data-testid=search-hits] mark").first().textContent();
  expect(lang === "ar" ? marked : marked?.toLowerCase()).toMatch(lang === "ar" ? /باماكو/ : /^cooperat/);
  expect(await sideways(page), `search scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-search`);

  await page.keyboard.press("Tab"); // the submit button
  await page.keyboard.press("Tab"); // the first hit
  const hit = await page.evaluate(() => document.activeElement?.closest("[data-hit]")?.getAttribute("data-hit") ?? "");
  expect(hit).not.toBe("");
  const anchor = hit.split("/")[0];
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/lessons\/[^?#]+\?from=search#/, GUARD);
  await page.locator(`[id="${anchor}"]`).waitFor();
  await inViewport(page, `[id="${anchor}"]`);
  await screen(page, `tools-${lang}-${width}-search-opened`);
}

/** Tabs until the focus is on an element matching `selector` (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => !!document.activeElement?.matches(sel), selector)) return;
  }
  throw new Error(`no ${selector} within ${max} presses of Tab`);
}

/** Opens the first lesson, tabs to the first marked key term, opens its definition, closes it with Escape. */
async function glossaryJourney(page: Page, lang: Lang, width: number) {
  await page.goto(`${base}/lessons/${FIRST}`);
  await page.locator("button.term").first().waitFor();
  // Context beyond the article, apart from the lesson's text: marked as such, each fact with a source to open.
  const before = page.getByTestId("context-before");
  await before.waitFor();
  expect(await before.locator(".badge--warn").textContent()).toBe(lang === "ar" ? "سياق من خارج المقال" : "Context beyond the article");
  expect(await before.locator('a[href^="https://"]').count()).toBeGreaterThanOrEqual(1);
  await tabTo(page, "button.term");
  const controls = (await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))) ?? "";
  expect(await page.locator(`[id="${controls}"]`).isVisible()).toBe(false);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-expanded")), GUARD).toBe("true");
  await page.locator(`[id="${controls}"]`).waitFor({ state: "visible" });
  expect(await sideways(page), `glossary scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-glossary`);
  await page.evaluate(() => document.activeElement?.scrollIntoView({ block: "center" }));
  await screenshot(page, `tools-${lang}-${width}-glossary-view`, { viewport: true });
  await page.keyboard.press("Escape");
  await page.locator(`[id="${controls}"]`).waitFor({ state: "hidden" });
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe(controls);
}

/** The whole map: zoom and pan by keys, choose Mali, follow one of its evidence links to the lesson. */
async function mapJourney(page: Page, lang: Lang, width: number) {
  await page.goto(`${base}/actors`);
  await page.locator("[data-testid=map-canvas]").waitFor();
  await tabTo(page, "[data-testid=map-canvas]");
  await page.keyboard.press("+");
  await page.keyboard.press("ArrowRight");
  expect(await page.locator("[data-testid=map-canvas]").getAttribute("data-zoom")).toBe("1.25");
  await page.keyboard.press("0");
  await tabTo(page, '[data-actor="mali"]', 20);
  await page.keyboard.press("Enter");
  const detail = page.locator("[data-testid=actors-detail]");
  await detail.locator("[data-relation]").first().waitFor();
  expect(await detail.locator("[data-relation]").count()).toBeGreaterThanOrEqual(4);
  expect(await sideways(page), `map scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-map`);
  await screenshot(page, `tools-${lang}-${width}-map-view`, { viewport: true });
  await tabTo(page, '[data-relation="mali>morocco>cooperation"] a', 40);
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.pathname === `/lessons/${COOP_LESSON}` && u.hash === `#${COOP_PARA}`, GUARD);
  await inViewport(page, `[id="${COOP_PARA}"]`);
  // The lesson shows the sub-map its paragraphs support.
  await page.getByTestId("lesson-actors").waitFor();
}

/** The timeline: filter by Mali with the keyboard, then open an event's paragraph. */
async function timelineJourney(page: Page, lang: Lang, width: number) {
  await page.goto(`${base}/timeline`);
  await page.getByTestId("timeline-list").waitFor();
  const all = await page.locator("[data-event]").count();
  // Facts beyond the article share the axis, marked as context (the content's context sheet).
  expect(await page.locator("[data-event] .badge--warn").count()).toBeGreaterThanOrEqual(1);
  await tabTo(page, "#timeline-actor", 40);
  await page.keyboard.press("ArrowDown"); // Chromium's closed <select>: the arrow picks the next option (the first actor)
  await expect.poll(() => page.locator("#timeline-actor").inputValue(), GUARD).not.toBe("");
  await expect.poll(() => page.locator("[data-event]").count(), GUARD).toBeLessThan(all);
  expect(await sideways(page), `timeline scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-timeline`);
  await tabTo(page, '[data-event] a[href^="/lessons/"]', 20);
  const href = (await page.evaluate(() => document.activeElement?.getAttribute("href"))) ?? "";
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => href !== "" && u.pathname + u.hash === href, GUARD);
  await inViewport(page, `[id="${href.split("#")[1]}"]`);
}

describe("learning tools in Chromium, keyboard only", () => {
  it.each(SETTINGS)("should search, open key terms in the text, explore the actor map and the timeline in $lang at $width px", async ({ lang, width }) => {
    const s = await open(lang, width);
    try {
      await searchJourney(s.page, lang, width);
      await glossaryJourney(s.page, lang, width);
      await mapJourney(s.page, lang, width);
      await timelineJourney(s.page, lang, width);
    } finally {
      await s.close();
    }
  });
});

/**
 * Notes, keyboard only: open the note form under the first paragraph, choose its first sentence in the list,
 * write a note and save it; it shows under the paragraph with its quote; the notes page lists it; delete it there.
 */
async function notesJourney(page: Page, lang: Lang, width: number) {
  await page.goto(`${base}/lessons/${FIRST}`);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), GUARD).toBe(lang);
  const add = `[data-testid="add-note-${FIRST_PARA}"]`;
  await page.locator(add).waitFor();
  await tabTo(page, add, 120);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")), GUARD).toBe("note-body");
  await page.keyboard.press("Shift+Tab"); // the "note on" list
  await page.keyboard.press("ArrowDown"); // the first sentence
  await expect.poll(() => page.getByTestId("note-span").inputValue(), GUARD).toBe("s0");
  await page.keyboard.press("Tab");
  const body = lang === "ar" ? "سؤال: من اقترح اللجنة؟" : "Question: who proposed the commission?";
  await page.keyboard.type(body);
  await page.keyboard.press("Tab"); // save
  const saved = graphqlResponse(page, "SaveNote");
  await page.keyboard.press("Enter");
  await saved;
  const note = page.locator(`[data-testid="notes-${FIRST_PARA}"] [data-note]`);
  await note.first().waitFor();
  await expect.poll(() => note.first().locator(".para-note__body").textContent(), GUARD).toBe(body);
  await expect.poll(() => page.getByTestId("note-pending").count(), GUARD).toBe(0);
  const quote = (await note.first().locator("blockquote").textContent())?.trim() ?? "";
  expect(quote.length).toBeGreaterThan(10);
  const [row] = await server.sql(`SELECT exact, body FROM note WHERE body = ?`, [body]);
  expect(row.exact).toBe(quote);
  expect(await sideways(page), `notes scroll sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-notes-lesson`);
  await page.locator(`[data-testid="notes-${FIRST_PARA}"]`).evaluate((e) => e.scrollIntoView({ block: "center" }));
  await screenshot(page, `tools-${lang}-${width}-notes-lesson-view`, { viewport: true });

  await page.goto(`${base}/notes`);
  await page.getByTestId("notes-page").locator("[data-note]").first().waitFor();
  expect(await page.getByTestId("notes-page").textContent()).toContain(body);
  expect(await sideways(page), `notes page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-notes-page`);
  await tabTo(page, "[data-note] button", 40);
  const deleted = graphqlResponse(page, "DeleteNote");
  await page.keyboard.press("Enter");
  await deleted;
  await page.getByTestId("notes-empty").waitFor();
  expect(await server.sql(`SELECT id FROM note WHERE body = ?`, [body])).toEqual([]);
}

describe("notes in Chromium, keyboard only", () => {
  let who: Learner;
  beforeAll(async () => {
    who = await server.learner("notes");
  });

  it.each(SETTINGS)("should write a note on a sentence, see it under the paragraph and on the notes page, and delete it in $lang at $width px", async ({ lang, width }) => {
    // A signed-in learner's interface language is their account's.
    await who.gql(`mutation { setLocale(locale: ${lang.toUpperCase()}) { id } }`);
    const s = await open(lang, width);
    try {
      await s.context.addCookies([{ name: "sid", value: encodeURIComponent(who.token), url: base }]);
      await notesJourney(s.page, lang, width);
    } finally {
      await s.close();
    }
  });
});
