/**
 * The learning tools in real headless Chromium against the real server and the real content: course search,
 * the glossary in the text, the actor-relations map, the timeline, and a signed-in learner's notes and
 * highlights (a passage chosen with the caret by keyboard, words dragged over with the mouse, the marks in the
 * text, the notes page) and a note refused after waiting offline, in Arabic and English at 1280 and 360 px,
 * driven by the keyboard except where the mouse is the point; axe-core checks every screen, and every screen
 * is photographed (test-results/screenshots/tools-*).
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
const [, SECOND_PARA, THIRD_PARA] = paragraphIds(liveLessons(content)[0]);
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

/** The words a note's highlight marks in a paragraph's text (its marks' text, in order). */
const markedText = (page: Page, paragraph: string, noteId: string) =>
  page.evaluate(
    ([p, id]) =>
      Array.from(document.querySelectorAll(`[id="${p}"] .para__text mark.hl`))
        .filter((m) => (m.getAttribute("data-notes") ?? "").split(" ").includes(id))
        .map((m) => m.textContent)
        .join(""),
    [paragraph, noteId] as const,
  );

/**
 * Notes and highlights: by keyboard only, open the note form under the first paragraph, choose "a passage I
 * select", select twenty characters with Shift and the arrows in the read-only copy of the text, write a note and
 * save it; it shows under the paragraph with its quote and is marked in the paragraph's text (kept after a
 * reload); the mark's button takes the focus to the note. By mouse, drag over words of the second paragraph
 * and highlight them without a note. The notes page lists both; delete them there.
 */
