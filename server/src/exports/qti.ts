/**
 * A quiz's items as a QTI 3.0 content package, and back.
 *
 * The package (a zip, written with fflate) holds imsmanifest.xml and, per item, one qti-assessment-item per
 * language (items/<id>.ar.xml with xml:lang="ar" and a right-to-left body, items/<id>.en.xml), both with the
 * same response declaration, response processing and outcome declarations, so that a player or an LMS shows
 * a learner one language at a time; plus one qti-assessment-test per language listing them in quiz order.
 * Mapping of the item types:
 *   SINGLE_CHOICE, TRUE_FALSE  choice interaction, max-choices 1, all or nothing (match correct);
 *   MULTIPLE_CHOICE            choice interaction, max-choices 0, map-response (+points/n right, −points/n wrong, ≥ 0),
 *                              which is this module's own partial credit;
 *   MATCHING, CLASSIFY         match interaction of directedPairs (left → right, statement → category), map-response
 *                              of points/n per right pair; CLASSIFY's categories take any number of statements;
 *   ORDERING                   order interaction, all or nothing (QTI has no longest-ordered-run scoring);
 *   SHORT_ANSWER               text entry, map-response over the accepted answers (case-insensitive; the module's
 *                              Arabic normalisation and one-letter tolerance are not expressible and are not exported);
 *   ESSAY                      extended text, SCORE external-scored="human", the rubric as a scorer rubric block
 *                              whose criteria carry data-criterion and data-points.
 * The explanation is a modal feedback shown after response processing. What QTI has no place for (objectives,
 * evidence, context facts, level, pool, spelling tolerance, the item type) is kept in each resource's metadata
 * in this course's own namespace, which IMS CP allows; importQtiPackage reads everything else from the QTI
 * itself.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Element as XmlElement } from "@xmldom/xmldom";
import type { Bilingual } from "../content/content.parts.js";
import type { Item, QuizFile } from "../content/content.schema.js";
import { Item as ItemSchema } from "../content/content.schema.js";
import { children, descendants, el, esc, first, parseXml } from "./xml.js";

const NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
const XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd";
const CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
const CP_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
/** This course's metadata namespace (resource metadata in the manifest). */
export const META_NS = "urn:x-sahel-course:qti-metadata:1";

type Lang = "ar" | "en";
const LANGS: Lang[] = ["ar", "en"];
const TRUE_FALSE_TEXT = { true: { ar: "صحيح", en: "True" }, false: { ar: "خطأ", en: "False" } } as const;

/** QTI identifiers are NCNames: content ids may start with a digit, so each gets a letter prefix. */
const itemIdent = (id: string, lang: Lang) => `Q-${id}-${lang}`;
const c = (localId: string) => `C-${localId}`;
const unC = (ident: string) => {
  if (!ident.startsWith("C-")) throw new Error(`"${ident}" is not a choice identifier of this package (C-…)`);
  return ident.slice(2);
};
export const itemFile = (id: string, lang: Lang) => `items/${id}.${lang}.xml`;

/** Rounded up to 6 decimals: the map's upper bound then caps a full answer at exactly the item's points. */
const share = (points: number, n: number) => Math.ceil((points / n) * 1e6) / 1e6;

const value = (v: string) => el("qti-value", {}, esc(v));
const float = (x: number) => el("qti-base-value", { "base-type": "float" }, String(x));
const setScore = (expr: string) => el("qti-set-outcome-value", { identifier: "SCORE" }, expr);
const MATCH_CORRECT = el(
  "qti-response-condition",
  {},
  el("qti-response-if", {}, el("qti-match", {}, el("qti-variable", { identifier: "RESPONSE" }), el("qti-correct", { identifier: "RESPONSE" })), setScore(el("qti-variable", { identifier: "MAXSCORE" }))),
  el("qti-response-else", {}, setScore(float(0))),
);
const MAP_RESPONSE = el(
  "qti-response-condition",
  {},
  el("qti-response-if", {}, el("qti-is-null", {}, el("qti-variable", { identifier: "RESPONSE" })), setScore(float(0))),
  el("qti-response-else", {}, setScore(el("qti-map-response", { identifier: "RESPONSE" }))),
);
const SHOW_EXPLANATION = el("qti-set-outcome-value", { identifier: "FEEDBACK" }, el("qti-base-value", { "base-type": "identifier" }, "EXPLANATION"));

