import { Table, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Frozen history: the backfill is the SQL that `rebuildStats` ran when this migration was written (the three
 * tables created here; the later read models do not exist yet at this point), inlined so that the migration
 * imports no live code. Plain SQL without parameters, the same on SQLite and PostgreSQL.
 */
const BACKFILL = [
  `INSERT INTO stat_attempt_sum ("classroomId", "quizId", scope, n, "sumT", "sumT2")
   SELECT m."classroomId" AS "classroomId", a."quizId" AS "quizId", s.scope AS scope, COUNT(*) AS n, SUM(a.score) AS "sumT", SUM(a.score * a.score) AS "sumT2"
     FROM attempt a JOIN classroom_member m ON m."userId" = a."userId"
     JOIN (SELECT 'ALL' AS scope UNION ALL SELECT 'FIRST') s ON s.scope = 'ALL' OR a."attemptNumber" = 1
    WHERE a.mode = 'ASSESSMENT' AND a.state = 'FINISHED'
    GROUP BY m."classroomId", a."quizId", s.scope`,
  `INSERT INTO stat_item_sum ("classroomId", "quizId", scope, "itemId", "answerKey", n, graded, "sumX", "sumX2", "sumXT")
   SELECT m."classroomId" AS "classroomId", a."quizId" AS "quizId", s.scope AS scope, r."itemId" AS "itemId", COALESCE(r."answerKey", '') AS "answerKey",
          COUNT(*) AS n, SUM(CASE WHEN r.status = 'GRADED' THEN 1 ELSE 0 END) AS graded,
          SUM(CASE WHEN r.status = 'GRADED' THEN r.score ELSE 0 END) AS "sumX",
          SUM(CASE WHEN r.status = 'GRADED' THEN r.score * r.score ELSE 0 END) AS "sumX2",
          SUM(CASE WHEN r.status = 'GRADED' THEN r.score * a.score ELSE 0 END) AS "sumXT"
     FROM attempt a JOIN classroom_member m ON m."userId" = a."userId" JOIN response r ON r."attemptId" = a.id
     JOIN (SELECT 'ALL' AS scope UNION ALL SELECT 'FIRST') s ON s.scope = 'ALL' OR a."attemptNumber" = 1
    WHERE a.mode = 'ASSESSMENT' AND a.state = 'FINISHED'
    GROUP BY m."classroomId", a."quizId", s.scope, r."itemId", COALESCE(r."answerKey", '')`,
  `INSERT INTO quiz_best ("userId", "quizId", best, attempts)
   SELECT "userId", "quizId", MAX(score / "maxScore"), COUNT(*) FROM attempt
    WHERE mode = 'ASSESSMENT' AND state = 'FINISHED' AND "maxScore" > 0 GROUP BY "userId", "quizId"`,
];

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
    // Backfill from the rows already there (the tables are new, so there is nothing to delete first).
    for (const statement of BACKFILL) await q.query(statement);
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
