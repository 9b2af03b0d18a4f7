/**
 * A retired quiz in a learner's history (issue 13 point 1), in real headless Chromium against the real server:
 * a learner finishes an assessment; the server restarts on content that retires that quiz's lesson (kept files,
 * `retired: true`, out of course.yaml, objectives mapped onto live ones); the progress page still lists the
 * lesson with its attempt, marked retired, in Arabic and English, and the course home no longer offers it; the
 * instructor's item statistics still offer the retired quiz, in a group of its own named retired.
 * axe-core on every screen; screenshots under test-results/screenshots/ (retired-*).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse, stringify } from "yaml";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { loadContent } from "../../server/src/content/content.loader.js";
import { itemType } from "../../server/src/items/registry.js";
import { ManualClock } from "../../server/src/shared/clock.js";
import { rightAnswerInput } from "../helpers/answers.js";
import { copyContent } from "../helpers/content-fixtures.js";
import { FINISH, START, SUBMIT } from "../helpers/operations.js";
import type { Learner, TestServer } from "../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../helpers/test-server.js";
import { lessonOf, quizWhere } from "../helpers/course-lookup.js";
import { GUARD, openSession, screen } from "./browser.js";

const chromiumPath = inject("chromiumPath");
const content = await fixtureContent();
// The last lesson's quiz, machine-graded with results after finishing: its score shows on the progress page.
const RETIRED = quizWhere(content, "the last lesson's, no essay, AFTER_FINISH", (q) =>
  q.lesson === content.course.lessons.at(-1) && q.items.every((i) => !itemType(i).handGraded) && q.settings.reviewPolicy === "AFTER_FINISH");
const LESSON = lessonOf(content, RETIRED);
const file = (kind: string) => `${kind}/${String(LESSON.order).padStart(2, "0")}-${LESSON.slug}.yaml`;

async function edit(dir: string, name: string, mutate: (doc: any) => void): Promise<void> {
  const full = path.join(dir, name);
  const doc = parse(await readFile(full, "utf8"));
  mutate(doc);
  await writeFile(full, stringify(doc));
}

let classroomId: string;
let teacherEmail: string;
let dataDir: string;
let server: TestServer;
let base: string;
let me: Learner;
const clock = new ManualClock("2026-05-01T08:00:00Z");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "e2e-retired-"));
  server = await startTestServer({ dataDir, clock, clientDir: CLIENT_DIST });
  me = await server.learner("Retired history");
  const a = (await me.gql(START, { quizId: RETIRED.id, mode: "ASSESSMENT" })).body.data.startAttempt;
  for (const item of RETIRED.items) await me.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
  expect((await me.gql(FINISH, { id: a.id })).body.data.finishAttempt.state).toBe("FINISHED");
  const teacher = await server.instructor("Retired teacher");
  const cls = (await teacher.gql(`mutation { createClassroom(name: "History class") { id joinCode } }`)).body.data.createClassroom;
  classroomId = cls.id;
  expect((await me.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: cls.joinCode })).body.errors).toBeUndefined();
  teacherEmail = teacher.email;
  await server.stop();

  const dir = await copyContent();
  await edit(dir, file("lessons"), (d) => (d.retired = true));
  await edit(dir, file("quizzes"), (d) => (d.retired = true));
  await edit(dir, "course.yaml", (d) => {
    d.lessons = d.lessons.filter((s: string) => s !== LESSON.slug);
    d.retiredObjectives = Object.fromEntries(LESSON.objectives.map((o) => [o.id, content.lessons[0].objectives[0].id]));
  });
  // The diagnostic and the final follow the restructure: their items on the retired objectives go.
  const retired = new Set(LESSON.objectives.map((o) => o.id));
  for (const name of ["quizzes/00-fq-diagnostic.yaml", "quizzes/99-fq-final.yaml"])
    await edit(dir, name, (d) => (d.items = d.items.filter((i: { objectives: string[] }) => !i.objectives.some((o) => retired.has(o)))));
  server = await startTestServer({ dataDir, clock, clientDir: CLIENT_DIST, content: await loadContent(dir) });
  base = server.url.replace(/\/$/, "");
});
afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("a retired quiz in the learner's history", () => {
  for (const j of [
    { lang: "ar", viewport: { width: 1280, height: 900 }, badge: "سابق: لم يعد ضمن الدورة" },
    { lang: "en", viewport: { width: 360, height: 780 }, badge: "Retired: no longer in the course" },
  ]) {
    it(`should show the retired lesson's attempt on the progress page, marked retired, and not offer it on home (${j.lang}, ${j.viewport.width} px)`, async () => {
      const session = await openSession(chromiumPath, j.viewport);
      const { page } = session;
      try {
        await page.goto(`${base}/signin`);
        await page.locator("#signin-email").fill(me.email);
        await page.locator("#signin-password").fill("correct horse battery");
        await page.locator("[data-testid=sign-in-form] button[type=submit]").click();
        await page.waitForURL((u) => !u.pathname.startsWith("/signin"), GUARD);
        if (j.lang === "en") {
          await page.getByTestId("locale-switch").click();
          await expect.poll(() => page.evaluate(() => document.documentElement.lang), GUARD).toBe("en");
        }
        // Home: the live lessons only.
        await page.goto(`${base}/`);
        await page.locator("h1").first().waitFor();
        await expect.poll(() => page.locator(`a[href="/lessons/${content.lessons[0].slug}"]`).count(), GUARD).toBeGreaterThan(0);
        expect(await page.locator(`a[href="/lessons/${LESSON.slug}"]`).count()).toBe(0);

        await page.goto(`${base}/progress`);
        const row = page.getByTestId(`progress-${LESSON.slug}`);
        await row.waitFor();
        expect((await row.getByTestId("lesson-retired").innerText()).trim()).toBe(j.badge);
        expect((await row.getByTestId("best-score").innerText()).replace(/\s/g, "")).toMatch(/100|١٠٠/);
        // The live lessons come first; the retired one is the last row.
        const rows = await page.locator("[data-testid^=progress-fx-]").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
        expect(rows.at(-1)).toBe(`progress-${LESSON.slug}`);
        await screen(page, `retired-${j.lang}-${j.viewport.width}-progress`);
      } finally {
        await session.close();
      }
    });
  }

  it("should still offer the retired quiz in the instructor's item statistics, grouped as retired (en)", async () => {
    const session = await openSession(chromiumPath);
    const { page } = session;
    try {
      await page.goto(`${base}/signin`);
      await page.locator("#signin-email").fill(teacherEmail);
      await page.locator("#signin-password").fill("correct horse battery");
      await page.locator("[data-testid=sign-in-form] button[type=submit]").click();
      await page.waitForURL((u) => !u.pathname.startsWith("/signin"), GUARD);
      await page.getByTestId("locale-switch").click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang), GUARD).toBe("en");
      await page.goto(`${base}/teach/classes/${classroomId}/items?quiz=${RETIRED.id}`);
      const group = page.getByTestId("retired-quizzes");
      await group.waitFor({ state: "attached" });
      expect(await group.getAttribute("label")).toBe("Retired quizzes (no longer in the course)");
      expect(await group.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([RETIRED.id]);
      expect(await page.getByTestId("quiz-select").inputValue()).toBe(RETIRED.id);
      await screen(page, "retired-en-1280-item-stats");
    } finally {
      await session.close();
    }
  });
});