async function notesJourney(page: Page, lang: Lang, width: number, who: Learner) {
  await page.goto(`${base}/lessons/${FIRST}`);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), GUARD).toBe(lang);
  const add = `[data-testid="add-note-${FIRST_PARA}"]`;
  await page.locator(add).waitFor();
  await tabTo(page, add, 120);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")), GUARD).toBe("note-body");
  await page.keyboard.press("Shift+Tab"); // the "note on" list
  await page.keyboard.press("ArrowDown"); // "a passage I select"
  await expect.poll(() => page.getByTestId("note-span").inputValue(), GUARD).toBe("passage");
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")), GUARD).toBe("note-passage");
  // The caret starts at the end of the text. Back in the text (the right arrow in right-to-left Arabic): five
  // characters, then twenty selected.
  const back = lang === "ar" ? "ArrowRight" : "ArrowLeft";
  for (let i = 0; i < 5; i++) await page.keyboard.press(back);
  for (let i = 0; i < 20; i++) await page.keyboard.press(`Shift+${back}`);
  const picked = await page.evaluate(() => {
    const ta = document.activeElement as HTMLTextAreaElement;
    return ta.value.slice(ta.selectionStart, ta.selectionEnd).trim();
  });
  expect(picked.length).toBeGreaterThanOrEqual(15);
  await expect.poll(() => page.getByTestId("note-picked").textContent(), GUARD).toContain(picked.length > 60 ? picked.slice(0, 57) : picked);
  await screen(page, `tools-${lang}-${width}-notes-passage`);
  await page.getByTestId("note-form").evaluate((e) => e.scrollIntoView({ block: "center" }));
  await screenshot(page, `tools-${lang}-${width}-notes-passage-view`, { viewport: true });
  await page.keyboard.press("Tab"); // the note's text
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
  expect(quote).toBe(picked);
  const [row] = await server.sql(`SELECT id, exact, body FROM note WHERE "userId" = ? AND body = ?`, [who.id, body]);
  expect(row.exact).toBe(quote);
  const id = String(row.id);
  // Marked in the paragraph's text, exactly the words chosen.
  await expect.poll(() => markedText(page, FIRST_PARA, id), GUARD).toBe(quote);
  expect(await sideways(page), `notes scroll sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-notes-lesson`);
  await page.locator(`[id="${FIRST_PARA}"]`).evaluate((e) => e.scrollIntoView({ block: "start" }));
  await screenshot(page, `tools-${lang}-${width}-notes-lesson-view`, { viewport: true });

  // A reload keeps the mark; its button (by keyboard) takes the focus to the note.
  await page.reload();
  await expect.poll(() => markedText(page, FIRST_PARA, id), GUARD).toBe(quote);
  const ref = `[data-ref="${id}"]`;
  expect(await page.locator(ref).getAttribute("aria-describedby")).toBe(`note-body-${id}`);
  await tabTo(page, ref, 120);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-note")), GUARD).toBe(id);

  // By mouse: drag across words of the second paragraph, then "add a note", "highlight only".
  const para2 = `[id="${SECOND_PARA}"] .para__text`;
  await page.locator(para2).scrollIntoViewIfNeeded();
  const drag = await page.locator(para2).evaluate((el, rtl) => {
    // The longest run of plain text (between key terms), and four of its words.
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode() as Text;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.length > node.data.length && !n.parentElement?.closest("[data-nt]")) node = n as Text;
    const words = [...node.data.matchAll(/\S+/gu)];
    if (words.length < 5) throw new Error(`too few words in "${node.data}"`);
    const from = words[1].index;
    const to = words[3].index + words[3][0].length;
    const rect = (i: number) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getClientRects()[0];
    };
    const a = rect(from);
    const b = rect(to - 1);
    return { x1: rtl ? a.right - 1 : a.left + 1, y1: a.top + a.height / 2, x2: rtl ? b.left + 1 : b.right - 1, y2: b.top + b.height / 2, words: node.data.slice(from, to) };
  }, lang === "ar");
  await page.mouse.move(drag.x1, drag.y1);
  await page.mouse.down();
  await page.mouse.move(drag.x2, drag.y2, { steps: 8 });
  await page.mouse.up();
  await page.locator(`[data-testid="add-note-${SECOND_PARA}"]`).click();
  await expect.poll(() => page.getByTestId("note-span").inputValue(), GUARD).toBe("selection");
  const highlighted = graphqlResponse(page, "SaveNote");
  await page.getByTestId("note-highlight").click();
  await highlighted;
  await expect.poll(async () => (await server.sql(`SELECT id FROM note WHERE "userId" = ? AND "paragraphId" = ? AND body = ''`, [who.id, SECOND_PARA])).length, GUARD).toBe(1);
  const [bare] = await server.sql(`SELECT id, exact FROM note WHERE "userId" = ? AND "paragraphId" = ? AND body = ''`, [who.id, SECOND_PARA]);
  expect(bare.exact).toBe(drag.words);
  await expect.poll(() => markedText(page, SECOND_PARA, String(bare.id)), GUARD).toBe(drag.words);
  await page.locator(`[id="${SECOND_PARA}"]`).evaluate((e) => e.scrollIntoView({ block: "start" }));
  await screenshot(page, `tools-${lang}-${width}-notes-mouse-view`, { viewport: true });
  await screen(page, `tools-${lang}-${width}-notes-marked`);

  await page.goto(`${base}/notes`);
  await page.getByTestId("notes-page").locator("[data-note]").first().waitFor();
  expect(await page.getByTestId("notes-page").textContent()).toContain(body);
  expect(await sideways(page), `notes page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-notes-page`);
  for (const expected of [2, 1]) {
    await expect.poll(() => page.getByTestId("notes-page").locator("[data-note]").count(), GUARD).toBe(expected);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, "[data-note] button", 40);
    const deleted = graphqlResponse(page, "DeleteNote");
    await page.keyboard.press("Enter");
    await deleted;
    await expect.poll(() => page.getByTestId("notes-page").locator("[data-note]").count(), GUARD).toBe(expected - 1);
  }
  await page.getByTestId("notes-empty").waitFor();
  expect(await server.sql(`SELECT id FROM note WHERE "userId" = ?`, [who.id])).toEqual([]);
}

describe("notes and highlights in Chromium, by keyboard and by mouse", () => {

  it.each(SETTINGS)("should highlight a passage by keyboard and by mouse, see the marks in the text and the notes on the notes page, and delete them in $lang at $width px", async ({ lang, width }) => {
    const who = await server.learner(`notes-${lang}-${width}`);
    // A signed-in learner's interface language is their account's.
    await who.gql(`mutation { setLocale(locale: ${lang.toUpperCase()}) { id } }`);
    const s = await open(lang, width);
    try {
      await s.context.addCookies([{ name: "sid", value: encodeURIComponent(who.token), url: base }]);
      await notesJourney(s.page, lang, width, who);
    } finally {
      await s.close();
    }
  });
});

/**
 * A note made offline that the server then refuses: the SaveNote requests fail (as without a network) while
 * the note is written, so it waits in the outbox (IndexedDB); its quote is then changed there to words the
 * paragraph no longer has (as when the lesson changed while the note waited), and the page reloaded. Once the
 * network is back the server refuses it; the note is shown with its text and the reason, edited and sent
 * again, on the whole paragraph, and then marked over the whole paragraph.
 */
