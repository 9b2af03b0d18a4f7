/**
 * Maps attempt and response rows to what the learner may see. Correctness, scores, right answers and
 * feedback are copied only when the review policy allows; otherwise the fields stay null. Outside an
 * assessment (practice, review), the key, explanation and evidence of an item an assessment also asks stay
 * null until that assessment's results are released (quizzes/pools.ts); correctness and score are shown.
 */
import type { Item } from "../content/content.schema.js";
import type { ContentStore } from "../content/content.store.js";
import type { LocalAnswer } from "../grading/grading.js";
import { roundPoints } from "../grading/grading.js";
import { itemType } from "../items/registry.js";
import type { OptionIds } from "../quizzes/option-ids.js";
import { publicItem, publicOptionId } from "../quizzes/quiz.view.js";
import type { QuizItem } from "../quizzes/quiz.type.js";
import type { Locale } from "../shared/locale.js";
import { pick } from "../shared/locale.js";
import type { AttemptRow } from "./attempt.entity.js";
import type { AttemptMode, AttemptState } from "./attempt.enum.js";
import { AttemptMode as Mode, ResponseStatus } from "./attempt.enum.js";
import type { Answer, Attempt, Evidence, ItemResponse, RubricMark, SkippedItem } from "./attempt.type.js";
import type { ResponseRow } from "./response.entity.js";
import { CertaintyMode } from "./attempt.enum.js";
import type { HintView } from "./hints.js";
import { calibration, cbmMark, isCertainty } from "../grading/cbm.js";
import type { Calibration } from "./attempt.type.js";

/** A local-id answer in public ids. */
export function toPublicAnswer(ids: OptionIds, item: Item, a: LocalAnswer): Answer {
  const pub = (local: string) => publicOptionId(ids, item, local);
  return {
    choiceIds: a.choiceIds ? a.choiceIds.map(pub) : null,
    text: a.text ?? null,
    sequence: a.sequence ? a.sequence.map(pub) : null,
    pairs: a.pairs ? a.pairs.map((p) => ({ leftId: pub(p.leftId), rightId: pub(p.rightId) })) : null,
  };
}

/** The key as shown after review (the type's module: a short answer in the attempt's language, none for essays). */
export function publicRightAnswer(ids: OptionIds, item: Item, locale: Locale): Answer | null {
  const shown = itemType(item).shownRightAnswer(item, locale);
  return shown ? toPublicAnswer(ids, item, shown) : null;
}

export function evidenceOf(item: Item, content: ContentStore, locale: Locale): Evidence[] {
  return item.evidence.flatMap((pid) => {
    const p = content.paragraph(pid);
    return p ? [{ lessonSlug: p.lesson.slug, paragraphId: pid, text: pick(p.text, locale) }] : [];
  });
}

/** The accepted spelling of a short answer that was accepted with one letter off (the type's module says). */
export function spellingNoteOf(item: Item, answer: LocalAnswer): string | null {
  return itemType(item).gradingNote(item, answer);
}

/**
 * One response as the learner may see it. `visible`: correctness and score may be shown (the review policy);
 * `keyShown`: the right answer and the feedback may be shown too (false for a guarded item in practice or
 * review before its assessment's results are released).
 */
export function toItemResponse(row: ResponseRow, item: Item, version: number, visible: boolean, content: ContentStore, locale: Locale, keyShown = visible): ItemResponse {
  const pending = row.status === ResponseStatus.PENDING_MANUAL;
  const key = visible && keyShown;
  return {
    id: row.id,
    itemId: row.itemId,
    itemVersion: version,
    answer: toPublicAnswer(content.ids, item, row.answer),
    // Before review, a graded answer is only "answered": even the status would tell right from wrong otherwise.
    status: visible || pending ? (row.status as ResponseStatus) : ResponseStatus.ANSWERED,
    score: visible ? row.score : null,
    maxScore: row.maxScore,
    correct: visible ? row.correct : null,
    // Shown with correctness: it names only what the learner almost typed, and the answer already counts as right.
    spellingNote: visible ? spellingNoteOf(item, row.answer) : null,
    rightAnswer: key ? publicRightAnswer(content.ids, item, locale) : null,
    feedback: key
      ? { explanation: pick(item.explanation, locale), evidence: evidenceOf(item, content, locale), comment: row.graderComment }
      : null,
    answeredAt: row.answeredAt,
    rubricMarks: visible ? rubricMarksOf(item, row.rubricMarks, locale) : null,
    certainty: row.certainty ?? null,
    hintsUsed: row.hintsUsed ?? 0,
    cbmMark: visible && row.status === ResponseStatus.GRADED && isCertainty(row.certainty) ? cbmMark(row.score ?? 0, row.maxScore, row.certainty) : null,
  };
}