function mapping(points: number, entries: { key: string; value: number; caseSensitive?: boolean }[]): string {
  return el(
    "qti-mapping",
    { "default-value": 0, "lower-bound": 0, "upper-bound": points },
    ...entries.map((e) => el("qti-map-entry", { "map-key": e.key, "mapped-value": e.value, "case-sensitive": e.caseSensitive === undefined ? undefined : String(e.caseSensitive) })),
  );
}

function declaration(cardinality: string, baseType: string, correct: string[] | null, map = ""): string {
  return el("qti-response-declaration", { identifier: "RESPONSE", cardinality, "base-type": baseType }, ...(correct ? [el("qti-correct-response", {}, ...correct.map(value))] : []), ...(map ? [map] : []));
}

const choice = (id: string, text: string) => el("qti-simple-choice", { identifier: c(id) }, esc(text));
const associable = (id: string, text: string, matchMax: number) => el("qti-simple-associable-choice", { identifier: c(id), "match-max": matchMax }, esc(text));

/** The response declaration, body interaction and scoring of one item in one language. */
function parts(item: Item, lang: Lang): { declaration: string; body: string; scoring: string } {
  const t = (b: Bilingual) => b[lang];
  const prompt = el("qti-prompt", {}, esc(t(item.prompt)));
  switch (item.type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const single = item.type === "SINGLE_CHOICE";
      const right = item.choices.filter((x) => x.correct === true);
      const wrong = item.choices.filter((x) => x.correct !== true);
      const map = single
        ? ""
        : mapping(item.points, [...right.map((x) => ({ key: c(x.id), value: share(item.points, right.length) })), ...wrong.map((x) => ({ key: c(x.id), value: -share(item.points, right.length) }))]);
      return {
        declaration: declaration(single ? "single" : "multiple", "identifier", right.map((x) => c(x.id)), map),
        body: el("qti-choice-interaction", { "response-identifier": "RESPONSE", shuffle: "true", "max-choices": single ? 1 : 0 }, prompt, ...item.choices.map((x) => choice(x.id, t(x.text)))),
        scoring: single ? MATCH_CORRECT : MAP_RESPONSE,
      };
    }
    case "TRUE_FALSE":
      return {
        declaration: declaration("single", "identifier", [c(String(item.answer))]),
        body: el("qti-choice-interaction", { "response-identifier": "RESPONSE", shuffle: "false", "max-choices": 1 }, prompt, choice("true", TRUE_FALSE_TEXT.true[lang]), choice("false", TRUE_FALSE_TEXT.false[lang])),
        scoring: MATCH_CORRECT,
      };
    case "MATCHING":
    case "CLASSIFY": {
      const matching = item.type === "MATCHING";
      const pairs = matching ? item.pairs.map((p) => [p.left.id, p.right.id]) : item.statements.map((s) => [s.id, s.category]);
      const lefts = matching ? item.pairs.map((p) => associable(p.left.id, t(p.left.text), 1)) : item.statements.map((s) => associable(s.id, t(s.text), 1));
      const rights = matching
        ? [...item.pairs.map((p) => p.right), ...(item.distractors ?? [])].map((o) => associable(o.id, t(o.text), 1))
        : item.categories.map((o) => associable(o.id, t(o.text), 0));
      const keys = pairs.map(([l, r]) => `${c(l)} ${c(r)}`);
      return {
        declaration: declaration("multiple", "directedPair", keys, mapping(item.points, keys.map((key) => ({ key, value: share(item.points, keys.length) })))),
        body: el(
          "qti-match-interaction",
          { "response-identifier": "RESPONSE", shuffle: "true", "max-associations": pairs.length },
          prompt,
          el("qti-simple-match-set", {}, ...lefts),
          el("qti-simple-match-set", {}, ...rights),
        ),
        scoring: MAP_RESPONSE,
      };
    }
    case "ORDERING":
      return {
        declaration: declaration("ordered", "identifier", item.sequence.map((s) => c(s.id))),
        body: el("qti-order-interaction", { "response-identifier": "RESPONSE", shuffle: "true" }, prompt, ...item.sequence.map((s) => choice(s.id, t(s.text)))),
        scoring: MATCH_CORRECT,
      };
    case "SHORT_ANSWER":
      return {
        declaration: declaration("single", "string", [item.accept[0]], mapping(item.points, item.accept.map((a) => ({ key: a, value: item.points, caseSensitive: false })))),
        body:
          el("p", { "data-role": "prompt" }, esc(t(item.prompt))) +
          el("p", {}, el("qti-text-entry-interaction", { "response-identifier": "RESPONSE", "expected-length": Math.max(20, ...item.accept.map((a) => [...a].length)) })),
        scoring: MAP_RESPONSE,
      };
    case "ESSAY":
      return {
        declaration: declaration("single", "string", null),
        body:
          el(
            "qti-rubric-block",
            { use: "scoring", view: "scorer" },
            el("qti-content-body", {}, el("ol", {}, ...item.rubric.map((r) => el("li", { "data-criterion": r.id, "data-points": r.points }, esc(t(r.criterion)))))),
          ) + el("qti-extended-text-interaction", { "response-identifier": "RESPONSE", "expected-lines": 12 }, prompt),
        scoring: "",
      };
  }
}

