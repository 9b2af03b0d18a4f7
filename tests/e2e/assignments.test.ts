/**
 * Assignments with due dates in real headless Chromium (issue 18, point 3), the server on an injected clock:
 * an instructor whose browser is in Africa/Casablanca creates a class (its time zone is the browser's) and
 * assigns a quiz through the dashboard's form, due on the class's wall clock; a learner whose browser is in
 * America/New_York sees it on home with the due date on their own clock, not started; the server's clock
 * passes the due date; the learner finishes the assessment late; home says "done late", and the instructor's
 * dashboard counts them late and names them. In Arabic and English; axe-core checks every screen; the home and
 * dashboard screens also at 360 px without sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { ManualClock } from "../../server/src/shared/clock.js";
import { wallTimeOf, wallTimeToIso } from "../../client/src/assignments/due.js";
import { rightAnswerInput } from "../helpers/answers.js";
import { FINISH, SUBMIT } from "../helpers/operations.js";
import { realContent, startTestServer } from "../helpers/test-server.js";
import { liveLessons } from "../helpers/course-lookup.js";
import type { Learner, TestServer } from "../helpers/test-server.js";
import { GUARD, graphqlResponse, openSession, screen } from "./browser.js";
import type { Session } from "./browser.js";

const chromiumPath = inject("chromiumPath");
const CLASS_ZONE = "Africa/Casablanca";
const LEARNER_ZONE = "America/New_York";
const LEARNER_NAME = "Amina Touré";
const DAY = 86_400_000;
// The server's clock starts now and moves only when told (the browsers keep theirs).
const clock = new ManualClock(new Date());
let server: TestServer;
let base: string;
let quizId: string;
let quizTitleEn: string;

beforeAll(async () => {
  const content = await realContent();
  server = await startTestServer({ clientDir: CLIENT_DIST, content, clock });
  base = server.url.replace(/\/$/, "");
  quizId = liveLessons(content)[0].quiz; // the first lesson learners are offered (a retired quiz takes no assignment)
  quizTitleEn = content.quizzes.find((q) => q.id === quizId)!.title.en;
});
afterAll(async () => {
  await server?.stop();
});

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
async function setLanguage(page: Page, lang: "ar" | "en") {
  if ((await htmlLang(page)) === lang) return;
  await page.getByTestId("locale-switch").click();
  await expect.poll(() => htmlLang(page), GUARD).toBe(lang);
}

/** The browser's time zone for this page (DevTools protocol), as a person in that zone would have it. */
async function inZone(page: Page, timezoneId: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setTimezoneOverride", { timezoneId });
}

