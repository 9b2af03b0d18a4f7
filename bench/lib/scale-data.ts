/**
 * Scale data inserted directly (not through signUp): `learners` learners (10,900 by default) who each finished
 * the 40-item bench quiz once (40 responses each: 436k by default, 4 M at 100k), in one class of 10,000 and
 * the rest in classes of 30, with lesson progress and mastery rows. Two more classes draw the class-size curve
 * with the big one: the last 1,000 and the last 100 learners generated join a class of 1,000 and one of 100
 * as well (a learner may belong to several classes), so the default data stays today's size.
 * One precomputed password hash serves every account.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Runner } from "../../server/src/db/sql.js";
import { hashPassword } from "../../server/src/accounts/password.js";
import { learnerCode, nameKey } from "../../server/src/accounts/identity-keys.js";
import { isPostgres, sql } from "../../server/src/db/sql.js";
import { rebuildStats } from "../../server/src/classrooms/stat-rollup.js";
import { BENCH_ITEMS, BENCH_QUIZ } from "./bench-content.js";
import { seededRandom } from "../../server/src/shared/seeded-random.js";

export interface ScaleData {
  instructorEmail: string;
  password: string;
  bigClassId: string;
  smallClassIds: string[];
  /** The classes of the class-size curve, smallest first: 100, 1,000 and 10,000 learners (fewer when `learners` is). */
  curve: { size: number; classroomId: string }[];
  rows: { users: number; responses: number };
}

/**
 * Multi-row INSERTs. SQLite: rows of `?` placeholders, 900 parameters a statement (the limit of older
 * builds). PostgreSQL: one array parameter per column, unnest()ed into rows, 5,000 rows a statement, so that
 * the statement stays short to parse and bind whatever the number of rows (the whole scale data went in
 * about twice as fast as with VALUES lists of up to 65,535 $n parameters: 26 s against 46 s here).
 */
async function insertMany(db: Runner, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const cols = columns.map((c) => `"${c}"`).join(", ");
  if (isPostgres(db)) {
    const types = new Map(
      (await sql<{ name: string; type: string }>(db, `SELECT column_name AS name, udt_name AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`, [table])).map((c) => [c.name, c.type]),
    );
    const arrays = columns.map((c, i) => `$${i + 1}::${types.get(c)}[]`).join(", ");
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await db.query(`INSERT INTO "${table}" (${cols}) SELECT * FROM unnest(${arrays})`, columns.map((_, c) => chunk.map((r) => r[c])));
    }
    return;
  }
  const per = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await sql(db, `INSERT INTO "${table}" (${cols}) VALUES ${chunk.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ")}`, chunk.flat());
  }
}

/** The learners of the default data: today's single point (one class of 10,000 and 30 classes of 30). */
export const DEFAULT_SCALE_LEARNERS = 10_900;
const BIG_CLASS = 10_000;
const CURVE_SIZES = [100, 1000];

/** A distinct join code per class: four letters from its number, then a fixed tail. */
const joinCode = (n: number, tail: string) =>
  Array.from({ length: 4 }, (_, k) => String.fromCharCode(65 + (Math.floor(n / 26 ** (3 - k)) % 26))).join("") + `-${tail}`;

