import { Table, TableForeignKey } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The review cap's counts (issue 20 point 1): review_day holds, per learner and UTC day ('YYYY-MM-DD', the first
 * ten characters of review_card.due), how many of the learner's cards fall due that day, so that scheduling a
 * card reads the few full days instead of every card due from then on. Backfilled from review_card.
 */
export class ReviewDays1764512100000 implements MigrationInterface {
  name = "ReviewDays1764512100000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "review_day",
        columns: [
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "day", type: "varchar", length: "10", isPrimary: true },
          { name: "cards", type: "integer" },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["userId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
      }),
    );
    await q.query(`INSERT INTO review_day ("userId", day, cards) SELECT "userId", substr(due, 1, 10), COUNT(*) FROM review_card GROUP BY "userId", substr(due, 1, 10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("review_day");
  }
}