/** At 360 px the page does not scroll sideways (the new sections wrap), and axe is still clean. */
async function narrow(page: Page, name: string) {
  await page.setViewportSize({ width: 360, height: 780 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), GUARD).toBeLessThanOrEqual(0);
  await screen(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** "YYYY-MM-DDTHH:mm" of an instant in a time zone, by the browser's own time-zone rules. */
function wallTimeInBrowser(page: Page, iso: string, timeZone: string): Promise<string> {
  return page.evaluate(([at, zone]) => {
    const format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const part = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
  }, [iso, timeZone] as const);
}

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/signin`);
  await page.locator("#signin-email").fill(email);
  await page.locator("#signin-password").fill("correct horse battery");
  await page.locator("[data-testid=sign-in-form] button[type=submit]").click();
}

describe("assignments in Chromium", () => {
  let teacher: Session;
  let student: Session;
  let learner: Learner;
  let classId: string;
  // Due in a week at 23:59 on the class's clock. The instant is the one the instructor's browser stored (read
  // in the first test): the browsers are the clocks here, and their time-zone rules need not be Node's
  // (Chromium 156 puts Casablanca on +00 in December 2026, Node 20's ICU on +01).
  const dueWall = `${wallTimeOf(clock.now().getTime() + 7 * DAY, CLASS_ZONE).slice(0, 10)}T23:59`;
  let dueIso: string;

  afterAll(async () => {
    await teacher?.close();
    await student?.close();
  });

  it("should let an instructor in Casablanca assign a quiz due on the class's clock", async () => {
    const instructor = await server.instructor("أ. ليلى");
    teacher = await openSession(chromiumPath);
    const { page } = teacher;
    await inZone(page, CLASS_ZONE);
    await signIn(page, instructor.email);
    await page.getByTestId("no-classes").waitFor();
    await page.locator("#class-name").fill("الفوج ب");
    await page.getByTestId("create-class").click();
    const card = page.getByTestId("class-card").filter({ hasText: "الفوج ب" });
    await card.waitFor();
    classId = (await card.getAttribute("data-classroom"))!;
    const joinCode = (await card.locator("[data-testid=join-code-value] [aria-hidden=true]").textContent())!.trim();
    // The class took the browser's time zone.
    expect((await server.sql(`SELECT "timeZone" FROM classroom WHERE id = ?`, [classId]))[0].timeZone).toBe(CLASS_ZONE);

    learner = await server.learner(LEARNER_NAME);
    expect((await learner.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: joinCode })).body.errors).toBeUndefined();

    await page.goto(`${base}/teach/classes/${classId}`);
    const section = page.getByTestId("class-assignments");
    await section.getByTestId("no-assignments").waitFor();
    expect(await section.getByTestId("class-time-zone").inputValue()).toBe(CLASS_ZONE);
    await section.getByTestId("assign-target").selectOption(`QUIZ:${quizId}`);
    await section.getByTestId("assign-due").fill(dueWall);
    await section.getByTestId("assign-policy").selectOption("ACCEPT_MARKED_LATE");
    const created = graphqlResponse(page, "CreateAssignment");
    await section.getByTestId("assign-submit").click();
    expect((await (await created).json()).errors).toBeUndefined();
    const row = section.getByTestId("assignment");
    await row.waitFor();
    // Stored as the instant of 23:59 in Casablanca by the browser's rules (within two hours of Node's reading of
    // the same wall time, whatever offset each believes), shown back on the class's clock.
    dueIso = (await server.sql<{ dueAt: string }>(`SELECT "dueAt" FROM assignment WHERE "classroomId" = ?`, [classId]))[0].dueAt;
    expect(await wallTimeInBrowser(page, dueIso, CLASS_ZONE)).toBe(dueWall);
    expect(Math.abs(Date.parse(dueIso) - Date.parse(wallTimeToIso(dueWall, CLASS_ZONE)!))).toBeLessThanOrEqual(2 * 3600_000);
    await expect.poll(() => row.getByTestId("assignment-due").textContent(), GUARD).toContain("23:59");
    await screen(page, "assign-ar-01-teacher-assigned");
  });

  it("should show the learner in New York what is due on their own clock, then 'done late' after a late finish", async () => {
    student = await openSession(chromiumPath);
    const { page } = student;
    await inZone(page, LEARNER_ZONE);
    await signIn(page, learner.email);
    await page.getByTestId("due-list").waitFor();
    await setLanguage(page, "en");
    const item = page.getByTestId("due-item").filter({ hasText: quizTitleEn });
    await item.waitFor();
    const newYork = (await wallTimeInBrowser(page, dueIso, LEARNER_ZONE)).slice(11); // e.g. 18:59 (EDT) or 17:59 (EST)
    await expect.poll(() => item.getByTestId("due-date").textContent(), GUARD).toContain(newYork);
    expect(await item.getByTestId("due-state").textContent()).toContain("Not started");
    await screen(page, "assign-en-02-learner-due");

    // The quiz page tells the same.
    await item.getByRole("link", { name: quizTitleEn }).click();
    await page.getByTestId("quiz-due").waitFor();
    expect(await page.getByTestId("quiz-due").textContent()).toContain(newYork);
    await screen(page, "assign-en-03-quiz-due");

    // The server's clock passes the due date; the learner starts from the quiz page and finishes (late).
    clock.set(new Date(new Date(dueIso).getTime() + DAY));
    await page.reload();
    await expect.poll(() => page.getByTestId("quiz-due-state").textContent(), GUARD).toContain("Overdue");
    await page.getByTestId("start-assessment").click();
    await page.getByTestId("attempt-assessment").waitFor();
    const attemptId = new URL(page.url()).pathname.split("/").pop()!;
    const quiz = server.app.store.quizFile(quizId)!;
    const first = (await server.sql<{ layout: string }>(`SELECT layout FROM attempt WHERE id = ?`, [attemptId]))[0];
    const itemId = JSON.parse(first.layout).items[0].itemId as string;
    const answered = await learner.gql(SUBMIT, { input: { attemptId, itemId, answer: rightAnswerInput(quiz.items.find((i) => i.id === itemId)!, server.app.store.ids) } });
    expect(answered.body.errors).toBeUndefined();
    const finished = await learner.gql(FINISH, { id: attemptId });
    expect(finished.body.data.finishAttempt.state).toBe("FINISHED");

    await page.goto(`${base}/`);
    const done = page.getByTestId("due-item").filter({ hasText: quizTitleEn });
    await expect.poll(() => done.getByTestId("due-state").textContent(), GUARD).toContain("Done late");
    await screen(page, "assign-en-04-learner-late");
    await narrow(page, "assign-en-360-04-learner-late");
    await setLanguage(page, "ar");
    await expect.poll(() => page.getByTestId("due-state").first().textContent(), GUARD).toContain("أُنجز متأخرًا");
    await screen(page, "assign-ar-05-learner-late");
  });

  it("should show the instructor the late finish on the dashboard, in Arabic and English", async () => {
    const { page } = teacher;
    await page.goto(`${base}/teach/classes/${classId}`);
    const row = page.getByTestId("class-assignments").getByTestId("assignment");
    await expect.poll(() => row.getByTestId("assignment-behind").textContent(), GUARD).toContain(LEARNER_NAME);
    expect(await row.getByTestId("assignment-behind").textContent()).toContain("أُنجز متأخرًا");
    expect(await row.getByTestId("assignment-counts").textContent()).toMatch(/متأخر 1/);
    await screen(page, "assign-ar-06-teacher-late");
    await setLanguage(page, "en");
    await expect.poll(() => row.getByTestId("assignment-counts").textContent(), GUARD).toContain("late 1");
    expect(await row.getByTestId("assignment-behind").textContent()).toContain("Done late");
    await screen(page, "assign-en-07-teacher-late");
    await narrow(page, "assign-en-360-07-teacher-late");
    // The learner's drill-down marks the attempt late.
    const learnerId = learner.id;
    await page.goto(`${base}/teach/classes/${classId}/learners/${learnerId}`);
    await page.getByTestId("attempt-late").waitFor();
    await screen(page, "assign-en-08-drilldown-late");
  });
});