/** Stored marks with each criterion's text and scale, in the rubric's order; null when not graded by rubric. */
export function rubricMarksOf(item: Item, marks: ResponseRow["rubricMarks"], locale: Locale): RubricMark[] | null {
  if (!marks?.length) return null;
  // The type's rubric (hand-graded types have one; others none), in the viewer's language.
  return itemType(item).rubric(item, locale).flatMap((c) => {
    const m = marks.find((x) => x.criterionId === c.id);
    return m ? [{ criterionId: c.id, criterion: c.criterion, points: c.points, score: m.score, comment: m.comment }] : [];
  });
}

/** Calibration over graded responses that carry a certainty; null when there are none. */
export function calibrationOf(rows: readonly Pick<ResponseRow, "status" | "score" | "maxScore" | "certainty">[]): Calibration | null {
  const certain = rows.flatMap((r) => (r.status === ResponseStatus.GRADED && isCertainty(r.certainty) ? [{ score: r.score ?? 0, maxScore: r.maxScore, certainty: r.certainty }] : []));
  if (certain.length === 0) return null;
  return calibration(certain);
}

/**
 * A finished practice attempt's unanswered items (issue 14 point 1): practice shows every answer's key after
 * it is given, so an item left out shows it once the attempt is over, as if answered. A guarded item keeps
 * them withheld (quizzes/pools.ts); an assessment shows nothing here, its review policy governs results.
 */
export function skippedItems(row: AttemptRow, responses: readonly ResponseRow[], items: Map<number, Item>, content: ContentStore, withheld: ReadonlySet<string>): SkippedItem[] {
  if (row.mode !== Mode.PRACTICE || row.state !== "FINISHED") return [];
  const locale = row.locale as Locale;
  const answered = new Set(responses.map((r) => r.itemId));
  return row.layout.items
    .filter((slot) => !answered.has(slot.itemId) && items.has(slot.versionId))
    .map((slot) => {
      const item = items.get(slot.versionId)!;
      const key = !withheld.has(slot.itemId);
      return {
        itemId: slot.itemId,
        rightAnswer: key ? publicRightAnswer(content.ids, item, locale) : null,
        feedback: key ? { explanation: pick(item.explanation, locale), evidence: evidenceOf(item, content, locale), comment: null } : null,
      };
    });
}

/** The learning tools an attempt's view carries (issue 15): certainty-based marking and hints. */
export interface AttemptTools {
  certaintyMode: CertaintyMode;
  hintsAvailable: boolean;
  hints: HintView[];
}

/** The attempt's items in its own shuffle, options in its own order. */
export function attemptItems(ids: OptionIds, row: AttemptRow, items: Map<number, Item>): QuizItem[] {
  const locale = row.locale as Locale;
  return row.layout.items.map((slot) => {
    const item = items.get(slot.versionId)!;
    const view = publicItem(ids, item, locale, slot.version);
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
  /** Items whose key, explanation and evidence are withheld although correctness is visible. */
  withheld: ReadonlySet<string> = new Set(),
  tools: AttemptTools = { certaintyMode: CertaintyMode.OFF, hintsAvailable: false, hints: [] },
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
    late: row.late === true,
    items: attemptItems(content.ids, row, items),
    responses: responses.map((r) => {
      const slot = versionOf.get(r.itemId)!;
      return toItemResponse(r, items.get(slot.versionId)!, slot.version, visible, content, locale, !withheld.has(r.itemId));
    }),
    certaintyMode: tools.certaintyMode,
    hintsAvailable: tools.hintsAvailable,
    hints: tools.hints,
    calibration: visible ? calibrationOf(responses) : null,
    skipped: skippedItems(row, responses, items, content, withheld),
  };
}
