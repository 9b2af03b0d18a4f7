/**
 * Per-class sums behind item statistics, kept current by the writes that change them, so that a dashboard
 * reads a few dozen rows instead of scanning every response. A finished ASSESSMENT attempt contributes, to
 * every class its learner belongs to, (1, t, t²) to stat_attempt_sum and, per item and answer signature,
 * (1, x, x², x·t) to stat_item_sum — under scope ALL, and FIRST too when it is the learner's first attempt.
 * Contributions are added when an attempt finishes or its learner joins a class, subtracted when the learner
 * leaves, and swapped when an essay grade changes an attempt. `rebuildStats` recomputes these and the read
 * models built on quiz_best (learner_summary, the class rollups) from the raw rows (for repairs and to check the
 * incremental path in tests). Migrations do not call it: each carries the SQL of its own point in history.
 */
import type { EntityManager } from "typeorm";
import type { Runner } from "../db/sql.js";
import { num, sql } from "../db/sql.js";
import { rebuildLearnerSummary, refreshLearnerSummary } from "../progress/learner-summary.js";
import { onQuizBestChanged, rebuildClassRollups } from "./class-rollup.js";

interface Contribution {
  quizId: string;
  scopes: string[];
  t: number;
  items: { itemId: string; answerKey: string; n: number; graded: number; x: number; x2: number; xt: number }[];
}

async function contributionOf(em: Runner, attemptId: string): Promise<Contribution | null> {
  const [a] = await sql<{ quizId: string; mode: string; state: string; attemptNumber: number; score: number | null }>(
    em,
    `SELECT "quizId", mode, state, "attemptNumber", score FROM attempt WHERE id = ?`,
    [attemptId],
  );
  if (!a || a.mode !== "ASSESSMENT" || a.state !== "FINISHED") return null;
  const t = num(a.score);
  const rows = await sql<{ itemId: string; answerKey: string | null; status: string; score: number | null }>(
    em,
    `SELECT "itemId", "answerKey", status, score FROM response WHERE "attemptId" = ?`,
    [attemptId],
  );
  const byKey = new Map<string, Contribution["items"][number]>();
  for (const r of rows) {
    const key = `${r.itemId}\u0000${r.answerKey ?? ""}`;
    const acc = byKey.get(key) ?? { itemId: r.itemId, answerKey: r.answerKey ?? "", n: 0, graded: 0, x: 0, x2: 0, xt: 0 };
    acc.n++;
    if (r.status === "GRADED") {
      const x = num(r.score);
      acc.graded++;
      acc.x += x;
      acc.x2 += x * x;
      acc.xt += x * t;
    }
    byKey.set(key, acc);
  }
  return { quizId: a.quizId, scopes: num(a.attemptNumber) === 1 ? ["ALL", "FIRST"] : ["ALL"], t, items: [...byKey.values()] };
}

async function classesOf(em: Runner, attemptId: string): Promise<string[]> {
  const rows = await sql<{ classroomId: string }>(
    em,
    `SELECT m."classroomId" AS "classroomId" FROM classroom_member m JOIN attempt a ON a."userId" = m."userId" WHERE a.id = ?`,
    [attemptId],
  );
  return rows.map((r) => r.classroomId);
}

/** Adds (sign = 1) or removes (sign = −1) one attempt's contribution to the given classes (default: all of its learner's). */
export async function applyAttempt(em: EntityManager, attemptId: string, sign: 1 | -1, classroomIds?: string[]): Promise<void> {
  const c = await contributionOf(em, attemptId);
  if (!c) return;
  const classes = classroomIds ?? (await classesOf(em, attemptId));
  for (const classroomId of classes) {
    for (const scope of c.scopes) {
      await sql(
        em,
        `INSERT INTO stat_attempt_sum ("classroomId", "quizId", scope, n, "sumT", "sumT2") VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT ("classroomId", "quizId", scope) DO UPDATE SET n = stat_attempt_sum.n + excluded.n,
           "sumT" = stat_attempt_sum."sumT" + excluded."sumT", "sumT2" = stat_attempt_sum."sumT2" + excluded."sumT2"`,
        [classroomId, c.quizId, scope, sign, sign * c.t, sign * c.t * c.t],
      );
      if (c.items.length === 0) continue;
      await sql(
        em,
        `INSERT INTO stat_item_sum ("classroomId", "quizId", scope, "itemId", "answerKey", n, graded, "sumX", "sumX2", "sumXT")
         VALUES ${c.items.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}
         ON CONFLICT ("classroomId", "quizId", scope, "itemId", "answerKey") DO UPDATE SET n = stat_item_sum.n + excluded.n,
           graded = stat_item_sum.graded + excluded.graded, "sumX" = stat_item_sum."sumX" + excluded."sumX",
           "sumX2" = stat_item_sum."sumX2" + excluded."sumX2", "sumXT" = stat_item_sum."sumXT" + excluded."sumXT"`,
        c.items.flatMap((i) => [classroomId, c.quizId, scope, i.itemId, i.answerKey, sign * i.n, sign * i.graded, sign * i.x, sign * i.x2, sign * i.xt]),
      );
    }
  }
}

