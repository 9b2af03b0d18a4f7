/**
 * Quiz attempts: start (or resume), answer, finish, abandon, and the deadline the server enforces. All writes
 * go through the write queue and re-check the attempt's state inside their transaction, so concurrent calls
 * see one consistent outcome. Grading is delegated to the pure functions in grading/.
 */
import { randomInt, randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { Item } from "../content/content.schema.js";
import type { WriteQueue } from "../db/write-queue.js";
import { AppError } from "../errors.js";
import type { PublicAnswer } from "../grading/answer.validate.js";
import { validateAnswer } from "../grading/answer.validate.js";
import { gradeItem, roundPoints } from "../grading/grading.js";
import { answerKey } from "../grading/answer-key.js";
import { guarded, inPool } from "../quizzes/pools.js";
import { publicChoicesAndTargets } from "../quizzes/quiz.view.js";
import { itemType } from "../items/registry.js";
import { QuizItemVersion } from "../quizzes/quiz-item-version.entity.js";
import type { ActivityBus } from "../shared/activity.js";
import type { DomainEvents } from "../shared/domain-events.js";
import { displayNameOf } from "../accounts/display-name.js";
import type { Clock } from "../shared/clock.js";
import type { Viewer } from "../shared/viewer.js";
import { Locale } from "../shared/locale.js";
import type { AttemptLayout } from "./attempt.entity.js";
import { AttemptRow } from "./attempt.entity.js";
import { AttemptMode, AttemptState, ResponseStatus } from "./attempt.enum.js";
import { ResponseRow } from "./response.entity.js";
import { prepared } from "../db/prepared.js";
import { feedbackVisible } from "./review-policy.js";
import type { KeyRelease } from "./key-release.js";
import { ItemHintRow } from "./item-hint.entity.js";
import { certaintyModeOf, hintsOffered, MAX_HINTS } from "./hints.js";
import { CertaintyMode } from "./attempt.enum.js";
import { isCertainty } from "../grading/cbm.js";
import { finishRefused, isLate, startRefusal } from "./assignment-terms.js";
import type { AssignmentTerms } from "./assignment-terms.js";

/** Fisher–Yates with a cryptographic source: the order cannot be predicted from earlier attempts. */
export function shuffle<T>(xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A client answer id: a UUID in its usual text form. */
const CLIENT_ANSWER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What submitAnswer needs to answer, read once on the write path: no second fetch of the attempt or item. */
export interface Submitted {
  attempt: AttemptRow;
  response: ResponseRow;
  /** The item at the version the answer was graded against, and that version's number. */
  item: Item;
  version: number;
  /** The same answer sent again (its clientAnswerId already stored): nothing was written or published. */
  repeat: boolean;
}

export class AttemptService {
  /** Item versions by row id; versions are immutable, so the cache never goes stale. */
  private readonly versions = new Map<number, Item>();

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
    private readonly activity: ActivityBus,
    private readonly keys: KeyRelease,
    private readonly events: DomainEvents,
  ) {}

  /** The item as it was at a given version (the current one from memory, older ones from the database). */
  async itemAtVersion(versionId: number): Promise<Item> {
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const row = await this.db.getRepository(QuizItemVersion).findOneByOrFail({ id: versionId });
    const item = JSON.parse(row.payload) as Item;
    this.versions.set(versionId, item);
    return item;
  }

  private quizSettings(quizId: string) {
    const quiz = this.content.quizFile(quizId);
    if (!quiz) throw new AppError("attempt/not_found", "There is no such quiz.");
    return quiz.settings;
  }

  /** A new attempt's items: those of its mode's pool (quizzes/pools.ts), shuffled, with shuffled options. */
  private layoutFor(quizId: string, mode: AttemptMode): AttemptLayout {
    const quiz = this.content.quizFile(quizId)!;
    const ids = this.content.ids;
    return {
      items: shuffle(quiz.items.filter((item) => inPool(item, mode))).map((item) => {
        const rec = this.content.item(item.id)!;
        this.versions.set(rec.versionId, item);
        const { choices, targets } = publicChoicesAndTargets(ids, item, Locale.AR);
        // This attempt's own order of the options, as the type lays it out (items/<type>.ts layout).
        const order = itemType(item).layout(ids, item, { choices: choices.map((c) => c.id), targets: targets.map((t) => t.id) }, shuffle);
        return { itemId: item.id, versionId: rec.versionId, version: rec.version, choices: order.choices, targets: order.targets };
      }),
    };
  }

  /**
   * Whether this attempt's results may be shown now. Under AFTER_CLOSE the close is the learner's class
   * assignment's due date where one exists (KeyRelease.closeTime), else the content's closesAt.
   */
  async feedbackVisible(row: AttemptRow): Promise<boolean> {
    const s = this.content.quizFile(row.quizId)?.settings;
    if (!s) return false;
    const closesAt = s.reviewPolicy === "AFTER_CLOSE" && row.mode === AttemptMode.ASSESSMENT && row.state !== AttemptState.IN_PROGRESS
      ? (await this.keys.closeTime(row.userId, row.quizId)).closesAt
      : s.closesAt ? new Date(s.closesAt) : null;
    return feedbackVisible(row.mode as AttemptMode, row.state as AttemptState, s.reviewPolicy, closesAt, this.clock.now());
  }

  /**
   * The items of a practice attempt whose key, explanation and evidence stay hidden although correctness is
   * shown: those an assessment also asks, until the learner's assessment results are released. Empty for
   * assessments, whose own review policy governs everything (feedbackVisible).
   */
  async withheld(row: AttemptRow, items: Map<number, Item>): Promise<Set<string>> {
    if (row.mode === AttemptMode.ASSESSMENT) return new Set();
    const slots = row.layout.items.filter((slot) => items.has(slot.versionId) && guarded(items.get(slot.versionId)!));
    if (slots.length === 0 || (await this.keys.released(row.userId, row.quizId))) return new Set();
    return new Set(slots.map((slot) => slot.itemId));
  }

  /**
   * The learner's open attempts of this quiz (at most one per mode), the ones `start` would resume, so the
   * quiz page can say so before it does (issue 14 point 6). A timed attempt past its deadline is finished
   * first, as any read does, and so is not listed.
   */
  async openAttempts(viewer: Viewer, quizId: string): Promise<AttemptRow[]> {
    const open: AttemptRow[] = [];
    for (const mode of [AttemptMode.PRACTICE, AttemptMode.ASSESSMENT]) {
      const row = await this.db.getRepository(AttemptRow).findOneBy({ openKey: `${viewer.id}|${quizId}|${mode}` });
      const checked = row && (await this.expireIfDue(row, viewer.displayName));
      if (checked?.state === AttemptState.IN_PROGRESS) open.push(checked);
    }
    return open;
  }

  /**
   * Returns the learner's open attempt of this quiz and mode, or starts one. ASSESSMENT attempts are limited
   * to the quiz's maxAttempts and cannot start once the quiz has closed. Where a class of the learner assigns
   * the quiz, the assignment's terms replace the content's closesAt: not before it opens, and not after its
   * due date under REFUSE (assignment-terms.ts). A retired quiz starts no attempt (attempt/retired).
   */
  async start(viewer: Viewer, quizId: string, mode: AttemptMode, locale?: Locale): Promise<AttemptRow> {
    const settings = this.quizSettings(quizId);
    // The diagnostic and the final ask assessment-pool items only: nothing to practise there.
    if (mode === AttemptMode.PRACTICE && !this.content.quizFile(quizId)!.items.some((item) => inPool(item, mode)))
      throw new AppError("BAD_USER_INPUT", "This quiz has no practice; take it as an assessment.", { field: "mode" });
    const openKey = `${viewer.id}|${quizId}|${mode}`;
    const existing = await this.db.getRepository(AttemptRow).findOneBy({ openKey });
    if (existing) {
      const checked = await this.expireIfDue(existing, viewer.displayName);
      if (checked.state === AttemptState.IN_PROGRESS) return checked;
    }
    // A retired quiz is history: an attempt open when it was retired may still be finished, none starts.
    if (this.content.quizRetired(quizId)) throw new AppError("attempt/retired", "This quiz was retired from the course; no new attempt can start.");
    const row = await this.writes.run(async (em) => {
      const open = await em.findOneBy(AttemptRow, { openKey });
      if (open) return open; // a concurrent start won the race
      const now = this.clock.now();
      let deadline: Date | null = null;
      const used = await em.countBy(AttemptRow, { userId: viewer.id, quizId, mode });
      if (mode === AttemptMode.ASSESSMENT) {
        const terms = await this.keys.terms(viewer.id, quizId, em);
        refuseStart(terms, now);
        const closesAt = !terms && settings.closesAt ? new Date(settings.closesAt) : null;
        if (closesAt && now >= closesAt) throw new AppError("attempt/closed", "This quiz has closed.");
        if (used >= settings.maxAttempts) throw new AppError("attempt/max_reached", `All ${settings.maxAttempts} assessment attempts have been used.`, { maxAttempts: settings.maxAttempts });
        if (settings.timeLimitMinutes) deadline = new Date(now.getTime() + settings.timeLimitMinutes * 60_000);
        if (closesAt && (!deadline || closesAt < deadline)) deadline = closesAt;
      }
      const created = em.create(AttemptRow, {
        id: randomUUID(),
        userId: viewer.id,
        quizId,
        mode,
        state: AttemptState.IN_PROGRESS,
        locale: locale ?? viewer.locale,
        startedAt: now,
        finishedAt: null,
        deadline,
        score: null,
        maxScore: null,
        layout: this.layoutFor(quizId, mode),
        openKey,
        attemptNumber: used + 1,
      });
      await em.insert(AttemptRow, created);
      return created;
    });
    this.activity.publish({ type: "ATTEMPT_STARTED", learnerId: viewer.id, learnerName: viewer.displayName, quizId, itemId: null, attemptId: row.id, at: row.startedAt });
    return row;
  }

  /** The viewer's attempt; anyone else's answers exactly as a missing one does. Past its deadline, it is finished first. */
  async get(viewer: Viewer, attemptId: string): Promise<AttemptRow> {
    const row = await this.db.getRepository(AttemptRow).findOneBy({ id: attemptId });
    if (!row || row.userId !== viewer.id) throw new AppError("attempt/not_found", "There is no such attempt.");
    return this.expireIfDue(row, viewer.displayName);
  }

  async responses(attemptId: string): Promise<ResponseRow[]> {
    return this.db.getRepository(ResponseRow).find({ where: { attemptId }, order: { answeredAt: "ASC" } });
  }

  /**
   * Stores (or replaces) the answer to one item of an open attempt, graded on the server. The hot path of
   * the module: one queued job reads the attempt's state, checks, grades and upserts in a single statement,
   * so that many answers share one commit.
   */
  async submit(
    viewer: Viewer,
    attemptId: string,
    itemId: string,
    answer: PublicAnswer,
    opts: { clientAnswerId?: string | null; certainty?: number | null } = {},
  ): Promise<Submitted> {
    const clientAnswerId = opts.clientAnswerId ?? null;
    const certainty = opts.certainty ?? null;
    if (clientAnswerId !== null && !CLIENT_ANSWER_ID.test(clientAnswerId)) throw new AppError("answer/invalid", "clientAnswerId must be a UUID.");
    const outcome = await this.writes.run(async (em) => {
      const now = this.clock.now();
      const attempt = await this.loadForWrite(em, attemptId);
      if (!attempt || attempt.userId !== viewer.id) throw new AppError("attempt/not_found", "There is no such attempt.");
      const slot = attempt.layout.items.find((i) => i.itemId === itemId);
      // A repeat of an answer already stored counts as saved even once the attempt has closed: it did land.
      const stored = async () => (clientAnswerId === null || !slot ? null : await this.storedAnswer(em, attemptId, itemId, clientAnswerId));
      if (attempt.state !== AttemptState.IN_PROGRESS || (attempt.deadline && now >= attempt.deadline)) {
        const earlier = await stored();
        if (earlier) return { attempt, response: earlier, item: await this.itemAtVersion(earlier.itemVersionId), version: slot!.version, repeat: true } as const;
        if (attempt.state !== AttemptState.IN_PROGRESS) throw new AppError("attempt/closed", "This attempt is closed; the answer was not saved.");
        return { expired: attempt } as const;
      }
      if (!slot) throw new AppError("item/not_in_quiz", "This item is not part of this attempt.");
      const item = await this.itemAtVersion(slot.versionId);
      const valid = validateAnswer(item, answer, (i, l) => this.content.ids.option(i, l));
      if (!valid.ok) throw new AppError("answer/invalid", valid.reason);
      const settings = this.content.quizFile(attempt.quizId)?.settings;
      const cbm = certaintyModeOf(settings, attempt.mode);
      if (certainty !== null && (cbm === CertaintyMode.OFF || !isCertainty(certainty)))
        throw new AppError("certainty/invalid", cbm === CertaintyMode.OFF ? "This quiz does not ask how sure you are." : "A certainty is 1, 2 or 3.");
      if (certainty === null && cbm === CertaintyMode.REQUIRED) throw new AppError("certainty/invalid", "This quiz asks how sure you are (1, 2 or 3) with each answer.");
      // Hints used so far on this item of the attempt travel with the answer (they weigh its mastery credit).
      const hintsUsed = hintsOffered(settings, attempt.mode) ? ((await em.findOneBy(ItemHintRow, { attemptId, itemId }))?.used ?? 0) : 0;
      const grade = gradeItem(item, valid.answer);
      const row = em.create(ResponseRow, {
        id: randomUUID(),
        attemptId,
        userId: viewer.id,
        itemId,
        itemVersionId: slot.versionId,
        mode: attempt.mode,
        answer: valid.answer,
        status: grade.status,
        score: grade.score,
        maxScore: grade.maxScore,
        correct: grade.correct,
        answeredAt: now,
        gradedAt: grade.status === "GRADED" ? now : null,
        graderComment: null,
        gradedBy: null,
        answerKey: answerKey(item, valid.answer, grade),
        clientAnswerId,
        certainty,
        hintsUsed,
      });
      // Answering again replaces the earlier answer in place (same id), in one statement; the same answer sent
      // again (same clientAnswerId as the stored one) matches the WHERE of no row and changes nothing. On SQLite
      // the statement is prepared once and run again for every answer (db/prepared.ts).
      const [written] = await prepared<{ id: string }>(
        em,
        // The leading comment names the statement in logs; on PostgreSQL (through TypeORM) it does no harm.
        `/* upsert answer */ INSERT INTO response (id, "attemptId", "userId", "itemId", "itemVersionId", mode, answer, status, score, "maxScore", correct, "answeredAt", "gradedAt", "answerKey", "clientAnswerId", certainty, "hintsUsed")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("attemptId", "itemId") DO UPDATE SET answer = excluded.answer, status = excluded.status, score = excluded.score,
           "maxScore" = excluded."maxScore", correct = excluded.correct, "answeredAt" = excluded."answeredAt", "gradedAt" = excluded."gradedAt",
           "answerKey" = excluded."answerKey", "itemVersionId" = excluded."itemVersionId", "clientAnswerId" = excluded."clientAnswerId",
           certainty = excluded.certainty, "hintsUsed" = excluded."hintsUsed"
         WHERE excluded."clientAnswerId" IS NULL OR response."clientAnswerId" IS NULL OR response."clientAnswerId" <> excluded."clientAnswerId"
         RETURNING id`,
        [row.id, attemptId, viewer.id, itemId, slot.versionId, row.mode, JSON.stringify(row.answer), row.status, row.score, row.maxScore, row.correct, now.toISOString(), row.gradedAt?.toISOString() ?? null, row.answerKey, clientAnswerId, certainty, hintsUsed],
      );
      if (!written) {
        const earlier = (await stored())!;
        return { attempt, response: earlier, item: await this.itemAtVersion(earlier.itemVersionId), version: slot.version, repeat: true } as const;
      }
      // The upsert keeps the id of the response it replaced: a new id means a new response.
      const appended = written.id === row.id;
      row.id = written.id;
      // Practice shows the result at once, so the item enters spaced review at once.
      if (attempt.mode === AttemptMode.PRACTICE && grade.status === "GRADED")
        await this.practiceEvidence(em, viewer.id, itemId, grade.correct === true, now, appended ? { score: grade.score ?? 0, maxScore: grade.maxScore, hints: hintsUsed } : undefined);
      return { attempt, response: row, item, version: slot.version, repeat: false } as const;
      // Assessment answers check everything first and then write one statement: no savepoint needed.
      // Practice answers also reschedule review and mastery, so they keep theirs.
    }, { savepoint: (await this.modeOf(attemptId)) !== AttemptMode.ASSESSMENT });
    if ("expired" in outcome) {
      await this.expireIfDue(outcome.expired!, viewer.displayName);
      throw new AppError("attempt/closed", "This attempt is closed; the answer was not saved.");
    }
    if (!outcome.repeat) this.activity.publish({ type: "ANSWER_SUBMITTED", learnerId: viewer.id, learnerName: viewer.displayName, quizId: outcome.attempt.quizId, itemId, attemptId, at: outcome.response.answeredAt });
    return outcome;
  }

  /**
   * What a graded practice answer sets off, in its transaction: the item enters spaced review and the
   * learner's stored mastery is recomputed (the reactions in services.ts). Practice answers here, and live
   * class answers of members (live/live.service.ts), which count as practice evidence.
   */
  async practiceEvidence(
    em: EntityManager,
    userId: string,
    itemId: string,
    correct: boolean,
    at: Date,
    /** The answer's grade when it was stored as a new response (it replaced none): mastery then takes it in alone. */
    appended?: { score: number; maxScore: number; hints: number },
  ): Promise<void> {
    await this.events.emit(em, "answer.graded", { userId, itemId, correct, at });
    await this.events.emit(em, "answers.changed", { userId, at, ...(appended ? { appended: { itemId, mode: "PRACTICE" as const, ...appended } } : {}) });
  }

  /** The stored response to an item of an attempt if it came from the answer with this client id. */
  private async storedAnswer(em: EntityManager, attemptId: string, itemId: string, clientAnswerId: string): Promise<ResponseRow | null> {
    return em.getRepository(ResponseRow).findOneBy({ attemptId, itemId, clientAnswerId });
  }

  /**
   * Takes the next hint from the evidence on one item of an open practice attempt (at most MAX_HINTS; asking
   * past the last one changes nothing). Refused with hint/not_available in assessments and where the quiz
   * offers none. Returns the item and the hints used now.
   */
  async takeHint(viewer: Viewer, attemptId: string, itemId: string): Promise<{ item: Item; used: number; attempt: AttemptRow }> {
    return this.writes.run(async (em) => {
      const attempt = await this.loadForWrite(em, attemptId);
      if (!attempt || attempt.userId !== viewer.id) throw new AppError("attempt/not_found", "There is no such attempt.");
      if (!hintsOffered(this.content.quizFile(attempt.quizId)?.settings, attempt.mode))
        throw new AppError("hint/not_available", attempt.mode === AttemptMode.ASSESSMENT ? "Hints are never given in an assessment." : "This quiz offers no hints.");
      if (attempt.state !== AttemptState.IN_PROGRESS) throw new AppError("attempt/closed", "This attempt is closed.");
      const slot = attempt.layout.items.find((i) => i.itemId === itemId);
      if (!slot) throw new AppError("item/not_in_quiz", "This item is not part of this attempt.");
      const item = await this.itemAtVersion(slot.versionId);
      const now = this.clock.now();
      const had = (await em.findOneBy(ItemHintRow, { attemptId, itemId }))?.used ?? 0;
      const used = Math.min(MAX_HINTS, had + 1);
      if (used !== had) await em.upsert(ItemHintRow, { attemptId, itemId, userId: viewer.id, used, updatedAt: now }, ["attemptId", "itemId"]);
      return { item, used, attempt };
    });
  }

  /** Hints used per item of an attempt. */
  async hintsUsed(attemptId: string): Promise<Map<string, number>> {
    const rows = await this.db.getRepository(ItemHintRow).findBy({ attemptId });
    return new Map(rows.map((r) => [r.itemId, r.used]));
  }

  /** An attempt's mode never changes; remembered to choose the write path before queueing. */
  private readonly modes = new Map<string, string>();

  private async modeOf(attemptId: string): Promise<string | undefined> {
    let mode = this.modes.get(attemptId);
    if (!mode) {
      const [row] = await prepared<{ mode: string }>(this.db, `SELECT mode FROM attempt WHERE id = ?`, [attemptId]);
      mode = row?.mode;
      if (mode) {
        if (this.modes.size > 50_000) this.modes.clear();
        this.modes.set(attemptId, mode);
      }
    }
    return mode;
  }

  /** Layouts never change after an attempt starts, so they are kept in memory; the state is always read. */
  private readonly layouts = new Map<string, AttemptLayout>();

  private async loadForWrite(em: EntityManager, attemptId: string): Promise<AttemptRow | null> {
    const [row] = await prepared<{ id: string; userId: string; quizId: string; mode: string; state: string; locale: string; deadline: string | null; layout?: string }>(
      em,
      `SELECT id, "userId", "quizId", mode, state, locale, deadline${this.layouts.has(attemptId) ? "" : ", layout"} FROM attempt WHERE id = ?`,
      [attemptId],
    );
    if (!row) return null;
    let layout = this.layouts.get(attemptId);
    if (!layout) {
      layout = JSON.parse(row.layout!) as AttemptLayout;
      if (this.layouts.size > 20_000) this.layouts.clear();
      this.layouts.set(attemptId, layout);
    }
    return Object.assign(new AttemptRow(), {
      id: row.id,
      userId: row.userId,
      quizId: row.quizId,
      mode: row.mode,
      state: row.state,
      locale: row.locale,
      deadline: row.deadline ? new Date(row.deadline) : null,
      layout,
    });
  }

  /**
   * Finishes an open attempt and scores it; finishing a finished attempt returns it unchanged. An assessment
   * of a quiz the learner's class assigned under REFUSE cannot be finished after the due date
   * (assignment/past_due): the attempt stays open with every answer saved.
   */
  async finish(viewer: Viewer, attemptId: string): Promise<AttemptRow> {
    const attempt = await this.get(viewer, attemptId);
    if (attempt.state === AttemptState.FINISHED) return attempt;
    if (attempt.state === AttemptState.ABANDONED) throw new AppError("attempt/closed", "This attempt was abandoned.");
    if (attempt.mode === AttemptMode.ASSESSMENT) {
      const terms = await this.keys.terms(viewer.id, attempt.quizId);
      if (finishRefused(terms, this.clock.now()))
        throw new AppError("assignment/past_due", "The due date of this assignment has passed; it can no longer be finished. Your answers are kept.", { dueAt: terms!.dueAt.toISOString() });
    }
    return this.close(attemptId, AttemptState.FINISHED, this.clock.now(), viewer.displayName);
  }

  /** Gives up an open attempt without a grade. An abandoned ASSESSMENT attempt still counts towards maxAttempts. */
  async abandon(viewer: Viewer, attemptId: string): Promise<AttemptRow> {
    const attempt = await this.get(viewer, attemptId);
    if (attempt.state !== AttemptState.IN_PROGRESS) throw new AppError("attempt/closed", "This attempt is already closed.");
    return this.close(attemptId, AttemptState.ABANDONED, this.clock.now(), viewer.displayName);
  }

  /** Finishes the attempt with the answers given if its deadline has passed. */
  async expireIfDue(row: AttemptRow, learnerName?: string): Promise<AttemptRow> {
    if (row.state !== AttemptState.IN_PROGRESS || !row.deadline || this.clock.now() < row.deadline) return row;
    return this.close(row.id, AttemptState.FINISHED, row.deadline, learnerName);
  }

  /** Finishes every attempt whose deadline has passed (run periodically by main.ts; reads also do it lazily). */
  async expireOverdue(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due: { id: string }[] = await this.db
      .getRepository(AttemptRow)
      .createQueryBuilder("a")
      .select("a.id", "id")
      .where("a.state = :s AND a.deadline IS NOT NULL AND a.deadline <= :now", { s: AttemptState.IN_PROGRESS, now })
      .getRawMany();
    for (const { id } of due) {
      const row = await this.db.getRepository(AttemptRow).findOneBy({ id });
      if (row) await this.expireIfDue(row);
    }
    return due.length;
  }

  /**
   * The one transition out of IN_PROGRESS, serialized: concurrent callers all get the first outcome.
   * `learnerName`: the attempt owner's name for the live feed; looked up when the sweep closes it.
   */
  private async close(attemptId: string, state: AttemptState, at: Date, learnerName?: string): Promise<AttemptRow> {
    let closedNow = false;
    const row = await this.writes.run(async (em) => {
      closedNow = false; // run again on PostgreSQL after a serialization failure
      const fresh = await em.findOneByOrFail(AttemptRow, { id: attemptId });
      if (fresh.state !== AttemptState.IN_PROGRESS) return fresh;
      const { score, maxScore } = state === AttemptState.FINISHED ? await this.scoreOf(em, fresh) : { score: null, maxScore: null };
      fresh.state = state;
      fresh.finishedAt = at;
      fresh.openKey = null;
      fresh.score = score;
      fresh.maxScore = maxScore;
      // Finished after the due date of the learner's class assignment, under a policy that marks it.
      if (state === AttemptState.FINISHED && fresh.mode === AttemptMode.ASSESSMENT) fresh.late = isLate(await this.keys.terms(fresh.userId, fresh.quizId, em), at);
      await em.save(AttemptRow, fresh);
      if (state === AttemptState.FINISHED && fresh.mode === AttemptMode.ASSESSMENT) {
        await this.scheduleAssessment(em, fresh, at);
        await this.events.emit(em, "answers.changed", { userId: fresh.userId, at });
        await this.events.emit(em, "assessment.finished", { attemptId: fresh.id, userId: fresh.userId, quizId: fresh.quizId, at });
      }
      closedNow = true;
      return fresh;
    });
    if (closedNow && state === AttemptState.FINISHED) {
      this.activity.publish({ type: "ATTEMPT_FINISHED", learnerId: row.userId, learnerName: learnerName ?? (await displayNameOf(this.db, row.userId)), quizId: row.quizId, itemId: null, attemptId: row.id, at });
    }
    return row;
  }

  /**
   * Assessment answers enter spaced review when the attempt finishes, but never become due before the learner
   * may see their results (AFTER_CLOSE), and not at all under NEVER: a due card would reveal a wrong answer.
   */
  private async scheduleAssessment(em: EntityManager, attempt: AttemptRow, at: Date): Promise<void> {
    const s = this.quizSettings(attempt.quizId);
    if (s.reviewPolicy === "NEVER") return;
    const closesAt = s.reviewPolicy === "AFTER_CLOSE" ? (await this.keys.closeTime(attempt.userId, attempt.quizId, em)).closesAt : null;
    const notBefore = closesAt ?? undefined;
    for (const r of await em.findBy(ResponseRow, { attemptId: attempt.id })) {
      if (r.status === ResponseStatus.GRADED) await this.events.emit(em, "answer.graded", { userId: attempt.userId, itemId: r.itemId, correct: r.correct === true, at, notBefore });
    }
  }

  /**
   * Points earned and possible. Unanswered items count as 0 of their points; essays awaiting an instructor
   * are out of both until graded.
   */
  async scoreOf(em: EntityManager, attempt: AttemptRow): Promise<{ score: number; maxScore: number }> {
    const responses = await em.findBy(ResponseRow, { attemptId: attempt.id });
    const byItem = new Map(responses.map((r) => [r.itemId, r]));
    let score = 0;
    let maxScore = 0;
    for (const slot of attempt.layout.items) {
      const item = await this.itemAtVersion(slot.versionId);
      const r = byItem.get(slot.itemId);
      if (r?.status === ResponseStatus.PENDING_MANUAL) continue;
      maxScore += item.points;
      score += r?.score ?? 0;
    }
    return { score: roundPoints(score), maxScore: roundPoints(maxScore) };
  }
}

/** Refuses to start an assessment of an assigned quiz before it opens or, under REFUSE, after it is due. */
function refuseStart(terms: AssignmentTerms | null, now: Date): void {
  const why = startRefusal(terms, now);
  if (why === "not_open") throw new AppError("assignment/not_open", "This assignment is not open yet.", { opensAt: terms!.opensAt.toISOString() });
  if (why === "past_due") throw new AppError("assignment/past_due", "The due date of this assignment has passed; it can no longer be started.", { dueAt: terms!.dueAt.toISOString() });
}
