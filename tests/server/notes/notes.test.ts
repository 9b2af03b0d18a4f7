/**
 * Notes and highlights (notes/): made, edited and deleted by their author only, idempotent by the client's id,
 * listed per lesson and for the course, searched as the author's own, exported and deleted with the account,
 * and re-anchored (or orphaned) when the content's paragraph text changes between imports.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";

const SAVE = `mutation($input: SaveNoteInput!) { saveNote(input: $input) { id lessonSlug paragraphId language quote body status start end } }`;
const NOTES = `query($slug: String) { myNotes(lessonSlug: $slug) { id paragraphId quote body status start end } }`;
const DELETE = `mutation($id: ID!) { deleteNote(id: $id) }`;

const content = await fixtureContent();
const LESSON = content.lessons.find((l) => l.slug === "fx-lesson-a")!;
const P1 = LESSON.sections[0].paragraphs[0]; // "In spring 2024 two neighbouring towns agreed on a single water reservoir."
const P3 = LESSON.sections[1].paragraphs[0];
const OTHER_LESSON = content.lessons.find((l) => l.slug !== LESSON.slug)!;
const spanOf = (text: string, exact: string) => ({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length, exact });

describe("notes", () => {
  let server: TestServer;
  let me: Learner;
  let other: Learner;
  beforeAll(async () => {
    server = await startTestServer();
    me = await server.learner("me");
    other = await server.learner("other");
  });
  afterAll(async () => server.stop());

  it("should save a highlight with its quote and context, and list it with where it anchors", async () => {
    const id = randomUUID();
    const res = await me.gql(SAVE, { input: { id, paragraphId: P1.id, language: "EN", ...spanOf(P1.text.en, "two neighbouring towns"), body: "Who are they?" } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.saveNote).toMatchObject({ id, lessonSlug: LESSON.slug, language: "EN", quote: "two neighbouring towns", status: "ANCHORED", start: 15, end: 37 });
    const [row] = await server.sql(`SELECT prefix, suffix, "startOffset", "endOffset" FROM note WHERE id = ?`, [id]);
    expect(row).toEqual({ prefix: "In spring 2024 ", suffix: " agreed on a single water reserv", startOffset: 15, endOffset: 37 });
    const list = (await me.gql(NOTES, { slug: LESSON.slug })).body.data.myNotes;
    expect(list.map((n: any) => n.id)).toContain(id);
  });

  it("should save a whole-paragraph note, edit its text only, and treat the same save twice as one note", async () => {
    const id = randomUUID();
    const input = { id, paragraphId: P3.id, language: "AR", body: "ملاحظة أولى" };
    await me.gql(SAVE, { input });
    await me.gql(SAVE, { input }); // the outbox sent it again
    const edited = (await me.gql(SAVE, { input: { ...input, body: "ملاحظة معدّلة", paragraphId: P1.id } })).body.data.saveNote;
    expect(edited).toMatchObject({ paragraphId: P3.id, quote: null, body: "ملاحظة معدّلة", status: "ANCHORED", start: null });
    expect(Number((await server.sql(`SELECT COUNT(*) AS n FROM note WHERE id = ?`, [id]))[0].n)).toBe(1);
  });

  it("should list one lesson's notes or the course's, in reading order", async () => {
    const a = randomUUID();
    const b = randomUUID();
    const later = OTHER_LESSON.sections[0].paragraphs[0];
    await me.gql(SAVE, { input: { id: b, paragraphId: later.id, language: "AR", body: "درس آخر" } });
    await me.gql(SAVE, { input: { id: a, paragraphId: P1.id, language: "AR", body: "الفقرة الأولى" } });
    const lesson = (await me.gql(NOTES, { slug: LESSON.slug })).body.data.myNotes.map((n: any) => n.id);
    expect(lesson).toContain(a);
    expect(lesson).not.toContain(b);
    const course = (await me.gql(NOTES, {})).body.data.myNotes;
    expect(course.map((n: any) => n.id)).toEqual(expect.arrayContaining([a, b]));
    const paragraphOrder = content.lessons.flatMap((l) => l.sections.flatMap((s) => s.paragraphs.map((p) => p.id)));
    const positions = course.map((n: any) => paragraphOrder.indexOf(n.paragraphId));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it("should find a quote that moved in the text the client showed, and refuse one that is not there", async () => {
    const moved = (await me.gql(SAVE, { input: { id: randomUUID(), paragraphId: P1.id, language: "EN", start: 0, end: 11, exact: "water reservoir", body: "" } })).body.data.saveNote;
    expect(moved).toMatchObject({ quote: "water reservoir", start: P1.text.en.indexOf("water reservoir") });
    const bad = await me.gql(SAVE, { input: { id: randomUUID(), paragraphId: P1.id, language: "EN", start: 0, end: 5, exact: "not in the text", body: "" } });
    expect(bad.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const half = await me.gql(SAVE, { input: { id: randomUUID(), paragraphId: P1.id, language: "EN", start: 0, body: "" } });
    expect(half.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("should refuse bad input with a clear error and keep nothing", async () => {
    const before = (await server.sql(`SELECT COUNT(*) AS n FROM note`))[0].n;
    const cases: [Record<string, unknown>, string][] = [
      [{ id: "not-a-uuid", paragraphId: P1.id, language: "AR", body: "x" }, "BAD_USER_INPUT"],
      [{ id: randomUUID(), paragraphId: "no-such-paragraph", language: "AR", body: "x" }, "content/not_found"],
      [{ id: randomUUID(), paragraphId: P1.id, language: "AR", body: "x".repeat(4001) }, "BAD_USER_INPUT"],
    ];
    for (const [input, code] of cases) expect((await me.gql(SAVE, { input })).body.errors?.[0].extensions?.code).toBe(code);
    expect((await server.sql(`SELECT COUNT(*) AS n FROM note`))[0].n).toBe(before);
  });

  it("should let only the author read, edit and delete a note", async () => {
    const id = randomUUID();
    await me.gql(SAVE, { input: { id, paragraphId: P1.id, language: "AR", body: "سرّي" } });
    expect((await other.gql(NOTES, {})).body.data.myNotes.map((n: any) => n.id)).not.toContain(id);
    const steal = await other.gql(SAVE, { input: { id, paragraphId: P1.id, language: "AR", body: "مسروق" } });
    expect(steal.body.errors?.[0].extensions?.code).toBe("note/not_found");
    expect((await other.gql(DELETE, { id })).body.data.deleteNote).toBe(false);
    const [row] = await server.sql(`SELECT body FROM note WHERE id = ?`, [id]);
    expect(row.body).toBe("سرّي");
    expect((await me.gql(DELETE, { id })).body.data.deleteNote).toBe(true);
    expect((await me.gql(DELETE, { id })).body.data.deleteNote).toBe(false); // sent twice: nothing left to delete
    expect(await server.sql(`SELECT body FROM note WHERE id = ?`, [id])).toEqual([]);
  });

  it("should search the viewer's own notes and no one else's", async () => {
    await me.gql(SAVE, { input: { id: randomUUID(), paragraphId: P1.id, language: "EN", body: "zebrafish migration question" } });
    const search = `query($q: String!) { search(query: $q, locale: EN) { total hits { kind lessonSlug anchor segments { text match } } } }`;
    const mine = (await me.gql(search, { q: "zebrafish" })).body.data.search;
    expect(mine.total).toBe(1);
    expect(mine.hits[0]).toMatchObject({ kind: "NOTE", lessonSlug: LESSON.slug, anchor: P1.id });
    expect((await other.gql(search, { q: "zebrafish" })).body.data.search.total).toBe(0);
    expect((await server.gql<any>(search, { q: "zebrafish" })).body.data!.search.total).toBe(0);
  });

  it("should export the notes and delete them with the account", async () => {
    const leaver = await server.learner("leaver");
    const id = randomUUID();
    await leaver.gql(SAVE, { input: { id, paragraphId: P1.id, language: "EN", ...spanOf(P1.text.en, "single water reservoir"), body: "to delete" } });
    const exported = JSON.parse((await leaver.gql(`{ exportMyData }`)).body.data.exportMyData);
    expect(exported.notes).toEqual([expect.objectContaining({ id, paragraphId: P1.id, exact: "single water reservoir", body: "to delete" })]);
    const gone = await leaver.gql(`mutation { deleteMyAccount(password: "correct horse battery") }`);
    expect(gone.body.errors).toBeUndefined();
    expect(await server.sql(`SELECT id FROM note WHERE id = ?`, [id])).toEqual([]);
  });
});

describe("notes across a content version change", () => {
  let server: TestServer | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it("should re-anchor a note whose paragraph changed, and show as orphaned one whose quote or paragraph is gone", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "notes-versions-"));
    dirs.push(dataDir);
    server = await startTestServer({ dataDir, content });
    const me = await server.learner();
    const P2 = LESSON.sections[0].paragraphs[1];
    const moved = randomUUID();
    const changed = randomUUID();
    const lost = randomUUID();
    const paragraphGone = randomUUID();
    const whole = randomUUID();
    await me.gql(SAVE, { input: { id: moved, paragraphId: P1.id, language: "EN", ...spanOf(P1.text.en, "single water reservoir"), body: "moved" } });
    await me.gql(SAVE, { input: { id: changed, paragraphId: P1.id, language: "EN", ...spanOf(P1.text.en, "two neighbouring towns"), body: "changed" } });
    await me.gql(SAVE, { input: { id: lost, paragraphId: P1.id, language: "AR", ...spanOf(P1.text.ar, "في ربيع 2024"), body: "lost" } });
    await me.gql(SAVE, { input: { id: paragraphGone, paragraphId: P2.id, language: "EN", ...spanOf(P2.text.en, "its mayor"), body: "gone" } });
    await me.gql(SAVE, { input: { id: whole, paragraphId: P1.id, language: "AR", body: "whole" } });
    await server.stop();
    server = undefined;

    // The author rewrites the first paragraph and removes the second.
    const NEW_EN = "After long talks, in spring 2024 the two neighboring towns agreed on a single water reservoir.";
    const NEW_AR = "بعد مفاوضات طويلة اتفقت بلدتان متجاورتان على خزان واحد للمياه.";
    const changedDir = await contentWith("lessons/01-fx-lesson-a.yaml", (d) => {
      const s1 = d.sections[0];
      s1.paragraphs[0].text = { ar: NEW_AR, en: NEW_EN };
      s1.paragraphs.splice(1, 1);
    });
    // Its quiz's evidence pointed at the removed paragraph too.
    const quizFile = path.join(changedDir, "quizzes", "01-fx-lesson-a.yaml");
    const quiz = parse(await readFile(quizFile, "utf8"));
    for (const item of quiz.items) item.evidence = [...new Set(item.evidence.map((e: string) => (e === P2.id ? P1.id : e)))];
    await writeFile(quizFile, stringify(quiz));
    dirs.push(path.dirname(changedDir));
    server = await startTestServer({ dataDir, content: await loadContent(changedDir) });
    expect(server.app.imported.changed).toBe(true);
    const me2 = server.rebind(me);
    const notes = new Map<string, any>((await me2.gql(NOTES, { slug: LESSON.slug })).body.data.myNotes.map((n: any) => [n.id, n]));
    const found = (id: string) => {
      const n = notes.get(id);
      return { status: n.status, text: n.start === null ? null : (n.body === "lost" ? NEW_AR : NEW_EN).slice(n.start, n.end) };
    };
    expect(found(moved)).toEqual({ status: "ANCHORED", text: "single water reservoir" });
    expect(found(changed)).toEqual({ status: "CHANGED", text: "two neighboring towns" });
    expect(found(lost)).toEqual({ status: "ORPHANED", text: null });
    expect(found(paragraphGone)).toEqual({ status: "ORPHANED", text: null });
    expect(notes.get(paragraphGone).quote).toBe("its mayor");
    expect(notes.get(whole)).toMatchObject({ status: "ANCHORED", start: null });
    // Orphans come last.
    expect([...notes.values()].slice(-2).map((n) => n.status)).toEqual(["ORPHANED", "ORPHANED"]);
  });
});
