/**
 * A quiz's items as Moodle XML (Moodle's "Moodle XML format" for question import), both languages in every text
 * through Moodle's Multi-language content filter (`<span lang="ar" class="multilang">…</span><span lang="en"
 * class="multilang">…</span>`; enable the filter for content and headings so that each learner sees one).
 * Mapping of the item types:
 *   SINGLE_CHOICE    multichoice, single=true, the right answer fraction 100;
 *   MULTIPLE_CHOICE  multichoice, single=false, each right answer 100/n, each wrong one −100/n (n right answers:
 *                    1–6, all fractions Moodle accepts), which is this module's own partial credit;
 *   TRUE_FALSE       truefalse;
 *   MATCHING         matching: a subquestion per pair, distractors as subquestions with empty text (Moodle's way
 *                    of adding wrong answers);
 *   CLASSIFY         matching: a subquestion per statement whose answer is its category's name (categories repeat,
 *                    as Moodle allows; a category no statement belongs to is a distractor);
 *   ORDERING         ordering, the qtype_ordering plugin (standard in Moodle 4.4 and later, a plugin before): answers
 *                    in the right order (fraction = position), gradingtype LONGEST_ORDERED_SUBSET, as this module
 *                    scores a sequence;
 *   SHORT_ANSWER     shortanswer, case-insensitive, each accepted answer fraction 100 (Moodle matches them as
 *                    typed: this module's Arabic normalisation and one-letter tolerance do not travel);
 *   ESSAY            essay, the rubric in graderinfo (criteria with their points), plain editor.
 * Every question carries its content id as name and idnumber, its points as defaultgrade, the explanation as
 * general feedback, and sits in a category named after the quiz.
 */
import type { Bilingual } from "../content/content.parts.js";
import type { Item, QuizFile } from "../content/content.schema.js";
import { el, esc } from "./xml.js";

/** Moodle's accepted fractions are rounded to 7 significant digits in its own exports (33.33333). */
const fraction = (x: number) => String(Math.round(x * 100_000) / 100_000);

const html = (b: Bilingual) => `<span lang="ar" class="multilang" dir="rtl">${esc(b.ar)}</span><span lang="en" class="multilang">${esc(b.en)}</span>`;
/** A text element in HTML format (the HTML is escaped once more as XML text). */
const textHtml = (name: string, b: Bilingual | null, attrs: Record<string, string> = {}) => el(name, { format: "html", ...attrs }, el("text", {}, b ? esc(html(b)) : ""));
const plain = (s: string) => el("text", {}, esc(s));
const noFeedback = el("feedback", { format: "html" }, el("text", {}, ""));

function answer(fractionValue: number | string, b: Bilingual): string {
  return el("answer", { fraction: typeof fractionValue === "number" ? fraction(fractionValue) : fractionValue, format: "html" }, el("text", {}, esc(html(b))), noFeedback);
}

const TRUE_FALSE_TEXT = { true: { ar: "صحيح", en: "True" }, false: { ar: "خطأ", en: "False" } };

