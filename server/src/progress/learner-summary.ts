/**
 * learner_summary: per learner, lessons completed, objectives at ATTEMPTED and the mean best assessment
 * score, recomputed for one learner by the writes that change any of them (cheap: primary-key ranges).
 */
import type { Runner } from "../db/sql.js";
import { sql } from "../db/sql.js";
import { prepared } from "../db/prepared.js";

const FIGURES = `
  (SELECT COUNT(*) FROM lesson_progress p WHERE p."userId" = u.id AND p.status = 'COMPLETED'),
  (SELECT COUNT(*) FROM objective_mastery o WHERE o."userId" = u.id AND o.level = 'ATTEMPTED'),
  (SELECT AVG(b.best) FROM quiz_best b WHERE b."userId" = u.id)`;

/** One learner's row again; its two statements are prepared once per SQLite connection (db/prepared.ts). */
export async function refreshLearnerSummary(em: Runner, userId: string): Promise<void> {
  await prepared(em, `DELETE FROM learner_summary WHERE "userId" = ?`, [userId]);
  await prepared(em, `INSERT INTO learner_summary ("userId", "lessonsCompleted", "weakObjectives", "averageBest") SELECT u.id, ${FIGURES} FROM "user" u WHERE u.id = ?`, [userId]);
}

export async function rebuildLearnerSummary(em: Runner): Promise<void> {
  await sql(em, `DELETE FROM learner_summary`);
  await sql(em, `INSERT INTO learner_summary ("userId", "lessonsCompleted", "weakObjectives", "averageBest") SELECT u.id, ${FIGURES} FROM "user" u WHERE u.role = 'LEARNER'`);
}
