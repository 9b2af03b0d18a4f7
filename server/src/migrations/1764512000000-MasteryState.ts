import { TableColumn } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Incremental mastery (issue 20 point 1): objective_mastery keeps, next to the level and fraction, the state
 * that the next answer needs (latest credit per item, whether the objective was ever at 100%, when its latest
 * answer counted) as JSON, so a practice or review answer no longer reads the learner's whole history. Null on
 * the rows written before: the next answer of that learner computes it from the history once.
 */
export class MasteryState1764512000000 implements MigrationInterface {
  name = "MasteryState1764512000000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("objective_mastery", new TableColumn({ name: "state", type: "text", isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("objective_mastery", "state");
  }
}
