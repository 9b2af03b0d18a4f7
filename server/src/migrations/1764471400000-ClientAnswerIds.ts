import type { MigrationInterface, QueryRunner } from "typeorm";
import { TableColumn } from "typeorm";

/**
 * The id a client gives each answer it sends (a UUID made in the browser, kept with the answer while it waits
 * to be sent), stored with the response it produced, so that sending the same answer again (a retry after a
 * lost reply, a reconnect, signing in again) is recognised as the same answer and changes nothing. Older
 * responses and clients that send none keep NULL. Through TypeORM's Table API, not raw ALTER TABLE: on SQLite a
 * later migration's addColumn rebuilds the table from the runner's view of it, which a raw ALTER leaves stale
 * (the column would be dropped again).
 */
export class ClientAnswerIds1764471400000 implements MigrationInterface {
  name = "ClientAnswerIds1764471400000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("response", new TableColumn({ name: "clientAnswerId", type: "varchar", length: "36", isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("response", "clientAnswerId");
  }
}
