import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Frozen history: the SQL that `rebuildLearnerSummary` and `rebuildClassRollups` ran when this migration was
 * written, inlined so that the migration imports no live code. Plain SQL without parameters, both engines.
 */
const REBUILD = [
  `DELETE FROM learner_summary`,
  `INSERT INTO learner_summary ("userId", "lessonsCompleted", "weakObjectives", "averageBest")
   SELECT u.id,
     (SELECT COUNT(*) FROM lesson_progress p WHERE p."userId" = u.id AND p.status = 'COMPLETED'),
     (SELECT COUNT(*) FROM objective_mastery o WHERE o."userId" = u.id AND o.level = 'ATTEMPTED'),
     (SELECT AVG(b.best) FROM quiz_best b WHERE b."userId" = u.id)
   FROM "user" u WHERE u.role = 'LEARNER'`,
  `DELETE FROM class_lesson_sum`,
  `DELETE FROM class_quiz_sum`,
  `INSERT INTO class_lesson_sum ("classroomId", "lessonSlug", completed)
   SELECT m."classroomId", p."lessonSlug", COUNT(*) FROM classroom_member m JOIN lesson_progress p ON p."userId" = m."userId"
    WHERE p.status = 'COMPLETED' GROUP BY m."classroomId", p."lessonSlug"`,
  `INSERT INTO class_quiz_sum ("classroomId", "quizId", n, "sumBest")
   SELECT m."classroomId", b."quizId", COUNT(*), SUM(b.best) FROM classroom_member m JOIN quiz_best b ON b."userId" = m."userId"
    GROUP BY m."classroomId", b."quizId"`,
];

/**
 * Repairs data: until this release, completing a lesson the learner had already started (a paragraph read
 * first) did not update the per-class lesson completions nor the learner summary. Both are rebuilt from the
 * raw rows. Nothing to undo.
 */
export class RepairLessonCompletions1764440000000 implements MigrationInterface {
  name = "RepairLessonCompletions1764440000000";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of REBUILD) await q.query(statement);
  }

  async down(): Promise<void> {}
}