async function rejectedJourney(page: Page, lang: Lang, width: number, who: Learner) {
  page.on("dialog", (d) => void d.accept()); // "leave the page?" while a note waits
  await page.route("**/graphql", (route) => (route.request().postDataJSON()?.operationName === "SaveNote" ? route.abort("internetdisconnected") : route.continue()));
  await page.goto(`${base}/lessons/${FIRST}`);
  const add = page.locator(`[data-testid="add-note-${THIRD_PARA}"]`);
  await add.waitFor();
  await add.click();
  const body = lang === "ar" ? "فكرة كتبتها دون اتصال" : "An idea written offline";
  await page.getByTestId("note-body").fill(body);
  await page.getByTestId("note-save").click();
  await page.getByTestId("note-pending").waitFor();
  // The quote the server will not find (the note waits in IndexedDB: course-outbox / entries, queue "notes").
  const stale = lang === "ar" ? "نص من نسخة سابقة من الدرس" : "words from an earlier version of the lesson";
  await expect
    .poll(
      () =>
        page.evaluate(
          (exact) =>
            new Promise<number>((resolve, reject) => {
              const open = indexedDB.open("course-outbox");
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const tx = open.result.transaction("entries", "readwrite");
                const store = tx.objectStore("entries");
                const all = store.getAll();
                let changed = 0;
                all.onsuccess = () => {
                  for (const row of all.result as { queue: string; payload: { op: string; input: Record<string, unknown> } }[]) {
                    if (row.queue !== "notes" || row.payload.op !== "save") continue;
                    row.payload.input = { ...row.payload.input, start: 0, end: exact.length, exact };
                    store.put(row);
                    changed++;
                  }
                };
                tx.oncomplete = () => resolve(changed);
                tx.onerror = () => reject(tx.error);
              };
            }),
          stale,
        ),
      GUARD,
    )
    .toBe(1);
  await page.reload();
  await page.getByTestId("note-pending").waitFor();
  await page.unroute("**/graphql");
  // The outbox tries again within seconds: refused for good.
  const card = page.getByTestId("notes-rejected");
  await card.waitFor(GUARD);
  expect(await card.getByTestId("rejected-reason").textContent()).toBe(lang === "ar" ? "الكلمات المبرزة لم تعد في هذه الفقرة (تغيّر الدرس)." : "The highlighted words are no longer in this paragraph (the lesson changed).");
  expect(await card.getByTestId("rejected-body").inputValue()).toBe(body);
  expect(await card.locator("blockquote").textContent()).toBe(stale);
  expect(await page.getByTestId("note-pending").count()).toBe(0);
  expect(await server.sql(`SELECT id FROM note WHERE "userId" = ?`, [who.id])).toEqual([]);
  expect(await sideways(page), `refused notes scroll sideways at ${width} px`).toBeLessThanOrEqual(0);
  await screen(page, `tools-${lang}-${width}-notes-rejected`);
  await card.evaluate((e) => e.scrollIntoView({ block: "start" }));
  await screenshot(page, `tools-${lang}-${width}-notes-rejected-view`, { viewport: true });

  // A reload keeps it; edited, sent again: on the whole paragraph, accepted, marked.
  await page.reload();
  await card.waitFor(GUARD);
  await card.getByTestId("rejected-body").focus();
  await page.keyboard.press("End");
  await page.keyboard.type(lang === "ar" ? " (معدّلة)" : " (edited)");
  const sent = graphqlResponse(page, "SaveNote");
  await card.getByTestId("rejected-retry").click();
  await sent;
  await card.waitFor({ state: "detached", ...GUARD });
  const [row] = await server.sql(`SELECT id, exact, body FROM note WHERE "userId" = ?`, [who.id]);
  expect(row.exact).toBeNull();
  expect(row.body).toBe(`${body}${lang === "ar" ? " (معدّلة)" : " (edited)"}`);
  const text = (await page.locator(`[id="${THIRD_PARA}"] .para__text`).evaluate((el) => Array.from(el.querySelectorAll("mark.hl")).map((m) => m.textContent).join(""))).trim();
  expect(text.length).toBeGreaterThan(20);
  await expect.poll(() => markedText(page, THIRD_PARA, String(row.id)), GUARD).toBe(text);
}

describe("refused offline notes in Chromium", () => {
  it.each(SETTINGS)("should keep a note the server refuses, show why, and send it again edited in $lang at $width px", async ({ lang, width }) => {
    const who = await server.learner(`refused-${lang}-${width}`);
    await who.gql(`mutation { setLocale(locale: ${lang.toUpperCase()}) { id } }`);
    const s = await open(lang, width);
    try {
      await s.context.addCookies([{ name: "sid", value: encodeURIComponent(who.token), url: base }]);
      await rejectedJourney(s.page, lang, width, who);
    } finally {
      await s.close();
    }
  });
});
