/** npm run migrate on a fresh database and on one made by the previous migrations; schema matches entities. */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataSource } from "typeorm";
import { createDataSource } from "../../../server/src/db/data-source.js";
import { ENTITIES } from "../../../server/src/db/entities.js";
import { MIGRATIONS } from "../../../server/src/migrations/index.js";
import { PROJECT_ROOT } from "../../helpers/test-server.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tmp = async () => {
  const d = await mkdtemp(path.join(tmpdir(), "migrate-"));
  dirs.push(d);
  return d;
};
const migrate = (dataDir: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "server/src/ops/migrate.cli.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, DATA_DIR: dataDir }, encoding: "utf8" });

describe("migrations", () => {
  it("should build a fresh database with npm run migrate, then find nothing left to do", async () => {
    const dir = await tmp();
    const first = migrate(dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Applied ${MIGRATIONS.length} migration(s)`);
    const second = migrate(dir);
    expect(second.stdout).toContain("up to date");
  });

  it("should leave tables and columns that match the entities (name, type, nullability)", async () => {
    // Indexes and foreign keys are declared in the migrations only (the entities carry no relations), so the
    // comparison is column by column rather than TypeORM's whole-schema diff.
    const dir = await tmp();
    migrate(dir);
    const db = createDataSource({ dataDir: dir });
    await db.initialize();
    const mismatches: string[] = [];
    for (const meta of db.entityMetadatas) {
      const cols: { name: string; type: string; notnull: number }[] = await db.query(`PRAGMA table_info("${meta.tableName}")`);
      if (cols.length === 0) mismatches.push(`${meta.tableName}: table missing`);
      const byName = new Map(cols.map((c) => [c.name, c]));
      for (const col of meta.columns) {
        const actual = byName.get(col.databaseName);
        if (!actual) {
          mismatches.push(`${meta.tableName}.${col.databaseName}: column missing`);
          continue;
        }
        byName.delete(col.databaseName);
        const want = db.driver.normalizeType(col).toLowerCase();
        const got = actual.type.toLowerCase().replace(/\(.*\)/, "");
        const wantBase = want.replace(/\(.*\)/, "").replace("simple-json", "text");
        if (!(got === wantBase || (wantBase === "boolean" && got === "boolean"))) mismatches.push(`${meta.tableName}.${col.databaseName}: type ${got}, entity ${wantBase}`);
        if ((actual.notnull === 1) === col.isNullable) mismatches.push(`${meta.tableName}.${col.databaseName}: nullability differs`);
      }
      for (const extra of byName.keys()) mismatches.push(`${meta.tableName}.${extra}: not in the entity`);
    }
    await db.destroy();
    expect(mismatches).toEqual([]);
  });

  it("should upgrade a database made by the previous migrations, backfilling the dashboard read models", async () => {
    const dir = await tmp();
    const old = new DataSource({ type: "sqlite", database: path.join(dir, "course.sqlite"), entities: [], migrations: MIGRATIONS.slice(0, 3) }); // before the dashboard read models
    await old.initialize();
    await old.runMigrations();
    const now = new Date().toISOString();
    await old.query(`INSERT INTO quiz_item_version (itemId, quizId, version, hash, type, points, payload, createdAt) VALUES ('q9-01', 'q-x', 1, 'h', 'TRUE_FALSE', 1, '{}', ?)`, [now]);
    await old.query(`INSERT INTO "user" VALUES ('u1', 'a@b.c', 'A', 'LEARNER', 'AR', '!', ?)`, [now]);
    await old.query(`INSERT INTO "user" VALUES ('t1', 't@b.c', 'T', 'INSTRUCTOR', 'AR', '!', ?)`, [now]);
    await old.query(`INSERT INTO classroom VALUES ('c1', 'C', 'ABCD-EFGH', 't1', ?)`, [now]);
    await old.query(`INSERT INTO classroom_member VALUES ('c1', 'u1', ?)`, [now]);
    await old.query(
      `INSERT INTO attempt (id, userId, quizId, mode, state, locale, startedAt, finishedAt, score, maxScore, layout, attemptNumber) VALUES ('a1', 'u1', 'q-x', 'ASSESSMENT', 'FINISHED', 'AR', ?, ?, 1, 2, '{"items":[]}', 1)`,
      [now, now],
    );
    await old.query(
      `INSERT INTO response (id, attemptId, userId, itemId, itemVersionId, mode, answer, status, score, maxScore, correct, answeredAt, answerKey) VALUES ('r1', 'a1', 'u1', 'q9-01', 1, 'ASSESSMENT', '{}', 'GRADED', 1, 1, 1, ?, 'true')`,
      [now],
    );
    await old.destroy();

    const up = migrate(dir);
    expect(up.stdout, up.stderr).toContain(`Applied ${MIGRATIONS.length - 3} migration(s)`);
    const db = createDataSource({ dataDir: dir });
    await db.initialize();
    expect(await db.query(`SELECT "userId", "quizId", best, attempts FROM quiz_best`)).toEqual([{ userId: "u1", quizId: "q-x", best: 0.5, attempts: 1 }]);
    expect(await db.query(`SELECT scope, n, "sumT" FROM stat_attempt_sum ORDER BY scope`)).toEqual([
      { scope: "ALL", n: 1, sumT: 1 },
      { scope: "FIRST", n: 1, sumT: 1 },
    ]);
    expect(await db.query(`SELECT COUNT(*) AS n FROM stat_item_sum`)).toEqual([{ n: 2 }]);
    expect(await db.query(`SELECT "userId", "lessonsCompleted", "weakObjectives", "averageBest" FROM learner_summary`)).toEqual([
      { userId: "u1", lessonsCompleted: 0, weakObjectives: 0, averageBest: 0.5 },
    ]);
    expect(await db.query(`SELECT "classroomId", "quizId", n, "sumBest" FROM class_quiz_sum`)).toEqual([{ classroomId: "c1", quizId: "q-x", n: 1, sumBest: 0.5 }]);
    expect(ENTITIES.length).toBeGreaterThan(10);
    await db.destroy();
  });
});
