/**
 * Live class mode (issue 17) in real headless Chromium against the real server (temporary database, built
 * client, the real course), once in Arabic and once in English: an instructor starts a session from the
 * class dashboard (a subset of two of the quiz's practice items, guests allowed), opens the projector view, and three phones join at 360 px — two class
 * members (by typing the code) and a guest (by the QR code's address, with a nickname). The first question is
 * shown with a timer; the phones answer with the quiz's own inputs (one of them reloads mid-question, before
 * and after answering, and resumes where the session is); the instructor locks, shows the spread (the
 * projector's bars count the answers), reveals (each phone its verdict, the projector the right answer and
 * the evidence) and ends. The report names the class members, never the guest, and offers the CSV; the
 * dashboard lists the session. axe-core checks every screen; each is photographed under
 * test-results/screenshots/live-<lang>-….
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import type { Item } from "../../server/src/content/content.schema.js";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { rightAnswerInput, wrongAnswerInput } from "../helpers/answers.js";
import { realContent, startTestServer } from "../helpers/test-server.js";
import { liveLessons, quizOf } from "../helpers/course-lookup.js";
import type { Learner, TestServer } from "../helpers/test-server.js";
import { GUARD, openSession, screen } from "./browser.js";
import type { Session } from "./browser.js";

let server: TestServer;
let base: string;
let items: Map<string, Item>;
const chromiumPath = inject("chromiumPath");
const PHONE = { width: 360, height: 780 };
// Quizzes whose first practice item is a single choice (the phones answer it by its radios), found by shape:
// the first and the last such live quiz.
const real = await realContent();
const choiceFirst = liveLessons(real)
  .map((l) => quizOf(real, l))
  .filter((q) => q.items.find((i) => i.pool !== "assessment")?.type === "SINGLE_CHOICE");
if (choiceFirst.length < 2) throw new Error("the live session journey needs two live quizzes whose first practice item is a single choice");
const RUNS = [
  { lang: "ar", quiz: choiceFirst[0].id, guest: "نجمة الساحل", members: ["سلمى العلوي", "Moussa Diarra"] },
  { lang: "en", quiz: choiceFirst.at(-1)!.id, guest: "Desert Fox", members: ["Awa Traoré", "يوسف بنعلي"] },
] as const;
const sessions: Session[] = [];

beforeAll(async () => {
  const content = await realContent();
  server = await startTestServer({ clientDir: CLIENT_DIST, content });
  base = server.url.replace(/\/$/, "");
  items = new Map(content.quizzes.flatMap((q) => q.items).map((i) => [i.id, i]));
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.stop();
});

async function browser(lang: "ar" | "en", who?: Learner, viewport?: { width: number; height: number }): Promise<Session> {
  // A signed-in user's remembered language wins over the browser's (useAuth.ts): remember this run's.
  if (who) expect((await who.gql(`mutation($l: Locale!) { setLocale(locale: $l) { id } }`, { l: lang.toUpperCase() })).body.errors).toBeUndefined();
  const session = await openSession(chromiumPath, viewport);
  sessions.push(session);
  // The interface language is remembered in localStorage (client/src/locale.ts).
  await session.context.addInitScript((l) => localStorage.setItem("locale", l), lang);
  if (who) await session.context.addCookies([{ name: "sid", value: encodeURIComponent(who.token), url: base }]);
  return session;
}

const phase = (page: Page, testId: string) => page.getByTestId(testId).getAttribute("data-phase");
const count = (page: Page, testId: string) => page.getByTestId(testId).first().getAttribute("data-count");

describe.each(RUNS)("a live session in Chromium ($lang)", ({ lang, quiz, guest, members }) => {
  let teacher: Session;
  let projector: Page;
  let phones: Page[];
  let classId: string;
  let sessionId: string;
  let code: string;
  let itemId: string;

  it("should let an instructor start a session from the class dashboard and show the code and QR code", async () => {
    const instructor = await server.instructor(lang === "ar" ? "أ. ليلى" : "Ms. Leila");
    const created = await instructor.gql<{ createClassroom: { id: string; joinCode: string } }>(`mutation { createClassroom(name: "Sahel live ${lang}") { id joinCode } }`);
    classId = created.body.data!.createClassroom.id;
    const learners = await Promise.all(members.map((name) => server.learner(name)));
    for (const l of learners) {
      const joined = await l.gql(`mutation($code: String!) { joinClassroom(code: $code) { id } }`, { code: created.body.data!.createClassroom.joinCode });
      expect(joined.body.errors).toBeUndefined();
    }

    teacher = await browser(lang, instructor);
    const page = teacher.page;
    await page.goto(`${base}/teach/classes/${classId}`);
    await page.getByTestId("class-dashboard").waitFor();
    await page.getByTestId("run-live").click();
    await page.getByTestId("live-start").waitFor();
    // No quiz chosen: explained, nothing started.
    await page.getByTestId("live-start-submit").click();
    expect(await page.locator("#live-quiz").getAttribute("aria-invalid")).toBe("true");
    await page.getByTestId("live-quiz").selectOption(quiz);
    // The quiz's practice pool, all ticked; none is explained, then a subset of two: the first and the last.
    const boxes = page.locator("[data-testid=live-items] input[type=checkbox]");
    await expect.poll(() => boxes.count(), GUARD).toBeGreaterThan(2);
    const pool = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(await count(page, "live-items-count")).toBe(String(pool.length));
    await page.getByTestId("live-items-none").click();
    expect(await count(page, "live-items-count")).toBe("0");
    await page.getByTestId("live-start-submit").click();
    await page.getByTestId("live-items-error").waitFor();
    const subset = [pool[0], pool[pool.length - 1]];
    for (const id of subset) await page.getByTestId(`live-item-${id}`).check();
    expect(await count(page, "live-items-count")).toBe("2");
    await page.getByTestId("live-guests").check();
    await screen(page, `live-${lang}-01-start`);
    await page.getByTestId("live-start-submit").click();
    await page.getByTestId("live-console").waitFor();
    sessionId = new URL(page.url()).pathname.split("/")[2];
    const started = await instructor.gql<{ liveSession: { itemCount: number } }>(`query($id: ID!) { liveSession(id: $id) { itemCount } }`, { id: sessionId });
    expect(started.body.data!.liveSession.itemCount).toBe(2);
    // The start page's list at 360 px: nothing wider than the screen, the boxes still reachable (axe clean).
    const narrow = (await browser(lang, instructor, PHONE)).page;
    await narrow.goto(`${base}/teach/classes/${classId}/live/new`);
    await narrow.getByTestId("live-quiz").selectOption(quiz);
    await expect.poll(() => narrow.locator("[data-testid=live-items] input[type=checkbox]").count(), GUARD).toBe(pool.length);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screen(narrow, `live-${lang}-01b-start-360`);
    await narrow.close();
    expect(await phase(page, "live-console")).toBe("LOBBY");
    code = (await page.locator("[data-testid=live-code-value] [aria-hidden=true]").first().textContent())!.trim();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    await page.getByTestId("live-qr").first().waitFor();
    await screen(page, `live-${lang}-02-console-lobby`);

    // The projector, in a second tab: the whole window, right to left in Arabic, the code and QR code large.
    projector = await teacher.context.newPage();
    await projector.goto(`${base}/live/${sessionId}/projector`);
    await projector.getByTestId("live-projector").waitFor();
    await expect.poll(() => phase(projector, "live-projector"), GUARD).toBe("LOBBY");
    expect(await projector.getByTestId("live-projector").getAttribute("lang")).toBe(lang);
    expect(await projector.getByTestId("live-projector").getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");
    await projector.getByTestId("live-qr").waitFor();
    expect(await projector.locator("[data-testid=live-code-value] [aria-hidden=true]").textContent()).toBe(code);
    await screen(projector, `live-${lang}-03-projector-lobby`);

    // Three phones: two members typing the code (lower case, with a space, as people type), a guest by the QR code's address.
    phones = [];
    for (const [i, l] of learners.entries()) {
      const phone = (await browser(lang, l, PHONE)).page;
      await phone.goto(`${base}/live`);
      await phone.getByTestId("live-code-input").fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
      if (i === 0) await screen(phone, `live-${lang}-04-phone-join-code`);
      await phone.getByTestId("live-code-submit").click();
      await phone.waitForURL(`**/live/${sessionId}/play`, GUARD);
      await phone.getByTestId("live-lobby").waitFor();
      phones.push(phone);
    }
    const guestPhone = (await browser(lang, undefined, PHONE)).page;
    await guestPhone.goto(`${base}/live/${code}`);
    await guestPhone.getByTestId("live-nickname-form").waitFor();
    // A nickname over the server's 40 characters is explained before anything is sent.
    await guestPhone.getByTestId("live-nickname-input").fill("x".repeat(41));
    await guestPhone.getByTestId("live-join-submit").click();
    await guestPhone.getByTestId("live-nickname-error").waitFor();
    await screen(guestPhone, `live-${lang}-05-phone-guest-nickname`);
    await guestPhone.getByTestId("live-nickname-input").fill(guest);
    await guestPhone.getByTestId("live-join-submit").click();
    await guestPhone.waitForURL(`**/live/${sessionId}/play`, GUARD);
    await guestPhone.getByTestId("live-lobby").waitFor();
    await screen(guestPhone, `live-${lang}-06-phone-lobby`);
    phones.push(guestPhone);

    await expect.poll(() => count(page, "live-participants"), GUARD).toBe("3");
    await expect.poll(() => count(projector, "live-participants"), GUARD).toBe("3");
  });

  it("should show the question everywhere, run the timer and take each phone's answer once, a reloaded phone resuming", async () => {
    const page = teacher.page;
    await page.getByTestId("live-action-SHOW_NEXT").click();
    await expect.poll(() => phase(projector, "live-projector"), GUARD).toBe("QUESTION");
    for (const phone of phones) await expect.poll(() => phase(phone, "live-play"), GUARD).toBe("QUESTION");
    itemId = (await phones[0].locator("[data-item]").getAttribute("data-item"))!;
    expect(await phones[0].locator("[data-item]").getAttribute("data-type")).toBe("SINGLE_CHOICE");
    expect(items.get(itemId)?.pool).toBe("practice");

    await page.getByTestId("live-seconds").fill("120");
    await page.getByTestId("live-action-START_TIMER").click();
    await expect.poll(() => phase(projector, "live-projector"), GUARD).toBe("OPEN");
    await projector.getByTestId("live-timer").waitFor();
    const left = Number(await projector.getByTestId("live-timer").getAttribute("data-seconds"));
    expect(left).toBeGreaterThan(100);
    expect(left).toBeLessThanOrEqual(120);
    await screen(projector, `live-${lang}-07-projector-question`);
    await phones[0].getByTestId("live-timer").waitFor();
    await screen(phones[0], `live-${lang}-08-phone-question`);

    const item = items.get(itemId)!;
    const right = (rightAnswerInput(item, server.app.store.ids).choiceIds as string[])[0];
    const wrong = (wrongAnswerInput(item, server.app.store.ids).choiceIds as string[])[0];
    // Members: the first wrong, the second right; the guest right.
    const picks = [wrong, right, right];

    // The second member's phone reloads mid-question before answering: it resumes on the same question, timer running.
    await phones[1].reload();
    await expect.poll(() => phase(phones[1], "live-play"), GUARD).toBe("OPEN");
    expect(await phones[1].locator("[data-item]").getAttribute("data-item")).toBe(itemId);

    for (const [i, phone] of phones.entries()) {
      await expect.poll(() => phone.getByTestId("live-send").isDisabled(), GUARD).toBe(true);
      await phone.locator(`input[type=radio][value="${picks[i]}"]`).check();
      await phone.getByTestId("live-send").click();
      await phone.getByTestId("live-sent").waitFor();
    }
    await screen(phones[0], `live-${lang}-09-phone-sent`);
    await expect.poll(() => count(page, "live-answered"), GUARD).toBe("3");
    await expect.poll(() => count(projector, "live-answered"), GUARD).toBe("3");

    // Reloaded after answering: the server's state says this phone answered (sent on subscribe, not only as deltas).
    await phones[1].reload();
    await expect.poll(() => phase(phones[1], "live-play"), GUARD).toBe("OPEN");
    await phones[1].getByTestId("live-sent").waitFor();
    expect(await phones[1].getByTestId("live-send").count()).toBe(0);
    await screen(page, `live-${lang}-10-console-answered`);
  });

  it("should lock, show the spread as bars, then reveal the right answer, the evidence and each phone's verdict", async () => {
    const page = teacher.page;
    await page.getByTestId("live-action-LOCK").click();
    await expect.poll(() => phase(projector, "live-projector"), GUARD).toBe("LOCKED");
    await projector.getByTestId("live-locked").waitFor();

    await page.getByTestId("live-action-SHOW_DISTRIBUTION").click();
    await expect.poll(() => phase(projector, "live-projector"), GUARD).toBe("DISTRIBUTION");
    const item = items.get(itemId)!;
    const right = (rightAnswerInput(item, server.app.store.ids).choiceIds as string[])[0];
    const wrong = (wrongAnswerInput(item, server.app.store.ids).choiceIds as string[])[0];
    const bar = (key: string) => projector.locator(`[data-testid=live-distribution] li[data-key="${key}"]`);
    await expect.poll(() => bar(right).getAttribute("data-count"), GUARD).toBe("2");
    expect(await bar(wrong).getAttribute("data-count")).toBe("1");
    // Never names on the projector: neither the members' nor the guest's (the leaderboard is off).
    const shown = (await projector.getByTestId("live-projector").textContent()) ?? "";
    for (const name of [...members, guest]) expect(shown).not.toContain(name);
    await screen(projector, `live-${lang}-11-projector-distribution`);

    await page.getByTestId("live-action-REVEAL").click();
    await expect.poll(() => phase(projector, "live-projector"), GUARD).toBe("REVEALED");
    await projector.getByTestId("live-reveal").waitFor();
    const rightText = item.type === "SINGLE_CHOICE" ? (await phones[0].locator(`input[value="${right}"]`).locator("xpath=..").textContent())!.trim() : "";
    expect(await projector.getByTestId("live-right-answer").textContent()).toContain(rightText);
    await screen(projector, `live-${lang}-12-projector-reveal`);

    await expect.poll(() => phones[0].getByTestId("live-verdict").getAttribute("data-correct"), GUARD).toBe("false");
    await expect.poll(() => phones[1].getByTestId("live-verdict").getAttribute("data-correct"), GUARD).toBe("true");
    await expect.poll(() => phones[2].getByTestId("live-verdict").getAttribute("data-correct"), GUARD).toBe("true");
    await phones[0].getByTestId("live-reveal").waitFor();
    await screen(phones[0], `live-${lang}-13-phone-reveal-wrong`);
    await screen(phones[2], `live-${lang}-14-phone-reveal-guest`);
  });

  it("should end the session, report the class members' answers (never the guest's name) as tables and CSV, and list it on the dashboard", async () => {
    const page = teacher.page;
    await page.getByTestId("live-action-END").click();
    await expect.poll(() => phase(projector, "live-projector"), GUARD).toBe("ENDED");
    for (const phone of phones) await phone.getByTestId("live-ended").waitFor();
    await screen(phones[2], `live-${lang}-15-phone-ended`);

    await page.getByTestId("open-report").click();
    await page.getByTestId("live-report").waitFor();
    const report = page.locator(`[data-testid=live-report] [data-item="${itemId}"]`);
    await report.waitFor();
    // Who answered what: the two class members, each once (guests are never named).
    expect(await report.locator("tbody tr").count()).toBe(2);
    const text = (await page.getByTestId("live-report").textContent()) ?? "";
    for (const name of members) expect(text).toContain(name);
    expect(text).not.toContain(guest);
    const csv = page.getByTestId("live-report-csv");
    expect(await csv.getAttribute("href")).toMatch(/^blob:/);
    expect(await csv.getAttribute("download")).toBe(`live-${code}-${new Date().toISOString().slice(0, 10)}.csv`);
    await screen(page, `live-${lang}-16-report`);

    await page.goto(`${base}/teach/classes/${classId}`);
    await page.getByTestId("live-past-link").first().waitFor();
    expect(await page.getByTestId("live-past-link").count()).toBe(1);
    await screen(page, `live-${lang}-17-dashboard-past`);
  });
});
