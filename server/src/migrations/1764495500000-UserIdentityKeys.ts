import { TableColumn, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Telling learners apart in SQL (issue 18, point 1): user."nameKey" (the Arabic-folded display name) and
 * user."learnerCode" (the short stable code), so that a class's roster is paged, searched and checked for
 * same-named members by the database. Both start empty: the application fills them on start
 * (accounts/identity-keys.ts), as the folding is live code that a frozen migration must not import.
 */
export class UserIdentityKeys1764495500000 implements MigrationInterface {
  name = "UserIdentityKeys1764495500000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("user", new TableColumn({ name: "nameKey", type: "varchar", length: "160", isNullable: true }));
    await q.addColumn("user", new TableColumn({ name: "learnerCode", type: "varchar", length: "8", isNullable: true }));
    await q.createIndex("user", new TableIndex({ name: "ix_user_name_key", columnNames: ["nameKey"] }));
    await q.createIndex("user", new TableIndex({ name: "ix_user_learner_code", columnNames: ["learnerCode"] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("user", "ix_user_learner_code");
    await q.dropIndex("user", "ix_user_name_key");
    await q.dropColumn("user", "learnerCode");
    await q.dropColumn("user", "nameKey");
  }
}
