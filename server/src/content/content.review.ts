/**
 * The editorial rules of a course, run by the validator after the structural and cross-file checks (so
 * `npm run content:check` and the server's start both apply them). Each rule reports problems like every
 * other content rule: the file, the path inside it and the reason.
 *
 * - Our own words: no run of ORIGINALITY_RUN consecutive normalized words shared with the article, except
 *   inside a marked quotation: «…» followed by an attribution in parentheses, at most QUOTE_MAX_WORDS words.
 * - The Mali adjective: المالي / المالية / مالية (with any proclitic) read as "financial"; Mali is written
 *   in the genitive (سيادة مالي). Bare مالي (the country's name, also in a genitive) passes.
 * - Every context fact has at least one source with a URL.
 * - Items whose level is "remember" are at most REMEMBER_MAX_SHARE of all items.
 * - Every objective has items in the practice pool and in the assessment pool (no pool = both).
 * - No two items share an objective, an evidence paragraph and the same keyed content.
 */
import type { ContentInput, ContentProblem } from "./content.model.js";
import type { Item, LessonFile, QuizFile } from "./content.schema.js";
import { normalizedWords } from "../shared/arabic.js";
import { itemType } from "../items/registry.js";

export const ORIGINALITY_RUN = 7;
export const QUOTE_MAX_WORDS = 25;
export const REMEMBER_MAX_SHARE = 0.2;

const lessonFile = (l: LessonFile) => `content/lessons/${String(l.order).padStart(2, "0")}-${l.slug}.yaml`;
const quizFile = (q: QuizFile, lessons: readonly LessonFile[]) => {
  const l = lessons.find((x) => x.slug === q.lesson);
  return `content/quizzes/${l ? String(l.order).padStart(2, "0") + "-" : ""}${q.lesson ?? q.id}.yaml`;
};