/** Adds or removes all of a learner's finished assessments to or from one class (join, removal). */
export async function applyLearner(em: EntityManager, userId: string, classroomId: string, sign: 1 | -1): Promise<void> {
  const attempts = await sql<{ id: string }>(em, `SELECT id FROM attempt WHERE "userId" = ? AND mode = 'ASSESSMENT' AND state = 'FINISHED'`, [userId]);
  for (const a of attempts) await applyAttempt(em, a.id, sign, [classroomId]);
}

/** Recomputes a learner's best assessment score for a quiz. */
export async function refreshQuizBest(em: Runner, userId: string, quizId: string): Promise<void> {
  const bestOf = async () => {
    const [row] = await sql<{ best: number }>(em, `SELECT best FROM quiz_best WHERE "userId" = ? AND "quizId" = ?`, [userId, quizId]);
    return row ? num(row.best) : null;
  };
  const before = await bestOf();
  await sql(em, `DELETE FROM quiz_best WHERE "userId" = ? AND "quizId" = ?`, [userId, quizId]);
  await sql(
    em,
    `INSERT INTO quiz_best ("userId", "quizId", best, attempts)
     SELECT "userId", "quizId", MAX(score / "maxScore"), COUNT(*) FROM attempt
      WHERE "userId" = ? AND "quizId" = ? AND mode = 'ASSESSMENT' AND state = 'FINISHED' AND "maxScore" > 0
      GROUP BY "userId", "quizId"`,
    [userId, quizId],
  );
  await onQuizBestChanged(em, userId, quizId, before, await bestOf());
  await refreshLearnerSummary(em, userId);
}

/** The sums computed directly from attempts, responses and memberships. */
const DIRECT_ATTEMPTS = `
  SELECT m."classroomId" AS "classroomId", a."quizId" AS "quizId", s.scope AS scope, COUNT(*) AS n, SUM(a.score) AS "sumT", SUM(a.score * a.score) AS "sumT2"
    FROM attempt a JOIN classroom_member m ON m."userId" = a."userId"
    JOIN (SELECT 'ALL' AS scope UNION ALL SELECT 'FIRST') s ON s.scope = 'ALL' OR a."attemptNumber" = 1
   WHERE a.mode = 'ASSESSMENT' AND a.state = 'FINISHED'
   GROUP BY m."classroomId", a."quizId", s.scope`;
const DIRECT_ITEMS = `
  SELECT m."classroomId" AS "classroomId", a."quizId" AS "quizId", s.scope AS scope, r."itemId" AS "itemId", COALESCE(r."answerKey", '') AS "answerKey",
         COUNT(*) AS n, SUM(CASE WHEN r.status = 'GRADED' THEN 1 ELSE 0 END) AS graded,
         SUM(CASE WHEN r.status = 'GRADED' THEN r.score ELSE 0 END) AS "sumX",
         SUM(CASE WHEN r.status = 'GRADED' THEN r.score * r.score ELSE 0 END) AS "sumX2",
         SUM(CASE WHEN r.status = 'GRADED' THEN r.score * a.score ELSE 0 END) AS "sumXT"
    FROM attempt a JOIN classroom_member m ON m."userId" = a."userId" JOIN response r ON r."attemptId" = a.id
    JOIN (SELECT 'ALL' AS scope UNION ALL SELECT 'FIRST') s ON s.scope = 'ALL' OR a."attemptNumber" = 1
   WHERE a.mode = 'ASSESSMENT' AND a.state = 'FINISHED'
   GROUP BY m."classroomId", a."quizId", s.scope, r."itemId", COALESCE(r."answerKey", '')`;

/** Replaces the stored sums, quiz_best, learner_summary and the class rollups with values computed from the raw rows. */
export async function rebuildStats(em: Runner): Promise<void> {
  await sql(em, `DELETE FROM stat_attempt_sum`);
  await sql(em, `DELETE FROM stat_item_sum`);
  await sql(em, `INSERT INTO stat_attempt_sum ("classroomId", "quizId", scope, n, "sumT", "sumT2") ${DIRECT_ATTEMPTS}`);
  await sql(em, `INSERT INTO stat_item_sum ("classroomId", "quizId", scope, "itemId", "answerKey", n, graded, "sumX", "sumX2", "sumXT") ${DIRECT_ITEMS}`);
  await sql(em, `DELETE FROM quiz_best`);
  await sql(
    em,
    `INSERT INTO quiz_best ("userId", "quizId", best, attempts)
     SELECT "userId", "quizId", MAX(score / "maxScore"), COUNT(*) FROM attempt
      WHERE mode = 'ASSESSMENT' AND state = 'FINISHED' AND "maxScore" > 0 GROUP BY "userId", "quizId"`,
  );
  await rebuildLearnerSummary(em);
  await rebuildClassRollups(em);
}
