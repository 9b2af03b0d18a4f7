/**
 * The instructor's class dashboard: every figure is aggregated in SQL (GROUP BY) over the class's members,
 * with a fixed number of statements per query whatever the roster size; rosters paginate.
 */
import type { ReadPool } from "../db/read-pool.js";
import type { Runner } from "../db/sql.js";
import type { ContentStore } from "../content/content.store.js";
import { num, numOrNull, sql } from "../db/sql.js";
import { pick } from "../shared/locale.js";
import type { Locale } from "../shared/locale.js";
import { itemType } from "../items/registry.js";
import type { ItemType } from "../quizzes/quiz.enum.js";
import { LessonStatus, MasteryLevel } from "../progress/progress.type.js";
import { checkReasons, discriminationIndex, facilityIndex } from "./item-stats.js";
import { ClassIdentities, disambiguatorOf, learnerCode, nameKey } from "./learner-identity.js";
import type { Calibration } from "../attempts/attempt.type.js";
import type { Certainty } from "../grading/cbm.js";
import { calibrationFromSums, isCertainty } from "../grading/cbm.js";
import type {
  ClassLearner,
  ClassroomActivity,
  ItemStat,
  LearnerLessonCell,
  LearnerObjectiveCell,
  LearnerProgressRow,
  LessonAverage,
  NeedsHelp,
  ObjectiveSummary,
} from "./classroom.type.js";
import type { ActivityType } from "./classroom.type.js";

export const MAX_PAGE = 200;

/** Orders of the roster (and the matrix, which pages through it). */
export type RosterOrder = "NAME" | "JOINED_NEWEST" | "JOINED_OLDEST";

/**
 * How many of the class's members (the first `?`: the class id) share the name of the row aliased `alias`:
 * an index probe on user."nameKey" (accounts/identity-keys.ts), then membership, per row of a page.
 */
const SAME_NAME = (alias: string) =>
  `(SELECT COUNT(*) FROM "user" u2 JOIN classroom_member m2 ON m2."userId" = u2.id AND m2."classroomId" = ? WHERE u2."nameKey" = ${alias}."nameKey")`;

export class DashboardService {
  constructor(
    private readonly pool: ReadPool,
    private readonly content: ContentStore,
    /** INSTRUCTOR_SEES_EMAIL: the disambiguator is the email (true) or the learner code (false). */
    readonly seesEmail = true,
  ) {}

  /** Each statement takes the next read connection, so a dashboard's aggregates run side by side. */
  private get db(): Runner {
    return this.pool.runner;
  }

  async learnerCount(classroomId: string): Promise<number> {
    const [row] = await sql(this.db, `SELECT COUNT(*) AS n FROM classroom_member WHERE "classroomId" = ?`, [classroomId]);
    return num(row.n);
  }

  /**
   * Every member of the class with what tells them apart, in memory: for a live feed, which keeps the set
   * current from join events (1 statement, every member's row). Pages and lists use disambiguators() instead.
   */
  async identities(classroomId: string): Promise<{ identities: ClassIdentities; joinedAt: Map<string, Date> }> {
    const rows = await sql<{ id: string; displayName: string; email: string | null; joinedAt: string }>(
      this.db,
      `SELECT u.id AS id, u."displayName" AS "displayName", u.email AS email, m."joinedAt" AS "joinedAt"
         FROM classroom_member m JOIN "user" u ON u.id = m."userId" WHERE m."classroomId" = ?`,
      [classroomId],
    );
    return { identities: new ClassIdentities(rows, this.seesEmail), joinedAt: new Map(rows.map((r) => [r.id, new Date(r.joinedAt)])) };
  }