/** A marked quotation: «…» then an attribution in parentheses, e.g. «…» (المقال، ¶1) or «…» (the article, ¶1). */
const QUOTATION = /«([^«»]*)»\s*\(([^()]+)\)/g;
/** «…» with no attribution after it: not a marked quotation (its words count as ours). */
const GUILLEMETS = /«([^«»]*)»(?!\s*\()/g;

export interface TextSpan {
  /** Property path inside its file, e.g. sections[0].paragraphs[2].text.ar */
  path: string;
  text: string;
}

/** The text outside marked quotations, as separate pieces (a run of words never spans a quotation). */
export function unquotedPieces(text: string): string[] {
  return text.split(QUOTATION).filter((_, i) => i % 3 === 0);
}

/** Marked quotations that are too long to count as short ones. */
export function longQuotations(text: string): string[] {
  return [...text.matchAll(QUOTATION)].map((m) => m[1]).filter((q) => normalizedWords(q).length > QUOTE_MAX_WORDS);
}

/** Every string of a value with its property path ("" for the root). */
export function textsOf(value: unknown, at = ""): TextSpan[] {
  if (typeof value === "string") return [{ path: at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => textsOf(v, `${at}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => textsOf(v, at ? `${at}.${k}` : k));
  return [];
}

const grams = (words: string[], n: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(" "));
  return out;
};

/** The article's runs of `n` normalized words. */
export function articleRuns(paragraphs: readonly { text: string }[], n = ORIGINALITY_RUN): Set<string> {
  const out = new Set<string>();
  for (const p of paragraphs) for (const g of grams(normalizedWords(p.text), n)) out.add(g);
  return out;
}

/** The first run of `n` words a text shares with the article outside marked quotations, if any. */
export function copiedRun(text: string, article: Set<string>, n = ORIGINALITY_RUN): string | undefined {
  for (const piece of unquotedPieces(text)) for (const g of grams(normalizedWords(piece), n)) if (article.has(g)) return g;
  return undefined;
}

// Optional conjunction (و/ف), optional preposition (ب/ك/ل), then the adjective forms.
const MALI_ADJECTIVE = /^(?:[وف]?[بك]?ال|[وف]?لل)مالي[ةه]?$|^[وف]?[بكل]?مالي[ةه]$/;
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g;

/** Words of a text that use مالي as an adjective ("Malian", read as "financial"), outside marked quotations. */
export function maliAdjectives(text: string): string[] {
  const out: string[] = [];
  for (const piece of unquotedPieces(text)) {
    for (const word of piece.replace(DIACRITICS, "").split(/[^\u0621-\u064A]+/)) if (MALI_ADJECTIVE.test(word)) out.push(word);
  }
  return out;
}

/** What an item asks the learner to give, normalized, for duplicate detection (each type's module says how). */
export function keyedContent(item: Item): string {
  return `${item.type}: ${itemType(item).keyedContent(item, (text) => normalizedWords(text).join(" "))}`;
}

export function reviewContent({ course, lessons, quizzes, article, context }: ContentInput, problems: ContentProblem[]): void {
  const push = (file: string, path: string, message: string) => problems.push({ file, path, message });

  // Every text a learner sees, by file. Cited titles (the article's and its sources') are not our words.
  const files: { file: string; spans: TextSpan[] }[] = [
    { file: "content/course.yaml", spans: textsOf(course).filter((s) => !s.path.startsWith("article.") && !/^sources\[\d+\]\.(title|publisher)/.test(s.path)) },
    ...lessons.map((l) => ({ file: lessonFile(l), spans: textsOf(l) })),
    ...quizzes.map((q) => ({ file: quizFile(q, lessons), spans: textsOf(q) })),
    { file: "content/context.yaml", spans: textsOf(context).filter((s) => !/\.sources\[\d+\]\./.test(s.path)) },
  ];
  const runs = articleRuns(article.paragraphs);
  for (const { file, spans } of files) {
    for (const { path, text } of spans) {
      const copied = copiedRun(text, runs);
      if (copied) push(file, path, `shares ${ORIGINALITY_RUN} consecutive words with the article ("${copied}"): write it in our own words, or mark a short quotation as «…» (attribution)`);
      for (const q of longQuotations(text)) push(file, path, `a marked quotation has more than ${QUOTE_MAX_WORDS} words ("${q.slice(0, 40)}…"): quote less`);
      for (const w of maliAdjectives(text))
        push(file, path, `"${w}" is the adjective of Mali, which reads as "financial": write Mali in the genitive (سيادة مالي، حكومة مالي، مصالح مالي)`);
      const unattributed = [...text.matchAll(GUILLEMETS)].map((m) => m[1]).find((q) => runs.size > 0 && copiedRun(q, runs) !== undefined);
      if (unattributed) push(file, path, `«${unattributed.slice(0, 40)}» quotes the article without an attribution in parentheses after it`);
    }
  }

  // Context facts: each has a source with a URL.
  context.facts.forEach((f, i) => {
    if (!f.sources.some((s) => s.url !== undefined)) push("content/context.yaml", `facts[${i}].sources`, `context fact "${f.id}" has no source with a URL`);
  });

  // Levels: "remember" at most REMEMBER_MAX_SHARE of all items.
  const items = quizzes.flatMap((q) => q.items);
  const remember = items.filter((i) => i.level === "remember").length;
  if (items.length > 0 && remember / items.length > REMEMBER_MAX_SHARE)
    push("content/quizzes", "(levels)", `${remember} of ${items.length} items are at level "remember" (${Math.round((100 * remember) / items.length)}%); at most ${Math.round(REMEMBER_MAX_SHARE * 100)}% may be`);

  // Pools: every objective has items in both (an item without "pool" is in both).
  for (const l of lessons) {
    l.objectives.forEach((o, oi) => {
      const of = items.filter((i) => i.objectives.includes(o.id));
      for (const pool of ["practice", "assessment"] as const) {
        if (of.length > 0 && !of.some((i) => i.pool === undefined || i.pool === pool))
          push(lessonFile(l), `objectives[${oi}]`, `objective "${o.id}" has no item in the ${pool} pool; write a parallel item (same objective and skill, different stem and answer)`);
      }
    });
  }

  // Duplicates: the same objective, the same evidence paragraph and the same keyed content.
  const seen: { item: Item; key: string; where: string }[] = [];
  for (const q of quizzes) {
    q.items.forEach((item, ii) => {
      const key = keyedContent(item);
      const twin = seen.find(
        (s) => s.key === key && s.item.objectives.some((o) => item.objectives.includes(o)) && s.item.evidence.some((e) => item.evidence.includes(e)),
      );
      if (twin) push(quizFile(q, lessons), `items[${ii}]`, `item "${item.id}" duplicates "${twin.item.id}" (${twin.where}): same objective, evidence paragraph and keyed content`);
      seen.push({ item, key, where: quizFile(q, lessons) });
    });
  }
}
