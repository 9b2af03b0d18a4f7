import { TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Covering indexes for the class dashboard at 10,000 learners (issue 20). The recent-activity reads walk
 * answers and finished attempts newest first and keep the class's members: with the time alone in the index
 * every step fetched the row to learn whose it was (about 100 ms on SQLite when other classes' answers came
 * last), with the learner (and the state) in the index the walk reads the index alone, so these two replace
 * the time-only indexes instead of adding to them. The mastery summary reads, per member, objective_mastery's
 * level and fraction: an index that carries them spares a table row per member (whose rows also hold the
 * mastery state's JSON; about 40% of the summary's CPU at 10,000 learners).
 */
export class DashboardCoveringIndexes1764520000000 implements MigrationInterface {
  name = "DashboardCoveringIndexes1764520000000";

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex("response", "ix_response_answered");
    await q.createIndex("response", new TableIndex({ name: "ix_response_answered_user", columnNames: ["answeredAt", "userId"] }));
    await q.dropIndex("attempt", "ix_attempt_finished");
    await q.createIndex("attempt", new TableIndex({ name: "ix_attempt_finished_user", columnNames: ["finishedAt", "state", "userId"] }));
    await q.createIndex("objective_mastery", new TableIndex({ name: "ix_mastery_user_cover", columnNames: ["userId", "objectiveId", "level", "fraction"] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("objective_mastery", "ix_mastery_user_cover");
    await q.dropIndex("attempt", "ix_attempt_finished_user");
    await q.createIndex("attempt", new TableIndex({ name: "ix_attempt_finished", columnNames: ["finishedAt"] }));
    await q.dropIndex("response", "ix_response_answered_user");
    await q.createIndex("response", new TableIndex({ name: "ix_response_answered", columnNames: ["answeredAt"] }));
  }
}