/** One qti-assessment-item (QTI 3.0) of an item in one language. */
export function qtiItem(item: Item, lang: Lang): string {
  const p = parts(item, lang);
  const outcome = (id: string, base: string, dflt?: string, extra: Record<string, string | number> = {}) =>
    el("qti-outcome-declaration", { identifier: id, cardinality: "single", "base-type": base, ...extra }, ...(dflt === undefined ? [] : [el("qti-default-value", {}, value(dflt))]));
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    el(
      "qti-assessment-item",
      {
        xmlns: NS,
        "xmlns:xsi": XSI,
        "xsi:schemaLocation": `${NS} ${XSD}`,
        identifier: itemIdent(item.id, lang),
        title: item.id,
        adaptive: "false",
        "time-dependent": "false",
        "xml:lang": lang,
      },
      "\n  " + p.declaration,
      "\n  " + outcome("SCORE", "float", "0", item.type === "ESSAY" ? { "external-scored": "human", "normal-maximum": item.points } : { "normal-maximum": item.points }),
      "\n  " + outcome("MAXSCORE", "float", String(item.points)),
      "\n  " + outcome("FEEDBACK", "identifier"),
      "\n  " + el("qti-item-body", { dir: lang === "ar" ? "rtl" : "ltr" }, p.body),
      "\n  " + el("qti-response-processing", {}, p.scoring + SHOW_EXPLANATION),
      "\n  " + el("qti-modal-feedback", { "outcome-identifier": "FEEDBACK", identifier: "EXPLANATION", "show-hide": "show" }, el("qti-content-body", {}, el("p", {}, esc(item.explanation[lang])))),
      "\n",
    ) +
    "\n"
  );
}

function qtiTest(quiz: QuizFile, lang: Lang): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    el(
      "qti-assessment-test",
      { xmlns: NS, "xmlns:xsi": XSI, "xsi:schemaLocation": `${NS} ${XSD}`, identifier: `T-${quiz.id}-${lang}`, title: quiz.title[lang], "xml:lang": lang },
      el(
        "qti-test-part",
        { identifier: "P1", "navigation-mode": "nonlinear", "submission-mode": "simultaneous" },
        el(
          "qti-assessment-section",
          { identifier: "S1", title: quiz.title[lang], visible: "true" },
          ...quiz.items.map((i) => "\n      " + el("qti-assessment-item-ref", { identifier: itemIdent(i.id, lang), href: itemFile(i.id, lang) })),
        ),
      ),
    ) +
    "\n"
  );
}

