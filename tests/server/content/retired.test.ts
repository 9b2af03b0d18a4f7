/**
 * Retired lessons and quizzes (issue 13 point 1), on both engines with the fixture course: a learner's attempt
 * in a quiz, then a re-import whose content retires that quiz's lesson (kept file, `retired: true`, out of
 * course.yaml, its objectives mapped onto live ones). The attempt, its responses and the item versions stay and
 * stay readable, marked retired; the lesson and quiz are no longer offered (course home, new attempts,
 * assignments, review cards); mastery of the retired objectives follows the mapping onto the live ones.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { itemType } from "../../../server/src/items/registry.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import { copyContent } from "../../helpers/content-fixtures.js";
import { ATTEMPT, FINISH, MY_PROGRESS, REVIEW_QUEUE, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { lessonOf, quizWhere } from "../../helpers/course-lookup.js";
import { readFile, writeFile } from "node:fs/promises";
import { parse, stringify } from "yaml";

const content = await fixtureContent();
// The quiz to retire: auto-graded only, results after finishing (so its answers count for mastery at once).
const RETIRED = quizWhere(content, "no essay, AFTER_FINISH, the last lesson", (q) =>
  q.lesson === content.course.lessons.at(-1) && q.items.every((i) => !itemType(i).handGraded) && q.settings.reviewPolicy === "AFTER_FINISH");
const LESSON = lessonOf(content, RETIRED);
const SURVIVOR = content.lessons[0].objectives[0].id; // where the retired objectives' evidence goes
const file = (kind: "lessons" | "quizzes") => `${kind}/${String(LESSON.order).padStart(2, "0")}-${LESSON.slug}.yaml`;

async function edit(dir: string, name: string, mutate: (doc: any) => void): Promise<void> {
  const full = path.join(dir, name);
  const doc = parse(await readFile(full, "utf8"));
  mutate(doc);
  await writeFile(full, stringify(doc));
}

/** The fixture course with LESSON and its quiz retired, their objectives mapped onto SURVIVOR. */
async function retiringContent(): Promise<string> {
  const dir = await copyContent();
  await edit(dir, file("lessons"), (d) => (d.retired = true));
  await edit(dir, file("quizzes"), (d) => (d.retired = true));
  await edit(dir, "course.yaml", (d) => {
    d.lessons = d.lessons.filter((s: string) => s !== LESSON.slug);
    d.retiredObjectives = Object.fromEntries(LESSON.objectives.map((o) => [o.id, SURVIVOR]));
  });
  // The diagnostic and the final follow the restructure too: their items on the retired objectives go (a live
  // quiz names only live objectives and cites only live lessons' paragraphs).
  const retired = new Set(LESSON.objectives.map((o) => o.id));
  for (const name of ["quizzes/00-fq-diagnostic.yaml", "quizzes/99-fq-final.yaml"])
    await edit(dir, name, (d) => (d.items = d.items.filter((i: { objectives: string[] }) => !i.objectives.some((o) => retired.has(o)))));
  return dir;
}

const COURSE = `query($l: Locale!) { course(locale: $l) { lessons { slug retired } retiredLessons { slug title retired quiz { id retired } } } }`;
const QUIZ = `query($id: ID!) { quiz(id: $id, locale: AR) { id retired title } }`;
const level = (p: any, id: string) => p.objectives.find((o: any) => o.objectiveId === id)?.level;

