import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item } from "../../../server/src/content/content.schema.js";
import { normalizeArabic } from "../../../server/src/shared/arabic.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const COURSE = `query($locale: Locale) { course(locale: $locale) { id title description audience article { title language }
  sources { id n title publisher date url } lessons { slug order title estimatedMinutes quiz { id } } } }`;

const LESSON = `query($slug: String!, $locale: Locale) { lesson(slug: $slug, locale: $locale) {
  slug order title summary estimatedMinutes objectives { id text }
  sections { id heading paragraphs { id text sourceParagraphs } }
  keyTerms { id term definition } timeline { date event sourceParagraphs }
  sources { id n title publisher date url }
  quiz { id lessonSlug title settings { maxAttempts timeLimitMinutes gradingMethod reviewPolicy closesAt }
    items { id type prompt points objectiveIds version choices { id text } targets { id text } rubric { id criterion points } } } } }`;

const QUIZ = `query($id: ID!, $locale: Locale) { quiz(id: $id, locale: $locale) { id title lessonSlug
  settings { maxAttempts timeLimitMinutes gradingMethod reviewPolicy closesAt }
  items { id type prompt points objectiveIds version choices { id text } targets { id text } rubric { id criterion points } } } }`;

const ARABIC = /[\u0600-\u06FF]/;

describe("the read side over HTTP", () => {
  it("should serve the course in Arabic by default with every lesson", async () => {
    const res = await server.gql<any>("{ course { title lessons { slug title quiz { id } } } }");
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const course = res.body.data.course;
    expect(course.title).toMatch(ARABIC);
    const content = server.app.store.content;
    expect(course.lessons.map((l: any) => l.slug)).toEqual(content.course.lessons);
    for (const l of course.lessons) {
      expect(l.title).toMatch(ARABIC);
      expect(l.quiz.id).toBe(content.lessons.find((x) => x.slug === l.slug)!.quiz);
    }
  });

  it("should serve the same course in English with locale EN", async () => {
    const [ar, en] = await Promise.all([server.gql<any>(COURSE, { locale: "AR" }), server.gql<any>(COURSE, { locale: "EN" })]);
    expect(en.body.data.course.title).not.toMatch(ARABIC);
    expect(en.body.data.course.lessons.map((l: any) => l.slug)).toEqual(ar.body.data.course.lessons.map((l: any) => l.slug));
    expect(en.body.data.course.sources).toHaveLength(server.app.store.content.course.sources.length);
    expect(en.body.data.course.article.language).toBe("ar");
  });

  it("should serve a lesson with its sections, paragraph ids and quiz, with the same ids in both locales", async () => {
    const lesson = server.app.store.content.lessons[1];
    const ar = (await server.gql<any>(LESSON, { slug: lesson.slug })).body.data.lesson;
    const en = (await server.gql<any>(LESSON, { slug: lesson.slug, locale: "EN" })).body.data.lesson;
    expect(ar.order).toBe(2);
    const ids = (l: any) => l.sections.flatMap((s: any) => s.paragraphs.map((p: any) => p.id));
    expect(ids(ar)).toEqual(lesson.sections.flatMap((s) => s.paragraphs.map((p) => p.id)));
    expect(ids(en)).toEqual(ids(ar));
    expect(ar.sections[0].paragraphs[0].text).toMatch(ARABIC);
    expect(en.sections[0].paragraphs[0].text).not.toMatch(ARABIC);
    expect(ar.objectives.map((o: any) => o.id)).toEqual(lesson.objectives.map((o) => o.id));
    expect(ar.quiz.items.map((i: any) => i.id)).toEqual(server.app.store.quizFile(lesson.quiz)!.items.map((i) => i.id));
  });

  it("should answer null for a lesson or quiz that does not exist", async () => {
    const res = await server.gql<any>(`{ lesson(slug: "nope") { slug } quiz(id: "nope") { id } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ lesson: null, quiz: null });
  });

  it("should list options in an order unrelated to the key, stable across requests", async () => {
    const content = server.app.store.content;
    const a = (await server.gql<any>(QUIZ, { id: content.quizzes[1].id })).raw;
    const b = (await server.gql<any>(QUIZ, { id: content.quizzes[1].id })).raw;
    expect(a).toBe(b);
    for (const q of content.quizzes) {
      const items = (await server.gql<any>(QUIZ, { id: q.id })).body.data.quiz.items;
      for (const item of q.items) {
        const served = items.find((i: any) => i.id === item.id);
        if (item.type === "ORDERING") {
          const keyOrder = item.sequence.map((s) => server.app.store.ids.option(item.id, s.id));
          expect(served.choices.map((c: any) => c.id), item.id).not.toEqual(keyOrder);
        }
        if (item.type === "MATCHING") {
          const rightOfLeft = new Map(item.pairs.map((p) => [server.app.store.ids.option(item.id, p.left.id), server.app.store.ids.option(item.id, p.right.id)]));
          const byPosition = served.choices.map((c: any) => rightOfLeft.get(c.id));
          expect(served.targets.slice(0, byPosition.length).map((t: any) => t.id), item.id).not.toEqual(byPosition);
        }
      }
    }
  });
});

/** Names that would carry a key, a correctness or an explanation if any type had them. */
const FORBIDDEN_FIELD = /^(correct|isCorrect|key|answer|answers|accept|accepted|solution|rightAnswer|explanation|feedback|evidence|sequence|pairs|score)$/i;

