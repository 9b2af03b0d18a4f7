/**
 * Lesson progress (resume position, time spent, completion) and the learner's overview: status and grades
 * per lesson, mastery per objective, reviews due. Only results the review policy already shows count.
 */
import type { DataSource } from "typeorm";
import { AttemptRow } from "../attempts/attempt.entity.js";
import { AttemptMode, AttemptState } from "../attempts/attempt.enum.js";
import { feedbackVisible } from "../attempts/review-policy.js";
import type { ContentStore } from "../content/content.store.js";
import type { WriteQueue } from "../db/write-queue.js";
import { AppError } from "../errors.js";
import { bestScore, quizGrade } from "../grading/quiz-grade.js";
import type { ReviewService } from "../review/review.service.js";
import type { KeyRelease } from "../attempts/key-release.js";
import type { ActivityBus } from "../shared/activity.js";
import type { DomainEvents } from "../shared/domain-events.js";
import type { Viewer } from "../shared/viewer.js";
import type { Clock } from "../shared/clock.js";
import { LessonProgressRow } from "./lesson-progress.entity.js";
import { computeMastery } from "./mastery.query.js";
import { refreshLearnerSummary } from "./learner-summary.js";
import type { LessonProgress, MyProgress, ObjectiveMastery , MasteryLevel } from "./progress.type.js";
import { LessonStatus } from "./progress.type.js";

/** Longest gap between two progress reports that still counts as reading time. */
export const MAX_READING_GAP_S = 300;

