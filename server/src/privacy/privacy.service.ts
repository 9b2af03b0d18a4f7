/**
 * A learner's own data: export everything (JSON), or delete the account. The export shows what the learner
 * may see elsewhere, no more: answers in public option ids (never the content's local ids, which could show
 * an author's habits such as "a" for the right answer), and an assessment's scores and correctness only once
 * its review policy shows them. Deletion removes personal data
 * (email, name, password, sessions, review schedule) and hands the learning records (attempts, responses,
 * progress, mastery, class memberships) to a fresh anonymous account with no personal data, so class
 * statistics keep counting them but nothing links them to the person.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { Role } from "../shared/role.enum.js";
import type { AccountService } from "../accounts/account.service.js";
import { UserRow } from "../accounts/user.entity.js";
import type { WriteQueue } from "../db/write-queue.js";
import { sql } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { Clock } from "../shared/clock.js";
import type { ContentStore } from "../content/content.store.js";
import type { Item } from "../content/content.schema.js";
import type { LocalAnswer } from "../grading/grading.js";
import { feedbackVisible } from "../attempts/review-policy.js";
import type { Mode, State } from "../attempts/review-policy.js";
import { toPublicAnswer } from "../attempts/attempt.view.js";
import type { Viewer } from "../shared/viewer.js";
import type { KeyRelease } from "../attempts/key-release.js";

/** Tables whose rows carry a learner's userId, and what deletion does with them. */
const HANDED_OVER = ["attempt", "response", "lesson_progress", "objective_mastery", "classroom_member", "quiz_best", "learner_summary", "item_hint"] as const;
const DELETED = ["review_card", "review_day", "session", "note"] as const;

