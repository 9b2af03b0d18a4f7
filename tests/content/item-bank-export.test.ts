/**
 * The item bank's exports, read by parsers that are not the writer's: every quiz of the course and of the test
 * fixture as a QTI 3.0 package (manifest and files agree, each item declares its response, outcomes and
 * processing, and the package imported again deep-equals the quiz's items), and as Moodle XML checked against
 * the elements Moodle's "Moodle XML format" documentation requires of each question type.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DOMParser } from "@xmldom/xmldom";
import type { Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { Item, QuizFile } from "../../server/src/content/content.schema.js";
import { ITEM_TYPES } from "../../server/src/content/content.schema.js";
import { moodleXml } from "../../server/src/exports/moodle.js";
import { QtiImportError, importQtiPackage, qtiPackage } from "../../server/src/exports/qti.js";
import { fixtureContent, realContent } from "../helpers/test-server.js";

const course = await realContent();
const fixture = await fixtureContent();

/** A quiz of every item type with the optional fields the course leaves out (spelling tolerance, an empty context list). */
function variant(): QuizFile {
  const base = course.quizzes.find((q) => q.items.some((i) => i.type === "SHORT_ANSWER"))!;
  const items = base.items.map((i, k): Item => (i.type === "SHORT_ANSWER" ? { ...i, spellingTolerance: false } : k === 0 ? { ...i, context: [] } : i));
  return { ...base, items };
}
const QUIZZES: QuizFile[] = [...course.quizzes, ...fixture.quizzes, variant()];

/** Strict XML parse: a well-formedness error fails the test. */
function xml(text: string): Element {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== "warning" && errors.push(msg)) }).parseFromString(text, "text/xml");
  expect(errors).toEqual([]);
  return doc.documentElement!;
}
const all = (e: Element, name: string) => Array.from(e.getElementsByTagNameNS("*", name));
const kids = (e: Element, name: string) => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const kid = (e: Element, name: string) => {
  const found = kids(e, name);
  expect(found, `<${e.localName}> should have <${name}>`).toHaveLength(1);
  return found[0];
};

