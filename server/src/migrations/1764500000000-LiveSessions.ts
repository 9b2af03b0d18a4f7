import { Table, TableColumn, TableForeignKey, TableIndex, TableUnique } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Live class sessions (issue 17): the session with its pace (phase, current item, timer), its participants
 * (class members by account, guests by nickname and a hashed participant token) and their answers (one per
 * participant and item, with the client's answer id); and `response.live`, which flags a class member's live
 * answer kept as practice evidence. SQLite and PostgreSQL alike; existing responses are not live.
 */
export class LiveSessions1764500000000 implements MigrationInterface {
  name = "LiveSessions1764500000000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("response", new TableColumn({ name: "live", type: "boolean", default: false }));
    await q.createTable(
      new Table({
        name: "live_session",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "code", type: "varchar", length: "6" },
          { name: "openCode", type: "varchar", length: "6", isNullable: true, isUnique: true },
          { name: "classroomId", type: "varchar", length: "36" },
          { name: "quizId", type: "varchar", length: "100" },
          { name: "createdBy", type: "varchar", length: "36" },
          { name: "items", type: "text" },
          { name: "phase", type: "varchar", length: "16" },
          { name: "itemIndex", type: "integer" },
          { name: "shownAt", type: "varchar", length: "32", isNullable: true },
          { name: "closesAt", type: "varchar", length: "32", isNullable: true },
          { name: "allowGuests", type: "boolean" },
          { name: "leaderboardOn", type: "boolean" },
          { name: "startedAt", type: "varchar", length: "32" },
          { name: "endedAt", type: "varchar", length: "32", isNullable: true },
          { name: "guestsPurged", type: "boolean", default: false },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["classroomId"], referencedTableName: "classroom", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
        indices: [new TableIndex({ name: "IDX_live_session_class", columnNames: ["classroomId", "startedAt"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "live_participant",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "sessionId", type: "varchar", length: "36" },
          { name: "userId", type: "varchar", length: "36", isNullable: true },
          { name: "nickname", type: "varchar", length: "40" },
          { name: "nicknameKey", type: "varchar", length: "40" },
          { name: "tokenHash", type: "varchar", length: "64", isNullable: true, isUnique: true },
          { name: "joinedAt", type: "varchar", length: "32" },
        ],
        uniques: [new TableUnique({ name: "UQ_live_participant_nickname", columnNames: ["sessionId", "nicknameKey"] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["sessionId"], referencedTableName: "live_session", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["userId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "live_answer",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "sessionId", type: "varchar", length: "36" },
          { name: "participantId", type: "varchar", length: "36" },
          { name: "itemId", type: "varchar", length: "100" },
          { name: "itemVersionId", type: "integer" },
          { name: "clientAnswerId", type: "varchar", length: "36" },
          { name: "answer", type: "text" },
          { name: "status", type: "varchar", length: "16" },
          { name: "score", type: "double precision", isNullable: true },
          { name: "maxScore", type: "double precision" },
          { name: "correct", type: "boolean", isNullable: true },
          { name: "answerKey", type: "varchar", length: "200", isNullable: true },
          { name: "answeredAt", type: "varchar", length: "32" },
          { name: "secondsToAnswer", type: "double precision" },
        ],
        uniques: [new TableUnique({ name: "UQ_live_answer_once", columnNames: ["sessionId", "participantId", "itemId"] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["sessionId"], referencedTableName: "live_session", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["participantId"], referencedTableName: "live_participant", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
        ],
        indices: [new TableIndex({ name: "IDX_live_answer_item", columnNames: ["sessionId", "itemId"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("live_answer");
    await q.dropTable("live_participant");
    await q.dropTable("live_session");
    await q.dropColumn("response", "live");
  }
}
