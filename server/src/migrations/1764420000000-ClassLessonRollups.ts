import { Table } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Frozen history: the backfill is the SQL that `rebuildClassRollups` ran when this migration was written,
 * inlined so that the migration imports no live code. Plain SQL without parameters, the same on both engines.
 */
const BACKFILL = [
  `INSERT INTO class_lesson_sum ("classroomId", "lessonSlug", completed)
   SELECT m."classroomId", p."lessonSlug", COUNT(*) FROM classroom_member m JOIN lesson_progress p ON p."userId" = m."userId"
    WHERE p.status = 'COMPLETED' GROUP BY m."classroomId", p."lessonSlug"`,
  `INSERT INTO class_quiz_sum ("classroomId", "quizId", n, "sumBest")
   SELECT m."classroomId", b."quizId", COUNT(*), SUM(b.best) FROM classroom_member m JOIN quiz_best b ON b."userId" = m."userId"
    GROUP BY m."classroomId", b."quizId"`,
];

/**
 * Per-class lesson completions and best-score sums for the dashboard's lesson averages; backfilled.
 */
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
    for (const statement of BACKFILL) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("class_quiz_sum");
    await q.dropTable("class_lesson_sum");
  }
}
