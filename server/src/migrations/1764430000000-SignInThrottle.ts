import { Table } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Failed sign-ins per account and per address, in the database rather than in one server's memory, so that
 * every instance behind a load balancer throttles alike. Keys are SHA-256 hashes (no email or address is
 * stored); times are milliseconds since the epoch.
 */
export class SignInThrottle1764430000000 implements MigrationInterface {
  name = "SignInThrottle1764430000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "sign_in_failure",
        columns: [
          { name: "key", type: "varchar", length: "64", isPrimary: true },
          { name: "failures", type: "integer" },
          { name: "firstAt", type: "bigint" },
          { name: "lockedUntil", type: "bigint" },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("sign_in_failure");
  }
}
