import { Table, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Notes and highlights (issue 15, point 3): a learner's private notes on lesson paragraphs, anchored by
 * paragraph id and text quote (notes/note.entity.ts). Deleted with the learner (foreign key, and the privacy
 * service deletes them before handing the learning records over). SQLite and PostgreSQL alike.
 */
export class Notes1764506150000 implements MigrationInterface {
  name = "Notes1764506150000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "note",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "userId", type: "varchar", length: "36" },
          { name: "lessonSlug", type: "varchar", length: "100" },
          { name: "paragraphId", type: "varchar", length: "100" },
          { name: "language", type: "varchar", length: "2" },
          { name: "exact", type: "text", isNullable: true },
          { name: "prefix", type: "text", isNullable: true },
          { name: "suffix", type: "text", isNullable: true },
          { name: "startOffset", type: "integer", isNullable: true },
          { name: "endOffset", type: "integer", isNullable: true },
          { name: "body", type: "text" },
          { name: "createdAt", type: "varchar", length: "32" },
          { name: "updatedAt", type: "varchar", length: "32" },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["userId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
        ],
        indices: [new TableIndex({ name: "IDX_note_user_lesson", columnNames: ["userId", "lessonSlug"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("note");
  }
}
