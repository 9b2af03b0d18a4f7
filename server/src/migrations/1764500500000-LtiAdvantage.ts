import { Table, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * LTI Advantage (issue 16 points 4–6): the resource links launched (with the platform's AGS and NRPS endpoints
 * from the launch), which users launched which link (whom a score goes to), the durable outbox of scores for
 * AGS, and the roster state NRPS sync keeps per class member. Frozen: a later change is a new migration.
 */
export class LtiAdvantage1764500500000 implements MigrationInterface {
  name = "LtiAdvantage1764500500000";

  async up(q: QueryRunner): Promise<void> {
    const at = (name: string, nullable = false) => ({ name, type: "varchar", length: "32", isNullable: nullable });
    const url = (name: string) => ({ name, type: "varchar", length: "1000", isNullable: true });
    await q.createTable(
      new Table({
        name: "lti_link",
        columns: [
          { name: "platformId", type: "varchar", length: "36", isPrimary: true },
          { name: "deploymentId", type: "varchar", length: "255", isPrimary: true },
          { name: "resourceLinkId", type: "varchar", length: "255", isPrimary: true },
          { name: "contextId", type: "varchar", length: "255", isNullable: true },
          { name: "classroomId", type: "varchar", length: "36", isNullable: true },
          { name: "quizId", type: "varchar", length: "100", isNullable: true },
          { name: "title", type: "varchar", length: "255", isNullable: true },
          url("lineItemsUrl"),
          url("lineItemUrl"),
          { name: "agsScopes", type: "text" },
          url("membershipsUrl"),
          at("updatedAt"),
        ],
        indices: [new TableIndex({ name: "lti_link_classroom", columnNames: ["classroomId"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "lti_grade_target",
        columns: [
          { name: "platformId", type: "varchar", length: "36", isPrimary: true },
          { name: "deploymentId", type: "varchar", length: "255", isPrimary: true },
          { name: "resourceLinkId", type: "varchar", length: "255", isPrimary: true },
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "sub", type: "varchar", length: "255" },
          { name: "quizId", type: "varchar", length: "100" },
          at("createdAt"),
        ],
        indices: [new TableIndex({ name: "lti_grade_target_user_quiz", columnNames: ["userId", "quizId"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "lti_score_outbox",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "dedupeKey", type: "varchar", length: "400" },
          { name: "platformId", type: "varchar", length: "36" },
          { name: "deploymentId", type: "varchar", length: "255" },
          { name: "resourceLinkId", type: "varchar", length: "255" },
          { name: "userId", type: "varchar", length: "36" },
          { name: "classroomId", type: "varchar", length: "36", isNullable: true },
          { name: "quizId", type: "varchar", length: "100" },
          { name: "attemptId", type: "varchar", length: "36" },
          { name: "score", type: "text" },
          { name: "state", type: "varchar", length: "16" },
          { name: "tries", type: "integer", default: 0 },
          at("nextAt"),
          { name: "leaseOwner", type: "varchar", length: "64", isNullable: true },
          at("leaseUntil", true),
          { name: "lastError", type: "varchar", length: "1000", isNullable: true },
          at("createdAt"),
          at("sentAt", true),
        ],
        indices: [
          new TableIndex({ name: "lti_score_outbox_dedupe", columnNames: ["dedupeKey"], isUnique: true }),
          new TableIndex({ name: "lti_score_outbox_due", columnNames: ["state", "nextAt"] }),
          new TableIndex({ name: "lti_score_outbox_classroom", columnNames: ["classroomId"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "lti_roster",
        columns: [
          { name: "classroomId", type: "varchar", length: "36", isPrimary: true },
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "status", type: "varchar", length: "16" },
          at("syncedAt"),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ["lti_roster", "lti_score_outbox", "lti_grade_target", "lti_link"]) await q.dropTable(t);
  }
}
