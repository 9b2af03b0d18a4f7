import { Table, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/** Content releases and versioned quiz items. Written with TypeORM's Table API so it runs on SQLite and PostgreSQL alike. */
export class ContentTables1764370000000 implements MigrationInterface {
  name = "ContentTables1764370000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "content_release",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "hash", type: "varchar", length: "64", isUnique: true },
          { name: "importedAt", type: "varchar", length: "32" },
          { name: "itemCount", type: "integer" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "quiz_item_version",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "itemId", type: "varchar", length: "100" },
          { name: "quizId", type: "varchar", length: "100" },
          { name: "version", type: "integer" },
          { name: "hash", type: "varchar", length: "64" },
          { name: "type", type: "varchar", length: "20" },
          { name: "points", type: "double precision" },
          { name: "payload", type: "text" },
          { name: "createdAt", type: "varchar", length: "32" },
        ],
      }),
    );
    await q.createIndex("quiz_item_version", new TableIndex({ name: "uq_item_version", columnNames: ["itemId", "version"], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("quiz_item_version");
    await q.dropTable("content_release");
  }
}