  /**
   * The disambiguators of some of the class's members (a page, a list): 1 statement, a few rows, whatever the
   * class's size; each learner's is null unless another member shares their name (or `always`, per call).
   */
  async disambiguators(classroomId: string, learnerIds: Iterable<string>): Promise<(learnerId: string, always?: boolean) => string | null> {
    const ids = [...new Set(learnerIds)];
    if (ids.length === 0) return () => null;
    const rows = await sql<{ id: string; email: string | null; sameName: number }>(
      this.db,
      `SELECT u.id AS id, u.email AS email, ${SAME_NAME("u")} AS "sameName" FROM "user" u WHERE u.id IN (${ids.map(() => "?").join(", ")})`,
      [classroomId, ...ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return (learnerId, always = false) => {
      const row = byId.get(learnerId);
      if (!row) return always ? learnerCode(learnerId) : null;
      return always || num(row.sameName) > 1 ? disambiguatorOf(row, this.seesEmail) : null;
    };
  }

  /** A row's disambiguator from its own columns (email, sameName: SAME_NAME), or null when its name is unique. */
  private sameNameDisambiguator(row: { id: string; email: string | null; sameName: number | string }): string | null {
    return num(row.sameName) > 1 ? disambiguatorOf(row, this.seesEmail) : null;
  }

  /** One member of the class, or null; the drill-down always shows the disambiguator. */
  async member(classroomId: string, learnerId: string): Promise<ClassLearner | null> {
    const [row] = await sql<{ id: string; displayName: string; email: string | null; joinedAt: string }>(
      this.db,
      `SELECT u.id AS id, u."displayName" AS "displayName", u.email AS email, m."joinedAt" AS "joinedAt"
         FROM classroom_member m JOIN "user" u ON u.id = m."userId" WHERE m."classroomId" = ? AND m."userId" = ?`,
      [classroomId, learnerId],
    );
    return row ? { id: row.id, displayName: row.displayName, disambiguator: disambiguatorOf(row, this.seesEmail), joinedAt: new Date(row.joinedAt) } : null;
  }

  /**
   * The roster a page at a time, searched (name Arabic-folded, learner code, and email when instructors see
   * emails) and ordered, with each learner's disambiguator when their name collides (`always`: every one,
   * for exports): 1 statement, the page's rows only.
   */
  async roster(classroomId: string, offset: number, limit: number, search = "", order: RosterOrder = "NAME", always = false): Promise<ClassLearner[]> {
    const filter = this.rosterFilter(search);
    // The order by name (Arabic-folded) or by joining time, over the user `n` and the membership `j`.
    const by = (n: string, j: string) =>
      (order === "NAME" ? "" : `${j}."joinedAt" ${order === "JOINED_NEWEST" ? "DESC" : "ASC"}, `) + `${n}."nameKey", ${n}.id`;
    const rows = await sql<{ id: string; displayName: string; email: string | null; joinedAt: string; sameName: number }>(
      this.db,
      `SELECT p.id AS id, p."displayName" AS "displayName", p.email AS email, p."joinedAt" AS "joinedAt", ${SAME_NAME("p")} AS "sameName"
         FROM (SELECT u.id AS id, u."displayName" AS "displayName", u.email AS email, u."nameKey" AS "nameKey", m."joinedAt" AS "joinedAt"
                 FROM classroom_member m JOIN "user" u ON u.id = m."userId"
                WHERE m."classroomId" = ?${filter.where}
                ORDER BY ${by("u", "m")} LIMIT ? OFFSET ?) p
        ORDER BY ${by("p", "p")}`,
      [classroomId, classroomId, ...filter.params, limit, offset],
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      disambiguator: always || num(r.sameName) > 1 ? disambiguatorOf(r, this.seesEmail) : null,
      joinedAt: new Date(r.joinedAt),
    }));
  }

  /** How many members a roster search finds (all of them without a search). */
  async rosterCount(classroomId: string, search: string): Promise<number> {
    if (!search.trim()) return this.learnerCount(classroomId);
    const filter = this.rosterFilter(search);
    const [row] = await sql(
      this.db,
      `SELECT COUNT(*) AS n FROM classroom_member m JOIN "user" u ON u.id = m."userId" WHERE m."classroomId" = ?${filter.where}`,
      [classroomId, ...filter.params],
    );
    return num(row.n);
  }

