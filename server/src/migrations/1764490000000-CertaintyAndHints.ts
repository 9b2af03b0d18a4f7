import { Table, TableColumn, TableForeignKey } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Certainty-based marking and hints from the evidence (issue 15): the certainty (1–3) a learner gave with an
 * answer and the hints they had used on the item when they answered, on the response; and the hints used per
 * item of an attempt before any answer exists (item_hint), so that a reload keeps them. SQLite and PostgreSQL
 * alike; existing responses get no certainty and 0 hints.
 */
export class CertaintyAndHints1764490000000 implements MigrationInterface {
  name = "CertaintyAndHints1764490000000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("response", new TableColumn({ name: "certainty", type: "integer", isNullable: true }));
    await q.addColumn("response", new TableColumn({ name: "hintsUsed", type: "integer", default: 0 }));
    await q.createTable(
      new Table({
        name: "item_hint",
        columns: [
          { name: "attemptId", type: "varchar", length: "36", isPrimary: true },
          { name: "itemId", type: "varchar", length: "100", isPrimary: true },
          { name: "userId", type: "varchar", length: "36" },
          { name: "used", type: "integer" },
          { name: "updatedAt", type: "varchar", length: "32" },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["attemptId"], referencedTableName: "attempt", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["userId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("item_hint");
    await q.dropColumn("response", "hintsUsed");
    await q.dropColumn("response", "certainty");
  }
}
