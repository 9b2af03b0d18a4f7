import { Table, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { rebuildStats } from "../classrooms/stat-rollup.js";

/**
 * Read models that keep class dashboards fast at 10,000 learners: each learner's best assessment per quiz,
 * and per-class sums behind item statistics (kept current as attempts finish, essays are graded and learners
 * join or leave), plus indexes for the newest-first activity list. Backfilled from existing rows.
 */
export class DashboardRollups1764400000000 implements MigrationInterface {
  name = "DashboardRollups1764400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "quiz_best",
        columns: [
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "quizId", type: "varchar", length: "100", isPrimary: true },
          { name: "best", type: "double precision" },
          { name: "attempts", type: "integer" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "stat_attempt_sum",
        columns: [
          { name: "classroomId", type: "varchar", length: "36", isPrimary: true },
          { name: "quizId", type: "varchar", length: "100", isPrimary: true },
          { name: "scope", type: "varchar", length: "8", isPrimary: true },
          { name: "n", type: "integer" },
          { name: "sumT", type: "double precision" },
          { name: "sumT2", type: "double precision" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "stat_item_sum",
        columns: [
          { name: "classroomId", type: "varchar", length: "36", isPrimary: true },
          { name: "quizId", type: "varchar", length: "100", isPrimary: true },
          { name: "scope", type: "varchar", length: "8", isPrimary: true },
          { name: "itemId", type: "varchar", length: "100", isPrimary: true },
          { name: "answerKey", type: "varchar", length: "200", isPrimary: true },
          { name: "n", type: "integer" },
          { name: "graded", type: "integer" },
          { name: "sumX", type: "double precision" },
          { name: "sumX2", type: "double precision" },
          { name: "sumXT", type: "double precision" },
        ],
      }),
    );
    await q.createIndex("response", new TableIndex({ name: "ix_response_answered", columnNames: ["answeredAt"] }));
    await q.createIndex("attempt", new TableIndex({ name: "ix_attempt_finished", columnNames: ["finishedAt"] }));
    await q.createIndex("classroom_member", new TableIndex({ name: "ix_member_joined", columnNames: ["classroomId", "joinedAt"] }));
    // Backfill from the rows already there (the same SQL the rebuild command uses).
    await rebuildStats(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("classroom_member", "ix_member_joined");
    await q.dropIndex("attempt", "ix_attempt_finished");
    await q.dropIndex("response", "ix_response_answered");
    await q.dropTable("stat_item_sum");
    await q.dropTable("stat_attempt_sum");
    await q.dropTable("quiz_best");
  }
}