  /** The roster search as SQL over `u` (user): the name Arabic-folded, the learner code, the email when shown. */
  private rosterFilter(search: string): { where: string; params: string[] } {
    const q = search.trim();
    if (!q) return { where: "", params: [] };
    const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A search of punctuation only folds to no name at all: it then finds by code and email alone.
    const name = nameKey(q);
    const parts = [...(name ? [`u."nameKey" LIKE ? ESCAPE '\\'`] : []), `u."learnerCode" LIKE ? ESCAPE '\\'`];
    const params = [...(name ? [like(name)] : []), like(q.toUpperCase())];
    if (this.seesEmail) {
      parts.push(`LOWER(u.email) LIKE ? ESCAPE '\\'`);
      params.push(like(q.toLowerCase()));
    }
    return { where: ` AND (${parts.join(" OR ")})`, params };
  }

  /** Roster × lesson matrix for one page of learners, with mastery per objective: 4 statements. */
  async progress(classroomId: string, offset: number, limit: number, search = "", order: RosterOrder = "NAME"): Promise<LearnerProgressRow[]> {
    return this.progressOf(await this.roster(classroomId, offset, limit, search, order));
  }

  /** The matrix rows of given learners: 3 statements. */
  async progressOf(learners: ClassLearner[]): Promise<LearnerProgressRow[]> {
    const ids = learners.map((l) => l.id);
    const [progress, best, mastery] = await Promise.all([
      sql<{ userId: string; lessonSlug: string; status: string }>(
        this.db,
        `SELECT "userId", "lessonSlug", status FROM lesson_progress WHERE "userId" IN (??)`,
        [ids],
      ),
      sql<{ userId: string; quizId: string; best: number }>(this.db, `SELECT "userId", "quizId", best FROM quiz_best WHERE "userId" IN (??)`, [ids]),
      sql<{ userId: string; objectiveId: string; level: string; fraction: number }>(
        this.db,
        `SELECT "userId", "objectiveId", level, fraction FROM objective_mastery WHERE "userId" IN (??)`,
        [ids],
      ),
    ]);
    const key = (a: string, b: string) => `${a}\u0000${b}`;
    const status = new Map(progress.map((p) => [key(p.userId, p.lessonSlug), p.status]));
    const bestOf = new Map(best.map((b) => [key(b.userId, b.quizId), num(b.best)]));
    const masteryOf = new Map(mastery.map((m) => [key(m.userId, m.objectiveId), m]));
    return learners.map((learner) => ({
      learner,
      lessons: this.content.content.lessons.map(
        (l): LearnerLessonCell => ({
          lessonSlug: l.slug,
          status: (status.get(key(learner.id, l.slug)) as LessonStatus) ?? LessonStatus.NOT_STARTED,
          bestScore: round4(bestOf.get(key(learner.id, l.quiz)) ?? null),
        }),
      ),
      objectives: this.objectiveIds().map((o): LearnerObjectiveCell => {
        const m = masteryOf.get(key(learner.id, o.objectiveId));
        return { objectiveId: o.objectiveId, level: (m?.level as MasteryLevel) ?? MasteryLevel.NOT_STARTED, fraction: num(m?.fraction) };
      }),
    }));
  }

  private objectiveIds(): { objectiveId: string; lessonSlug: string }[] {
    return this.content.liveLessons().flatMap((l) => l.objectives.map((o) => ({ objectiveId: o.id, lessonSlug: l.slug })));
  }

  /** Completion and mean best score per lesson over the whole class, from the per-class sums: 3 statements. */
  async lessonAverages(classroomId: string): Promise<LessonAverage[]> {
    const [members, completed, best] = await Promise.all([
      this.learnerCount(classroomId),
      sql<{ lessonSlug: string; n: number }>(this.db, `SELECT "lessonSlug", completed AS n FROM class_lesson_sum WHERE "classroomId" = ?`, [classroomId]),
      sql<{ quizId: string; avg: number; n: number }>(
        this.db,
        `SELECT "quizId", CASE WHEN n > 0 THEN "sumBest" / n END AS avg, n FROM class_quiz_sum WHERE "classroomId" = ? AND n > 0`,
        [classroomId],
      ),
    ]);
    return this.content.content.lessons.map((l) => {
      const c = num(completed.find((r) => r.lessonSlug === l.slug)?.n);
      const b = best.find((r) => r.quizId === l.quiz);
      return {
        lessonSlug: l.slug,
        completed: c,
        completionRate: members ? round4(c / members)! : 0,
        averageBestScore: b ? round4(num(b.avg)) : null,
        assessed: num(b?.n),
      };
    });
  }

