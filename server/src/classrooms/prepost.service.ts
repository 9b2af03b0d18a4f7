/**
 * Reads for the gain from the diagnostic pre-test to the final assessment (the pure rules: shared/gain.ts).
 * The learner's own view reads their finished attempts of the two quizzes and the answers in them (2
 * statements) and counts an attempt once its review policy shows its results. The class's view reads the
 * attempts' scores only (overall pre → post): 1 statement for a roster page's learners after the roster's
 * own, and 1 for the class average over every member, whatever the class's size.
 */
import type { Runner } from "../db/sql.js";
import type { ReadPool } from "../db/read-pool.js";
import { num, sql } from "../db/sql.js";
import type { ContentStore } from "../content/content.store.js";
import type { QuizFile } from "../content/content.schema.js";
import { quizRole } from "../content/content.schema.js";
import { feedbackVisibleFrom } from "../attempts/review-policy.js";
import { pick } from "../shared/locale.js";
import type { Locale } from "../shared/locale.js";
import type { GainAttempt, GainItem } from "../shared/gain.js";
import { classAverageGain, gainOf, methodShare, objectiveGains, overallGain } from "../shared/gain.js";
import type { ClassLearner } from "./classroom.type.js";
import type { ClassPrePostAverage, Gain, LearnerPrePost, MyGains } from "./prepost.type.js";

const gainItems = (q: QuizFile | undefined): GainItem[] => (q ? q.items.map((i) => ({ itemId: i.id, points: i.points, objectiveIds: i.objectives })) : []);
const strip = ({ pre, post, raw, normalized, alreadyMastered }: Gain): Gain => ({ pre, post, raw, normalized, alreadyMastered });

/** An attempt's overall share as a one-answer GainAttempt over a one-item quiz (the class's view). */
const WHOLE: GainItem[] = [{ itemId: "*", points: 1, objectiveIds: [] }];
const whole = (finishedAt: Date, score: number, maxScore: number): GainAttempt => ({ finishedAt, answers: new Map([["*", { score, maxScore }]]) });

export class PrePostService {
  constructor(
    private readonly pool: ReadPool,
    private readonly content: ContentStore,
  ) {}

  private get db(): Runner {
    return this.pool.runner;
  }

  private quizzes(): { pre: QuizFile | undefined; post: QuizFile | undefined } {
    const qs = this.content.content.quizzes;
    return { pre: qs.find((q) => quizRole(q) === "diagnostic"), post: qs.find((q) => quizRole(q) === "final") };
  }

