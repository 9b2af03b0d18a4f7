import type { MigrationInterface, QueryRunner } from "typeorm";
import { rebuildClassRollups } from "../classrooms/class-rollup.js";
import { rebuildLearnerSummary } from "../progress/learner-summary.js";

/**
 * Repairs data: until this release, completing a lesson the learner had already started (a paragraph read
 * first) did not update the per-class lesson completions nor the learner summary. Both are rebuilt from the
 * raw rows. Nothing to undo.
 */
export class RepairLessonCompletions1764440000000 implements MigrationInterface {
  name = "RepairLessonCompletions1764440000000";

  async up(q: QueryRunner): Promise<void> {
    await rebuildLearnerSummary(q.manager);
    await rebuildClassRollups(q.manager);
  }

  async down(): Promise<void> {}
}