describe("the QTI 3.0 package", () => {
  it("should cover every item type across the exported quizzes", () => {
    expect(new Set(QUIZZES.flatMap((q) => q.items.map((i) => i.type)))).toEqual(new Set(ITEM_TYPES));
  });

  it.each(QUIZZES.map((q, n) => [`${q.id} #${n}`, q] as const))("%s: should list every file in its manifest and declare each item's response, outcomes and processing", (_n, quiz) => {
    const files = unzipSync(qtiPackage(quiz));
    const manifest = xml(strFromU8(files["imsmanifest.xml"]));
    expect(manifest.namespaceURI).toBe("http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1");
    const hrefs = all(manifest, "file").map((f) => f.getAttribute("href")!);
    expect(new Set(hrefs)).toEqual(new Set(Object.keys(files).filter((p) => p !== "imsmanifest.xml")));
    const resources = all(manifest, "resource");
    expect(resources.filter((r) => r.getAttribute("type") === "imsqti_item_xmlv3p0")).toHaveLength(quiz.items.length * 2);
    const ids = new Set(resources.map((r) => r.getAttribute("identifier")));
    for (const dep of all(manifest, "dependency")) expect(ids.has(dep.getAttribute("identifierref"))).toBe(true);
    for (const item of quiz.items) {
      for (const lang of ["ar", "en"] as const) {
        const root = xml(strFromU8(files[`items/${item.id}.${lang}.xml`]));
        expect(root.localName).toBe("qti-assessment-item");
        expect(root.namespaceURI).toBe("http://www.imsglobal.org/xsd/imsqtiasi_v3p0");
        expect(root.getAttribute("xml:lang")).toBe(lang);
        expect(root.getAttribute("identifier")).toMatch(/^[A-Za-z_][\w.-]*$/); // an NCName
        // The child order the QTI 3.0 schema requires.
        const order = Array.from(root.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as Element).localName);
        expect(order).toEqual(["qti-response-declaration", "qti-outcome-declaration", "qti-outcome-declaration", "qti-outcome-declaration", "qti-item-body", "qti-response-processing", "qti-modal-feedback"]);
        const decl = kid(root, "qti-response-declaration");
        expect(kids(decl, "qti-correct-response")).toHaveLength(item.type === "ESSAY" ? 0 : 1);
        const body = kid(root, "qti-item-body");
        expect(body.getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");
        expect(body.textContent).toContain(item.prompt[lang]);
        const interaction = all(body, "*").find((e) => e.localName!.endsWith("-interaction"))!;
        expect(interaction.getAttribute("response-identifier")).toBe("RESPONSE");
        const processing = kid(root, "qti-response-processing");
        const scored = all(processing, "qti-set-outcome-value").some((s) => s.getAttribute("identifier") === "SCORE");
        expect(scored).toBe(item.type !== "ESSAY"); // an essay is scored by a person
        const score = kids(root, "qti-outcome-declaration").find((o) => o.getAttribute("identifier") === "SCORE")!;
        expect(score.getAttribute("external-scored")).toBe(item.type === "ESSAY" ? "human" : null);
        // Every choice identifier the correct response names exists in the body.
        const choices = new Set(all(body, "*").filter((e) => e.hasAttribute("identifier")).map((e) => e.getAttribute("identifier")));
        for (const v of all(decl, "qti-value")) if (decl.getAttribute("base-type") !== "string") for (const id of v.textContent!.split(" ")) expect(choices.has(id)).toBe(true);
      }
    }
  });

  it.each(QUIZZES.map((q, n) => [`${q.id} #${n}`, q] as const))("%s: should import back into the content format, deep-equal to the quiz's items", (_n, quiz) => {
    const back = importQtiPackage(qtiPackage(quiz));
    expect(back.id).toBe(quiz.id);
    expect(back.title).toEqual(quiz.title);
    // `correct: false` and an absent `correct` say the same; QTI keeps only the right choices.
    const norm = (items: readonly Item[]) => JSON.parse(JSON.stringify(items, (k, v) => (k === "correct" && v === false ? undefined : v)));
    expect(back.items).toEqual(norm(quiz.items));
  });

  it("should refuse what is not a package of this format with a clear error, naming the file", () => {
    expect(() => importQtiPackage(strToU8("not a zip"))).toThrow(QtiImportError);
    const files = unzipSync(qtiPackage(course.quizzes[0]));
    const { ["imsmanifest.xml"]: _m, ...noManifest } = files;
    expect(() => importQtiPackage(zipSync(noManifest))).toThrow(/imsmanifest\.xml/);
    const item = course.quizzes[0].items[0];
    const path = `items/${item.id}.en.xml`;
    expect(() => importQtiPackage(zipSync({ ...files, [path]: strToU8("<qti-assessment-item><unclosed>") }))).toThrow(new RegExp(path.replace(/\./g, "\\.")));
    // An item whose points break the content schema (an essay's rubric no longer sums to its points) is refused.
    const essayQuiz = course.quizzes.find((q) => q.items.some((i) => i.type === "ESSAY"))!;
    const essay = essayQuiz.items.find((i) => i.type === "ESSAY")!;
    const essayFiles = unzipSync(qtiPackage(essayQuiz));
    const arPath = `items/${essay.id}.ar.xml`;
    const tampered = strFromU8(essayFiles[arPath]).replace(/(identifier="MAXSCORE"[^>]*><qti-default-value><qti-value>)[^<]+/, "$1999");
    expect(() => importQtiPackage(zipSync({ ...essayFiles, [arPath]: strToU8(tampered) }))).toThrow(new RegExp(`${essay.id}: points`));
  });
});

// ——— Moodle XML ———

/** Fractions Moodle accepts for answers (question/format.php's grade options), positive and negative. */
const MOODLE_FRACTIONS = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0];
const allowed = (f: number) => MOODLE_FRACTIONS.some((a) => Math.abs(Math.abs(f) - a) < 1e-4);
const text = (e: Element) => kid(e, "text").textContent ?? "";
/** The words of an HTML text field: tags dropped, the five XML entities decoded. */
const words = (html: string) =>
  html.replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

