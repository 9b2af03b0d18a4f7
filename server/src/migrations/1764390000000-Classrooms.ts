import { Table, TableColumn, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Classes and their members; the instructor-facing read models: a per-learner mastery table kept current at
 * write time, an attempt number (first attempts are the default population of item statistics) and a compact
 * answer signature per response for option distributions, so dashboards aggregate in SQL.
 */
export class Classrooms1764390000000 implements MigrationInterface {
  name = "Classrooms1764390000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "classroom",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "name", type: "varchar", length: "120" },
          { name: "joinCode", type: "varchar", length: "16", isUnique: true },
          { name: "instructorId", type: "varchar", length: "36" },
          { name: "createdAt", type: "varchar", length: "32" },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["instructorId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
        indices: [new TableIndex({ name: "ix_classroom_instructor", columnNames: ["instructorId"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "classroom_member",
        columns: [
          { name: "classroomId", type: "varchar", length: "36", isPrimary: true },
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "joinedAt", type: "varchar", length: "32" },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["classroomId"], referencedTableName: "classroom", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["userId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
        ],
        indices: [new TableIndex({ name: "ix_member_user", columnNames: ["userId"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "objective_mastery",
        columns: [
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "objectiveId", type: "varchar", length: "100", isPrimary: true },
          { name: "level", type: "varchar", length: "16" },
          { name: "fraction", type: "double precision" },
          { name: "updatedAt", type: "varchar", length: "32" },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["userId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
      }),
    );
    await q.addColumn("attempt", new TableColumn({ name: "attemptNumber", type: "integer", default: 1 }));
    await q.addColumn("response", new TableColumn({ name: "answerKey", type: "varchar", length: "200", isNullable: true }));
    // Item statistics read finished assessment attempts of one quiz, first attempts by default.
    await q.createIndex("attempt", new TableIndex({ name: "ix_attempt_stats", columnNames: ["quizId", "mode", "state", "attemptNumber", "userId"] }));
    await q.createIndex("response", new TableIndex({ name: "ix_response_attempt_stats", columnNames: ["attemptId", "itemId", "score", "answerKey"] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("response", "ix_response_attempt_stats");
    await q.dropIndex("attempt", "ix_attempt_stats");
    await q.dropColumn("response", "answerKey");
    await q.dropColumn("attempt", "attemptNumber");
    await q.dropTable("objective_mastery");
    await q.dropTable("classroom_member");
    await q.dropTable("classroom");
  }
}
