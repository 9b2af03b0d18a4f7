/**
 * Per-class sums behind the dashboard's lesson averages: lessons completed (class_lesson_sum) and the count and
 * sum of learners' best assessment scores per quiz (class_quiz_sum). Kept current when a learner completes a
 * lesson, when a best score changes, and when a learner joins or leaves; `rebuildClassRollups` recomputes them.
 */
import type { Runner } from "../db/sql.js";
import { num, sql } from "../db/sql.js";

const classesOf = async (em: Runner, userId: string) =>
  (await sql<{ classroomId: string }>(em, `SELECT "classroomId" FROM classroom_member WHERE "userId" = ?`, [userId])).map((r) => r.classroomId);

async function addLesson(em: Runner, classroomId: string, lessonSlug: string, delta: number): Promise<void> {
  await sql(
    em,
    `INSERT INTO class_lesson_sum ("classroomId", "lessonSlug", completed) VALUES (?, ?, ?)
     ON CONFLICT ("classroomId", "lessonSlug") DO UPDATE SET completed = class_lesson_sum.completed + excluded.completed`,
    [classroomId, lessonSlug, delta],
  );
}

async function addQuiz(em: Runner, classroomId: string, quizId: string, dn: number, dsum: number): Promise<void> {
  await sql(
    em,
    `INSERT INTO class_quiz_sum ("classroomId", "quizId", n, "sumBest") VALUES (?, ?, ?, ?)
     ON CONFLICT ("classroomId", "quizId") DO UPDATE SET n = class_quiz_sum.n + excluded.n, "sumBest" = class_quiz_sum."sumBest" + excluded."sumBest"`,
    [classroomId, quizId, dn, dsum],
  );
}

export async function onLessonCompleted(em: Runner, userId: string, lessonSlug: string): Promise<void> {
  for (const c of await classesOf(em, userId)) await addLesson(em, c, lessonSlug, 1);
}

export async function onQuizBestChanged(em: Runner, userId: string, quizId: string, before: number | null, after: number | null): Promise<void> {
  if (before === after) return;
  const dn = (after !== null ? 1 : 0) - (before !== null ? 1 : 0);
  const dsum = (after ?? 0) - (before ?? 0);
  for (const c of await classesOf(em, userId)) await addQuiz(em, c, quizId, dn, dsum);
}

/** Adds (1) or removes (−1) a learner's completed lessons and best scores to or from one class. */
export async function applyLearnerToClass(em: Runner, userId: string, classroomId: string, sign: 1 | -1): Promise<void> {
  const lessons = await sql<{ lessonSlug: string }>(em, `SELECT "lessonSlug" FROM lesson_progress WHERE "userId" = ? AND status = 'COMPLETED'`, [userId]);
  for (const l of lessons) await addLesson(em, classroomId, l.lessonSlug, sign);
  const bests = await sql<{ quizId: string; best: number }>(em, `SELECT "quizId", best FROM quiz_best WHERE "userId" = ?`, [userId]);
  for (const b of bests) await addQuiz(em, classroomId, b.quizId, sign, sign * num(b.best));
}

export async function rebuildClassRollups(em: Runner): Promise<void> {
  await sql(em, `DELETE FROM class_lesson_sum`);
  await sql(em, `DELETE FROM class_quiz_sum`);
  await sql(
    em,
    `INSERT INTO class_lesson_sum ("classroomId", "lessonSlug", completed)
     SELECT m."classroomId", p."lessonSlug", COUNT(*) FROM classroom_member m JOIN lesson_progress p ON p."userId" = m."userId"
      WHERE p.status = 'COMPLETED' GROUP BY m."classroomId", p."lessonSlug"`,
  );
  await sql(
    em,
    `INSERT INTO class_quiz_sum ("classroomId", "quizId", n, "sumBest")
     SELECT m."classroomId", b."quizId", COUNT(*), SUM(b.best) FROM classroom_member m JOIN quiz_best b ON b."userId" = m."userId"
      GROUP BY m."classroomId", b."quizId"`,
  );
}
