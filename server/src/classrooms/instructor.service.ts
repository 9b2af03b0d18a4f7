/**
 * What an instructor does with one learner or one answer: the drill-down with every attempt and raw response
 * (item versions included), the queue of essays to grade, hand grading against the rubric, and the gradebook.
 */
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { AttemptRow } from "../attempts/attempt.entity.js";
import { ResponseStatus } from "../attempts/attempt.enum.js";
import type { AttemptMode, AttemptState } from "../attempts/attempt.enum.js";
import { ResponseRow } from "../attempts/response.entity.js";
import type { AttemptService } from "../attempts/attempt.service.js";
import { toPublicAnswer } from "../attempts/attempt.view.js";
import type { ContentStore } from "../content/content.store.js";
import type { WriteQueue } from "../db/write-queue.js";
import { num, sql } from "../db/sql.js";
import { AppError } from "../errors.js";
import { roundPoints } from "../grading/grading.js";
import { itemType } from "../items/registry.js";
import { quizGrade } from "../grading/quiz-grade.js";
import { applyAttempt, refreshQuizBest } from "./stat-rollup.js";
import type { ItemType } from "../quizzes/quiz.enum.js";
import { displayNameOf } from "../accounts/display-name.js";
import type { ActivityBus } from "../shared/activity.js";
import type { DomainEvents } from "../shared/domain-events.js";
import type { Clock } from "../shared/clock.js";
import type { Viewer } from "../shared/viewer.js";
import { Locale, pick } from "../shared/locale.js";
import { QuizItemVersion } from "../quizzes/quiz-item-version.entity.js";
import type { ClassroomService } from "./classroom.service.js";
import type { DashboardService } from "./dashboard.service.js";
import type { LearnerAttempt, LearnerDetail, PendingEssay } from "./classroom.type.js";
import { randomUUID } from "node:crypto";
import { rubricMarksOf } from "../attempts/attempt.view.js";
import { EssayGradeRow } from "./essay-grade.entity.js";
import { checkMarks, wordCount } from "./essay-marks.js";
import type { MarkInput } from "./essay-marks.js";

/** What an instructor gives an essay: one total (the older way), or a mark per rubric criterion. */
export interface EssayGradeInput {
  score?: number | null;
  comment?: string | null;
  criteria?: MarkInput[] | null;
}

const notFound = () => new AppError("classroom/not_found", "There is no such learner in this class.");

