/**
 * The actor-relations map: content/actors.yaml validated (schema, then every relation between actors that
 * exist and backed by lesson paragraphs that exist, or by a context source), served whole or as a lesson's
 * sub-map over GraphQL on both engines, with each actor's aliases (also searched), and the real course's map
 * resolves every edge to its evidence and finds its actors by their other names.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { ContentValidationError } from "../../../server/src/content/content.model.js";
import { SearchService } from "../../../server/src/search/search.service.js";
import { copyContent } from "../../helpers/content-fixtures.js";
import type { TestServer } from "../../helpers/test-server.js";
import { realContent, startTestServer } from "../../helpers/test-server.js";

const bi = (en: string) => ({ ar: `نص ${en}`, en });
const SOURCE = { publisher: "Gazette", date: "2024-03", url: "https://example.org/g" };
const MAP = {
  nodes: [
    { id: "town-a", kind: "article", name: bi("Town A"), role: bi("first town") },
    { id: "town-b", kind: "article", name: bi("Town B"), role: bi("second town") },
    { id: "agency", kind: "article", name: bi("Water agency"), role: bi("witness") },
    { id: "league", kind: "context", name: bi("League"), aliases: { ar: ["العصبة"], en: ["TWL", "Towns League"] }, role: bi("outside body"), source: SOURCE },
  ],
  edges: [
    { from: "town-a", to: "town-b", type: "cooperation", label: bi("shared reservoir"), evidence: ["fx-a-p1"] },
    { from: "agency", to: "town-a", type: "mediation", label: bi("witnessed"), evidence: ["fx-a-p2", "fx-b-p2"] },
    { from: "town-b", to: "league", type: "withdrawal", label: bi("left the league"), source: SOURCE },
  ],
};

async function withActors(map: unknown): Promise<string> {
  const dir = await copyContent();
  await writeFile(path.join(dir, "actors.yaml"), stringify(map));
  return dir;
}

async function problemsOf(map: unknown): Promise<string[]> {
  try {
    await loadContent(await withActors(map));
  } catch (e) {
    if (e instanceof ContentValidationError) return e.problems.map((p) => `${p.file} ${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe("content/actors.yaml validation", () => {
  it("should accept a valid map, and a course without one has an empty map", async () => {
    expect(await problemsOf(MAP)).toEqual([]);
    const plain = await loadContent(await copyContent());
    expect(plain.actors).toEqual({ nodes: [], edges: [] });
  });

  const broken: [string, (m: any) => void, RegExp][] = [
    ["an evidence paragraph that does not exist", (m) => (m.edges[0].evidence = ["fx-a-p99"]), /edges\[0\]\.evidence\[0\]: there is no lesson paragraph "fx-a-p99"/],
    ["a relation without evidence or source", (m) => delete m.edges[0].evidence, /edges\[0\]\.evidence: a relation needs evidence/],
    ["a relation to an actor that does not exist", (m) => (m.edges[0].to = "nobody"), /edges\[0\]\.to: there is no actor "nobody"/],
    ["a context actor without its source", (m) => delete m.nodes[3].source, /nodes\[3\]\.source: a context actor names its source/],
    ["an unknown relation type", (m) => (m.edges[0].type = "friendship"), /edges\[0\]\.type/],
    ["a relation given twice", (m) => m.edges.push({ ...m.edges[0] }), /edges\[3\]: the relation cooperation from "town-a" to "town-b" is given twice/],
    ["an empty alias", (m) => (m.nodes[0].aliases = { ar: [""], en: ["A"] }), /nodes\[0\]\.aliases\.ar\[0\]/],
    ["an actor in no relation", (m) => m.nodes.push({ id: "lonely", kind: "article", name: bi("L"), role: bi("r") }), /nodes\[4\]: actor "lonely" has no relation/],
    ["a source that is not an http(s) link", (m) => (m.edges[2].source = { ...SOURCE, url: "javascript:alert(1)" }), /edges\[2\]\.source\.url/],
  ];
  it.each(broken)("should refuse %s, naming the file and the place", async (_name, mutate, expected) => {
    const map = structuredClone(MAP);
    mutate(map);
    const problems = await problemsOf(map);
    expect(problems.join("\n")).toMatch(expected);
    expect(problems.every((p) => p.startsWith("content/actors.yaml "))).toBe(true);
  });
});

describe("actorMap over GraphQL", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ content: await loadContent(await withActors(MAP)) });
  });
  afterAll(async () => {
    await server.stop();
  });
  const Q = `query($locale: Locale, $lesson: String) { actorMap(locale: $locale, lessonSlug: $lesson) {
    actors { id name aliases role kind source { publisher date url } }
    relations { id from to type label source { url } evidence { paragraphId lessonSlug lessonTitle } } } }`;

  it("should serve the whole map in the requested language, evidence with its lesson", async () => {
    const res = await server.gql<any>(Q, { locale: "EN" });
    expect(res.body.errors).toBeUndefined();
    const map = res.body.data.actorMap;
    expect(map.actors.map((a: any) => a.id)).toEqual(["town-a", "town-b", "agency", "league"]);
    expect(map.actors[3]).toMatchObject({ kind: "context", name: "League", source: SOURCE });
    expect(map.actors[3].aliases).toEqual(["TWL", "Towns League"]);
    expect(map.actors[0]).toMatchObject({ source: null, aliases: [] });
    const mediation = map.relations.find((r: any) => r.type === "mediation");
    expect(mediation).toMatchObject({ id: "agency>town-a>mediation", label: "witnessed", source: null });
    expect(mediation.evidence.map((e: any) => `${e.paragraphId}@${e.lessonSlug}`)).toEqual(["fx-a-p2@fx-lesson-a", "fx-b-p2@fx-lesson-b"]);
    const lessonB = server.app.store.content.lessons.find((l) => l.slug === "fx-lesson-b")!;
    expect(mediation.evidence[1].lessonTitle).toBe(lessonB.title.en);
    const ar = (await server.gql<any>(Q, {})).body.data.actorMap;
    expect(ar.actors[0].name).toBe("نص Town A");
    expect(ar.actors[3].aliases).toEqual(["العصبة"]);
  });

  it("should find an actor by an alias in search, opening a lesson's actor map", async () => {
    const S = `query($q: String!) { search(query: $q, first: 50) { hits { kind lessonSlug anchor language } } }`;
    const en = (await server.gql<any>(S, { q: "TWL" })).body.data.search.hits;
    expect(en).toEqual([{ kind: "ACTOR", lessonSlug: "fx-lesson-a", anchor: "lesson-actors-h", language: "EN" }]);
    const ar = (await server.gql<any>(S, { q: "العصبه" })).body.data.search.hits; // ta marbuta folded
    expect(ar).toEqual([{ kind: "ACTOR", lessonSlug: "fx-lesson-a", anchor: "lesson-actors-h", language: "AR" }]);
  });

  it("should serve a lesson's sub-map: the relations its paragraphs support, and their actors", async () => {
    const b = (await server.gql<any>(Q, { lesson: "fx-lesson-b" })).body.data.actorMap;
    expect(b.relations.map((r: any) => r.id)).toEqual(["agency>town-a>mediation"]);
    expect(b.actors.map((a: any) => a.id).sort()).toEqual(["agency", "town-a"]);
    const none = (await server.gql<any>(Q, { lesson: "fx-lesson-e" })).body.data.actorMap;
    expect(none).toEqual({ actors: [], relations: [] });
  });
});

describe("the real course's map", () => {
  it.each([
    ["AES", "aes"],
    ["Sahel Alliance", "aes"],
    ["تحالف الساحل", "aes"],
    ["Polisario", "polisario"],
    ["البوليساريو", "polisario"],
  ])("should name %s among the aliases of %s, and search should find it as an actor", async (alias, id) => {
    const content = await realContent();
    const node = content.actors.nodes.find((n) => n.id === id)!;
    expect([node.name.ar, node.name.en, ...(node.aliases?.ar ?? []), ...(node.aliases?.en ?? [])]).toContain(alias);
    const found = await new SearchService(content).search(null, alias, 50);
    expect(found.matches.some((m) => m.document.kind === "ACTOR" && m.segments.some((seg) => seg.match))).toBe(true);
  });

  it("should resolve every edge to evidence: lesson paragraphs that exist, or a context source on a context fact", async () => {
    const content = await realContent();
    const paragraphs = new Set(content.lessons.flatMap((l) => l.sections.flatMap((s) => s.paragraphs.map((p) => p.id))));
    const nodes = new Map(content.actors.nodes.map((n) => [n.id, n]));
    expect(content.actors.edges.length).toBeGreaterThan(0);
    for (const e of content.actors.edges) {
      expect(nodes.has(e.from) && nodes.has(e.to), `${e.from}>${e.to}`).toBe(true);
      for (const p of e.evidence ?? []) expect(paragraphs.has(p), `${e.from}>${e.to}: ${p}`).toBe(true);
      if (!e.evidence?.length) {
        expect(e.source?.url, `${e.from}>${e.to}`).toMatch(/^https?:\/\//);
        // A fact beyond the article says so in both languages.
        expect(e.label.en).toMatch(/context beyond the article/);
        expect(e.label.ar).toMatch(/سياق من خارج المقال/);
      }
      // A relation with a context actor is a fact beyond the article: it cites its source.
      if (nodes.get(e.from)?.kind === "context" || nodes.get(e.to)?.kind === "context") expect(e.source).toBeDefined();
    }
  });
});
