import { Table, TableColumn, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Class management (issue 18 point 5): when a class was archived (null: active); its co-instructors
 * (classroom_teacher; the owner stays classroom."instructorId"); and the co-instructor invite links, kept only as
 * the SHA-256 of their token, single-use and expiring. Table API only, so SQLite and PostgreSQL alike.
 */
export class ClassManagement1764507771000 implements MigrationInterface {
  name = "ClassManagement1764507771000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("classroom", new TableColumn({ name: "archivedAt", type: "varchar", length: "32", isNullable: true }));
    await q.createTable(
      new Table({
        name: "classroom_teacher",
        columns: [
          { name: "classroomId", type: "varchar", length: "36", isPrimary: true },
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "addedAt", type: "varchar", length: "32" },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["classroomId"], referencedTableName: "classroom", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["userId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
        ],
        indices: [new TableIndex({ name: "ix_classroom_teacher_user", columnNames: ["userId"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "classroom_invite",
        columns: [
          { name: "tokenHash", type: "varchar", length: "64", isPrimary: true },
          { name: "classroomId", type: "varchar", length: "36" },
          { name: "createdBy", type: "varchar", length: "36" },
          { name: "createdAt", type: "varchar", length: "32" },
          { name: "expiresAt", type: "varchar", length: "32" },
          { name: "usedAt", type: "varchar", length: "32", isNullable: true },
          { name: "usedBy", type: "varchar", length: "36", isNullable: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["classroomId"], referencedTableName: "classroom", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
        indices: [new TableIndex({ name: "ix_classroom_invite_class", columnNames: ["classroomId"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("classroom_invite");
    await q.dropTable("classroom_teacher");
    await q.dropColumn("classroom", "archivedAt");
  }
}
