import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The id a client gives each answer it sends (a UUID made in the browser, kept with the answer while it waits
 * to be sent), stored with the response it produced, so that sending the same answer again (a retry after a
 * lost reply, a reconnect, signing in again) is recognised as the same answer and changes nothing. Older
 * responses and clients that send none keep NULL.
 */
export class ClientAnswerIds1764471400000 implements MigrationInterface {
  name = "ClientAnswerIds1764471400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE response ADD COLUMN "clientAnswerId" varchar(36)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE response DROP COLUMN "clientAnswerId"`);
  }
}