let dataDir: string;
let server: TestServer;
let me: Learner;
let attemptId: string;
let versionsBefore: number;
const clock = new ManualClock("2026-05-01T08:00:00Z");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "retired-"));
  server = await startTestServer({ dataDir, clock });
  me = await server.learner("history");
  // An assessment in the quiz about to be retired, every item answered right, finished.
  const a = (await me.gql(START, { quizId: RETIRED.id, mode: "ASSESSMENT" })).body.data.startAttempt;
  attemptId = a.id;
  for (const item of RETIRED.items) {
    const r = await me.gql(SUBMIT, { input: { attemptId, itemId: item.id, answer: rightAnswerInput(item, server.app.store.ids) } });
    expect(r.body.errors).toBeUndefined();
  }
  expect((await me.gql(FINISH, { id: attemptId })).body.data.finishAttempt).toMatchObject({ state: "FINISHED" });
  versionsBefore = (await server.sql(`SELECT COUNT(*) AS n FROM quiz_item_version WHERE "quizId" = ?`, [RETIRED.id])).map((r) => Number(r.n))[0];
});
afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("retiring a lesson and its quiz by re-import", () => {
  it("should count the answers for the quiz's own objectives before the retirement", async () => {
    const p = (await me.gql(MY_PROGRESS)).body.data.myProgress;
    expect(level(p, LESSON.objectives[0].id)).not.toBe("NOT_STARTED");
    expect(level(p, SURVIVOR)).toBe("NOT_STARTED");
  });

  it("should re-import content that retires them, deleting nothing", async () => {
    const stored = () => server.sql<{ objectiveId: string }>(`SELECT "objectiveId" FROM objective_mastery WHERE "userId" = ?`, [me.id]);
    expect((await stored()).map((r) => r.objectiveId)).not.toContain(SURVIVOR);
    await server.stop();
    server = await startTestServer({ dataDir, clock, content: await loadContent(await retiringContent()) });
    me = server.rebind(me);
    expect(server.app.imported.changed).toBe(true);
    expect(server.app.imported.newVersions).toEqual([]); // items unchanged: no new versions, the old ones kept
    const versions = await server.sql(`SELECT COUNT(*) AS n FROM quiz_item_version WHERE "quizId" = ?`, [RETIRED.id]);
    expect(Number(versions[0].n)).toBe(versionsBefore);
    expect(await server.sql(`SELECT id FROM attempt WHERE id = ?`, [attemptId])).toHaveLength(1);
    // The instructor's stored mastery moved onto the surviving objective at the import (the retired rows stay).
    const after = (await stored()).map((r) => r.objectiveId);
    expect(after).toContain(SURVIVOR);
    expect(after).toContain(LESSON.objectives[0].id);
  });

  it("should no longer offer the lesson on the course home, but list it as retired", async () => {
    for (const l of ["AR", "EN"]) {
      const c = (await me.gql(COURSE, { l })).body.data.course;
      expect(c.lessons.map((x: any) => x.slug)).not.toContain(LESSON.slug);
      expect(c.lessons.every((x: any) => x.retired === false)).toBe(true);
      expect(c.retiredLessons).toEqual([expect.objectContaining({ slug: LESSON.slug, retired: true, quiz: { id: RETIRED.id, retired: true } })]);
    }
    expect((await me.gql(QUIZ, { id: RETIRED.id })).body.data.quiz).toMatchObject({ id: RETIRED.id, retired: true });
  });

  it("should keep the learner's attempt readable, with its score and feedback", async () => {
    const a = (await me.gql(ATTEMPT, { id: attemptId })).body.data.attempt;
    expect(a).toMatchObject({ state: "FINISHED", feedbackAvailable: true });
    expect(a.score).toBe(a.maxScore);
    expect(a.responses).toHaveLength(RETIRED.items.length);
  });

  it("should keep the retired lesson in the learner's progress, and move mastery onto the surviving objective", async () => {
    const p = (await me.gql(MY_PROGRESS)).body.data.myProgress;
    expect(p.lessons.find((l: any) => l.lessonSlug === LESSON.slug)).toMatchObject({ assessmentAttemptsUsed: 1, bestScore: 1 });
    expect(p.objectives.map((o: any) => o.objectiveId)).not.toContain(LESSON.objectives[0].id);
    expect(level(p, SURVIVOR)).not.toBe("NOT_STARTED");
    // A learner without history there is not shown the retired lesson at all.
    const fresh = (await (await server.learner("fresh")).gql(MY_PROGRESS)).body.data.myProgress;
    expect(fresh.lessons.map((l: any) => l.lessonSlug)).not.toContain(LESSON.slug);
    expect(level(fresh, SURVIVOR)).toBe("NOT_STARTED");
  });

  it("should start no new attempt in the retired quiz, in either mode", async () => {
    for (const mode of ["PRACTICE", "ASSESSMENT"]) {
      const r = await me.gql(START, { quizId: RETIRED.id, mode });
      expect(r.body.errors?.[0].extensions?.code).toBe("attempt/retired");
    }
  });

  it("should offer none of the retired quiz's items for review", async () => {
    clock.advance(14 * 86_400_000); // the cards the attempt scheduled are due by now (within the session's life)
    const cards = await server.sql<{ due: string | Date }>(`SELECT due FROM review_card WHERE "userId" = ?`, [me.id]);
    const due = cards.filter((c) => new Date(c.due).getTime() <= clock.now().getTime());
    expect(due.length).toBeGreaterThan(0); // kept, and due: only the retirement keeps them out of the queue
    const queue = (await me.gql(REVIEW_QUEUE, { limit: 50 })).body.data.reviewQueue;
    expect(queue).toEqual([]);
  });

  it("should refuse to assign the retired lesson or quiz to a class, or to run the quiz live", async () => {
    const teacher = await server.instructor("Teacher");
    const cls = (await teacher.gql(`mutation { createClassroom(name: "c", timeZone: "UTC") { id } }`)).body.data.createClassroom;
    const CREATE = `mutation($input: AssignmentInput!) { createAssignment(input: $input) { id } }`;
    const base = { classroomId: cls.id, opensAt: clock.now().toISOString(), dueAt: new Date(clock.now().getTime() + 86_400_000).toISOString(), latePolicy: "ACCEPT" };
    for (const [kind, targetId] of [["QUIZ", RETIRED.id], ["LESSON", LESSON.slug]]) {
      const r = await teacher.gql(CREATE, { input: { ...base, kind, targetId } });
      expect(r.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(r.body.errors?.[0].message).toMatch(/retired/);
    }
    const live = await teacher.gql(`mutation($i: StartLiveSessionInput!) { startLiveSession(input: $i) { id } }`, { i: { classroomId: cls.id, quizId: RETIRED.id } });
    expect(live.body.errors?.[0].extensions?.code).toBe("live/not-found");
    expect(live.body.errors?.[0].message).toMatch(/retired/);
  });
});

describe("the actor map after a retirement", () => {
  const bi = (en: string) => ({ ar: `نص ${en}`, en });
  const mapCiting = (paragraph: string) => ({
    nodes: [
      { id: "a", kind: "article", name: bi("A"), role: bi("first") },
      { id: "b", kind: "article", name: bi("B"), role: bi("second") },
    ],
    edges: [{ from: "a", to: "b", type: "cooperation", label: bi("works with"), evidence: [paragraph] }],
  });

  it("should refuse a relation whose evidence is in a retired lesson (the map sends readers there), and accept a live one", async () => {
    const dir = await retiringContent();
    const retiredParagraph = LESSON.sections[0].paragraphs[0].id;
    await writeFile(path.join(dir, "actors.yaml"), stringify(mapCiting(retiredParagraph)));
    await expect(loadContent(dir)).rejects.toThrow(`edges[0].evidence[0]: paragraph "${retiredParagraph}" is in retired lesson "${LESSON.slug}"`);
    const liveParagraph = content.lessons.find((l) => l.slug !== LESSON.slug)!.sections[0].paragraphs[0].id;
    await writeFile(path.join(dir, "actors.yaml"), stringify(mapCiting(liveParagraph)));
    expect((await loadContent(dir)).actors.edges).toHaveLength(1);
    await rm(dir, { recursive: true, force: true });
  });
});
