/**
 * Review cards: every auto-graded item a learner has answered (and may see the result of) is scheduled with
 * FSRS; reviewQueue lists what is due, submitReview grades an answer and reschedules. An assessment-only item
 * (quizzes/pools.ts) is neither listed nor answerable before the learner's assessment results are released;
 * an item in both pools is, but its key stays hidden until then (ReviewResolver).
 */
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { LessThanOrEqual } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { WriteQueue } from "../db/write-queue.js";
import { AppError } from "../errors.js";
import type { PublicAnswer } from "../grading/answer.validate.js";
import { validateAnswer } from "../grading/answer.validate.js";
import { gradeItem } from "../grading/grading.js";
import { answerKey } from "../grading/answer-key.js";
import type { KeyRelease } from "../attempts/key-release.js";
import { assessmentOnly } from "../quizzes/pools.js";
import { ResponseRow } from "../attempts/response.entity.js";
import type { Clock } from "../shared/clock.js";
import type { DomainEvents } from "../shared/domain-events.js";
import type { Viewer } from "../shared/viewer.js";
import { ReviewCardRow } from "./review-card.entity.js";
import { newCard, parseCard, REVIEW_DAILY_CAP, reschedule, reviewDay, serializeCard, spreadDueByCount } from "./scheduler.js";
import { sql } from "../db/sql.js";
import { prepared } from "../db/prepared.js";

export const MAX_REVIEW_LIMIT = 100;

/**
 * Creates or reschedules the learner's card for an item inside the caller's transaction, spread by the daily
 * cap (scheduler.ts spreadDue); resolves to the card's new due date. The cap reads review_day's full days (a
 * handful at most), not the learner's cards, and the card's move from one day to another is counted there.
 */
export async function scheduleReview(em: EntityManager, userId: string, itemId: string, correct: boolean, at: Date, notBefore?: Date): Promise<Date> {
  // Plain SQL on this path (one read, one upsert): the ORM's query building cost more than the statements;
  // prepared once per SQLite connection (db/prepared.ts), since every practice answer runs them.
  const [existing] = await prepared<{ due: string; card: string }>(em, `SELECT due, card FROM review_card WHERE "userId" = ? AND "itemId" = ?`, [userId, itemId]);
  let card = reschedule(existing ? parseCard(existing.card) : newCard(at), correct, at, notBefore);
  const oldDay = existing ? reviewDay(new Date(existing.due)) : null;
  if (card.due > at) {
    const full = await prepared<{ day: string; cards: number | string }>(
      em,
      `SELECT day, cards FROM review_day WHERE "userId" = ? AND day >= ? AND cards >= ?`,
      [userId, reviewDay(card.due), REVIEW_DAILY_CAP],
    );
    // This card's own day counts it: the cap is over the learner's other cards.
    const cards = new Map(full.map((r) => [r.day, Number(r.cards) - (r.day === oldDay ? 1 : 0)]));
    card = { ...card, due: spreadDueByCount(card.due, (day) => cards.get(day) ?? 0, at) };
  }
  await prepared(
    em,
    `INSERT INTO review_card ("userId", "itemId", due, card, "updatedAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("userId", "itemId") DO UPDATE SET due = excluded.due, card = excluded.card, "updatedAt" = excluded."updatedAt"`,
    [userId, itemId, card.due.toISOString(), serializeCard(card), at.toISOString()],
  );
  const newDay = reviewDay(card.due);
  if (newDay !== oldDay) {
    if (oldDay) await prepared(em, `UPDATE review_day SET cards = cards - 1 WHERE "userId" = ? AND day = ?`, [userId, oldDay]);
    await prepared(em, `INSERT INTO review_day ("userId", day, cards) VALUES (?, ?, 1) ON CONFLICT ("userId", day) DO UPDATE SET cards = review_day.cards + 1`, [userId, newDay]);
  }
  return card.due;
}