function itemMetadata(item: Item): string {
  const refs = (name: string, ids: readonly string[] | undefined) => (ids ?? []).map((ref) => el(`cq:${name}`, { ref })).join("");
  return el(
    "metadata",
    {},
    el(
      "cq:item",
      {
        "xmlns:cq": META_NS,
        id: item.id,
        type: item.type,
        level: item.level,
        pool: item.pool,
        "context-listed": item.context === undefined ? undefined : "true",
        "spelling-tolerance": item.type === "SHORT_ANSWER" && item.spellingTolerance !== undefined ? String(item.spellingTolerance) : undefined,
      },
      refs("objective", item.objectives),
      refs("evidence", item.evidence),
      refs("context", item.context),
    ),
  );
}

function manifest(quiz: QuizFile): string {
  const resources: string[] = [];
  for (const lang of LANGS) {
    resources.push(
      el(
        "resource",
        { identifier: `RES-T-${quiz.id}-${lang}`, type: "imsqti_test_xmlv3p0", href: `test.${lang}.xml` },
        el("metadata", {}, el("cq:quiz", { "xmlns:cq": META_NS, id: quiz.id, lang })),
        el("file", { href: `test.${lang}.xml` }),
        ...quiz.items.map((i) => el("dependency", { identifierref: `RES-${itemIdent(i.id, lang)}` })),
      ),
    );
  }
  for (const item of quiz.items) {
    for (const lang of LANGS) {
      resources.push(el("resource", { identifier: `RES-${itemIdent(item.id, lang)}`, type: "imsqti_item_xmlv3p0", href: itemFile(item.id, lang) }, itemMetadata(item), el("file", { href: itemFile(item.id, lang) })));
    }
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    el(
      "manifest",
      { xmlns: CP_NS, "xmlns:xsi": XSI, "xsi:schemaLocation": `${CP_NS} ${CP_XSD}`, identifier: `MANIFEST-${quiz.id}` },
      el("metadata", {}, el("schema", {}, "QTI Package"), el("schemaversion", {}, "3.0.0")),
      el("organizations", {}),
      el("resources", {}, ...resources.map((r) => "\n  " + r), "\n"),
    ) +
    "\n"
  );
}

/** The files of a quiz's QTI 3.0 package, by path (imsmanifest.xml first). */
export function qtiFiles(quiz: QuizFile): Map<string, string> {
  const files = new Map<string, string>([["imsmanifest.xml", manifest(quiz)]]);
  for (const lang of LANGS) files.set(`test.${lang}.xml`, qtiTest(quiz, lang));
  for (const item of quiz.items) for (const lang of LANGS) files.set(itemFile(item.id, lang), qtiItem(item, lang));
  return files;
}

/** The quiz as a QTI 3.0 content package (zip). */
export function qtiPackage(quiz: QuizFile): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of qtiFiles(quiz)) entries[path] = strToU8(text);
  // A fixed date keeps the package's bytes a function of the content alone.
  return zipSync(entries, { level: 6, mtime: new Date("2020-01-01T00:00:00Z") });
}

// ——— Import ———

export class QtiImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QtiImportError";
  }
}

export interface ImportedQuiz {
  id: string;
  title: Bilingual;
  items: Item[];
}

const attr = (e: XmlElement, name: string): string | undefined => (e.hasAttribute(name) ? e.getAttribute(name)! : undefined);
const text = (e: XmlElement | undefined | null): string => e?.textContent ?? "";
const need = <T>(x: T | undefined | null, what: string): T => {
  if (x === undefined || x === null) throw new QtiImportError(what);
  return x;
};

/** What one language's item file says: prompt, choices' texts, correct response, points, explanation. */
interface ParsedItem {
  prompt: string;
  explanation: string;
  points: number;
  correct: string[];
  texts: Map<string, string>;
  /** Identifiers of the choices in document order, per match set (one set for choice and order interactions). */
  sets: string[][];
  accepts: string[];
  rubric: { id: string; points: number; text: string }[];
}

