/**
 * npm run migrate on a fresh database and on one made by the previous migrations; schema matches entities;
 * the backfilling migrations produce what the live rebuild functions produce; migrations import no live code.
 * On the project's engine: SQLite in the unit project, a PostgreSQL database of its own in the pg project.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import { rebuildStats } from "../../../server/src/classrooms/stat-rollup.js";
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

describe("essay grade history", () => {
  it("should copy hand grades given before rubric grading into essay_grade as each essay's first grade", async () => {
    const target = await fresh();
    const upTo = MIGRATIONS.findIndex((m) => m.name === "EssayRubricGrades1764481800000");
    const old = new DataSource({ ...createDataSource(target).options, entities: [], migrations: MIGRATIONS.slice(0, upTo) } as DataSourceOptions);
    await old.initialize();
    await old.runMigrations({ transaction: "each" });
    const now = "2026-01-02T03:04:05.000Z";
    const insert = (text: string, params: unknown[] = []) => sql(old, text, params);
    await insert(`INSERT INTO quiz_item_version ("itemId", "quizId", version, hash, type, points, payload, "createdAt") VALUES ('q9-02', 'q-x', 1, 'h', 'ESSAY', 6, '{}', ?)`, [now]);
    const [version] = await sql<{ id: unknown }>(old, `SELECT id FROM quiz_item_version WHERE "itemId" = 'q9-02'`);
    const user = `INSERT INTO "user" (id, email, "displayName", role, locale, "passwordHash", "createdAt") VALUES (?, ?, ?, ?, 'AR', '!', ?)`;
    await insert(user, ["u1", "a@b.c", "A", "LEARNER", now]);
    await insert(user, ["t1", "t@b.c", "T", "INSTRUCTOR", now]);
    const response = `INSERT INTO response (id, "attemptId", "userId", "itemId", "itemVersionId", mode, answer, status, score, "maxScore", correct, "answeredAt", "gradedAt", "graderComment", "gradedBy")
       VALUES (?, NULL, 'u1', 'q9-02', ?, 'ASSESSMENT', '{}', ?, ?, 6, ?, ?, ?, ?, ?)`;
    await insert(response, ["r-hand", num(version.id), "GRADED", 4.5, false, now, now, "bien", "t1"]);
    await insert(response, ["r-pending", num(version.id), "PENDING_MANUAL", null, null, now, null, null, null]);
    await old.destroy();

    const up = migrate(target);
    expect(up.status, up.stderr).toBe(0);
    const db = createDataSource(target);
    await db.initialize();
    try {
      const rows = withNumbers(await sql(db, `SELECT "responseId", score, "rubricMarks", comment, "gradedBy", "gradedAt" FROM essay_grade`), "score");
      expect(rows).toEqual([{ responseId: "r-hand", score: 4.5, rubricMarks: null, comment: "bien", gradedBy: "t1", gradedAt: now }]);
      expect(await sql(db, `SELECT "rubricMarks" FROM response WHERE id = 'r-hand'`)).toEqual([{ rubricMarks: null }]);
    } finally {
      await db.destroy();
    }
  });
});

/** The read-model tables that backfilling migrations fill, each read in a fixed order with its numbers as numbers. */
const READ_MODELS: Record<string, { select: string; numeric: string[] }> = {
  quiz_best: { select: `SELECT "userId", "quizId", best, attempts FROM quiz_best ORDER BY 1, 2`, numeric: ["best", "attempts"] },
  stat_attempt_sum: { select: `SELECT "classroomId", "quizId", scope, n, "sumT", "sumT2" FROM stat_attempt_sum ORDER BY 1, 2, 3`, numeric: ["n", "sumT", "sumT2"] },
  stat_item_sum: {
    select: `SELECT "classroomId", "quizId", scope, "itemId", "answerKey", n, graded, "sumX", "sumX2", "sumXT" FROM stat_item_sum ORDER BY 1, 2, 3, 4, 5`,
    numeric: ["n", "graded", "sumX", "sumX2", "sumXT"],
  },
  learner_summary: { select: `SELECT "userId", "lessonsCompleted", "weakObjectives", "averageBest" FROM learner_summary ORDER BY 1`, numeric: ["lessonsCompleted", "weakObjectives"] },
  class_lesson_sum: { select: `SELECT "classroomId", "lessonSlug", completed FROM class_lesson_sum ORDER BY 1, 2`, numeric: ["completed"] },
  class_quiz_sum: { select: `SELECT "classroomId", "quizId", n, "sumBest" FROM class_quiz_sum ORDER BY 1, 2`, numeric: ["n", "sumBest"] },
};