  /**
   * Learners per mastery level for each objective: 2 statements. Each member's rows come from
   * objective_mastery's covering index (ix_mastery_user_cover), not from the table (whose rows carry the
   * mastery state's JSON).
   */
  async masterySummary(classroomId: string): Promise<ObjectiveSummary[]> {
    const [members, rows] = await Promise.all([
      this.learnerCount(classroomId),
      sql<{ objectiveId: string; level: string; n: number; f: number }>(
        this.db,
        `SELECT o."objectiveId" AS "objectiveId", o.level AS level, COUNT(*) AS n, SUM(o.fraction) AS f FROM objective_mastery o
           JOIN classroom_member m ON m."userId" = o."userId" AND m."classroomId" = ?
          GROUP BY o."objectiveId", o.level`,
        [classroomId],
      ),
    ]);
    return this.objectiveIds().map(({ objectiveId, lessonSlug }) => {
      const count = (level: string) => num(rows.find((r) => r.objectiveId === objectiveId && r.level === level)?.n);
      const mine = rows.filter((r) => r.objectiveId === objectiveId);
      const started = mine.reduce((s, r) => s + num(r.n), 0);
      const sumF = mine.reduce((s, r) => s + num(r.f), 0);
      return {
        objectiveId,
        lessonSlug,
        notStarted: Math.max(0, members - started),
        attempted: count("ATTEMPTED"),
        familiar: count("FAMILIAR"),
        proficient: count("PROFICIENT"),
        mastered: count("MASTERED"),
        averageFraction: started ? round4(sumF / started) : null,
      };
    });
  }