describe("no key reachable from the public read side", () => {
  it("should have no type reachable from Query.course, lesson or quiz with a field that reveals a key", async () => {
    const res = await server.gql<any>(`{ __schema { types { name kind fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }`);
    const types = new Map<string, any>(res.body.data.__schema.types.map((t: any) => [t.name, t]));
    const named = (t: any): string => (t.name ? t.name : named(t.ofType));
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const f of types.get(name)?.fields ?? []) visit(named(f.type));
    };
    for (const root of ["Course", "Lesson", "Quiz"]) visit(root);
    expect(seen.has("QuizItem")).toBe(true);
    const offending = [...seen].flatMap((t) => (types.get(t)?.fields ?? []).filter((f: any) => FORBIDDEN_FIELD.test(f.name)).map((f: any) => `${t}.${f.name}`));
    expect(offending).toEqual([]);
  });

  it("should put no key value, explanation or correctness in any public response body", async () => {
    const content = server.app.store.content;
    const bodies: string[] = [];
    for (const locale of ["AR", "EN"]) {
      bodies.push((await server.gql(COURSE, { locale })).raw);
      for (const l of content.lessons) bodies.push((await server.gql(LESSON, { slug: l.slug, locale })).raw);
    }
    const quizBodies: string[] = [];
    for (const locale of ["AR", "EN"]) for (const q of content.quizzes) quizBodies.push((await server.gql(QUIZ, { id: q.id, locale })).raw);
    const all = [...bodies, ...quizBodies].join("\n");
    // Each item as served, in both locales.
    const servedItems = new Map<string, unknown[]>();
    for (const b of quizBodies)
      for (const i of JSON.parse(b).data.quiz.items as { id: string }[]) servedItems.set(i.id, [...(servedItems.get(i.id) ?? []), i]);
    expect(all).not.toMatch(/"(correct|explanation|evidence|accept|answer|rightAnswer)"\s*:/);

    const keyFingerprints = (item: Item): string[] => {
      const id = (local: string) => server.app.store.ids.option(item.id, local);
      switch (item.type) {
        case "SINGLE_CHOICE":
        case "MULTIPLE_CHOICE": {
          const ids = item.choices.filter((c) => c.correct).map((c) => JSON.stringify(id(c.id)));
          return item.type === "MULTIPLE_CHOICE" ? [`[${ids.join(",")}]`] : [];
        }
        case "ORDERING":
          return [item.sequence.map((s) => JSON.stringify(id(s.id))).join(",")];
        case "SHORT_ANSWER":
          return []; // accepted answers are ordinary words that lessons teach; checked against quiz bodies below
        default:
          return [];
      }
    };
    for (const q of content.quizzes) {
      for (const item of q.items) {
        for (const fp of keyFingerprints(item)) expect(all, `${item.id} key`).not.toContain(fp);
        expect(all, `${item.id} explanation`).not.toContain(item.explanation.ar);
        expect(all, `${item.id} explanation`).not.toContain(item.explanation.en);
        if (item.type === "SHORT_ANSWER") {
          // The served item (prompt and all) never contains one of its own accepted answers.
          const served = normalizeArabic(JSON.stringify(servedItems.get(item.id)));
          for (const a of item.accept) expect(` ${served} `, `${item.id} accepted answer "${a}"`).not.toContain(` ${normalizeArabic(a)} `);
        }
        if (item.type === "TRUE_FALSE") expect(all).not.toContain(`"answer":${item.answer}`);
      }
    }
  });
});

describe("production mode", () => {
  it("should refuse introspection and mask unexpected errors", async () => {
    const prod = await startTestServer({ production: true });
    try {
      const res = await prod.gql(`{ __schema { types { name } } }`);
      expect(res.body.errors?.[0].message).toMatch(/introspection/i);
      expect(res.raw).not.toContain("QuizItem");
      const bad = await prod.gql(`{ course { nosuchfield } }`);
      expect(bad.raw).not.toMatch(/stacktrace/i);
      expect(bad.raw).not.toContain("Did you mean");
    } finally {
      await prod.stop();
    }
  });
});

describe("HTTP", () => {
  it("should reject a body larger than the limit with 413", async () => {
    const res = await fetch(`${server.url}graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ course { title } }`, padding: "x".repeat(200_000) }),
    });
    expect(res.status).toBe(413);
  });

  it("should refuse a GET query without a CSRF-safe header", async () => {
    const res = await fetch(`${server.url}graphql?query=${encodeURIComponent("{ course { title } }")}`);
    expect(res.status).toBe(400);
  });

  it("should serve the built client with a history fallback, but not its dot-folders", async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(tmpdir(), "client-dist-"));
    await mkdir(path.join(dir, ".vite"));
    await writeFile(path.join(dir, "index.html"), "<!doctype html><html dir=rtl lang=ar><title>app</title></html>");
    await writeFile(path.join(dir, ".vite", "manifest.json"), "{}");
    const withClient = await startTestServer({ clientDir: dir });
    try {
      expect((await fetch(`${withClient.url}.vite/manifest.json`)).status).toBe(404);
      const route = await fetch(`${withClient.url}lessons/${withClient.app.store.content.lessons[1].slug}`);
      expect(route.status).toBe(200);
      expect(await route.text()).toContain("<title>app</title>");
      expect((await fetch(`${withClient.url}assets/missing.js`)).status).toBe(404);
    } finally {
      await withClient.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("should serve a bilingual information page at / while no client is built", async () => {
    const res = await fetch(server.url);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('dir="rtl" lang="ar"');
    expect(html).toContain("/graphql");
  });
});
