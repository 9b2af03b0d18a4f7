import { Table, TableColumn, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Rubric grading (issue 18, point 2): an essay is scored criterion by criterion, each with an optional
 * comment, and regrading keeps history.
 * - response."rubricMarks": the current marks as JSON text ([{ criterionId, score, comment }]), null for
 *   essays graded with one total before this migration and for every other item.
 * - essay_grade: one row per grade given (first grade and every regrade), never updated: who, when, the
 *   total, the marks and the comment.
 * Existing hand grades are copied into essay_grade as their first history row (marks unknown: null).
 */
export class EssayRubricGrades1764481800000 implements MigrationInterface {
  name = "EssayRubricGrades1764481800000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("response", new TableColumn({ name: "rubricMarks", type: "text", isNullable: true }));
    await q.createTable(
      new Table({
        name: "essay_grade",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "responseId", type: "varchar", length: "36" },
          { name: "score", type: "double precision" },
          { name: "rubricMarks", type: "text", isNullable: true },
          { name: "comment", type: "text", isNullable: true },
          { name: "gradedBy", type: "varchar", length: "36", isNullable: true },
          { name: "gradedAt", type: "varchar", length: "32" },
        ],
      }),
    );
    await q.createIndex("essay_grade", new TableIndex({ name: "IDX_essay_grade_response", columnNames: ["responseId", "gradedAt"] }));
    // The response id is unique, so it serves as the history row's id too (a fresh row gets a UUID).
    await q.query(
      `INSERT INTO essay_grade (id, "responseId", score, "rubricMarks", comment, "gradedBy", "gradedAt")
       SELECT id, id, score, NULL, "graderComment", "gradedBy", "gradedAt" FROM response
        WHERE "gradedBy" IS NOT NULL AND "gradedAt" IS NOT NULL AND score IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("essay_grade");
    await q.dropColumn("response", "rubricMarks");
  }
}