  /**
   * Learners who need help: mean best assessment score under the threshold (LOW_SCORES), two or more
   * objectives stuck at ATTEMPTED (WEAK_OBJECTIVES), or behind (BEHIND): in a class with assignments, an
   * assignment past its due date and not done (assignment-state.ts's OVERDUE); in a class without, two lessons
   * behind the class's mean. 1 statement: same-named members are counted over the LIMITed rows only.
   */
  async needsHelp(classroomId: string, threshold: number, limit: number, now: Date = new Date()): Promise<NeedsHelp[]> {
    // Per-member figures come from learner_summary (kept current at write time): one row per member.
    const perMember = `
      SELECT m."userId" AS "userId", m."joinedAt" AS "joinedAt", s."averageBest" AS best,
             COALESCE(s."weakObjectives", 0) AS weak, COALESCE(s."lessonsCompleted", 0) AS done
        FROM classroom_member m LEFT JOIN learner_summary s ON s."userId" = m."userId"
       WHERE m."classroomId" = ?`;
    // Due dates (assignment-state.ts): an assignment of the class past due whose lesson or quiz the member has not done.
    // Without an assignment past due (an uncorrelated EXISTS, computed once) no member is probed.
    const overdue = `CASE WHEN NOT EXISTS (SELECT 1 FROM assignment s WHERE s."classroomId" = ? AND s."dueAt" < ?) THEN 0
      WHEN EXISTS (SELECT 1 FROM assignment s WHERE s."classroomId" = ? AND s."dueAt" < ?
        AND NOT EXISTS (SELECT 1 FROM attempt a WHERE s.kind = 'QUIZ' AND a."userId" = x."userId" AND a."quizId" = s."targetId" AND a.mode = 'ASSESSMENT' AND a.state = 'FINISHED')
        AND NOT EXISTS (SELECT 1 FROM lesson_progress p WHERE s.kind = 'LESSON' AND p."userId" = x."userId" AND p."lessonSlug" = s."targetId" AND p."completedAt" IS NOT NULL)) THEN 1 ELSE 0 END`;
    const assigned = `(SELECT COUNT(*) FROM assignment s WHERE s."classroomId" = ?)`;
    const behind = `(c.overdue = 1 OR (c.assigned = 0 AND c.done <= c."behindBelow"))`;
    // The class's mean of completed lessons: an uncorrelated subquery, computed once (a window over the
    // member rows made SQLite copy all of them first: about a third more time at 10,000 learners).
    const mean = `(SELECT AVG(COALESCE(s2."lessonsCompleted", 0)) FROM classroom_member m2 LEFT JOIN learner_summary s2 ON s2."userId" = m2."userId" WHERE m2."classroomId" = ?)`;
    const rows = await sql<{ id: string; displayName: string; email: string | null; joinedAt: string; best: number | null; weak: number; done: number; behindBelow: number; overdue: number; assigned: number; sameName: number }>(
      this.db,
      `SELECT h.*, ${SAME_NAME("h")} AS "sameName"
         FROM (SELECT u.id AS id, u."displayName" AS "displayName", u.email AS email, u."nameKey" AS "nameKey", c."joinedAt" AS "joinedAt",
                      c.best AS best, c.weak AS weak, c.done AS done, c."behindBelow" AS "behindBelow", c.overdue AS overdue, c.assigned AS assigned
                 FROM (SELECT x.*, ${mean} - 2 AS "behindBelow", ${overdue} AS overdue, ${assigned} AS assigned FROM (${perMember}) x) c JOIN "user" u ON u.id = c."userId"
                WHERE (c.best IS NOT NULL AND c.best < ?) OR c.weak >= 2 OR ${behind}
                ORDER BY COALESCE(c.best, 1) ASC, c.weak DESC, u."displayName"
                LIMIT ?) h
        ORDER BY COALESCE(h.best, 1) ASC, h.weak DESC, h."displayName"`,
      [classroomId, classroomId, classroomId, now.toISOString(), classroomId, now.toISOString(), classroomId, classroomId, threshold, limit],
    );
    return rows.map((r) => {
      const best = numOrNull(r.best);
      const reasons: string[] = [];
      if (best !== null && best < threshold) reasons.push("LOW_SCORES");
      if (num(r.weak) >= 2) reasons.push("WEAK_OBJECTIVES");
      if (num(r.overdue) === 1 || (num(r.assigned) === 0 && num(r.done) <= num(r.behindBelow))) reasons.push("BEHIND");
      return {
        learner: { id: r.id, displayName: r.displayName, disambiguator: this.sameNameDisambiguator(r), joinedAt: new Date(r.joinedAt) },
        reasons,
        averageBestScore: round4(best),
        weakObjectives: num(r.weak),
        lessonsCompleted: num(r.done),
      };
    });
  }

