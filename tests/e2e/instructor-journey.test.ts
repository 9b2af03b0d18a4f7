/**
 * The instructor's journey in real headless Chromium against the real server (temporary database, built
 * client), with a learner in a second browser profile: the instructor signs in and creates a class; the
 * learner joins with its code and takes an assessment with an essay; the dashboard shows it live (activity
 * and matrix, no reload). A second learner (through the API) does the same, so the item statistics have
 * figures; a third learner with the first one's name joins, and the dashboard tells the two apart (email under
 * the name; the roster search finds one); the instructor reads the item statistics, grades the essays by
 * rubric criterion (the learner then sees "graded" with the marks and the comment), opens the
 * learner's drill-down, exports the gradebook and removes the learner; then manages the class: a colleague
 * added by email, another by an invite link (who then sees the class in their own browser), ownership handed
 * over and back, the class archived (in English: listed apart, read-only) and deleted by typing its name
 * (in Arabic; the learners' answers stay). axe-core
 * checks every screen; every /teach screen is photographed in Arabic and English, at desktop width and at
 * 360 px.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Dialog, Page } from "playwright-core";
import type { Item } from "../../server/src/content/content.schema.js";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { rightAnswerInput, wrongAnswerInput } from "../helpers/answers.js";
import { FINISH, START, SUBMIT } from "../helpers/operations.js";
import { realContent, startTestServer } from "../helpers/test-server.js";
import type { Learner, TestServer } from "../helpers/test-server.js";
import { GUARD, elementShot, openSession, screen } from "./browser.js";
import type { Session } from "./browser.js";

let server: TestServer;
let base: string;
let items: Map<string, Item>;
const chromiumPath = inject("chromiumPath");
const QUIZ = "q-exporting-rivalry";
const LESSON = "exporting-rivalry";
const CLASS_NAME = "الساحل والمغرب العربي — الفوج أ";
const LEARNER_NAME = "سلمى العلوي";
const SECOND_NAME = "Moussa Diarra";
const ESSAY = "q3-10";
const ESSAY_TEXT = "يرى المقال أن التنافس المغاربي انتقل إلى الساحل: الجزائر تعزز تعاونها مع النيجر، والمغرب يبني نفوذه بهدوء مع مالي.";
const COMMENT = "تحليل جيد للشواهد؛ ميّز أكثر بين ما يقرره المقال وما يطرحه احتمالًا.";
const MARK_COMMENT = "الشاهد الثاني يحتاج إلى مصدر.";
// Salma's marks per rubric criterion of q3-10 (2, 2, 1 and 1 points): 4.5 of 6.
const SALMA_MARKS = ["2", "1.5", "0.5", "0.5"];
const salmaEmail = `salma-${Date.now()}@example.test`;

beforeAll(async () => {
  server = await startTestServer({ clientDir: CLIENT_DIST, content: await realContent() }); // the real lessons, shown to a person
  base = server.url.replace(/\/$/, "");
  const content = await realContent();
  items = new Map(content.quizzes.flatMap((q) => q.items).map((i) => [i.id, i]));
});
afterAll(async () => {
  await server?.stop();
});

const item = (id: string) => items.get(id)!;

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function setLanguage(page: Page, lang: "ar" | "en") {
  if ((await htmlLang(page)) === lang) return;
  await page.getByTestId("locale-switch").click();
  await expect.poll(() => htmlLang(page), GUARD).toBe(lang);
}

/**
 * One /teach screen in both languages, at desktop width and at 360 px (no sideways scrolling of the page:
 * wide tables scroll inside their own region), checked by axe each time; back in Arabic at desktop width.
 */