/** Every read model's rows; averageBest stays null where it is null. Sums are rounded to 9 places (float order). */
async function readModels(db: DataSource): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [table, { select, numeric }] of Object.entries(READ_MODELS)) {
    out[table] = withNumbers(await sql(db, select), ...numeric).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v === null ? null : k === "averageBest" ? Math.round(Number(v) * 1e9) / 1e9 : v])),
    );
  }
  return out;
}

/**
 * Rows as a database from before the read models could hold them: two classes (one learner in both, one in
 * one, one in none), first and second assessments, an essay still pending, a practice attempt, an abandoned
 * and an open assessment, a zero-point attempt, an instructor's own finished assessment, completed and started
 * lessons, objectives at ATTEMPTED and above.
 */
async function seedHistory(db: DataSource): Promise<void> {
  const now = "2026-01-01T00:00:00.000Z";
  const insert = (text: string, params: unknown[] = []) => sql(db, text, params);
  const item = `INSERT INTO quiz_item_version ("itemId", "quizId", version, hash, type, points, payload, "createdAt") VALUES (?, ?, 1, 'h', ?, ?, '{}', ?)`;
  await insert(item, ["x-1", "q-x", "SINGLE_CHOICE", 1, now]);
  await insert(item, ["x-2", "q-x", "ESSAY", 2, now]);
  await insert(item, ["y-1", "q-y", "TRUE_FALSE", 1, now]);
  const versions = new Map((await sql<{ id: unknown; itemId: string }>(db, `SELECT id, "itemId" FROM quiz_item_version`)).map((r) => [r.itemId, num(r.id)]));
  const user = `INSERT INTO "user" (id, email, "displayName", role, locale, "passwordHash", "createdAt") VALUES (?, ?, ?, ?, 'AR', '!', ?)`;
  for (const [id, role] of [["u1", "LEARNER"], ["u2", "LEARNER"], ["u3", "LEARNER"], ["u4", "LEARNER"], ["t1", "INSTRUCTOR"]]) await insert(user, [id, `${id}@b.c`, id, role, now]);
  const classroom = `INSERT INTO classroom (id, name, "joinCode", "instructorId", "createdAt") VALUES (?, ?, ?, 't1', ?)`;
  await insert(classroom, ["c1", "C1", "AAAA-BBBB", now]);
  await insert(classroom, ["c2", "C2", "CCCC-DDDD", now]);
  for (const [c, u] of [["c1", "u1"], ["c2", "u1"], ["c1", "u2"], ["c2", "u4"]]) await insert(`INSERT INTO classroom_member ("classroomId", "userId", "joinedAt") VALUES (?, ?, ?)`, [c, u, now]);
  const attempt = `INSERT INTO attempt (id, "userId", "quizId", mode, state, locale, "startedAt", "finishedAt", score, "maxScore", layout, "attemptNumber")
    VALUES (?, ?, ?, ?, ?, 'AR', ?, ?, ?, ?, '{"items":[]}', ?)`;
  const attempts: [string, string, string, string, string, number | null, number | null, number][] = [
    ["a1", "u1", "q-x", "ASSESSMENT", "FINISHED", 1, 3, 1],
    ["a2", "u1", "q-x", "ASSESSMENT", "FINISHED", 3, 3, 2],
    ["a3", "u2", "q-x", "ASSESSMENT", "FINISHED", 0.5, 3, 1],
    ["a4", "u2", "q-x", "PRACTICE", "FINISHED", 1, 3, 1],
    ["a5", "u2", "q-y", "ASSESSMENT", "ABANDONED", null, null, 1],
    ["a6", "u2", "q-y", "ASSESSMENT", "FINISHED", 0, 1, 2],
    ["a7", "u3", "q-y", "ASSESSMENT", "FINISHED", 1, 1, 1],
    ["a8", "u4", "q-x", "ASSESSMENT", "IN_PROGRESS", null, null, 1],
    ["a9", "t1", "q-x", "ASSESSMENT", "FINISHED", 2, 3, 1],
  ];
  for (const [id, u, quiz, mode, state, score, max, number] of attempts) {
    await insert(attempt, [id, u, quiz, mode, state, now, state === "IN_PROGRESS" ? null : now, score, max, number]);
  }
  const response = `INSERT INTO response (id, "attemptId", "userId", "itemId", "itemVersionId", mode, answer, status, score, "maxScore", correct, "answeredAt", "answerKey")
    VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)`;
  const responses: [string, string, string, string, string, number | null, number, boolean | null, string | null][] = [
    ["r1", "a1", "u1", "x-1", "GRADED", 1, 1, true, "b"],
    ["r2", "a1", "u1", "x-2", "GRADED", 0, 2, false, null],
    ["r3", "a2", "u1", "x-1", "GRADED", 1, 1, true, "b"],
    ["r4", "a2", "u1", "x-2", "GRADED", 2, 2, true, null],
    ["r5", "a3", "u2", "x-1", "GRADED", 0.5, 1, false, "a"],
    ["r6", "a3", "u2", "x-2", "PENDING_MANUAL", null, 2, null, null],
    ["r7", "a4", "u2", "x-1", "GRADED", 1, 1, true, "b"],
    ["r8", "a6", "u2", "y-1", "GRADED", 0, 1, false, "false"],
    ["r9", "a7", "u3", "y-1", "GRADED", 1, 1, true, "true"],
    ["r10", "a8", "u4", "x-1", "ANSWERED", null, 1, null, "a"],
    ["r11", "a9", "t1", "x-1", "GRADED", 1, 1, true, "b"],
  ];
  for (const [id, a, u, itemId, status, score, max, correct, key] of responses) {
    const mode = attempts.find((x) => x[0] === a)![3];
    await insert(response, [id, a, u, itemId, versions.get(itemId), mode, status, score, max, correct, now, key]);
  }
  const progress = `INSERT INTO lesson_progress ("userId", "lessonSlug", status, "paragraphsSeen", "timeSpentSeconds", "startedAt", "updatedAt", "completedAt") VALUES (?, ?, ?, '[]', 0, ?, ?, ?)`;
  for (const [u, lesson, status] of [["u1", "l-1", "COMPLETED"], ["u1", "l-2", "COMPLETED"], ["u2", "l-1", "COMPLETED"], ["u2", "l-2", "IN_PROGRESS"], ["u4", "l-2", "COMPLETED"]]) {
    await insert(progress, [u, lesson, status, now, now, status === "COMPLETED" ? now : null]);
  }
  const mastery = `INSERT INTO objective_mastery ("userId", "objectiveId", level, fraction, "updatedAt") VALUES (?, ?, ?, ?, ?)`;
  for (const [u, o, level, f] of [["u1", "o-1", "ATTEMPTED", 0.2], ["u1", "o-2", "MASTERED", 1], ["u2", "o-1", "ATTEMPTED", 0.1], ["u2", "o-2", "ATTEMPTED", 0.3]] as const) {
    await insert(mastery, [u, o, level, f, now]);
  }
}