export async function insertScaleData(db: DataSource, lessonSlugs: string[], learners = DEFAULT_SCALE_LEARNERS): Promise<ScaleData> {
  const random = seededRandom(42);
  const password = "bench-password";
  const hash = await hashPassword(password, { logN: 10, r: 8, p: 1 });
  const now = new Date("2026-10-01T00:00:00Z");
  const iso = (d: Date) => d.toISOString();
  const instructorId = randomUUID();
  const instructorEmail = "bench.instructor@example.com";
  const versions: { id: number; itemId: string }[] = await sql(db, `SELECT id, "itemId" FROM quiz_item_version WHERE "quizId" = ? ORDER BY "itemId"`, [BENCH_QUIZ]);
  const layout = JSON.stringify({ items: versions.map((v) => ({ itemId: v.itemId, versionId: v.id, version: 1, choices: [], targets: [] })) });
  const bigClassId = randomUUID();
  // At least one class of 30: the dashboards' statement counts compare every class of the curve with one.
  const bigCount = Math.min(BIG_CLASS, learners - 30);
  const smallClassIds = Array.from({ length: Math.ceil((learners - bigCount) / 30) }, () => randomUUID());
  const userIds: string[] = [];
  let users = 0;
  let responses = 0;

  await db.transaction(async (em) => {
    await insertMany(em, "user", ["id", "email", "displayName", "nameKey", "learnerCode", "role", "locale", "passwordHash", "createdAt"], [
      [instructorId, instructorEmail, "Bench Instructor", nameKey("Bench Instructor"), learnerCode(instructorId), "INSTRUCTOR", "EN", hash, iso(now)],
    ]);
    await insertMany(em, "classroom", ["id", "name", "joinCode", "instructorId", "createdAt"], [
      [bigClassId, `Big class (${bigCount.toLocaleString("en")})`, "BIGB-2222", instructorId, iso(now)],
      ...smallClassIds.map((id, i) => [id, `Class ${i + 1}`, joinCode(i, "2345"), instructorId, iso(now)]),
    ]);
  });

  const groups: { classroomId: string; count: number }[] = [
    { classroomId: bigClassId, count: bigCount },
    ...smallClassIds.map((id, i) => ({ classroomId: id, count: Math.min(30, learners - bigCount - 30 * i) })),
  ];
  for (const g of groups) {
    // A thousand learners per transaction keeps memory flat and the insert fast.
    for (let start = 0; start < g.count; start += 1000) {
      const n = Math.min(1000, g.count - start);
      const userRows: unknown[][] = [];
      const memberRows: unknown[][] = [];
      const progressRows: unknown[][] = [];
      const attemptRows: unknown[][] = [];
      const responseRows: unknown[][] = [];
      const masteryRows: unknown[][] = [];
      for (let k = 0; k < n; k++) {
        const userId = randomUUID();
        userIds.push(userId);
        const ability = 0.2 + 0.75 * random();
        const name = `Learner ${String(users).padStart(5, "0")}`;
        userRows.push([userId, `b${users}@bench.test`, name, nameKey(name), learnerCode(userId), "LEARNER", "AR", hash, iso(now)]);
        memberRows.push([g.classroomId, userId, iso(now)]);
        for (const slug of lessonSlugs) {
          const r = random();
          if (r < 0.2) continue;
          progressRows.push([userId, slug, r < 0.7 ? "COMPLETED" : "IN_PROGRESS", null, "[]", Math.floor(r * 900), iso(now), iso(now), r < 0.7 ? iso(now) : null]);
        }
        const attemptId = randomUUID();
        let total = 0;
        for (const v of versions) {
          const idx = Number(v.itemId.slice(3)) - 1;
          const difficulty = (idx % 10) / 12;
          const right = random() < ability - difficulty + 0.3;
          total += right ? 1 : 0;
          const key = idx % 4 === 3 ? (right ? "a" : ["b", "c", "d"][Math.floor(random() * 3)]) : right ? `t:جواب${idx}` : "t:لا ادري";
          responseRows.push([randomUUID(), attemptId, userId, v.itemId, v.id, "ASSESSMENT", "{}", "GRADED", right ? 1 : 0, 1, right ? 1 : 0, iso(now), iso(now), key]);
        }
        attemptRows.push([attemptId, userId, BENCH_QUIZ, "ASSESSMENT", "FINISHED", "AR", iso(now), iso(now), null, total, BENCH_ITEMS, layout, null, 1]);
        const f = total / BENCH_ITEMS;
        const level = f >= 1 ? "PROFICIENT" : f >= 0.7 ? "FAMILIAR" : "ATTEMPTED";
        masteryRows.push([userId, "lb-o1", level, f, iso(now)], [userId, "lb-o2", level, f, iso(now)]);
        users++;
        responses += BENCH_ITEMS;
      }
      await db.transaction(async (em) => {
        const e = em;
        await insertMany(e, "user", ["id", "email", "displayName", "nameKey", "learnerCode", "role", "locale", "passwordHash", "createdAt"], userRows);
        await insertMany(e, "classroom_member", ["classroomId", "userId", "joinedAt"], memberRows);
        await insertMany(e, "lesson_progress", ["userId", "lessonSlug", "status", "lastParagraphId", "paragraphsSeen", "timeSpentSeconds", "startedAt", "updatedAt", "completedAt"], progressRows);
        await insertMany(e, "attempt", ["id", "userId", "quizId", "mode", "state", "locale", "startedAt", "finishedAt", "deadline", "score", "maxScore", "layout", "openKey", "attemptNumber"], attemptRows);
        await insertMany(e, "response", ["id", "attemptId", "userId", "itemId", "itemVersionId", "mode", "answer", "status", "score", "maxScore", "correct", "answeredAt", "gradedAt", "answerKey"], responseRows);
        await insertMany(e, "objective_mastery", ["userId", "objectiveId", "level", "fraction", "updatedAt"], masteryRows);
      });
    }
  }
  // The curve's smaller classes: the last 100 and the last 1,000 learners, each also in a class of their own above.
  const curve: ScaleData["curve"] = CURVE_SIZES.filter((size) => size < bigCount).map((size) => ({ size, classroomId: randomUUID() }));
  await db.transaction(async (em) => {
    await insertMany(em, "classroom", ["id", "name", "joinCode", "instructorId", "createdAt"], curve.map((c, i) => [c.classroomId, `Curve class (${c.size})`, joinCode(i, "3456"), instructorId, iso(now)]));
    await insertMany(em, "classroom_member", ["classroomId", "userId", "joinedAt"], curve.flatMap((c) => userIds.slice(-c.size).map((u) => [c.classroomId, u, iso(now)])));
  });
  curve.push({ size: bigCount, classroomId: bigClassId });
  // Inserted directly, so the class statistics and best scores are rebuilt once from the raw rows.
  await db.transaction((em) => rebuildStats(em));
  // Planner statistics for the new rows; on PostgreSQL VACUUM too, which sets the visibility map that
  // index-only scans need (what autovacuum would do soon after a real bulk load).
  await db.query(isPostgres(db) ? "VACUUM ANALYZE" : "ANALYZE");
  return { instructorEmail, password, bigClassId, smallClassIds, curve, rows: { users, responses } };
}
