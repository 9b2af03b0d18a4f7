/**
 * What a write did, for the features that react to it. A service that records an answer, closes an attempt,
 * grades an essay or completes a lesson emits an event on the transaction it is writing in; the reactions
 * registered at the composition root (services.ts) run right there, inside the same transaction, in the order
 * they were registered — so a reaction's writes commit (or roll back) with the write that caused them, and the
 * feature that emits knows nothing of the features that react: attempts/ imports none of review/, progress/ or
 * classrooms/.
 *
 * The live activity feed is not a reaction: it is published after the commit (shared/activity.ts), since an
 * event must never reach an instructor for a write that did not commit.
 */
import type { EntityManager } from "typeorm";

export interface DomainEventMap {
  /**
   * An answer was graded and its result may be shown to the learner (a practice answer at once, an assessment
   * answer when its attempt finishes): review scheduling. `notBefore`: the card may not fall due before then
   * (an AFTER_CLOSE quiz's close). Under review policy NEVER the event is not emitted at all.
   */
  "answer.graded": { userId: string; itemId: string; correct: boolean; at: Date; notBefore?: Date };
  /**
   * The learner's graded, visible answers changed: mastery per objective is computed again. `appended`: the
   * change is one practice or review answer stored as a new response (it replaced none), so mastery can take
   * it in without reading the learner's history (progress/mastery.query.ts applyAnswer).
   */
  "answers.changed": {
    userId: string;
    at: Date;
    appended?: { itemId: string; score: number; maxScore: number; hints: number; mode: "PRACTICE" | "REVIEW" };
  };
  /** An assessment attempt finished with a score: class statistics and the learner's best grade. */
  "assessment.finished": { attemptId: string; userId: string; quizId: string; at: Date };
  /** An instructor graded an essay of a finished attempt (its score changed): the score sent to an LTI platform. */
  "attempt.regraded": { attemptId: string; userId: string; quizId: string; at: Date };
  /** A learner completed a lesson for the first time: class lesson completions. */
  "lesson.completed": { userId: string; lessonSlug: string; at: Date };
}

export type DomainEventType = keyof DomainEventMap;
type Reaction<K extends DomainEventType> = (em: EntityManager, event: DomainEventMap[K]) => Promise<void>;

export class DomainEvents {
  private readonly reactions = new Map<DomainEventType, Reaction<never>[]>();

  /** Registers a reaction (composition root only). */
  on<K extends DomainEventType>(type: K, reaction: Reaction<K>): this {
    const list = this.reactions.get(type) ?? [];
    list.push(reaction as Reaction<never>);
    this.reactions.set(type, list);
    return this;
  }

  /** Runs every reaction to `type` on the emitter's transaction; a reaction that throws fails the write. */
  async emit<K extends DomainEventType>(em: EntityManager, type: K, event: DomainEventMap[K]): Promise<void> {
    for (const reaction of this.reactions.get(type) ?? []) await (reaction as Reaction<K>)(em, event);
  }
}