describe("backfilling migrations", () => {
  it("should backfill, from rows older than the read models, exactly what the live rebuild functions compute", async () => {
    const target = await fresh();
    const base = createDataSource(target).options;
    const open = async (upTo: number) => {
      const db = new DataSource({ ...base, entities: [], migrations: MIGRATIONS.slice(0, upTo) } as DataSourceOptions);
      await db.initialize();
      await db.runMigrations({ transaction: "each" });
      return db;
    };
    const firstBackfill = MIGRATIONS.findIndex((m) => m.name === "DashboardRollups1764400000000");
    const classRollups = MIGRATIONS.findIndex((m) => m.name === "ClassLessonRollups1764420000000");
    expect(firstBackfill).toBe(3);

    const old = await open(firstBackfill);
    await seedHistory(old);
    await old.destroy();

    // Up to ClassLessonRollups: DashboardRollups, LearnerSummary and ClassLessonRollups backfill, each with the
    // tables of its own time, and no later repair hides a mistake of theirs.
    const mid = await open(classRollups + 1);
    try {
      const backfilled = await readModels(mid);
      await mid.transaction((em) => rebuildStats(em));
      const rebuilt = await readModels(mid);
      expect(backfilled).toEqual(rebuilt);
      // The history reaches every table (a backfill that wrote nothing would compare equal to nothing).
      for (const [table, rows] of Object.entries(backfilled)) expect(rows.length, table).toBeGreaterThan(0);
      expect(backfilled.learner_summary).toEqual([
        { userId: "u1", lessonsCompleted: 2, weakObjectives: 1, averageBest: 1 },
        { userId: "u2", lessonsCompleted: 1, weakObjectives: 2, averageBest: Math.round(((0.5 / 3 + 0) / 2) * 1e9) / 1e9 },
        { userId: "u3", lessonsCompleted: 0, weakObjectives: 0, averageBest: 1 },
        { userId: "u4", lessonsCompleted: 1, weakObjectives: 0, averageBest: null },
      ]);
      // Spoil the read models, as the bug RepairLessonCompletions repairs did, so that the repair has work to do.
      await sql(mid, `UPDATE learner_summary SET "lessonsCompleted" = 0`);
      await sql(mid, `DELETE FROM class_lesson_sum`);
    } finally {
      await mid.destroy();
    }

    // The rest with npm run migrate: the repair rebuilds learner_summary and the class rollups.
    const up = migrate(target);
    expect(up.status, up.stderr).toBe(0);
    expect(up.stdout, up.stderr).toContain(`Applied ${MIGRATIONS.length - classRollups - 1} migration(s)`);
    const db = createDataSource(target);
    await db.initialize();
    try {
      const repaired = await readModels(db);
      await db.transaction((em) => rebuildStats(em));
      expect(repaired).toEqual(await readModels(db));
      expect(repaired.class_lesson_sum.length).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
  });
});

describe("migrations are frozen history", () => {
  it("should import nothing but typeorm, Node's built-ins and files of their own folder", () => {
    const dir = path.join(PROJECT_ROOT, "server/src/migrations");
    const files = readdirSync(dir).filter((f) => /\.[cm]?[jt]s$/.test(f));
    expect(files.length).toBeGreaterThan(MIGRATIONS.length);
    const specifiers = /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']|\bimport\s*\(\s*["'`]([^"'`]+)|\brequire\s*\(\s*["'`]([^"'`]+)/g;
    const outside: string[] = [];
    let seen = 0;
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const m of text.matchAll(specifiers)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
        seen++;
        const own = spec.startsWith("./") && !spec.includes("..");
        // Node's built-ins do not change under a migration (ServerSecrets draws its secret from node:crypto).
        if (spec !== "typeorm" && !own && !spec.startsWith("node:")) outside.push(`${file}: ${spec}`);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(files.length);
    expect(outside).toEqual([]);
  });
});