describe("the Moodle XML export", () => {
  it.each(QUIZZES.map((q, n) => [`${q.id} #${n}`, q] as const))("%s: should have what Moodle's format requires of each question type", (_n, quiz) => {
    const root = xml(moodleXml(quiz));
    expect(root.localName).toBe("quiz");
    const questions = kids(root, "question");
    expect(questions[0].getAttribute("type")).toBe("category");
    expect(text(kid(questions[0], "category"))).toMatch(/^\$course\$\/top\/[^/]+$/);
    expect(questions).toHaveLength(quiz.items.length + 1);
    for (const [k, item] of quiz.items.entries()) {
      const q = questions[k + 1];
      // Every question: name, question text with a format, general feedback, default grade, penalty, hidden.
      expect(text(kid(q, "name"))).toBe(item.id);
      expect(kid(q, "questiontext").getAttribute("format")).toBe("html");
      const html = text(kid(q, "questiontext"));
      expect(html).toContain(`<span lang="ar" class="multilang"`);
      expect(html).toContain(`<span lang="en" class="multilang">`);
      text(kid(q, "generalfeedback"));
      expect(Number(kid(q, "defaultgrade").textContent)).toBe(item.points);
      expect(kid(q, "penalty").textContent).toBe("0");
      expect(kid(q, "hidden").textContent).toBe("0");
      const answers = kids(q, "answer");
      const fractions = answers.map((a) => Number(a.getAttribute("fraction")));
      switch (item.type) {
        case "SINGLE_CHOICE":
        case "MULTIPLE_CHOICE": {
          expect(q.getAttribute("type")).toBe("multichoice");
          expect(kid(q, "single").textContent).toBe(String(item.type === "SINGLE_CHOICE"));
          kid(q, "shuffleanswers");
          kid(q, "answernumbering");
          expect(answers).toHaveLength(item.choices.length);
          for (const a of answers) kid(a, "feedback");
          expect(fractions.every(allowed)).toBe(true);
          expect(fractions.filter((f) => f > 0).reduce((s, f) => s + f, 0)).toBeCloseTo(100, 3);
          expect(fractions.map((f) => f > 0)).toEqual(item.choices.map((c) => c.correct === true));
          break;
        }
        case "TRUE_FALSE":
          expect(q.getAttribute("type")).toBe("truefalse");
          expect(answers.map(text)).toEqual(["true", "false"]);
          expect(fractions).toEqual(item.answer ? [100, 0] : [0, 100]);
          break;
        case "SHORT_ANSWER":
          expect(q.getAttribute("type")).toBe("shortanswer");
          expect(kid(q, "usecase").textContent).toBe("0");
          expect(answers.map(text)).toEqual(item.accept);
          expect(fractions.every((f) => f === 100)).toBe(true);
          break;
        case "ESSAY":
          expect(q.getAttribute("type")).toBe("essay");
          for (const name of ["responseformat", "responsefieldlines", "attachments", "responsetemplate"]) kid(q, name);
          for (const r of item.rubric) expect(words(text(kid(q, "graderinfo")))).toContain(`${r.criterion.en} (${r.points})`);
          break;
        case "MATCHING":
        case "CLASSIFY": {
          expect(q.getAttribute("type")).toBe("matching");
          kid(q, "shuffleanswers");
          const subs = kids(q, "subquestion");
          const asked = subs.filter((s) => text(s) !== "");
          // Moodle needs at least two subquestions and three answers.
          expect(asked.length).toBeGreaterThanOrEqual(2);
          expect(asked).toHaveLength(item.type === "MATCHING" ? item.pairs.length : item.statements.length);
          expect(new Set(subs.map((s) => text(kid(s, "answer")))).size).toBeGreaterThanOrEqual(item.type === "MATCHING" ? 3 : 2);
          if (item.type === "CLASSIFY") {
            for (const [i, s] of item.statements.entries()) expect(words(text(kid(asked[i], "answer")))).toContain(item.categories.find((c) => c.id === s.category)!.text.en);
          }
          break;
        }
        case "ORDERING":
          // qtype_ordering: the answers in the right order, their fractions the positions.
          expect(q.getAttribute("type")).toBe("ordering");
          for (const name of ["layouttype", "selecttype", "selectcount", "gradingtype"]) kid(q, name);
          expect(fractions).toEqual(item.sequence.map((_s, i) => i + 1));
          expect(answers.map((a) => words(text(a)))).toEqual(item.sequence.map((s) => expect.stringContaining(s.text.en)));
          break;
      }
    }
  });
});