  /** The learner's own gains: 2 statements. */
  async mine(userId: string, now: Date, locale: Locale): Promise<MyGains> {
    const { pre, post } = this.quizzes();
    const quizIds = [pre?.id, post?.id].filter((id): id is string => id !== undefined);
    // Every assessment attempt of the two (open ones count as used, as for a lesson's quiz); the finished ones
    // are the gain's evidence.
    const started = quizIds.length
      ? await sql<{ id: string; quizId: string; state: string; finishedAt: string | null }>(
          this.db,
          `SELECT id, "quizId", state, "finishedAt" FROM attempt WHERE "userId" = ? AND mode = 'ASSESSMENT' AND "quizId" IN (??)`,
          [userId, quizIds],
        )
      : [];
    const used = (q: QuizFile | undefined) => (q ? started.filter((a) => a.quizId === q.id).length : 0);
    const attempts = started.filter((a): a is typeof a & { finishedAt: string } => a.state === "FINISHED" && a.finishedAt !== null);
    // Only attempts whose results the review policy shows now (as mastery's learner view).
    const visible = attempts.filter((a) => {
      const s = this.content.quizFile(a.quizId)!.settings;
      const from = feedbackVisibleFrom(s.reviewPolicy, new Date(a.finishedAt), s.closesAt ? new Date(s.closesAt) : null);
      return from !== null && from <= now;
    });
    const responses = visible.length
      ? await sql<{ attemptId: string; itemId: string; status: string; score: number | null; maxScore: number }>(
          this.db,
          `SELECT "attemptId", "itemId", status, score, "maxScore" FROM response WHERE "attemptId" IN (??)`,
          [visible.map((a) => a.id)],
        )
      : [];
    const byAttempt = new Map<string, GainAttempt>(
      visible.map((a) => [a.id, { finishedAt: new Date(a.finishedAt), answers: new Map() }]),
    );
    for (const r of responses) {
      const answers = byAttempt.get(r.attemptId)!.answers as Map<string, { score: number; maxScore: number } | null>;
      answers.set(r.itemId, r.status === "GRADED" ? { score: num(r.score), maxScore: num(r.maxScore) } : null);
    }
    const of = (q: QuizFile | undefined) => (q ? visible.filter((a) => a.quizId === q.id).map((a) => byAttempt.get(a.id)!) : []);
    const input = {
      diagnostic: { items: gainItems(pre), attempts: of(pre) },
      final: { items: gainItems(post), method: post?.settings.gradingMethod ?? "HIGHEST", attempts: of(post) },
    };
    // The objectives taught now: a retired lesson's objectives are mapped onto live ones.
    const lessons = this.content.content.lessons.filter((l) => !l.retired);
    const objectives = lessons.flatMap((l) => l.objectives.map((o) => ({ o, l })));
    const gains = objectiveGains(objectives.map((x) => x.o.id), input);
    return {
      diagnosticQuizId: pre?.id ?? null,
      finalQuizId: post?.id ?? null,
      preTaken: input.diagnostic.attempts.length > 0,
      postTaken: input.final.attempts.length > 0,
      diagnosticAttemptsUsed: used(pre),
      finalAttemptsUsed: used(post),
      overall: strip(overallGain(input)),
      objectives: gains.map((g, i) => ({ ...strip(g), objectiveId: g.objectiveId, objectiveText: pick(objectives[i].o.text, locale), lessonSlug: objectives[i].l.slug })),
    };
  }

  /** Overall pre → post of the given learners (a roster page): 1 statement. */
  async learners(learners: ClassLearner[]): Promise<LearnerPrePost[]> {
    const gains = await this.overall(`"userId" IN (??)`, [learners.map((l) => l.id)]);
    return learners.map((learner) => ({ learner, ...(gains.get(learner.id) ?? strip(gainOf("*", null, null))) }));
  }

  /** The class average over every member who took both quizzes: 1 statement. */
  async classAverage(classroomId: string): Promise<ClassPrePostAverage> {
    const gains = await this.overall(`"userId" IN (SELECT "userId" FROM classroom_member WHERE "classroomId" = ?)`, [classroomId]);
    const avg = classAverageGain([...gains.values()]);
    return { ...strip(avg), learners: avg.learners };
  }

  /**
   * Overall pre → post per learner from the finished attempts' scores (an attempt's score counts its graded
   * answers; the instructor sees an attempt from the moment it finished, as the class's mastery does).
   */
  private async overall(who: string, params: unknown[]): Promise<Map<string, Gain>> {
    const { pre, post } = this.quizzes();
    const out = new Map<string, Gain>();
    if (!pre && !post) return out;
    const ids = [pre?.id, post?.id].filter((id): id is string => id !== undefined);
    if (params.length === 1 && Array.isArray(params[0]) && params[0].length === 0) return out;
    const rows = await sql<{ userId: string; quizId: string; finishedAt: string; score: number | null; maxScore: number | null }>(
      this.db,
      `SELECT "userId", "quizId", "finishedAt", score, "maxScore" FROM attempt
        WHERE mode = 'ASSESSMENT' AND state = 'FINISHED' AND "quizId" IN (??) AND ${who}`,
      [ids, ...params],
    );
    const byUser = new Map<string, { pre: GainAttempt[]; post: GainAttempt[] }>();
    for (const r of rows) {
      const u = byUser.get(r.userId) ?? { pre: [], post: [] };
      byUser.set(r.userId, u);
      (r.quizId === pre?.id ? u.pre : u.post).push(whole(new Date(r.finishedAt), num(r.score), num(r.maxScore)));
    }
    for (const [userId, u] of byUser) {
      const p = methodShare("FIRST", WHOLE, u.pre, null);
      const q = methodShare(post?.settings.gradingMethod ?? "HIGHEST", WHOLE, u.post, null);
      out.set(userId, strip(gainOf("*", p, q)));
    }
    return out;
  }
}
