/**
 * When the keys of a quiz's assessment items may reach a learner outside the assessment (practice feedback,
 * spaced review, their data export): the database side of keysReleased in review-policy.ts and of the pools
 * in quizzes/pools.ts.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { Item } from "../content/content.schema.js";
import { sql } from "../db/sql.js";
import type { Clock } from "../shared/clock.js";
import { guarded } from "../quizzes/pools.js";
import type { State } from "./review-policy.js";
import { keysReleased } from "./review-policy.js";

export class KeyRelease {
  constructor(
    private readonly db: DataSource,
    private readonly content: ContentStore,
    private readonly clock: Clock,
  ) {}

  /** Whether this learner may see the keys of this quiz's assessment items now (see keysReleased). */
  async released(userId: string, quizId: string, em: EntityManager | DataSource = this.db): Promise<boolean> {
    const s = this.content.quizFile(quizId)?.settings;
    if (!s || s.reviewPolicy === "NEVER") return false;
    const attempts = await sql<{ state: State }>(em, `SELECT state FROM attempt WHERE "userId" = ? AND "quizId" = ? AND mode = 'ASSESSMENT'`, [userId, quizId]);
    return keysReleased(s.reviewPolicy, s.closesAt ? new Date(s.closesAt) : null, this.clock.now(), attempts);
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
