/**
 * Review cards: every auto-graded item a learner has answered (and may see the result of) is scheduled with
 * FSRS; reviewQueue lists what is due, submitReview grades an answer and reschedules.
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
import { publicOptionId } from "../quizzes/quiz.view.js";
import { ResponseRow } from "../attempts/response.entity.js";
import type { Clock } from "../shared/clock.js";
import type { DomainEvents } from "../shared/domain-events.js";
import type { Viewer } from "../shared/viewer.js";
import { ReviewCardRow } from "./review-card.entity.js";
import { newCard, parseCard, reschedule, serializeCard } from "./scheduler.js";

export const MAX_REVIEW_LIMIT = 100;

/** Creates or reschedules the learner's card for an item inside the caller's transaction. */
export async function scheduleReview(em: EntityManager, userId: string, itemId: string, correct: boolean, at: Date, notBefore?: Date): Promise<void> {
  const existing = await em.findOneBy(ReviewCardRow, { userId, itemId });
  const card = reschedule(existing ? parseCard(existing.card) : newCard(at), correct, at, notBefore);
  await em.upsert(ReviewCardRow, { userId, itemId, due: card.due, card: serializeCard(card), updatedAt: at }, ["userId", "itemId"]);
}

export class ReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
    private readonly events: DomainEvents,
  ) {}

  /** Item ids due now, soonest first; items no longer in the content are skipped. */
  async due(viewer: Viewer, limit: number): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_REVIEW_LIMIT) throw new AppError("BAD_USER_INPUT", `limit must be 1–${MAX_REVIEW_LIMIT}.`, { field: "limit" });
    const cards = await this.db.getRepository(ReviewCardRow).find({
      where: { userId: viewer.id, due: LessThanOrEqual(this.clock.now()) },
      order: { due: "ASC", itemId: "ASC" },
      take: limit,
    });
    return cards.map((c) => c.itemId).filter((id) => this.content.item(id));
  }

  async dueCount(userId: string): Promise<number> {
    return this.db.getRepository(ReviewCardRow).countBy({ userId, due: LessThanOrEqual(this.clock.now()) });
  }

  /** Grades a review answer against the item's current version, stores it, and reschedules the card. */
  async submit(viewer: Viewer, itemId: string, answer: PublicAnswer): Promise<ResponseRow> {
    const rec = this.content.item(itemId);
    const card = rec && (await this.db.getRepository(ReviewCardRow).findOneBy({ userId: viewer.id, itemId }));
    if (!rec || !card) throw new AppError("item/not_in_quiz", "This item is not in your review queue.");
    const valid = validateAnswer(rec.item, answer, publicOptionId);
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
      await scheduleReview(em, viewer.id, itemId, grade.correct === true, now);
      await this.events.emit(em, "answers.changed", { userId: viewer.id, at: now });
      return row;
    });
  }
}
