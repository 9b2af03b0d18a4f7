/**
 * The course timeline: every lesson's events on one axis in date order, each opening a lesson paragraph that
 * draws on the same article paragraphs, tagged with the map's actors it names (either language); context facts
 * join through the typed hook, labelled with their source. Served over GraphQL on both engines; the real
 * course's events all resolve to their evidence.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/content.loader.js";
import type { CourseContent } from "../../../server/src/content/content.model.js";
import { courseTimelineView } from "../../../server/src/lessons/course-timeline.view.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { contentWith, copyContent } from "../../helpers/content-fixtures.js";
import type { TestServer } from "../../helpers/test-server.js";
import { realContent, startTestServer } from "../../helpers/test-server.js";

const MAP = {
  nodes: [
    { id: "accord", kind: "article", name: { ar: "الاتفاق", en: "Agreement" }, role: { ar: "اتفاق البلدتين", en: "the towns' accord" } },
    { id: "town", kind: "article", name: { ar: "البلدة", en: "Town" }, role: { ar: "بلدة", en: "a town" } },
  ],
  edges: [{ from: "accord", to: "town", type: "cooperation", label: { ar: "يربط", en: "binds" }, evidence: ["fx-a-p1"] }],
};

let content: CourseContent;
let server: TestServer;
beforeAll(async () => {
  const dir = await copyContent();
  await writeFile(path.join(dir, "actors.yaml"), stringify(MAP));
  content = await loadContent(dir);
  server = await startTestServer({ content });
});
afterAll(async () => {
  await server.stop();
});

const start = (d: string) => d.split("/")[0];

describe("course timeline", () => {
  it("should put every lesson's events on one axis in date order, each opening a paragraph of its lesson that shares its article paragraphs", async () => {
    const res = await server.gql<any>(`{ courseTimeline(locale: EN) { events { id date event kind lessonSlug lessonTitle paragraphId articleParagraphs actorIds source { url } } actors { id name } } }`);
    expect(res.body.errors).toBeUndefined();
    const { events } = res.body.data.courseTimeline;
    expect(events).toHaveLength(content.lessons.reduce((n, l) => n + l.timeline.length, 0));
    const starts = events.map((e: any) => start(e.date));
    expect(starts).toEqual([...starts].sort());
    for (const e of events) {
      const lesson = content.lessons.find((l) => l.slug === e.lessonSlug)!;
      const p = lesson.sections.flatMap((s) => s.paragraphs).find((x) => x.id === e.paragraphId)!;
      expect(p, e.id).toBeDefined();
      expect(p.sourceParagraphs.some((n) => e.articleParagraphs.includes(n)), e.id).toBe(true);
      expect(e).toMatchObject({ kind: "article", source: null, lessonTitle: lesson.title.en });
    }
  });

  it("should tag an event with the actors it names, in either language, and offer only those actors to filter by", () => {
    const view = courseTimelineView(content, Locale.AR);
    const signed = view.events.find((e) => e.event === "توقيع الاتفاق")!;
    expect(signed.actorIds).toEqual(["accord"]);
    expect(view.actors).toEqual([{ id: "accord", name: "الاتفاق" }]);
  });

  it("should take context facts through the hook, labelled with their source, on the same axis", () => {
    const source = { publisher: "Gazette", date: "2024-03-12", url: "https://example.org/g" };
    const view = courseTimelineView(content, Locale.EN, [{ id: "c1", date: "2000-01-01", fact: { ar: "حقيقة عن الاتفاق", en: "A fact about the agreement" }, source }]);
    expect(view.events[0]).toMatchObject({ id: "context#c1", kind: "context", lessonSlug: null, paragraphId: null, source, actorIds: ["accord"] });
  });
});

describe("context facts in lessons and on the timeline", () => {
  const FACTS = {
    facts: [
      { id: "cf-old", date: "1999", when: "before", text: { ar: "حقيقة قديمة عن الاتفاق", en: "An old fact about the agreement" }, sources: [{ title: "T", publisher: "Gazette", date: "1999-05", url: "https://example.org/old" }] },
      { id: "cf-new", date: "2031-02-03", when: "after", text: { ar: "ما حدث بعد ذلك", en: "What happened next" }, sources: [{ title: "U", publisher: "Herald", date: "2031-02-04", url: "https://example.org/new" }] },
    ],
  };
  let withFacts: TestServer;
  beforeAll(async () => {
    const dir = await contentWith("lessons/01-fx-lesson-a.yaml", (doc) => (doc.context = { before: ["cf-old"], after: ["cf-new"] }));
    await writeFile(path.join(dir, "context.yaml"), stringify(FACTS));
    withFacts = await startTestServer({ content: await loadContent(dir) });
  });
  afterAll(async () => {
    await withFacts.stop();
  });

  it("should give a lesson its 'before' and 'what happened next' layers, apart from its paragraphs, with their sources", async () => {
    const res = await withFacts.gql<any>(`{ lesson(slug: "fx-lesson-a", locale: EN) { contextBefore { id date when text sources { publisher url } } contextAfter { id text } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.lesson.contextBefore).toEqual([{ id: "cf-old", date: "1999", when: "before", text: "An old fact about the agreement", sources: [{ publisher: "Gazette", url: "https://example.org/old" }] }]);
    expect(res.body.data.lesson.contextAfter).toEqual([{ id: "cf-new", text: "What happened next" }]);
    const other = await withFacts.gql<any>(`{ lesson(slug: "fx-lesson-b", locale: AR) { contextBefore { id } contextAfter { id } } }`);
    expect(other.body.data.lesson).toEqual({ contextBefore: [], contextAfter: [] });
  });

  it("should put the context facts on the timeline's axis, marked as context with their source", async () => {
    const res = await withFacts.gql<any>(`{ courseTimeline(locale: AR) { events { id date kind lessonSlug source { publisher url } } } }`);
    const events = res.body.data.courseTimeline.events;
    expect(events[0]).toEqual({ id: "context#cf-old", date: "1999", kind: "context", lessonSlug: null, source: { publisher: "Gazette", url: "https://example.org/old" } });
    expect(events.at(-1)).toMatchObject({ id: "context#cf-new", kind: "context", source: { publisher: "Herald" } });
  });
});

describe("the real course's timeline", () => {
  it("should resolve every event to a lesson paragraph that draws on the article paragraphs the event cites, and every context fact to its source", async () => {
    const real = await realContent();
    const view = courseTimelineView(real, Locale.AR);
    expect(view.events.length).toBeGreaterThan(0);
    const context = view.events.filter((e) => e.kind === "context");
    expect(context.length).toBe(real.context.facts.length);
    for (const e of context) {
      const fact = real.context.facts.find((f) => `context#${f.id}` === e.id)!;
      expect(fact.sources.map((s) => s.url), e.id).toContain(e.source!.url);
    }
    for (const e of view.events.filter((x) => x.kind === "article")) {
      const p = real.lessons.find((l) => l.slug === e.lessonSlug)!.sections.flatMap((s) => s.paragraphs).find((x) => x.id === e.paragraphId);
      expect(p, e.id).toBeDefined();
      expect(p!.sourceParagraphs.some((n) => e.articleParagraphs.includes(n)), e.id).toBe(true);
    }
  });
});
