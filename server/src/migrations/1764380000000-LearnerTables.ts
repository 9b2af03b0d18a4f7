import { Table, TableForeignKey, TableIndex } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

const ts = (name: string, nullable = false) => ({ name, type: "varchar", length: "32", isNullable: nullable });
const id = (name = "id") => ({ name, type: "varchar", length: "36", isPrimary: name === "id" });
const fk = (column: string, table: string, onDelete: "CASCADE" | "RESTRICT" = "CASCADE") =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ["id"], onDelete });

/** Accounts, sessions, lesson progress, attempts, responses and review cards. SQLite and PostgreSQL alike. */
export class LearnerTables1764380000000 implements MigrationInterface {
  name = "LearnerTables1764380000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "user",
        columns: [
          id(),
          { name: "email", type: "varchar", length: "254", isUnique: true },
          { name: "displayName", type: "varchar", length: "80" },
          { name: "role", type: "varchar", length: "16" },
          { name: "locale", type: "varchar", length: "2" },
          { name: "passwordHash", type: "varchar", length: "300" },
          ts("createdAt"),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "session",
        columns: [
          { name: "id", type: "varchar", length: "64", isPrimary: true },
          { name: "userId", type: "varchar", length: "36" },
          ts("createdAt"),
          ts("expiresAt"),
          ts("lastSeenAt"),
          ts("revokedAt", true),
        ],
        foreignKeys: [fk("userId", "user")],
        indices: [new TableIndex({ name: "ix_session_user", columnNames: ["userId"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "lesson_progress",
        columns: [
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "lessonSlug", type: "varchar", length: "100", isPrimary: true },
          { name: "status", type: "varchar", length: "16" },
          { name: "lastParagraphId", type: "varchar", length: "100", isNullable: true },
          { name: "paragraphsSeen", type: "text" },
          { name: "timeSpentSeconds", type: "integer" },
          ts("startedAt"),
          ts("updatedAt"),
          ts("completedAt", true),
        ],
        foreignKeys: [fk("userId", "user")],
      }),
    );
    await q.createTable(
      new Table({
        name: "attempt",
        columns: [
          id(),
          { name: "userId", type: "varchar", length: "36" },
          { name: "quizId", type: "varchar", length: "100" },
          { name: "mode", type: "varchar", length: "16" },
          { name: "state", type: "varchar", length: "16" },
          { name: "locale", type: "varchar", length: "2" },
          ts("startedAt"),
          ts("finishedAt", true),
          ts("deadline", true),
          { name: "score", type: "double precision", isNullable: true },
          { name: "maxScore", type: "double precision", isNullable: true },
          { name: "layout", type: "text" },
          // Set while IN_PROGRESS to "<user>|<quiz>|<mode>", NULL once closed: the unique index is the
          // database's guarantee of one open attempt per learner, quiz and mode.
          { name: "openKey", type: "varchar", length: "250", isNullable: true, isUnique: true },
        ],
        foreignKeys: [fk("userId", "user")],
        indices: [new TableIndex({ name: "ix_attempt_user_quiz", columnNames: ["userId", "quizId", "mode"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "response",
        columns: [
          id(),
          { name: "attemptId", type: "varchar", length: "36", isNullable: true },
          { name: "userId", type: "varchar", length: "36" },
          { name: "itemId", type: "varchar", length: "100" },
          { name: "itemVersionId", type: "integer" },
          { name: "mode", type: "varchar", length: "16" },
          { name: "answer", type: "text" },
          { name: "status", type: "varchar", length: "16" },
          { name: "score", type: "double precision", isNullable: true },
          { name: "maxScore", type: "double precision" },
          { name: "correct", type: "boolean", isNullable: true },
          ts("answeredAt"),
          ts("gradedAt", true),
          { name: "graderComment", type: "text", isNullable: true },
          { name: "gradedBy", type: "varchar", length: "36", isNullable: true },
        ],
        foreignKeys: [fk("attemptId", "attempt"), fk("userId", "user"), fk("itemVersionId", "quiz_item_version", "RESTRICT")],
        indices: [
          // One response per item per attempt: answering again replaces it. Review answers have no attempt.
          new TableIndex({ name: "uq_response_attempt_item", columnNames: ["attemptId", "itemId"], isUnique: true }),
          new TableIndex({ name: "ix_response_user_item", columnNames: ["userId", "itemId"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "review_card",
        columns: [
          { name: "userId", type: "varchar", length: "36", isPrimary: true },
          { name: "itemId", type: "varchar", length: "100", isPrimary: true },
          ts("due"),
          { name: "card", type: "text" },
          ts("updatedAt"),
        ],
        foreignKeys: [fk("userId", "user")],
        indices: [new TableIndex({ name: "ix_review_card_due", columnNames: ["userId", "due"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ["review_card", "response", "attempt", "lesson_progress", "session", "user"]) await q.dropTable(t);
  }
}
