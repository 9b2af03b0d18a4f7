import { Table } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Frozen history: the backfill is the SQL that `rebuildLearnerSummary` ran when this migration was written,
 * inlined so that the migration imports no live code. Plain SQL without parameters, the same on both engines.
 */
const BACKFILL = `
  INSERT INTO learner_summary ("userId", "lessonsCompleted", "weakObjectives", "averageBest")
  SELECT u.id,
    (SELECT COUNT(*) FROM lesson_progress p WHERE p."userId" = u.id AND p.status = 'COMPLETED'),
    (SELECT COUNT(*) FROM objective_mastery o WHERE o."userId" = u.id AND o.level = 'ATTEMPTED'),
    (SELECT AVG(b.best) FROM quiz_best b WHERE b."userId" = u.id)
  FROM "user" u WHERE u.role = 'LEARNER'`;

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
    await q.query(BACKFILL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("learner_summary");
  }
}
