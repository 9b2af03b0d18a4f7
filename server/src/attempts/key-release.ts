/**
 * When the keys of a quiz's assessment items may reach a learner outside the assessment (practice feedback,
 * spaced review, their data export): the database side of keysReleased in review-policy.ts and of the pools
 * in quizzes/pools.ts. Also the learner's close time of a quiz: their class assignment's due date where one
 * exists (assignment-terms.ts), the content's closesAt elsewhere.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { Item } from "../content/content.schema.js";
import { sql } from "../db/sql.js";
import type { Clock } from "../shared/clock.js";
import { guarded } from "../quizzes/pools.js";
import type { State } from "./review-policy.js";
import { keysReleased } from "./review-policy.js";
import type { AssignmentTerms, TermsLookup } from "./assignment-terms.js";
import { noTerms } from "./assignment-terms.js";

export class KeyRelease {
  constructor(
    private readonly db: DataSource,
    private readonly content: ContentStore,
    private readonly clock: Clock,
    /** The learner's class assignment of a quiz (classrooms/, handed in by the composition root). */
    private readonly lookup: TermsLookup = noTerms,
  ) {}

  /** The terms of this learner's class assignment of this quiz, or null. */
  terms(userId: string, quizId: string, em: EntityManager | DataSource = this.db): Promise<AssignmentTerms | null> {
    return this.lookup(em, userId, quizId);
  }

  /**
   * When this quiz closes for this learner (what AFTER_CLOSE waits for): their class assignment's due date,
   * else the content's closesAt. `lateStarts`: assessment attempts may still start after it (a late policy
   * that accepts), so the close alone does not release the keys.
   */
  async closeTime(userId: string, quizId: string, em: EntityManager | DataSource = this.db): Promise<{ closesAt: Date | null; lateStarts: boolean }> {
    const s = this.content.quizFile(quizId)?.settings;
    const terms = await this.lookup(em, userId, quizId);
    if (terms) return { closesAt: terms.dueAt, lateStarts: terms.latePolicy !== "REFUSE" };
    return { closesAt: s?.closesAt ? new Date(s.closesAt) : null, lateStarts: false };
  }

  /** closeTime for each of these quizzes (its closesAt only): one lookup per AFTER_CLOSE quiz. */
  async closeTimes(userId: string, quizIds: Iterable<string>): Promise<Map<string, Date | null>> {
    const out = new Map<string, Date | null>();
    for (const q of new Set(quizIds)) {
      const s = this.content.quizFile(q)?.settings;
      out.set(q, s?.reviewPolicy === "AFTER_CLOSE" ? (await this.closeTime(userId, q)).closesAt : s?.closesAt ? new Date(s.closesAt) : null);
    }
    return out;
  }

  /** Whether this learner may see the keys of this quiz's assessment items now (see keysReleased). */
  async released(userId: string, quizId: string, em: EntityManager | DataSource = this.db): Promise<boolean> {
    const s = this.content.quizFile(quizId)?.settings;
    if (!s || s.reviewPolicy === "NEVER") return false;
    const attempts = await sql<{ state: State }>(em, `SELECT state FROM attempt WHERE "userId" = ? AND "quizId" = ? AND mode = 'ASSESSMENT'`, [userId, quizId]);
    const { closesAt, lateStarts } = await this.closeTime(userId, quizId, em);
    return keysReleased(s.reviewPolicy, closesAt, this.clock.now(), attempts, lateStarts);
  }

  /** Whether the key of this item (of this quiz) may be shown to this learner outside an assessment. */
  async keyShown(userId: string, quizId: string, item: Pick<Item, "pool">): Promise<boolean> {
    return !guarded(item) || (await this.released(userId, quizId));
  }

  /** The quizzes among these whose assessment keys this learner may see now (one query per quiz). */
  async releasedQuizzes(userId: string, quizIds: Iterable<string>): Promise<Set<string>> {
    const out = new Set<string>();
    for (const q of new Set(quizIds)) if (await this.released(userId, q)) out.add(q);
    return out;
  }
}
