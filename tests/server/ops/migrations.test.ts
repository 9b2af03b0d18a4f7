/**
 * npm run migrate on a fresh database and on one made by the previous migrations; schema matches entities.
 * On the project's engine: SQLite in the unit project, a PostgreSQL database of its own in the pg project.
 */
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import { createDataSource, MODEL } from "../../../server/src/database.js";
import { num, sql } from "../../../server/src/db/sql.js";
import { MIGRATIONS } from "../../../server/src/migrations/index.js";
import type { ScratchDatabase } from "../../helpers/test-database.js";
import { onPostgres, scratchDatabase } from "../../helpers/test-database.js";
import { PROJECT_ROOT } from "../../helpers/test-server.js";

const scratches: ScratchDatabase[] = [];
afterEach(async () => {
  for (const s of scratches.splice(0)) await s.dispose();
});
const fresh = async () => {
  const s = await scratchDatabase("migrate-");
  scratches.push(s);
  return s;
};
const migrate = (target: ScratchDatabase) =>
  spawnSync(process.execPath, ["--import", "tsx", "server/src/ops/migrate.cli.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, ...target.env }, encoding: "utf8" });

/** The named columns of every row as numbers (PostgreSQL returns COUNT and other bigints as strings). */
const withNumbers = (rows: Record<string, unknown>[], ...columns: string[]) => rows.map((r) => ({ ...r, ...Object.fromEntries(columns.map((c) => [c, num(r[c])])) }));

describe("migrations", () => {
  it("should build a fresh database with npm run migrate, then find nothing left to do", async () => {
    const target = await fresh();
    const first = migrate(target);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Applied ${MIGRATIONS.length} migration(s)`);
    const second = migrate(target);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("up to date");
  });

  it("should leave tables and columns that match the entities (name, type, length, nullability, primary key)", async () => {
    // Indexes and foreign keys are declared in the migrations only (the entities carry no relations), so the
    // comparison is column by column rather than TypeORM's whole-schema diff. getTable reads the live schema
    // on either driver and names types as the driver's normalizeType does for an entity column ("varchar" on
    // SQLite, "character varying" on PostgreSQL; "integer", "double precision", "text", "boolean" on both).
    const target = await fresh();
    expect(migrate(target).status).toBe(0);
    const db = createDataSource(target);
    await db.initialize();
    expect(db.options.type).toBe(onPostgres ? "postgres" : "sqlite");
    const runner = db.createQueryRunner();
    const mismatches: string[] = [];
    try {
      for (const meta of db.entityMetadatas) {
        const table = await runner.getTable(meta.tableName);
        if (!table) {
          mismatches.push(`${meta.tableName}: table missing`);
          continue;
        }
        const byName = new Map(table.columns.map((c) => [c.name, c]));
        for (const col of meta.columns) {
          const name = `${meta.tableName}.${col.databaseName}`;
          const actual = byName.get(col.databaseName);
          if (!actual) {
            mismatches.push(`${name}: column missing`);
            continue;
          }
          byName.delete(col.databaseName);
          const want = db.driver.normalizeType(col).toLowerCase();
          if (actual.type.toLowerCase() !== want) mismatches.push(`${name}: type ${actual.type}, entity ${want}`);
          if ((actual.length || "") !== (col.length || "")) mismatches.push(`${name}: length ${actual.length || "none"}, entity ${col.length || "none"}`);
          if (actual.isNullable !== col.isNullable) mismatches.push(`${name}: nullable ${actual.isNullable}, entity ${col.isNullable}`);
          if (actual.isPrimary !== col.isPrimary) mismatches.push(`${name}: primary ${actual.isPrimary}, entity ${col.isPrimary}`);
        }
        for (const extra of byName.keys()) mismatches.push(`${meta.tableName}.${extra}: not in the entity`);
      }
    } finally {
      await runner.release();
      await db.destroy();
    }
    expect(db.entityMetadatas.length).toBe(MODEL.entities.length);
    expect(mismatches).toEqual([]);
  });

  it("should upgrade a database made by the previous migrations, backfilling the dashboard read models", async () => {
    const target = await fresh();
    // Before the dashboard read models: the first three migrations, on the same engine and driver settings.
    const options = { ...createDataSource(target).options, entities: [], migrations: MIGRATIONS.slice(0, 3) } as DataSourceOptions;
    const old = new DataSource(options);
    await old.initialize();
    await old.runMigrations({ transaction: "each" });
    const now = new Date().toISOString();
    const insert = (text: string, params: unknown[] = []) => sql(old, text, params);
    await insert(`INSERT INTO quiz_item_version ("itemId", "quizId", version, hash, type, points, payload, "createdAt") VALUES ('q9-01', 'q-x', 1, 'h', 'TRUE_FALSE', 1, '{}', ?)`, [now]);
    const user = `INSERT INTO "user" (id, email, "displayName", role, locale, "passwordHash", "createdAt") VALUES (?, ?, ?, ?, 'AR', '!', ?)`;
    await insert(user, ["u1", "a@b.c", "A", "LEARNER", now]);
    await insert(user, ["t1", "t@b.c", "T", "INSTRUCTOR", now]);
    await insert(`INSERT INTO classroom (id, name, "joinCode", "instructorId", "createdAt") VALUES ('c1', 'C', 'ABCD-EFGH', 't1', ?)`, [now]);
    await insert(`INSERT INTO classroom_member ("classroomId", "userId", "joinedAt") VALUES ('c1', 'u1', ?)`, [now]);
    await insert(
      `INSERT INTO attempt (id, "userId", "quizId", mode, state, locale, "startedAt", "finishedAt", score, "maxScore", layout, "attemptNumber")
       VALUES ('a1', 'u1', 'q-x', 'ASSESSMENT', 'FINISHED', 'AR', ?, ?, 1, 2, '{"items":[]}', 1)`,
      [now, now],
    );
    const [version] = await sql<{ id: unknown }>(old, `SELECT id FROM quiz_item_version WHERE "itemId" = 'q9-01'`);
    await insert(
      `INSERT INTO response (id, "attemptId", "userId", "itemId", "itemVersionId", mode, answer, status, score, "maxScore", correct, "answeredAt", "answerKey")
       VALUES ('r1', 'a1', 'u1', 'q9-01', ?, 'ASSESSMENT', '{}', 'GRADED', 1, 1, ?, ?, 'true')`,
      [num(version.id), true, now],
    );
    await old.destroy();

    const up = migrate(target);
    expect(up.status, up.stderr).toBe(0);
    expect(up.stdout, up.stderr).toContain(`Applied ${MIGRATIONS.length - 3} migration(s)`);
    const db = createDataSource(target);
    await db.initialize();
    try {
      const read = async (text: string, ...numeric: string[]) => withNumbers(await sql(db, text), ...numeric);
      expect(await read(`SELECT "userId", "quizId", best, attempts FROM quiz_best`, "best", "attempts")).toEqual([{ userId: "u1", quizId: "q-x", best: 0.5, attempts: 1 }]);
      expect(await read(`SELECT scope, n, "sumT" FROM stat_attempt_sum ORDER BY scope`, "n", "sumT")).toEqual([
        { scope: "ALL", n: 1, sumT: 1 },
        { scope: "FIRST", n: 1, sumT: 1 },
      ]);
      expect(await read(`SELECT COUNT(*) AS n FROM stat_item_sum`, "n")).toEqual([{ n: 2 }]);
      expect(await read(`SELECT "userId", "lessonsCompleted", "weakObjectives", "averageBest" FROM learner_summary`, "lessonsCompleted", "weakObjectives", "averageBest")).toEqual([
        { userId: "u1", lessonsCompleted: 0, weakObjectives: 0, averageBest: 0.5 },
      ]);
      expect(await read(`SELECT "classroomId", "quizId", n, "sumBest" FROM class_quiz_sum`, "n", "sumBest")).toEqual([{ classroomId: "c1", quizId: "q-x", n: 1, sumBest: 0.5 }]);
    } finally {
      await db.destroy();
    }
  });
});