export class PrivacyService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
    private readonly accounts: AccountService,
    /** The learner's close time of a quiz (a class assignment's due date replaces the content's closesAt). */
    private readonly keys?: KeyRelease,
  ) {}

  /** Whether an attempt's results may be shown now, as in its own view (AttemptService.feedbackVisible). */
  private visible(a: Record<string, unknown>, closes?: ReadonlyMap<string, Date | null>): boolean {
    const s = this.content.quizFile(String(a.quizId))?.settings;
    if (!s) return a.mode !== "ASSESSMENT";
    const closesAt = closes?.has(String(a.quizId)) ? closes.get(String(a.quizId))! : s.closesAt ? new Date(s.closesAt) : null;
    return feedbackVisible(a.mode as Mode, a.state as State, s.reviewPolicy, closesAt, this.clock.now());
  }

  async export(viewer: Viewer): Promise<string> {
    const id = viewer.id;
    const [user] = await sql<Record<string, unknown>>(this.db, `SELECT email, "displayName", role, locale, "createdAt" FROM "user" WHERE id = ?`, [id]);
    const q = (text: string) => sql<Record<string, unknown>>(this.db, text, [id]);
    const [sessions, progress, attempts, responses, reviews, mastery, classes, notes, liveAnswers] = await Promise.all([
      q(`SELECT "createdAt", "expiresAt", "revokedAt" FROM session WHERE "userId" = ? ORDER BY "createdAt"`),
      q(`SELECT "lessonSlug", status, "lastParagraphId", "paragraphsSeen", "timeSpentSeconds", "startedAt", "completedAt" FROM lesson_progress WHERE "userId" = ?`),
      q(`SELECT id, "quizId", mode, state, locale, "startedAt", "finishedAt", deadline, score, "maxScore", "attemptNumber" FROM attempt WHERE "userId" = ? ORDER BY "startedAt"`),
      q(`SELECT "attemptId", "itemId", "itemVersionId", mode, answer, status, score, "maxScore", correct, "answeredAt", "graderComment", certainty, "hintsUsed", live FROM response WHERE "userId" = ? ORDER BY "answeredAt"`),
      q(`SELECT "itemId", due FROM review_card WHERE "userId" = ?`),
      q(`SELECT "objectiveId", level, fraction FROM objective_mastery WHERE "userId" = ?`),
      q(`SELECT c.name, m."joinedAt" FROM classroom_member m JOIN classroom c ON c.id = m."classroomId" WHERE m."userId" = ?`),
      q(`SELECT id, "lessonSlug", "paragraphId", language, exact, prefix, suffix, "startOffset", "endOffset", body, "createdAt", "updatedAt" FROM note WHERE "userId" = ? ORDER BY "createdAt", id`),
      // Every answer given in a live class session as a class member (essays too, which are no practice evidence).
      q(`SELECT s.id AS "sessionId", s.code AS "sessionCode", s."quizId" AS "quizId", a."itemId" AS "itemId", a."itemVersionId" AS "itemVersionId", a.answer AS answer,
                a.status AS status, a.score AS score, a."maxScore" AS "maxScore", a.correct AS correct, a."answeredAt" AS "answeredAt", a."secondsToAnswer" AS "secondsToAnswer"
           FROM live_answer a JOIN live_participant p ON p.id = a."participantId" JOIN live_session s ON s.id = a."sessionId"
          WHERE p."userId" = ? ORDER BY a."answeredAt", a.id`),
    ]);
    const closes = await this.keys?.closeTimes(id, attempts.map((a) => String(a.quizId)));
    const hidden = new Set(attempts.filter((a) => !this.visible(a, closes)).map((a) => String(a.id)));
    for (const a of attempts) if (hidden.has(String(a.id))) Object.assign(a, { score: null, maxScore: null });
    const payloads = new Map<number, Item>();
    for (const r of [...responses, ...liveAnswers]) {
      const versionId = Number(r.itemVersionId);
      if (!payloads.has(versionId)) {
        const [v] = await sql<{ payload: string }>(this.db, `SELECT payload FROM quiz_item_version WHERE id = ?`, [versionId]);
        if (v) payloads.set(versionId, JSON.parse(v.payload) as Item);
      }
      const item = payloads.get(versionId);
      const local = JSON.parse(String(r.answer)) as LocalAnswer;
      r.answer = item ? toPublicAnswer(this.content.ids, item, local) : null;
      // Before review, a graded answer is only "answered", as in the attempt's own view.
      if (r.attemptId !== null && r.attemptId !== undefined && hidden.has(String(r.attemptId))) {
        Object.assign(r, { score: null, correct: null, status: r.status === "PENDING_MANUAL" ? r.status : "ANSWERED" });
      }
    }
    for (const r of responses) r.live = r.live === true || r.live === 1;
    for (const a of liveAnswers) a.correct = a.correct === null ? null : a.correct === true || a.correct === 1;
    for (const p of progress) p.paragraphsSeen = JSON.parse(String(p.paragraphsSeen));
    return JSON.stringify({ exportedAt: this.clock.now().toISOString(), user, sessions, lessonProgress: progress, attempts, responses, reviewSchedule: reviews, mastery, classes, notes, liveAnswers }, null, 2);
  }

  /**
   * Deletes the viewer's account after checking the password again. Learners only. The check is throttled
   * like sign-in, on the same counts (this account's email and the caller's address): it is no cheaper
   * password oracle than signIn.
   */
  async deleteAccount(viewer: Viewer, password: string, address = "unknown"): Promise<void> {
    if (viewer.role !== Role.LEARNER) throw new AppError("FORBIDDEN", "Instructor and admin accounts are removed by an administrator.");
    const own = await this.db.getRepository(UserRow).findOneBy({ id: viewer.id });
    const user = own && (await this.accounts.checkPassword(own.email, password, address, "wrong passwords"));
    if (!user || user.id !== viewer.id) throw new AppError("auth/invalid_credentials", "The password is wrong.");
    await this.writes.run(async (em) => {
      const anonId = randomUUID();
      await em.insert(UserRow, {
        id: anonId,
        email: `deleted-${randomUUID()}@invalid`,
        displayName: "—",
        role: Role.LEARNER,
        locale: user.locale,
        passwordHash: "!", // matches no password: the anonymous account cannot sign in
        createdAt: this.clock.now(),
      });
      for (const table of HANDED_OVER) await sql(em, `UPDATE ${table} SET "userId" = ? WHERE "userId" = ?`, [anonId, viewer.id]);
      await sql(em, `UPDATE attempt SET "openKey" = NULL WHERE "userId" = ?`, [anonId]);
      // Live sessions: the member's answers stay in past sessions' reports (the user's foreign key would
      // otherwise cascade them away), under the anonymous account and without the nickname, which was theirs.
      await sql(em, `UPDATE live_participant SET "userId" = ?, nickname = '—', "nicknameKey" = '~' || id WHERE "userId" = ?`, [anonId, viewer.id]);
      for (const table of DELETED) await sql(em, `DELETE FROM ${table} WHERE "userId" = ?`, [viewer.id]);
      await sql(em, `DELETE FROM "user" WHERE id = ?`, [viewer.id]);
    });
  }
}
