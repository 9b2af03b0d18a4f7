/**
 * The database side of attempts/assignment-terms.ts: the terms of a learner's class assignment of a quiz
 * (one indexed statement). Handed to attempts/ by the composition root, which never imports classrooms/.
 */
import type { AssignmentTerms, LatePolicy, TermsLookup } from "../attempts/assignment-terms.js";
import { pickTerms } from "../attempts/assignment-terms.js";
import { sql } from "../db/sql.js";

export const assignmentTerms: TermsLookup = async (run, userId, quizId): Promise<AssignmentTerms | null> => {
  const rows = await sql<{ opensAt: string; dueAt: string; latePolicy: string }>(
    run,
    `SELECT s."opensAt" AS "opensAt", s."dueAt" AS "dueAt", s."latePolicy" AS "latePolicy"
       FROM assignment s JOIN classroom_member m ON m."classroomId" = s."classroomId" AND m."userId" = ?
      WHERE s.kind = 'QUIZ' AND s."targetId" = ?`,
    [userId, quizId],
  );
  return pickTerms(rows.map((r) => ({ opensAt: new Date(r.opensAt), dueAt: new Date(r.dueAt), latePolicy: r.latePolicy as LatePolicy })));
};
