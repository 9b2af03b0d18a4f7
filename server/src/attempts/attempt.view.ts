/**
 * Maps attempt and response rows to what the learner may see. Correctness, scores, right answers and
 * feedback are copied only when the review policy allows; otherwise the fields stay null.
 */
import type { Item } from "../content/content.schema.js";
import type { ContentStore } from "../content/content.store.js";
import type { LocalAnswer } from "../grading/grading.js";
import { rightAnswer, roundPoints } from "../grading/grading.js";
import { publicItem, publicOptionId } from "../quizzes/quiz.view.js";
import type { QuizItem } from "../quizzes/quiz.type.js";
import { Locale, pick } from "../shared/locale.js";
import type { AttemptRow } from "./attempt.entity.js";
import type { AttemptMode, AttemptState } from "./attempt.enum.js";
import { ResponseStatus } from "./attempt.enum.js";
import type { Answer, Attempt, Evidence, ItemResponse } from "./attempt.type.js";
import type { ResponseRow } from "./response.entity.js";

const ARABIC = /[\u0600-\u06FF]/;

/** A local-id answer in public ids. */
export function toPublicAnswer(item: Item, a: LocalAnswer): Answer {
  const pub = (local: string) => (item.type === "TRUE_FALSE" ? `${item.id}.${local}` : publicOptionId(item.id, local));
  return {
    choiceIds: a.choiceIds ? a.choiceIds.map(pub) : null,
    text: a.text ?? null,
    sequence: a.sequence ? a.sequence.map(pub) : null,
    pairs: a.pairs ? a.pairs.map((p) => ({ leftId: pub(p.leftId), rightId: pub(p.rightId) })) : null,
  };
}

/** The key as shown after review; for short answers, an accepted answer in the attempt's language. */
export function publicRightAnswer(item: Item, locale: Locale): Answer | null {
  if (item.type === "ESSAY") return null;
  if (item.type === "SHORT_ANSWER") {
    const inLocale = item.accept.find((a) => ARABIC.test(a) === (locale === Locale.AR));
    return { choiceIds: null, sequence: null, pairs: null, text: inLocale ?? item.accept[0] };
  }
  return toPublicAnswer(item, rightAnswer(item));
}

export function evidenceOf(item: Item, content: ContentStore, locale: Locale): Evidence[] {
  return item.evidence.flatMap((pid) => {
    const p = content.paragraph(pid);
    return p ? [{ lessonSlug: p.lesson.slug, paragraphId: pid, text: pick(p.text, locale) }] : [];
  });
}

export function toItemResponse(row: ResponseRow, item: Item, version: number, visible: boolean, content: ContentStore, locale: Locale): ItemResponse {
  const pending = row.status === ResponseStatus.PENDING_MANUAL;
  return {
    id: row.id,
    itemId: row.itemId,
    itemVersion: version,
    answer: toPublicAnswer(item, row.answer),
    // Before review, a graded answer is only "answered": even the status would tell right from wrong otherwise.
    status: visible || pending ? (row.status as ResponseStatus) : ResponseStatus.ANSWERED,
    score: visible ? row.score : null,
    maxScore: row.maxScore,
    correct: visible ? row.correct : null,
    rightAnswer: visible ? publicRightAnswer(item, locale) : null,
    feedback: visible
      ? { explanation: pick(item.explanation, locale), evidence: evidenceOf(item, content, locale), comment: row.graderComment }
      : null,
    answeredAt: row.answeredAt,
  };
}

/** The attempt's items in its own shuffle, options in its own order. */
export function attemptItems(row: AttemptRow, items: Map<number, Item>): QuizItem[] {
  const locale = row.locale as Locale;
  return row.layout.items.map((slot) => {
    const item = items.get(slot.versionId)!;
    const view = publicItem(item, locale, slot.version);
    const byId = <T extends { id: string }>(xs: T[], order: string[]) => order.map((id) => xs.find((x) => x.id === id)!).filter(Boolean);
    return { ...view, choices: byId(view.choices, slot.choices), targets: byId(view.targets, slot.targets) };
  });
}

export function toAttempt(
  row: AttemptRow,
  responses: ResponseRow[],
  items: Map<number, Item>,
  visible: boolean,
  content: ContentStore,
  now: Date = new Date(),
): Attempt {
  const locale = row.locale as Locale;
  const versionOf = new Map(row.layout.items.map((s) => [s.itemId, s]));
  const runningScore = () => {
    const graded = responses.filter((r) => r.status === ResponseStatus.GRADED);
    return roundPoints(graded.reduce((s, r) => s + (r.score ?? 0), 0));
  };
  const finished = row.state !== "IN_PROGRESS";
  return {
    id: row.id,
    quizId: row.quizId,
    mode: row.mode as AttemptMode,
    state: row.state as AttemptState,
    locale,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    deadline: row.deadline,
    secondsLeft: row.deadline && row.state === "IN_PROGRESS" ? Math.max(0, Math.floor((row.deadline.getTime() - now.getTime()) / 1000)) : null,
    score: visible ? (finished ? row.score : runningScore()) : null,
    maxScore: visible ? (finished ? row.maxScore : null) : null,
    feedbackAvailable: visible,
    items: attemptItems(row, items),
    responses: responses.map((r) => {
      const slot = versionOf.get(r.itemId)!;
      return toItemResponse(r, items.get(slot.versionId)!, slot.version, visible, content, locale);
    }),
  };
}
