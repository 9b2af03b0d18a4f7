import { Table } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { rebuildLearnerSummary } from "../progress/learner-summary.js";

/**
 * One row per learner with the three figures the "needs help" list filters on (lessons completed,
 * objectives stuck at ATTEMPTED, mean best assessment score), kept current by the writes that change them,
 * so that the list reads one row per member instead of aggregating three tables. Backfilled.
 */
export class LearnerSummary1764410000000 implements MigrationInterface {
  name = "LearnerSummary1764410000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "learner_summary",
        columns: [
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "lessonsCompleted", type: "integer" },
          { name: "weakObjectives", type: "integer" },
          { name: "averageBest", type: "double precision", isNullable: true },
        ],
      }),
    );
    await rebuildLearnerSummary(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("learner_summary");
  }
}