async function everyView(page: Page, name: string, path: string, ready: string) {
  for (const lang of ["ar", "en"] as const) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
      await page.goto(`${base}${path}`);
      await page.locator(ready).first().waitFor();
      await setLanguage(page, lang);
      await expect.poll(() => page.locator("h1").first().isVisible(), GUARD).toBe(true);
      if (width === 360) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${lang} ${name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
      }
      await screen(page, `teach-${lang}-${width === 360 ? "360-" : ""}${name}`);
    }
  }
  await setLanguage(page, "ar");
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("instructor journey in Chromium", () => {
  let teacher: Session;
  let student: Session;
  let instructor: Learner;
  let classId: string;
  let joinCode: string;
  let attemptPath: string;
  const started = Date.now();

  afterAll(async () => {
    await teacher?.close();
    await student?.close();
    console.log(`instructor journey: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it("should let an instructor sign in, create a class and share its code", async () => {
    instructor = await server.instructor("أ. ليلى");
    teacher = await openSession(chromiumPath);
    const { page } = teacher;
    await teacher.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });

    await page.goto(`${base}/signin`);
    await page.locator("#signin-email").fill(instructor.email);
    await page.locator("#signin-password").fill("correct horse battery");
    await page.locator("[data-testid=sign-in-form] button[type=submit]").click();
    // Without a page to return to, an instructor starts at their classes.
    await page.getByTestId("no-classes").waitFor();
    expect(new URL(page.url()).pathname).toBe("/teach");
    expect(`${await htmlLang(page)}`).toBe("ar");
    await screen(page, "teach-ar-01-classes-empty");

    // A name is required.
    await page.getByTestId("create-class").click();
    expect(await page.locator("#class-name").getAttribute("aria-invalid")).toBe("true");

    await page.locator("#class-name").fill(CLASS_NAME);
    await page.getByTestId("create-class").click();
    const card = page.getByTestId("class-card").filter({ hasText: CLASS_NAME });
    await card.waitFor();
    classId = (await card.getAttribute("data-classroom"))!;
    joinCode = (await card.locator("[data-testid=join-code-value] [aria-hidden=true]").textContent())!.trim();
    expect(joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()), GUARD).toBe(CLASS_NAME);

    // Copy the code.
    await card.getByTestId("copy-code").click();
    await expect.poll(() => card.locator(".join-code__status").textContent(), GUARD).toBe("نُسخ الرمز.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(joinCode);

    // A new code only after a confirmation; cancelling keeps the old one.
    await card.getByTestId("regenerate").click();
    await card.getByTestId("regenerate-confirmation").waitFor();
    await screen(page, "teach-ar-02-classes-regenerate-confirm");
    await card.getByTestId("regenerate-confirm").click();
    await expect.poll(async () => (await card.locator("[data-testid=join-code-value] [aria-hidden=true]").textContent())?.trim(), GUARD).not.toBe(joinCode);
    joinCode = (await card.locator("[data-testid=join-code-value] [aria-hidden=true]").textContent())!.trim();
    await screen(page, "teach-ar-03-classes");
    await elementShot(card, "teach-ar-03b-class-card");

    // The dashboard of an empty class, live.
    await card.getByTestId("open-class").click();
    await page.getByTestId("class-dashboard").waitFor();
    await expect.poll(() => page.getByTestId("live-status").getAttribute("data-status"), GUARD).toBe("live");
    expect(await page.getByTestId("progress-matrix").textContent()).toContain("لا متعلّمين بعد");
    await screen(page, "teach-ar-04-dashboard-empty");

    // Rename: an empty name is explained; a new one replaces the heading; then back to the first name.
    for (const name of ["", "فصل مؤقت", CLASS_NAME]) {
      await page.getByTestId("rename-class").click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), GUARD).toBe("rename-input");
      await page.getByTestId("rename-input").fill(name);
      if (name === "") {
        await screen(page, "teach-ar-04b-dashboard-rename");
        await page.getByTestId("rename-save").click();
        await expect.poll(() => page.getByTestId("rename-error").textContent(), GUARD).toBe("الاسم مطلوب.");
        await page.getByTestId("rename-cancel").click();
        continue;
      }
      await page.getByTestId("rename-save").click();
      await expect.poll(() => page.locator("h1").textContent(), GUARD).toBe(name);
    }
  });

  it("should show a learner joining and answering on the dashboard live, without a reload", async () => {
    const { page } = teacher;
    // Set on this page load: still there afterwards means nothing reloaded the dashboard.
    await page.evaluate(() => ((window as unknown as { __sameLoad: boolean }).__sameLoad = true));

    student = await openSession(chromiumPath);
    const s = student.page;
    await s.goto(`${base}/signup`);
    await s.locator("#signup-name").fill(LEARNER_NAME);
    await s.locator("#signup-email").fill(salmaEmail);
    await s.locator("#signup-password").fill("correct horse battery");
    await s.locator("[data-testid=sign-up-form] button[type=submit]").click();
    await s.getByTestId("join-link").click();
    await s.getByTestId("join-page").waitFor();

    // A wrong code is explained; the real one (typed as people type) joins.
    await s.getByTestId("join-code-input").fill("ABCD-EFGH");
    await s.getByTestId("join-submit").click();
    await expect.poll(() => s.getByTestId("join-error").textContent(), GUARD).toContain("رمز الفصل غير صالح");
    await s.getByTestId("join-code-input").fill(joinCode.toLowerCase().replace("-", " "));
    await s.getByTestId("join-submit").click();
    await expect.poll(() => s.getByTestId("joined").textContent(), GUARD).toContain(CLASS_NAME);
    await screen(s, "teach-ar-05-learner-joined");

    // Live: the activity list and the matrix gain the learner.
    await page.locator('[data-testid=activity] [data-type="LEARNER_JOINED"]').filter({ hasText: LEARNER_NAME }).waitFor();
    const row = page.locator("[data-testid=progress-matrix] tbody tr").filter({ hasText: LEARNER_NAME });
    await row.waitFor();
    expect(await page.getByTestId("tile-learners").textContent()).toBe("1");

    // The learner takes the assessment of the exporting-rivalry lesson: right, wrong, and an essay, then finishes.
    await s.goto(`${base}/quizzes/${QUIZ}`);
    await s.getByTestId("start-assessment").click();
    await s.getByTestId("attempt-assessment").waitFor();
    attemptPath = new URL(s.url()).pathname;
    await page.locator('[data-testid=activity] [data-type="ATTEMPT_STARTED"]').waitFor();

    const right = (rightAnswerInput(item("q3-01"), server.app.store.ids).choiceIds as string[])[0];
    await s.locator(`[data-item="q3-01"] input[value="${right}"]`).check();
    await s.locator('[data-item="q3-01"] .save-state--saved').waitFor();
    const wrong = (wrongAnswerInput(item("q3-02"), server.app.store.ids).choiceIds as string[])[0];
    await s.locator(`[data-item="q3-02"] input[value="${wrong}"]`).check();
    await s.locator('[data-item="q3-02"] .save-state--saved').waitFor();
    const tf = (rightAnswerInput(item("q3-05"), server.app.store.ids).choiceIds as string[])[0];
    await s.locator(`[data-item="q3-05"] input[value="${tf}"]`).check();
    await s.locator('[data-item="q3-05"] .save-state--saved').waitFor();
    const essay = s.locator(`[data-item="${ESSAY}"] textarea`);
    await essay.fill(ESSAY_TEXT);
    await essay.blur();
    await s.locator(`[data-item="${ESSAY}"] .save-state--saved`).waitFor();

    // Answers arrive while the learner works.
    await page.locator('[data-testid=activity] [data-type="ANSWER_SUBMITTED"]').filter({ hasText: LEARNER_NAME }).first().waitFor();

    await s.getByTestId("finish").click();
    await s.getByTestId("finish-confirm").click();
    await s.getByTestId("score").waitFor();

    // The finished attempt: in the activity list, and the learner's best score for that lesson in the matrix.
    await page.locator('[data-testid=activity] [data-type="ATTEMPT_FINISHED"]').filter({ hasText: LEARNER_NAME }).waitFor();
    await row.locator(`td[data-lesson="${LESSON}"] [data-testid=best-score]`).waitFor();
    expect(await row.locator(`td[data-lesson="${LESSON}"] [data-testid=best-score]`).textContent()).toMatch(/\d/);
    await expect.poll(() => page.getByTestId("tile-essays").textContent(), GUARD).toBe("1");
    await page.locator(`[data-testid=lesson-average][data-lesson="${LESSON}"] .matrix__avg-score`).filter({ hasText: /\d/ }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
    await screen(page, "teach-ar-06-dashboard-live");
  });

  it("should show a second learner's finished assessment too (through the API)", async () => {
    const { page } = teacher;
    const moussa = await server.learner(SECOND_NAME);
    expect((await moussa.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: joinCode })).body.errors).toBeUndefined();
    const attempt = (await moussa.gql(START, { quizId: QUIZ, mode: "ASSESSMENT" })).body.data.startAttempt;
    for (const id of ["q3-01", "q3-02", "q3-03", "q3-05", "q3-07", "q3-09", ESSAY]) {
      const r = await moussa.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: id, answer: rightAnswerInput(item(id), server.app.store.ids) } });
      expect(r.body.errors, id).toBeUndefined();
    }
    expect((await moussa.gql(FINISH, { id: attempt.id })).body.data.finishAttempt.state).toBe("FINISHED");
    const row = page.locator("[data-testid=progress-matrix] tbody tr").filter({ hasText: SECOND_NAME });
    await row.locator(`td[data-lesson="${LESSON}"] [data-testid=best-score]`).waitFor();
    await expect.poll(() => page.getByTestId("tile-essays").textContent(), GUARD).toBe("2");
    // The learner scoring well under 60% is flagged, with the reason in words.
    await page.locator("[data-testid=needs-help] li[data-learner]").filter({ hasText: LEARNER_NAME }).locator('[data-reason="LOW_SCORES"]').waitFor();
  });

  it("should tell two learners of the same name apart, in Arabic and English, and find one by search", async () => {
    const { page } = teacher;
    const namesake = await server.learner(LEARNER_NAME);
    expect((await namesake.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: joinCode })).body.errors).toBeUndefined();
    const rows = page.locator("[data-testid=progress-matrix] tbody tr[data-learner]").filter({ hasText: LEARNER_NAME });
    await expect.poll(() => rows.count(), GUARD).toBe(2);
    // Each carries its email under the name; the unique name carries nothing.
    await expect.poll(() => rows.getByTestId("learner-disambiguator").allTextContents(), GUARD).toEqual(expect.arrayContaining([salmaEmail, namesake.email.toLowerCase()]));
    expect(await page.locator("[data-testid=progress-matrix] tbody tr[data-learner]").filter({ hasText: SECOND_NAME }).getByTestId("learner-disambiguator").count()).toBe(0);
    await page.locator('[data-testid=activity] [data-type="LEARNER_JOINED"]').filter({ hasText: namesake.email.toLowerCase() }).waitFor();
    await screen(page, "teach-ar-06b-dashboard-same-names");
    // The search finds one of them by email.
    await page.getByTestId("roster-search").fill(salmaEmail);
    await expect.poll(() => page.locator("[data-testid=progress-matrix] tbody tr[data-learner]").count(), GUARD).toBe(1);
    expect(await page.locator("[data-testid=progress-matrix] tbody tr[data-learner]").getByTestId("learner-disambiguator").textContent()).toBe(salmaEmail);
    await screen(page, "teach-ar-06c-dashboard-search");
    await page.getByTestId("roster-search").fill("");
    await everyView(page, "dashboard-same-names", `/teach/classes/${classId}`, "[data-testid=learner-disambiguator]");
    // The namesake leaves (the instructor removes them through the API), so the rest of the journey has one Salma.
    expect((await instructor.gql(`mutation($c: ID!, $l: ID!) { removeLearner(classroomId: $c, learnerId: $l) }`, { c: classId, l: namesake.id })).body.errors).toBeUndefined();
    await page.goto(`${base}/teach/classes/${classId}`);
    await expect.poll(() => page.locator("[data-testid=progress-matrix] tbody tr[data-learner]").filter({ hasText: LEARNER_NAME }).count(), GUARD).toBe(1);
  });

  it("should show the quiz's item statistics, first attempts by default or all attempts", async () => {
    const { page } = teacher;
    await page.getByTestId("tab-items").click();
    await page.getByTestId("item-stats-page").waitFor();
    await page.getByTestId("quiz-select").selectOption(QUIZ);
    const essayRow = page.locator(`[data-testid=item-stats] tbody[data-item="${ESSAY}"]`);
    await essayRow.waitFor();
    expect(await page.getByTestId("population-first").isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId("stats-summary").textContent(), GUARD).toContain("2");
    expect(await page.getByTestId("too-few").count()).toBe(0);

    // q3-02: one right, one wrong answer: half the points, and the two options it drew.
    const second = page.locator(`[data-testid=item-stats] tbody[data-item="q3-02"]`);
    expect(await second.getByTestId("answered").textContent()).toBe("2 من 2");
    expect(await second.getByTestId("facility").textContent()).toMatch(/50/);
    expect(await second.getByTestId("discrimination").textContent()).toMatch(/\d/);
    await second.getByTestId("toggle-distribution").click();
    await second.locator(`[data-testid=distribution] li[data-key="${right("q3-02")}"][data-count="1"]`).waitFor();
    await second.locator(`[data-testid=distribution] li[data-key="${(wrongAnswerInput(item("q3-02"), server.app.store.ids).choiceIds as string[])[0]}"][data-count="1"]`).waitFor();
    // An item only the stronger learner answered (and got right) separates the two: no check needed.
    const third = page.locator(`[data-testid=item-stats] tbody[data-item="q3-03"]`);
    expect(await third.getByTestId("answered").textContent()).toBe("1 من 2");

    await page.getByTestId("population-all").check();
    await expect.poll(() => new URL(page.url()).searchParams.get("attempts"), GUARD).toBe("all");
    await expect.poll(() => page.getByTestId("stats-summary").textContent(), GUARD).toContain("كل التقييمات");
    await screen(page, "teach-ar-07-item-stats");
    await page.getByTestId("population-first").check();
    await expect.poll(() => new URL(page.url()).searchParams.get("attempts"), GUARD).toBe(null);
  });

  it("should grade the essays by rubric from the queue; the learner then sees the marks and the comment", async () => {
    const { page } = teacher;
    await page.getByTestId("tab-essays").click();
    const card = page.getByTestId("essay").filter({ hasText: LEARNER_NAME });
    await card.waitFor();
    expect(await card.getByTestId("essay-text").textContent()).toBe(ESSAY_TEXT);
    expect(await page.getByTestId("essay").count()).toBe(2);
    await screen(page, "teach-ar-08-essays");
    await everyView(page, "essays", `/teach/classes/${classId}/essays`, "[data-testid=essay]");

    // The word count, the position in the queue; next and previous move between the essays.
    expect(await card.getByTestId("essay-words").textContent()).toMatch(/\d/);
    expect(await card.getByTestId("essay-position").textContent()).toContain("1");
    await card.getByTestId("essay-next").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[data-testid=essay]")?.textContent?.includes("Moussa") ?? false), GUARD).toBe(true);
    await page.getByTestId("essay").filter({ hasText: SECOND_NAME }).getByTestId("essay-previous").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[data-testid=essay]")?.textContent?.includes("سلمى") ?? false), GUARD).toBe(true);

    // Out of range first: explained, nothing sent.
    const marks = card.getByTestId("grade-mark");
    await marks.nth(0).fill("9");
    await card.getByTestId("grade-submit").click();
    await expect.poll(() => card.getByTestId("grade-mark-error").first().textContent(), GUARD).toContain("بين 0 و2");

    for (const [i, m] of SALMA_MARKS.entries()) await marks.nth(i).fill(m);
    await card.getByTestId("grade-mark-comment").nth(1).fill(MARK_COMMENT);
    await expect.poll(() => card.getByTestId("grade-total").textContent(), GUARD).toContain("4.5 من 6");
    await card.getByTestId("grade-comment").fill(COMMENT);
    await screen(page, "teach-ar-08b-essay-marked");
    await card.getByTestId("grade-submit").click();
    // It leaves the queue, the saved total is confirmed, and focus goes on to the next essay.
    await card.waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("grade-saved").textContent(), GUARD).toContain("4.5 من 6");
    const next = page.getByTestId("essay").filter({ hasText: SECOND_NAME });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[data-testid=essay]")?.textContent?.includes("Moussa") ?? false), GUARD).toBe(true);
    const full = next.getByTestId("grade-mark");
    for (const [i, m] of ["2", "2", "1", "1"].entries()) await full.nth(i).fill(m);
    await next.getByTestId("grade-submit").click();
    await page.getByTestId("essays-empty").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), GUARD).toBe("essays-h");
    await screen(page, "teach-ar-09-essays-done");

    // The learner's results now carry the grade and the comment.
    const s = student.page;
    await s.goto(`${base}${attemptPath}`);
    await s.getByText(COMMENT).waitFor();
    const graded = s.locator(".results__item").filter({ hasText: COMMENT });
    expect(await graded.getByTestId("graded-total").textContent()).toContain("4.5 من 6");
    expect(await graded.getByTestId("rubric-marks").textContent()).toContain(MARK_COMMENT);
    await screen(s, "teach-ar-10-learner-sees-comment");
    await elementShot(s.locator(".results__item").filter({ hasText: COMMENT }), "teach-ar-10b-learner-comment-card");
  });

  it("should open the learner's drill-down with every attempt, raw response and item version", async () => {
    const { page } = teacher;
    await page.getByTestId("tab-overview").click();
    await page.getByTestId("class-dashboard").waitFor();
    await page.getByTestId("learner-link").filter({ hasText: LEARNER_NAME }).click();
    await page.getByTestId("learner-page").waitFor();
    const attempt = page.getByTestId("learner-attempt").first();
    expect(await attempt.getAttribute("open")).not.toBeNull();
    const responses = attempt.getByTestId("raw-response");
    await expect.poll(() => responses.count(), GUARD).toBe(4);
    const essay = attempt.locator(`[data-testid=raw-response][data-item="${ESSAY}"]`);
    expect(await essay.getAttribute("data-status")).toBe("GRADED");
    expect(await essay.textContent()).toMatch(/الإصدار 1/);
    expect(await essay.getByTestId("grader-comment").textContent()).toContain(COMMENT);
    expect(await attempt.locator('[data-testid=raw-response][data-item="q3-02"]').getAttribute("data-status")).toBe("GRADED");
    await screen(page, "teach-ar-11-learner");
  });

  it("should export the gradebook as a UTF-8 CSV with a BOM and the learner's name", async () => {
    const { page } = teacher;
    await page.goto(`${base}/teach/classes/${classId}`);
    await page.getByTestId("class-dashboard").waitFor();
    // The export dialog: the gradebook, CSV, semicolons between cells (decimal commas).
    await page.getByTestId("export-gradebook").click();
    await page.getByTestId("export-dialog").waitFor();
    await page.getByTestId("export-separator-semicolon").check();
    await screen(page, "teach-ar-12-export-dialog");
    const download = page.waitForEvent("download", GUARD);
    await page.getByTestId("export-download").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-gradebook-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv).toContain(LEARNER_NAME);
    expect(csv).toContain(SECOND_NAME);
    expect(csv.split("\r\n")[0]).toContain("المتعلم");
    expect(csv.split("\r\n")[0].split(";").length).toBeGreaterThan(3);

    // The same in English: the workbook (XLSX) of the class, named for the class and read back as a zip.
    await setLanguage(page, "en");
    await page.getByTestId("export-gradebook").click();
    await page.getByTestId("export-dialog").waitFor();
    await page.getByTestId("export-format-xlsx").check();
    await screen(page, "teach-en-12-export-dialog");
    const workbook = page.waitForEvent("download", GUARD);
    await page.getByTestId("export-download").click();
    const xlsx = await workbook;
    expect(xlsx.suggestedFilename()).toMatch(/-gradebook-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // An XLSX is a zip archive: "PK" first.
    expect([...(await readFile((await xlsx.path())!)).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    await setLanguage(page, "ar");
  });

  it("should photograph the other /teach screens in Arabic and English, at desktop width and at 360 px", async () => {
    const { page } = teacher;
    const learnerPath = new URL(await page.getByTestId("learner-link").filter({ hasText: LEARNER_NAME }).evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
    await everyView(page, "classes", "/teach", "[data-testid=class-card]");
    await everyView(page, "dashboard", `/teach/classes/${classId}`, "[data-testid=progress-matrix] tbody tr[data-learner]");
    await everyView(page, "items", `/teach/classes/${classId}/items?quiz=${QUIZ}`, "[data-testid=item-stats]");
    await everyView(page, "learner", learnerPath, "[data-testid=learner-attempt]");
  });

  it("should keep /teach from learners, and remove a learner from the class after a confirmation", async () => {
    // A learner asking for /teach lands on the course with a word of explanation.
    const s = student.page;
    // Leaving the attempt page while an answer is still being sent asks "leave the page?" (beforeunload);
    // Playwright dismisses dialogs by default, which would cancel this navigation: leave.
    const leave = (d: Dialog) => void (d.type() === "beforeunload" ? d.accept() : d.dismiss());
    s.on("dialog", leave);
    await s.goto(`${base}/teach/classes/${classId}`);
    s.off("dialog", leave);
    await expect.poll(() => new URL(s.url()).pathname, GUARD).toBe("/");
    await s.getByTestId("notice").waitFor();
    expect(await s.getByTestId("notice").textContent()).toContain("خاصة بالمدرّسين");
    await screen(s, "teach-ar-12-learner-denied");

    const { page } = teacher;
    await page.goto(`${base}/teach/classes/${classId}`);
    const row = page.locator("[data-testid=progress-matrix] tbody tr[data-learner]").filter({ hasText: LEARNER_NAME });
    await row.getByTestId("remove-learner").click();
    const dialog = page.getByTestId("confirm-dialog");
    await dialog.waitFor();
    // The safe choice has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("confirm-no");
    await screen(page, "teach-ar-13-remove-confirm");
    await dialog.getByTestId("confirm-yes").click();
    await row.waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("tile-learners").textContent(), GUARD).toBe("1");
    await page.locator('[data-testid=activity] [data-type="LEARNER_REMOVED"]').filter({ hasText: LEARNER_NAME }).waitFor();
  });
});

describe("class management in Chromium", () => {
  // Continues the journey above (same server, the class it created), with the instructor's own session.
  it("should add co-instructors by email and by an invite link, hand the class over, archive it and delete it, in Arabic and English", async () => {
    const [{ id: classId }] = await server.sql<{ id: string }>(`SELECT id FROM classroom WHERE name = ?`, [CLASS_NAME]);
    const [{ instructorId }] = await server.sql<{ instructorId: string }>(`SELECT "instructorId" FROM classroom WHERE id = ?`, [classId]);
    const [{ email: ownerEmail }] = await server.sql<{ email: string }>(`SELECT email FROM "user" WHERE id = ?`, [instructorId]);
    const byEmail = await server.instructor("Aminata Traoré");
    const byLink = await server.instructor("Youssef Benali");
    const sessions: Session[] = [];
    try {
      const owner = await openSession(chromiumPath);
      sessions.push(owner);
      const { page } = owner;
      await signInAs(page, ownerEmail);
      await page.goto(`${base}/teach/classes/${classId}`);
      await page.getByTestId("tab-manage").click();
      await page.getByTestId("class-settings").waitFor();

      // By email: an address with no instructor account is explained; a colleague's is added.
      await page.getByTestId("co-email").fill("nobody@example.test");
      await page.getByTestId("add-teacher").click();
      await expect.poll(() => page.getByTestId("add-teacher-error").textContent(), GUARD).toContain("لا يوجد حساب مدرّس");
      await page.getByTestId("co-email").fill(byEmail.email);
      await page.getByTestId("add-teacher").click();
      await expect.poll(() => page.getByTestId("teacher").count(), GUARD).toBe(2);

      // By an invite link: shown once, opened by a colleague in their own browser, who then teaches the class.
      await page.getByTestId("create-invite").click();
      const link = await page.getByTestId("invite-url").inputValue();
      expect(link).toMatch(new RegExp(`^${base}/teach/invite/[A-Za-z0-9_-]+$`));
      await screen(page, "teach-ar-14-manage");
      const colleague = await openSession(chromiumPath);
      sessions.push(colleague);
      await signInAs(colleague.page, byLink.email);
      await colleague.page.goto(link);
      await colleague.page.getByTestId("accept-invite").waitFor();
      await screen(colleague.page, "teach-ar-15-invite");
      await colleague.page.getByTestId("accept-invite-button").click();
      await colleague.page.getByTestId("class-dashboard").waitFor();
      expect(await colleague.page.locator("h1").first().textContent()).toBe(CLASS_NAME);
      await colleague.page.goto(`${base}/teach`);
      await colleague.page.getByTestId("co-taught").first().waitFor();
      await screen(colleague.page, "teach-ar-16-co-instructor-classes");
      // The colleague added by email sees it too.
      expect((await byEmail.gql(`{ myClassrooms { id myRole } }`)).body.data.myClassrooms).toEqual([{ id: classId, myRole: "CO_INSTRUCTOR" }]);

      await page.reload();
      await expect.poll(() => page.getByTestId("teacher").count(), GUARD).toBe(3);
      await everyView(page, "manage", `/teach/classes/${classId}/manage`, "[data-testid=teacher]");

      // Handed over after a confirmation: the owner's acts leave this page; handed back through the API.
      const row = page.getByTestId("teacher").filter({ hasText: "Aminata" });
      await row.getByTestId("make-owner").click();
      await row.getByTestId("transfer-confirm").waitFor();
      await row.getByTestId("transfer-yes").click();
      await expect.poll(() => row.getAttribute("data-owner"), GUARD).toBe("yes");
      await expect.poll(() => page.getByTestId("archive-class").count(), GUARD).toBe(0);
      await screen(page, "teach-ar-17-handed-over");
      const back = await byEmail.gql(`mutation($c: ID!, $u: ID!) { transferClassroom(classroomId: $c, userId: $u) { id } }`, { c: classId, u: instructorId });
      expect(back.body.errors).toBeUndefined();

      // Archived, in English: listed apart on the classes page, the dashboard says it is read-only.
      await page.reload();
      await page.getByTestId("class-settings").waitFor();
      await setLanguage(page, "en");
      await page.getByTestId("archive-class").click();
      await expect.poll(() => page.getByTestId("class-status").getAttribute("data-archived"), GUARD).toBe("yes");
      await screen(page, "teach-en-18-archived-manage");
      await page.goto(`${base}/teach`);
      await page.getByTestId("archived-classes").waitFor();
      expect(await page.getByTestId("archived-class-card").filter({ hasText: CLASS_NAME }).count()).toBe(1);
      expect(await page.getByTestId("class-card").filter({ hasText: CLASS_NAME }).count()).toBe(0);
      await screen(page, "teach-en-19-archived-list");
      await page.getByTestId("open-archived-class").filter({ hasText: CLASS_NAME }).click();
      await page.getByTestId("archived-banner").waitFor();
      expect(await page.getByTestId("rename-class").count()).toBe(0);
      await screen(page, "teach-en-20-archived-dashboard");

      // Deleted, in Arabic, once the name is typed exactly; the learners' answers stay theirs.
      await setLanguage(page, "ar");
      const answers = await server.sql(`SELECT COUNT(*) AS n FROM response`);
      await page.goto(`${base}/teach/classes/${classId}/manage`);
      await page.getByTestId("delete-confirm").fill("الساحل");
      expect(await page.getByTestId("delete-class").isDisabled()).toBe(true);
      await page.getByTestId("delete-confirm").fill(CLASS_NAME);
      await screen(page, "teach-ar-21-delete-confirm");
      await page.getByTestId("delete-class").click();
      await expect.poll(() => new URL(page.url()).pathname, GUARD).toBe("/teach");
      await page.getByTestId("notice").waitFor();
      expect(await page.getByTestId("notice").textContent()).toContain("حُذف الفصل");
      await expect.poll(() => page.getByTestId("archived-classes").count(), GUARD).toBe(0);
      await screen(page, "teach-ar-22-deleted");
      expect(await server.sql(`SELECT COUNT(*) AS n FROM response`)).toEqual(answers);
      expect(await server.sql(`SELECT id FROM classroom WHERE id = ?`, [classId])).toEqual([]);
    } finally {
      for (const s of sessions) await s.close();
    }
  });
});

async function signInAs(page: Page, email: string) {
  await page.goto(`${base}/signin`);
  await page.locator("#signin-email").fill(email);
  await page.locator("#signin-password").fill("correct horse battery");
  await page.locator("[data-testid=sign-in-form] button[type=submit]").click();
  await expect.poll(() => new URL(page.url()).pathname, GUARD).toBe("/teach");
  // The account keeps the language it was last used in (a test above may have left it in English).
  await setLanguage(page, "ar");
}

/** The public id of an item's (first) right choice. */
function right(itemId: string): string {
  return (rightAnswerInput(item(itemId), server.app.store.ids).choiceIds as string[])[0];
}