  /**
   * The latest answers, finished attempts and joins in the class, newest first: 3 statements, each walking an
   * index newest-first that also holds the learner (ix_response_answered_user, ix_attempt_finished_user: no
   * table row is read for a step that is not the class's) and keeping the class's members, so the cost does not grow with the number of answers
   * (for a large class; a small class among many busy ones walks further). Each counts same-named members for
   * its own LIMITed rows (SAME_NAME), so no statement follows for the disambiguators.
   */
  async recentActivity(classroomId: string, limit: number): Promise<ClassroomActivity[]> {
    // CROSS JOIN keeps SQLite's loop order: newest rows first by index, each probed for membership.
    // Who the row is, with SAME_NAME over the user `u` (its `?`, the class id, comes first in each statement).
    const who = `u."displayName" AS "learnerName", u.email AS email, ${SAME_NAME("u")} AS "sameName"`;
    type Who = { learnerId: string; learnerName: string; email: string | null; sameName: number };
    const [answers, finished, joins] = await Promise.all([
      sql<Who & { quizId: string; itemId: string; attemptId: string; at: string }>(
        this.db,
        `SELECT r."userId" AS "learnerId", ${who}, a."quizId" AS "quizId", r."itemId" AS "itemId",
                r."attemptId" AS "attemptId", r."answeredAt" AS at
           FROM (SELECT r.* FROM response r CROSS JOIN classroom_member m
                  WHERE m."classroomId" = ? AND m."userId" = r."userId" ORDER BY r."answeredAt" DESC LIMIT ?) r
           JOIN "user" u ON u.id = r."userId" LEFT JOIN attempt a ON a.id = r."attemptId"
          ORDER BY r."answeredAt" DESC`,
        [classroomId, classroomId, limit],
      ),
      sql<Who & { quizId: string; attemptId: string; at: string }>(
        this.db,
        `SELECT a."userId" AS "learnerId", ${who}, a."quizId" AS "quizId", a.id AS "attemptId", a."finishedAt" AS at
           FROM (SELECT a.* FROM attempt a CROSS JOIN classroom_member m
                  WHERE m."classroomId" = ? AND m."userId" = a."userId" AND a.state = 'FINISHED' ORDER BY a."finishedAt" DESC LIMIT ?) a
           JOIN "user" u ON u.id = a."userId" ORDER BY a."finishedAt" DESC`,
        [classroomId, classroomId, limit],
      ),
      sql<Who & { at: string }>(
        this.db,
        `SELECT j."learnerId" AS "learnerId", ${who}, j.at AS at
           FROM (SELECT m."userId" AS "learnerId", m."joinedAt" AS at FROM classroom_member m
                  WHERE m."classroomId" = ? ORDER BY m."joinedAt" DESC LIMIT ?) j
           JOIN "user" u ON u.id = j."learnerId" ORDER BY j.at DESC`,
        [classroomId, classroomId, limit],
      ),
    ]);
    const of = (r: Who) => ({ learnerId: r.learnerId, learnerName: r.learnerName, learnerDisambiguator: this.sameNameDisambiguator({ id: r.learnerId, email: r.email, sameName: r.sameName }) });
    const all: ClassroomActivity[] = [
      ...answers.map((r) => ({ type: "ANSWER_SUBMITTED" as ActivityType, ...of(r), quizId: r.quizId, itemId: r.itemId, attemptId: r.attemptId, at: new Date(r.at) })),
      ...finished.map((r) => ({ type: "ATTEMPT_FINISHED" as ActivityType, ...of(r), quizId: r.quizId, itemId: null, attemptId: r.attemptId, at: new Date(r.at) })),
      ...joins.map((r) => ({ type: "LEARNER_JOINED" as ActivityType, ...of(r), quizId: null, itemId: null, attemptId: null, at: new Date(r.at) })),
    ];
    return all.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
  }

