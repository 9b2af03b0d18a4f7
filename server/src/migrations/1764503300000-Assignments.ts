import { Table, TableColumn, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Assignments with due dates (issue 18, point 3): an instructor assigns a lesson or a quiz to a class with an
 * opening time, a due date and a late policy (assignment); the class's time zone, an IANA name in which due
 * dates are shown to its instructor (classroom.timeZone, UTC for existing classes); and the mark on an
 * assessment attempt finished after its due date under ACCEPT_MARKED_LATE or REFUSE (attempt.late, false for
 * existing attempts). SQLite and PostgreSQL alike.
 */
export class Assignments1764503300000 implements MigrationInterface {
  name = "Assignments1764503300000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("classroom", new TableColumn({ name: "timeZone", type: "varchar", length: "64", default: "'UTC'" }));
    await q.addColumn("attempt", new TableColumn({ name: "late", type: "boolean", default: false }));
    await q.createTable(
      new Table({
        name: "assignment",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "classroomId", type: "varchar", length: "36" },
          { name: "kind", type: "varchar", length: "16" },
          { name: "targetId", type: "varchar", length: "100" },
          { name: "opensAt", type: "varchar", length: "32" },
          { name: "dueAt", type: "varchar", length: "32" },
          { name: "latePolicy", type: "varchar", length: "24" },
          { name: "createdAt", type: "varchar", length: "32" },
          { name: "updatedAt", type: "varchar", length: "32" },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["classroomId"], referencedTableName: "classroom", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
        indices: [
          new TableIndex({ name: "UQ_assignment_class_target", columnNames: ["classroomId", "kind", "targetId"], isUnique: true }),
          new TableIndex({ name: "IDX_assignment_target", columnNames: ["kind", "targetId"] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("assignment");
    await q.dropColumn("attempt", "late");
    await q.dropColumn("classroom", "timeZone");
  }
}