/** Rebuilds review_day from review_card (repairs; tests check the incremental counts against it). */
export async function rebuildReviewDays(em: EntityManager): Promise<void> {
  await sql(em, `DELETE FROM review_day`);
  await sql(em, `INSERT INTO review_day ("userId", day, cards) SELECT "userId", substr(due, 1, 10), COUNT(*) FROM review_card GROUP BY "userId", substr(due, 1, 10)`);
}

export class ReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
    private readonly keys: KeyRelease,
    private readonly events: DomainEvents,
  ) {}

  /** Item ids due now, soonest first; items no longer in the content, or not to be shown yet, are skipped. */
  async due(viewer: Viewer, limit: number): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_REVIEW_LIMIT) throw new AppError("BAD_USER_INPUT", `limit must be 1–${MAX_REVIEW_LIMIT}.`, { field: "limit" });
    return (await this.dueIds(viewer.id)).slice(0, limit);
  }

  async dueCount(userId: string): Promise<number> {
    return (await this.dueIds(userId)).length;
  }

  /**
   * Every item due now that the learner may review. A learner has at most one card per item of the course
   * (about a hundred), so the filter runs in memory rather than in SQL.
   */
  private async dueIds(userId: string): Promise<string[]> {
    const cards = await this.db.getRepository(ReviewCardRow).find({
      select: { itemId: true },
      where: { userId, due: LessThanOrEqual(this.clock.now()) },
      order: { due: "ASC", itemId: "ASC" },
    });
    // Items of a retired quiz are no longer offered, in review either (their cards stay, unused).
    const recs = cards.map((c) => this.content.item(c.itemId)).filter((r): r is NonNullable<typeof r> => r !== undefined && !r.quiz.retired);
    const hidden = recs.filter((r) => assessmentOnly(r.item)).map((r) => r.quiz.id);
    const released = hidden.length > 0 ? await this.keys.releasedQuizzes(userId, hidden) : new Set<string>();
    return recs.filter((r) => !assessmentOnly(r.item) || released.has(r.quiz.id)).map((r) => r.item.id);
  }

  /** Whether the key of an item reviewed now may be shown with its feedback (see quizzes/pools.ts). */
  async keyShown(userId: string, itemId: string): Promise<boolean> {
    const rec = this.content.item(itemId);
    return !!rec && (await this.keys.keyShown(userId, rec.quiz.id, rec.item));
  }

  /** Grades a review answer against the item's current version, stores it, and reschedules the card (its new due date). */
  async submit(viewer: Viewer, itemId: string, answer: PublicAnswer): Promise<{ row: ResponseRow; due: Date }> {
    const rec = this.content.item(itemId);
    const card = rec && (await this.db.getRepository(ReviewCardRow).findOneBy({ userId: viewer.id, itemId }));
    if (!rec || !card || (assessmentOnly(rec.item) && !(await this.keys.released(viewer.id, rec.quiz.id))))
      throw new AppError("item/not_in_quiz", "This item is not in your review queue.");
    const valid = validateAnswer(rec.item, answer, (i, l) => this.content.ids.option(i, l));
    if (!valid.ok) throw new AppError("answer/invalid", valid.reason);
    const grade = gradeItem(rec.item, valid.answer);
    return this.writes.run(async (em) => {
      const now = this.clock.now();
      const row = em.create(ResponseRow, {
        id: randomUUID(),
        attemptId: null,
        userId: viewer.id,
        itemId,
        itemVersionId: rec.versionId,
        mode: "REVIEW",
        answer: valid.answer,
        status: grade.status,
        score: grade.score,
        maxScore: grade.maxScore,
        correct: grade.correct,
        answeredAt: now,
        gradedAt: now,
        graderComment: null,
        gradedBy: null,
        answerKey: answerKey(rec.item, valid.answer, grade),
      });
      await em.insert(ResponseRow, row);
      const due = await scheduleReview(em, viewer.id, itemId, grade.correct === true, now);
      await this.events.emit(em, "answers.changed", {
        userId: viewer.id,
        at: now,
        ...(grade.status === "GRADED" ? { appended: { itemId, score: grade.score ?? 0, maxScore: grade.maxScore, hints: 0, mode: "REVIEW" as const } } : {}),
      });
      return { row, due };
    });
  }
}