/** The question's Moodle type and its type-specific elements. */
function body(item: Item): { type: string; parts: string[] } {
  switch (item.type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const right = item.choices.filter((c) => c.correct === true).length;
      const single = item.type === "SINGLE_CHOICE";
      return {
        type: "multichoice",
        parts: [
          el("single", {}, String(single)),
          el("shuffleanswers", {}, "true"),
          el("answernumbering", {}, "abc"),
          textHtml("correctfeedback", null),
          textHtml("partiallycorrectfeedback", null),
          textHtml("incorrectfeedback", null),
          ...item.choices.map((c) => answer(c.correct === true ? (single ? 100 : 100 / right) : single ? 0 : -100 / right, c.text)),
        ],
      };
    }
    case "TRUE_FALSE":
      // Moodle reads the answer texts "true" and "false" to know which is which.
      return {
        type: "truefalse",
        parts: [
          el("answer", { fraction: item.answer ? "100" : "0", format: "moodle_auto_format" }, plain("true"), el("feedback", { format: "html" }, el("text", {}, esc(html(TRUE_FALSE_TEXT.true))))),
          el("answer", { fraction: item.answer ? "0" : "100", format: "moodle_auto_format" }, plain("false"), el("feedback", { format: "html" }, el("text", {}, esc(html(TRUE_FALSE_TEXT.false))))),
        ],
      };
    case "MATCHING":
    case "CLASSIFY": {
      const sub = (left: Bilingual | null, right: Bilingual) => el("subquestion", { format: "html" }, el("text", {}, left ? esc(html(left)) : ""), el("answer", {}, el("text", {}, esc(html(right)))));
      const subs =
        item.type === "MATCHING"
          ? [...item.pairs.map((p) => sub(p.left.text, p.right.text)), ...(item.distractors ?? []).map((d) => sub(null, d.text))]
          : [
              ...item.statements.map((s) => sub(s.text, item.categories.find((c) => c.id === s.category)!.text)),
              ...item.categories.filter((c) => !item.statements.some((s) => s.category === c.id)).map((c) => sub(null, c.text)),
            ];
      return { type: "matching", parts: [el("shuffleanswers", {}, "true"), textHtml("correctfeedback", null), textHtml("partiallycorrectfeedback", null), textHtml("incorrectfeedback", null), ...subs] };
    }
    case "ORDERING":
      return {
        type: "ordering",
        parts: [
          el("layouttype", {}, "VERTICAL"),
          el("selecttype", {}, "ALL"),
          el("selectcount", {}, "0"),
          el("gradingtype", {}, "LONGEST_ORDERED_SUBSET"),
          el("showgrading", {}, "SHOW"),
          el("numberingstyle", {}, "none"),
          textHtml("correctfeedback", null),
          textHtml("partiallycorrectfeedback", null),
          textHtml("incorrectfeedback", null),
          ...item.sequence.map((s, i) => answer(String(i + 1), s.text)),
        ],
      };
    case "SHORT_ANSWER":
      return {
        type: "shortanswer",
        parts: [el("usecase", {}, "0"), ...item.accept.map((a) => el("answer", { fraction: "100", format: "moodle_auto_format" }, plain(a), noFeedback))],
      };
    case "ESSAY": {
      const rubric = (lang: "ar" | "en") => `<ol>${item.rubric.map((r) => `<li>${esc(r.criterion[lang])} (${r.points})</li>`).join("")}</ol>`;
      const graderinfo = `<div lang="ar" class="multilang" dir="rtl">${rubric("ar")}</div><div lang="en" class="multilang">${rubric("en")}</div>`;
      return {
        type: "essay",
        parts: [
          el("responseformat", {}, "editor"),
          el("responserequired", {}, "1"),
          el("responsefieldlines", {}, "15"),
          el("attachments", {}, "0"),
          el("attachmentsrequired", {}, "0"),
          el("graderinfo", { format: "html" }, el("text", {}, esc(graderinfo))),
          el("responsetemplate", { format: "html" }, el("text", {}, "")),
        ],
      };
    }
  }
}

function question(item: Item): string {
  const { type, parts } = body(item);
  return el(
    "question",
    { type },
    el("name", {}, plain(item.id)),
    textHtml("questiontext", item.prompt),
    textHtml("generalfeedback", item.explanation),
    el("defaultgrade", {}, String(item.points)),
    el("penalty", {}, "0"),
    el("hidden", {}, "0"),
    el("idnumber", {}, esc(item.id)),
    ...parts,
  );
}

/** The quiz as one Moodle XML file: a category question, then one question per item in quiz order. */
export function moodleXml(quiz: QuizFile): string {
  // A "/" in a title would make Moodle nest categories.
  const name = `${quiz.title.en} — ${quiz.title.ar}`.replace(/\//g, "-");
  const category = el("question", { type: "category" }, el("category", {}, plain(`$course$/top/${name}`)), el("info", { format: "html" }, el("text", {}, "")));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${[category, ...quiz.items.map(question)].map((q) => `  ${q}\n`).join("")}</quiz>\n`;
}