export class ProgressService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
    private readonly reviews: ReviewService,
    private readonly activity: ActivityBus,
    private readonly events: DomainEvents,
    /** The learner's close time of a quiz (a class assignment's due date replaces the content's closesAt). */
    private readonly keys?: KeyRelease,
  ) {}

  /** When each quiz closes for this learner, as AFTER_CLOSE counts it. */
  private closeTimes(userId: string): Promise<Map<string, Date | null>> | undefined {
    return this.keys?.closeTimes(userId, this.content.content.quizzes.map((q) => q.id));
  }

  async record(viewer: Pick<Viewer, "id" | "displayName">, input: { lessonSlug: string; paragraphId?: string | null; completed?: boolean | null }): Promise<LessonProgress> {
    const userId = viewer.id;
    const lesson = this.content.content.lessons.find((l) => l.slug === input.lessonSlug);
    if (!lesson) throw new AppError("BAD_USER_INPUT", `There is no lesson "${input.lessonSlug}".`, { field: "lessonSlug" });
    const paragraphIds = lesson.sections.flatMap((s) => s.paragraphs.map((p) => p.id));
    if (input.paragraphId && !paragraphIds.includes(input.paragraphId)) {
      throw new AppError("BAD_USER_INPUT", `Lesson "${lesson.slug}" has no paragraph "${input.paragraphId}".`, { field: "paragraphId" });
    }
    const row = await this.writes.run(async (em) => {
      const now = this.clock.now();
      const existing = await em.findOneBy(LessonProgressRow, { userId, lessonSlug: lesson.slug });
      const row =
        existing ??
        em.create(LessonProgressRow, {
          userId,
          lessonSlug: lesson.slug,
          status: LessonStatus.IN_PROGRESS,
          lastParagraphId: null,
          paragraphsSeen: [],
          timeSpentSeconds: 0,
          startedAt: now,
          updatedAt: now,
          completedAt: null,
        });
      if (existing) {
        const gap = Math.max(0, Math.floor((now.getTime() - existing.updatedAt.getTime()) / 1000));
        row.timeSpentSeconds += Math.min(gap, MAX_READING_GAP_S);
      }
      if (input.paragraphId) {
        row.lastParagraphId = input.paragraphId;
        if (!row.paragraphsSeen.includes(input.paragraphId)) row.paragraphsSeen = [...row.paragraphsSeen, input.paragraphId];
      }
      // Decided before the row changes: `row` is `existing` itself when the lesson was already started.
      const completedNow = input.completed === true && row.status !== LessonStatus.COMPLETED;
      if (completedNow) {
        row.status = LessonStatus.COMPLETED;
        row.completedAt = now;
      }
      row.updatedAt = now;
      await em.upsert(LessonProgressRow, row, ["userId", "lessonSlug"]);
      if (completedNow) {
        await refreshLearnerSummary(em, userId);
        await this.events.emit(em, "lesson.completed", { userId, lessonSlug: lesson.slug, at: now });
      }
      return row;
    });
    this.activity.publish({ type: "LESSON_PROGRESS", learnerId: userId, learnerName: viewer.displayName, quizId: null, itemId: null, attemptId: null, at: row.updatedAt });
    return (await this.lessons(userId, [row])).find((l) => l.lessonSlug === lesson.slug)!;
  }

  /** Per-lesson status, resume point, time, and quiz grades (only those the review policy shows). */
  private async lessons(userId: string, rows?: LessonProgressRow[]): Promise<LessonProgress[]> {
    const progress = rows ?? (await this.db.getRepository(LessonProgressRow).findBy({ userId }));
    const attempts = await this.db.getRepository(AttemptRow).find({
      where: { userId, mode: AttemptMode.ASSESSMENT },
      select: { id: true, quizId: true, state: true, finishedAt: true, score: true, maxScore: true, mode: true },
    });
    const now = this.clock.now();
    const closes = await this.closeTimes(userId);
    // Live lessons, then the retired ones this learner has history in (read, or attempted): kept, marked retired.
    const lessons = this.content.content.lessons.filter(
      (l) => !l.retired || progress.some((r) => r.lessonSlug === l.slug) || attempts.some((a) => a.quizId === l.quiz),
    );
    return lessons.map((lesson) => {
      const p = progress.find((r) => r.lessonSlug === lesson.slug);
      const quiz = this.content.quizFile(lesson.quiz)!;
      const closesAt = closes?.has(quiz.id) ? closes.get(quiz.id)! : quiz.settings.closesAt ? new Date(quiz.settings.closesAt) : null;
      const mine = attempts.filter((a) => a.quizId === quiz.id);
      // Grades show only once the review policy shows scores (never, under NEVER).
      const scoresVisible = feedbackVisible("ASSESSMENT", "FINISHED", quiz.settings.reviewPolicy, closesAt, now);
      const finished = mine
        .filter((a) => scoresVisible && a.state === AttemptState.FINISHED && a.finishedAt && a.score !== null && a.maxScore !== null)
        .map((a) => ({ finishedAt: a.finishedAt!, score: a.score!, maxScore: a.maxScore! }));
      return {
        lessonSlug: lesson.slug,
        status: (p?.status as LessonStatus) ?? LessonStatus.NOT_STARTED,
        lastParagraphId: p?.lastParagraphId ?? null,
        paragraphsSeen: p?.paragraphsSeen.length ?? 0,
        paragraphsTotal: lesson.sections.reduce((n, s) => n + s.paragraphs.length, 0),
        timeSpentSeconds: p?.timeSpentSeconds ?? 0,
        completedAt: p?.completedAt ?? null,
        updatedAt: p?.updatedAt ?? null,
        bestScore: bestScore(finished),
        grade: quizGrade(quiz.settings.gradingMethod, finished),
        assessmentAttemptsUsed: mine.length,
        assessmentAttemptsAllowed: quiz.settings.maxAttempts,
      };
    });
  }

  /** Mastery per objective as the learner may see it now (see mastery.query.ts). */
  async mastery(userId: string): Promise<ObjectiveMastery[]> {
    const values = await computeMastery(this.db.manager, this.content, userId, this.clock.now(), "learner", await this.closeTimes(userId));
    return values.map((v) => ({ ...v, level: v.level as MasteryLevel }));
  }

  async overview(userId: string): Promise<MyProgress> {
    const [lessons, objectives, reviewsDue] = await Promise.all([this.lessons(userId), this.mastery(userId), this.reviews.dueCount(userId)]);
    return { lessons, objectives, reviewsDue };
  }
}