export class InstructorService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
    private readonly classrooms: ClassroomService,
    private readonly dashboard: DashboardService,
    private readonly attempts: AttemptService,
    private readonly activity: ActivityBus,
    private readonly events: DomainEvents,
  ) {}

  async learnerDetail(viewer: Viewer, classroomId: string, learnerId: string, locale: Locale): Promise<LearnerDetail> {
    const member = await this.dashboard.member(classroomId, learnerId);
    if (!member || !(await this.classrooms.teachesLearner(viewer, learnerId, classroomId))) throw notFound();
    const [row] = await this.dashboard.progressOf([member]);
    const attempts = await this.db.getRepository(AttemptRow).find({ where: { userId: learnerId }, order: { startedAt: "ASC" } });
    const responses = attempts.length ? await this.db.getRepository(ResponseRow).find({ where: { attemptId: In(attempts.map((a) => a.id)) }, order: { answeredAt: "ASC" } }) : [];
    const versionIds = [...new Set(responses.map((r) => r.itemVersionId))];
    const versions = versionIds.length ? await this.db.getRepository(QuizItemVersion).find({ where: { id: In(versionIds) }, select: { id: true, version: true } }) : [];
    const versionNo = new Map(versions.map((v) => [v.id, v.version]));
    const essayIds = responses.filter((r) => r.gradedBy !== null).map((r) => r.id);
    const history = essayIds.length ? await this.db.getRepository(EssayGradeRow).find({ where: { responseId: In(essayIds) }, order: { gradedAt: "ASC" } }) : [];
    const out: LearnerAttempt[] = [];
    for (const a of attempts) {
      const mine = responses.filter((r) => r.attemptId === a.id);
      const raw = [];
      for (const r of mine) {
        const item = await this.attempts.itemAtVersion(r.itemVersionId);
        raw.push({
          id: r.id,
          itemId: r.itemId,
          itemVersion: versionNo.get(r.itemVersionId) ?? 0,
          itemType: item.type as ItemType,
          prompt: pick(item.prompt, locale),
          answer: toPublicAnswer(this.content.ids, item, r.answer),
          status: r.status as ResponseStatus,
          score: r.score,
          maxScore: r.maxScore,
          correct: r.correct,
          answeredAt: r.answeredAt,
          graderComment: r.graderComment,
          rubricMarks: rubricMarksOf(item, r.rubricMarks, locale),
          gradeHistory: history
            .filter((h) => h.responseId === r.id)
            .map((h) => ({ score: h.score, rubricMarks: rubricMarksOf(item, h.rubricMarks, locale), comment: h.comment, gradedAt: h.gradedAt })),
          certainty: r.certainty ?? null,
          hintsUsed: r.hintsUsed ?? 0,
        });
      }
      out.push({
        id: a.id,
        quizId: a.quizId,
        mode: a.mode as AttemptMode,
        state: a.state as AttemptState,
        attemptNumber: a.attemptNumber,
        startedAt: a.startedAt,
        finishedAt: a.finishedAt,
        score: a.score,
        maxScore: a.maxScore,
        late: a.late === true,
        responses: raw,
      });
    }
    return { learner: row.learner, lessons: row.lessons, objectives: row.objectives, attempts: out };
  }

  /** Essays of finished attempts waiting for a grade in the class (of one quiz, if given). */
  async pendingEssayCount(classroomId: string, quizId: string | null): Promise<number> {
    const [row] = await sql<{ n: number }>(
      this.db,
      `SELECT COUNT(*) AS n FROM response r JOIN classroom_member m ON m."userId" = r."userId" AND m."classroomId" = ?
         JOIN attempt a ON a.id = r."attemptId"
        WHERE r.status = 'PENDING_MANUAL' AND a.state = 'FINISHED'${quizId ? ` AND a."quizId" = ?` : ""}`,
      quizId ? [classroomId, quizId] : [classroomId],
    );
    return num(row?.n);
  }

  async pendingEssays(classroomId: string, locale: Locale, limit: number, offset = 0, quizId: string | null = null): Promise<PendingEssay[]> {
    const rows = await sql<{ id: string; userId: string; displayName: string; joinedAt: string; quizId: string; itemId: string; itemVersionId: number; answer: string; answeredAt: string; maxScore: number }>(
      this.db,
      `SELECT r.id AS id, r."userId" AS "userId", u."displayName" AS "displayName", m."joinedAt" AS "joinedAt", a."quizId" AS "quizId",
              r."itemId" AS "itemId", r."itemVersionId" AS "itemVersionId", r.answer AS answer, r."answeredAt" AS "answeredAt", r."maxScore" AS "maxScore"
         FROM response r JOIN classroom_member m ON m."userId" = r."userId" AND m."classroomId" = ?
         JOIN "user" u ON u.id = r."userId" JOIN attempt a ON a.id = r."attemptId"
        WHERE r.status = 'PENDING_MANUAL' AND a.state = 'FINISHED'${quizId ? ` AND a."quizId" = ?` : ""}
        ORDER BY r."answeredAt" ASC, r.id ASC LIMIT ? OFFSET ?`,
      quizId ? [classroomId, quizId, limit, offset] : [classroomId, limit, offset],
    );
    const disambiguator = await this.dashboard.disambiguators(classroomId, rows.map((r) => r.userId));
    const out: PendingEssay[] = [];
    for (const r of rows) {
      const item = await this.attempts.itemAtVersion(num(r.itemVersionId));
      const text = (JSON.parse(r.answer) as { text?: string }).text ?? "";
      out.push({
        responseId: r.id,
        learner: { id: r.userId, displayName: r.displayName, disambiguator: disambiguator(r.userId), joinedAt: new Date(r.joinedAt) },
        quizId: r.quizId,
        itemId: r.itemId,
        prompt: pick(item.prompt, locale),
        text,
        wordCount: wordCount(text),
        expectedWords: item.type === "ESSAY" ? (item.expectedWords ?? null) : null,
        maxScore: num(r.maxScore),
        rubric: itemType(item).rubric(item, locale),
        answeredAt: new Date(r.answeredAt),
      });
    }
    return out;
  }

  /**
   * Grades an essay by hand, in a finished attempt: the response gets its score and comment, the attempt's score
   * and the learner's mastery are recomputed, and the learner sees the comment with their feedback.
   */
  async gradeEssay(viewer: Viewer, responseId: string, input: EssayGradeInput): Promise<ResponseRow> {
    const response = await this.db.getRepository(ResponseRow).findOneBy({ id: responseId });
    if (!response || !response.attemptId || !(await this.classrooms.teachesLearner(viewer, response.userId))) {
      throw new AppError("classroom/not_found", "There is no such answer among your classes.");
    }
    // Grading is a change: a learner seen only through archived classes is read-only.
    if (!(await this.classrooms.teachesLearner(viewer, response.userId, undefined, true))) {
      throw new AppError("classroom/archived", "This learner's class is archived: unarchive it to grade.");
    }
    const item = await this.attempts.itemAtVersion(response.itemVersionId);
    if (!itemType(item).handGraded) throw new AppError("BAD_USER_INPUT", "Only essays are graded by hand.", { field: "responseId" });
    // An open attempt's essay can still be answered again, which would drop the grade but not what the grade
    // moved (stored mastery, learner summary): grade once the attempt is over, as pendingEssays lists them.
    const attemptState = (await this.db.getRepository(AttemptRow).findOne({ where: { id: response.attemptId }, select: { state: true } }))?.state;
    if (attemptState !== "FINISHED") throw new AppError("BAD_USER_INPUT", "This essay's attempt is not finished; it is graded once the learner finishes.", { field: "responseId" });
    // By rubric: every criterion marked, the total their sum. Else one total, as before rubric grading.
    let marks: { criterionId: string; score: number; comment: string | null }[] | null = null;
    let score = input.score ?? NaN;
    if (input.criteria) {
      const checked = checkMarks(itemType(item).rubric(item, Locale.AR), input.criteria);
      if ("error" in checked) throw new AppError("BAD_USER_INPUT", checked.error, { field: checked.field });
      if (input.score != null && Math.abs(input.score - checked.total) > 0.005) {
        throw new AppError("BAD_USER_INPUT", `The total must be the sum of the criteria's marks (${checked.total}).`, { field: "score" });
      }
      marks = checked.marks;
      score = checked.total;
    }
    if (!Number.isFinite(score) || score < 0 || score > item.points) {
      throw new AppError("BAD_USER_INPUT", `The score must be between 0 and ${item.points}.`, { field: "score" });
    }
    const comment = input.comment?.trim() || null;
    if (comment && comment.length > 5000) throw new AppError("BAD_USER_INPUT", "The comment may have at most 5,000 characters.", { field: "comment" });
    const graded = await this.writes.run(async (em) => {
      const now = this.clock.now();
      const r = await em.findOneByOrFail(ResponseRow, { id: responseId });
      // The attempt's contribution to class statistics changes with the grade: take it out, put it back after.
      await applyAttempt(em, r.attemptId!, -1);
      r.status = ResponseStatus.GRADED;
      r.score = roundPoints(score);
      r.correct = r.score === item.points;
      r.graderComment = comment;
      r.gradedBy = viewer.id;
      r.gradedAt = now;
      r.rubricMarks = marks;
      await em.save(ResponseRow, r);
      // History: every grade given, never rewritten (a regrade adds a row).
      await em.insert(EssayGradeRow, { id: randomUUID(), responseId: r.id, score: r.score, rubricMarks: marks, comment, gradedBy: viewer.id, gradedAt: now });
      const attempt = await em.findOneByOrFail(AttemptRow, { id: r.attemptId! });
      if (attempt.state === "FINISHED") {
        const { score: total, maxScore } = await this.attempts.scoreOf(em, attempt);
        attempt.score = total;
        attempt.maxScore = maxScore;
        await em.save(AttemptRow, attempt);
      }
      await applyAttempt(em, r.attemptId!, 1);
      await refreshQuizBest(em, r.userId, attempt.quizId);
      await this.events.emit(em, "answers.changed", { userId: r.userId, at: now });
      await this.events.emit(em, "attempt.regraded", { attemptId: attempt.id, userId: r.userId, quizId: attempt.quizId, at: now });
      return r;
    });
    this.activity.publish({ type: "ESSAY_GRADED", learnerId: graded.userId, learnerName: await displayNameOf(this.db, graded.userId), quizId: null, itemId: graded.itemId, attemptId: graded.attemptId, at: graded.gradedAt! });
    return graded;
  }

  /**
   * The gradebook as CSV: a row per learner (name, then the disambiguator: email or learner code), a column per quiz with the grade by its grading method (percent),
   * then lessons completed. UTF-8 with a BOM so spreadsheets read Arabic names correctly.
   */
  async gradebookCsv(classroomId: string, locale: Locale): Promise<string> {
    const learners = await this.dashboard.roster(classroomId, 0, 1_000_000, "", "NAME", true);
    const [attempts, completed] = await Promise.all([
      sql<{ userId: string; quizId: string; finishedAt: string; score: number; maxScore: number }>(
        this.db,
        `SELECT a."userId" AS "userId", a."quizId" AS "quizId", a."finishedAt" AS "finishedAt", a.score AS score, a."maxScore" AS "maxScore"
           FROM attempt a JOIN classroom_member m ON m."userId" = a."userId" AND m."classroomId" = ?
          WHERE a.mode = 'ASSESSMENT' AND a.state = 'FINISHED' AND a.score IS NOT NULL`,
        [classroomId],
      ),
      sql<{ userId: string; n: number }>(
        this.db,
        `SELECT p."userId" AS "userId", COUNT(*) AS n FROM lesson_progress p
           JOIN classroom_member m ON m."userId" = p."userId" AND m."classroomId" = ?
          WHERE p.status = 'COMPLETED' GROUP BY p."userId"`,
        [classroomId],
      ),
    ]);
    // Retired quizzes keep their column (grades are history), marked retired; lessons counted are the live ones.
    const quizzes = this.content.content.quizzes;
    const lessons = this.content.liveLessons().length;
    const retired = locale === "AR" ? " (سابق، لم يعد ضمن الدورة)" : " (retired)";
    const idHeader = this.dashboard.seesEmail ? (locale === "AR" ? "البريد الإلكتروني أو الرمز" : "Email or code") : locale === "AR" ? "رمز المتعلم" : "Learner code";
    const header = [locale === "AR" ? "المتعلم" : "Learner", idHeader, ...quizzes.map((q) => `${pick(q.title, locale)}${q.retired ? retired : ""} (%)`), locale === "AR" ? `الدروس المكتملة من ${lessons}` : `Lessons completed of ${lessons}`];
    const lines = [header];
    for (const l of learners) {
      const mine = attempts.filter((a) => a.userId === l.id);
      const grades = quizzes.map((q) => {
        const g = quizGrade(
          q.settings.gradingMethod,
          mine.filter((a) => a.quizId === q.id).map((a) => ({ finishedAt: new Date(a.finishedAt), score: num(a.score), maxScore: num(a.maxScore) })),
        );
        return g === null ? "" : (Math.round(g * 1000) / 10).toFixed(1);
      });
      lines.push([l.displayName, l.disambiguator ?? "", ...grades, String(num(completed.find((c) => c.userId === l.id)?.n))]);
    }
    return "\uFEFF" + lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }
}

/** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a name cannot run as a spreadsheet formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