function parseItem(xml: string, path: string): ParsedItem {
  const root = parseXml(xml, path);
  if (root.localName !== "qti-assessment-item") throw new QtiImportError(`${path}: the root element is ${root.localName}, not qti-assessment-item`);
  const body = need(first(root, "qti-item-body"), `${path}: no qti-item-body`);
  const outcome = descendants(root, "qti-outcome-declaration").find((o) => attr(o, "identifier") === "MAXSCORE");
  const points = Number(text(first(need(outcome, `${path}: no MAXSCORE outcome`), "qti-value")));
  const response = need(
    descendants(root, "qti-response-declaration").find((d) => attr(d, "identifier") === "RESPONSE"),
    `${path}: no RESPONSE declaration`,
  );
  const correctEl = first(response, "qti-correct-response");
  const texts = new Map<string, string>();
  const sets: string[][] = [];
  const interaction = [...children(body)].flatMap((e) => ((e.localName ?? "").endsWith("-interaction") ? [e] : descendants(e, "qti-text-entry-interaction")))[0];
  const matchSets = descendants(body, "qti-simple-match-set");
  for (const set of matchSets.length ? matchSets : interaction ? [interaction] : []) {
    const ids: string[] = [];
    for (const ch of [...children(set, "qti-simple-choice"), ...children(set, "qti-simple-associable-choice")]) {
      const id = unC(need(attr(ch, "identifier"), `${path}: a choice without identifier`));
      texts.set(id, text(ch));
      ids.push(id);
    }
    sets.push(ids);
  }
  const promptEl = first(body, "qti-prompt") ?? descendants(body, "p").find((p) => attr(p, "data-role") === "prompt");
  return {
    prompt: text(need(promptEl, `${path}: no prompt`)),
    explanation: text(first(need(first(root, "qti-modal-feedback"), `${path}: no explanation (qti-modal-feedback)`), "p")),
    points,
    correct: correctEl ? children(correctEl, "qti-value").map((v) => text(v)) : [],
    texts,
    sets,
    accepts: descendants(response, "qti-map-entry").map((m) => need(attr(m, "map-key"), `${path}: a map entry without map-key`)),
    rubric: descendants(body, "li")
      .filter((li) => li.hasAttribute("data-criterion"))
      .map((li) => ({ id: attr(li, "data-criterion")!, points: Number(attr(li, "data-points")), text: text(li) })),
  };
}

