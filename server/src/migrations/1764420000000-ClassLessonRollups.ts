import { Table } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { rebuildClassRollups } from "../classrooms/class-rollup.js";

/** Per-class lesson completions and best-score sums for the dashboard's lesson averages; backfilled. */
export class ClassLessonRollups1764420000000 implements MigrationInterface {
  name = "ClassLessonRollups1764420000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "class_lesson_sum",
        columns: [
          { name: "classroomId", type: "varchar", length: "36", isPrimary: true },
          { name: "lessonSlug", type: "varchar", length: "100", isPrimary: true },
          { name: "completed", type: "integer" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "class_quiz_sum",
        columns: [
          { name: "classroomId", type: "varchar", length: "36", isPrimary: true },
          { name: "quizId", type: "varchar", length: "100", isPrimary: true },
          { name: "n", type: "integer" },
          { name: "sumBest", type: "double precision" },
        ],
      }),
    );
    await rebuildClassRollups(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("class_quiz_sum");
    await q.dropTable("class_lesson_sum");
  }
}