  /**
   * Item statistics for one quiz over the class's finished ASSESSMENT attempts (first attempts unless
   * allAttempts), read from the sums kept in stat_attempt_sum and stat_item_sum (stat-rollup.ts):
   * 2 statements and a few dozen rows, whatever the class size.
   */
  async itemStats(classroomId: string, quizId: string, allAttempts: boolean, locale: Locale): Promise<ItemStat[]> {
    const quiz = this.content.quizFile(quizId);
    if (!quiz) return [];
    const scope = allAttempts ? "ALL" : "FIRST";
    const [[totals], perKey, hinted] = await Promise.all([
      sql<{ n: number; sumT: number; sumT2: number }>(this.db, `SELECT n, "sumT", "sumT2" FROM stat_attempt_sum WHERE "classroomId" = ? AND "quizId" = ? AND scope = ?`, [classroomId, quizId, scope]),
      sql<{ itemId: string; answerKey: string; n: number; graded: number; sumX: number; sumX2: number; sumXT: number }>(
        this.db,
        `SELECT "itemId", "answerKey", n, graded, "sumX", "sumX2", "sumXT" FROM stat_item_sum WHERE "classroomId" = ? AND "quizId" = ? AND scope = ? AND n > 0`,
        [classroomId, quizId, scope],
      ),
      // Hints exist in practice only: the hinted practice answers to this quiz's items (item ids are unique in the
      // course), read through their partial index (ix_response_hinted), kept when the learner is a member.
      sql<{ itemId: string; n: number; hints: number }>(
        this.db,
        `SELECT r."itemId" AS "itemId", COUNT(*) AS n, SUM(r."hintsUsed") AS hints
           FROM response r
          WHERE r."hintsUsed" > 0 AND r.mode = 'PRACTICE' AND r."itemId" IN (${quiz.items.map(() => "?").join(", ")})
            AND EXISTS (SELECT 1 FROM classroom_member m WHERE m."classroomId" = ? AND m."userId" = r."userId")
          GROUP BY r."itemId"`,
        [...quiz.items.map((i) => i.id), classroomId],
      ),
    ]);
    const attemptSums = { n: num(totals?.n), sumT: num(totals?.sumT), sumT2: num(totals?.sumT2) };
    return quiz.items.map((item) => {
      const rows = perKey.filter((p) => p.itemId === item.id);
      const keyed = rows.map((r) => ({ answerKey: r.answerKey === "" ? null : r.answerKey, n: num(r.n) }));
      const sums = { sumX: 0, sumX2: 0, sumXT: 0 };
      let graded = 0;
      let answered = 0;
      for (const r of rows) {
        sums.sumX += num(r.sumX);
        sums.sumX2 += num(r.sumX2);
        sums.sumXT += num(r.sumXT);
        graded += num(r.graded);
        answered += num(r.n);
      }
      // An essay nobody has graded yet has no statistics; everything else counts unanswered attempts as 0.
      const noData = itemType(item).handGraded && graded === 0;
      const facility = noData ? null : facilityIndex(attemptSums, sums, item.points);
      const discrimination = noData ? null : discriminationIndex(attemptSums, sums);
      const reasons = checkReasons(facility, discrimination);
      return {
        itemId: item.id,
        type: item.type as ItemType,
        prompt: pick(item.prompt, locale),
        points: item.points,
        attempts: attemptSums.n,
        responses: answered,
        facilityIndex: facility,
        discriminationIndex: discrimination,
        needsCheck: reasons.length > 0,
        checkReasons: reasons,
        distribution: itemType(item).distribution(this.content.ids, item, keyed, locale),
        statements: itemType(item).statements(this.content.ids, item, keyed, locale),
        hintedAnswers: num(hinted.find((h) => h.itemId === item.id)?.n),
        hintsUsed: num(hinted.find((h) => h.itemId === item.id)?.hints),
      };
    });
  }

  /**
   * Certainty-based marking calibration of the class's learners: accuracy per certainty level over their
   * graded answers that carry a certainty (practice and assessments), for one quiz or all; null when none do.
   */
  async calibration(classroomId: string, quizId: string | null): Promise<Calibration | null> {
    const rows = await sql<{ certainty: number; n: number; sumFraction: number; sumScore: number; sumMax: number }>(
      this.db,
      `SELECT r.certainty AS certainty, COUNT(*) AS n, SUM(r.score / r."maxScore") AS "sumFraction", SUM(r.score) AS "sumScore", SUM(r."maxScore") AS "sumMax"
         FROM response r JOIN classroom_member m ON m."userId" = r."userId" AND m."classroomId" = ?
         JOIN attempt a ON a.id = r."attemptId"
        WHERE r.status = 'GRADED' AND r.certainty IS NOT NULL AND r."maxScore" > 0${quizId ? ` AND a."quizId" = ?` : ""}
        GROUP BY r.certainty`,
      quizId ? [classroomId, quizId] : [classroomId],
    );
    const sums = rows.flatMap((r) => {
      const certainty = num(r.certainty);
      return isCertainty(certainty) ? [{ certainty: certainty as Certainty, n: num(r.n), sumFraction: num(r.sumFraction), sumScore: num(r.sumScore), sumMax: num(r.sumMax) }] : [];
    });
    if (sums.length === 0) return null;
    return calibrationFromSums(sums);
  }
}

const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);