/** Reads a package made by qtiPackage back into the content format; the result is checked by the content schema. */
export function importQtiPackage(zip: Uint8Array): ImportedQuiz {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (e) {
    throw new QtiImportError(`The package is not a readable zip: ${(e as Error).message}`);
  }
  const read = (path: string) => strFromU8(need(files[path], `The package has no ${path}`));
  const root = parseXml(read("imsmanifest.xml"), "imsmanifest.xml");
  const title: Partial<Bilingual> = {};
  let quizId = "";
  const itemMeta: { meta: XmlElement; files: Partial<Record<Lang, string>> }[] = [];
  const byId = new Map<string, (typeof itemMeta)[number]>();
  for (const res of descendants(root, "resource")) {
    const href = need(attr(res, "href"), "A manifest resource has no href");
    if (attr(res, "type") === "imsqti_test_xmlv3p0") {
      const q = need(descendants(res, "quiz")[0], `The test resource ${href} has no quiz metadata`);
      const lang = attr(q, "lang") as Lang;
      quizId = need(attr(q, "id"), "The quiz metadata has no id");
      title[lang] = need(attr(parseXml(read(href), href), "title"), `${href} has no title`);
    } else if (attr(res, "type") === "imsqti_item_xmlv3p0") {
      const meta = need(descendants(res, "item").find((m) => m.namespaceURI === META_NS), `The item resource ${href} has no item metadata`);
      const id = need(attr(meta, "id"), `${href}: the item metadata has no id`);
      const lang = need(/\.(ar|en)\.xml$/.exec(href)?.[1] as Lang | undefined, `${href}: not an items/<id>.ar|en.xml file`);
      let entry = byId.get(id);
      if (!entry) {
        entry = { meta, files: {} };
        byId.set(id, entry);
        itemMeta.push(entry);
      }
      entry.files[lang] = href;
    }
  }
  const items = itemMeta.map(({ meta, files: paths }) => {
    const id = attr(meta, "id")!;
    const [ar, en] = LANGS.map((lang) => parseItem(read(need(paths[lang], `Item ${id} has no ${lang} file`)), paths[lang]!));
    const bi = (a: string, e: string): Bilingual => ({ ar: a, en: e });
    const opt = (local: string) => ({ id: local, text: bi(need(ar.texts.get(local), `${id}: no Arabic text for ${local}`), need(en.texts.get(local), `${id}: no English text for ${local}`)) });
    const refs = (name: string) => children(meta, name).map((r) => attr(r, "ref")!);
    const type = need(attr(meta, "type"), `${id}: no type`) as Item["type"];
    const base: Record<string, unknown> = {
      id,
      type,
      points: ar.points,
      objectives: refs("objective"),
      evidence: refs("evidence"),
      ...(attr(meta, "context-listed") === "true" ? { context: refs("context") } : {}),
      level: attr(meta, "level"),
      prompt: bi(ar.prompt, en.prompt),
      explanation: bi(ar.explanation, en.explanation),
      ...(attr(meta, "pool") ? { pool: attr(meta, "pool") } : {}),
    };
    const pairsOf = () => ar.correct.map((v) => v.split(/\s+/).map(unC) as [string, string]);
    switch (type) {
      case "SINGLE_CHOICE":
      case "MULTIPLE_CHOICE": {
        const right = new Set(ar.correct.map(unC));
        Object.assign(base, { choices: ar.sets[0].map((local) => ({ ...opt(local), ...(right.has(local) ? { correct: true } : {}) })) });
        break;
      }
      case "TRUE_FALSE":
        base.answer = unC(need(ar.correct[0], `${id}: no correct response`)) === "true";
        break;
      case "MATCHING": {
        const pairs = pairsOf();
        const used = new Set(pairs.map(([, r]) => r));
        const distractors = (ar.sets[1] ?? []).filter((r) => !used.has(r)).map(opt);
        Object.assign(base, { pairs: pairs.map(([l, r]) => ({ left: opt(l), right: opt(r) })), ...(distractors.length ? { distractors } : {}) });
        break;
      }
      case "CLASSIFY": {
        const category = new Map(pairsOf());
        Object.assign(base, {
          categories: (ar.sets[1] ?? []).map(opt),
          statements: ar.sets[0].map((s) => ({ id: s, category: need(category.get(s), `${id}: statement ${s} has no category`), text: opt(s).text })),
        });
        break;
      }
      case "ORDERING":
        base.sequence = ar.correct.map(unC).map(opt);
        break;
      case "SHORT_ANSWER": {
        const tolerance = attr(meta, "spelling-tolerance");
        Object.assign(base, { accept: ar.accepts, ...(tolerance === undefined ? {} : { spellingTolerance: tolerance === "true" }) });
        break;
      }
      case "ESSAY":
        base.rubric = ar.rubric.map((r, i) => ({ id: r.id, points: r.points, criterion: bi(r.text, need(en.rubric[i]?.text, `${id}: no English text for criterion ${r.id}`)) }));
        break;
      default:
        throw new QtiImportError(`${id}: unknown item type ${String(type)}`);
    }
    const checked = ItemSchema.safeParse(base);
    if (!checked.success) throw new QtiImportError(`${id}: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return checked.data;
  });
  if (!quizId || !title.ar || !title.en) throw new QtiImportError("The package has no quiz test in both languages");
  return { id: quizId, title: { ar: title.ar, en: title.en }, items };
}
