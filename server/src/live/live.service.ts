/**
 * Live class sessions (issue 17): an instructor runs a quiz's practice-pool items live for one of their
 * classes; class members join as themselves, guests (when allowed) with a nickname and a participant cookie.
 * The whole state is in the database (live.entity.ts) and every write goes through the write queue, so an
 * instance restart loses no acknowledged answer and two instances on PostgreSQL serve one session; each write
 * is announced on the cluster bus after its commit (topic "live"), which wakes every instance's feeds
 * (live-feed.ts). Items are graded through the registry exactly as practice answers are, and a class
 * member's graded answer becomes practice evidence (a `response` row flagged `live`, then the same reactions
 * a practice answer sets off: AttemptService.practiceEvidence).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { Item } from "../content/content.schema.js";
import type { WriteQueue } from "../db/write-queue.js";
import { sql } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { PublicAnswer } from "../grading/answer.validate.js";
import { validateAnswer } from "../grading/answer.validate.js";
import { gradeItem } from "../grading/grading.js";
import type { LocalAnswer } from "../grading/grading.js";
import { answerKey } from "../grading/answer-key.js";
import { itemType } from "../items/registry.js";
import { guarded, inPool } from "../quizzes/pools.js";
import { publicItem } from "../quizzes/quiz.view.js";
import type { AttemptService } from "../attempts/attempt.service.js";
import { shuffle } from "../attempts/attempt.service.js";
import { evidenceOf, publicRightAnswer, toPublicAnswer } from "../attempts/attempt.view.js";
import { ResponseRow } from "../attempts/response.entity.js";
import type { ClassroomService } from "../classrooms/classroom.service.js";
import type { DashboardService } from "../classrooms/dashboard.service.js";
import { csvCell } from "../classrooms/instructor.service.js";
import { ClassroomMemberRow } from "../classrooms/classroom.entity.js";
import type { ClusterBus } from "../shared/cluster-bus.js";
import type { Clock } from "../shared/clock.js";
import type { Viewer } from "../shared/viewer.js";
import { Locale, pick } from "../shared/locale.js";
import { normalizeArabic } from "../shared/arabic.js";
import type { LiveAction } from "./live.enum.js";
import { LiveSessionPhase } from "./live.enum.js";
import type { LiveSlot } from "./live.entity.js";
import { LiveAnswerRow, LiveParticipantRow, LiveSessionRow } from "./live.entity.js";
import { sharePayload } from "../shared/shared-payload.js";
import { NICKNAME_MAX, accepting, effectivePhase, newLiveCode, normalizeLiveCode, transition, validNickname } from "./live-machine.js";
import type { LiveDistributionRow, LiveMyAnswer, LivePracticeItem, LiveReportItem, LiveSession, LiveSessionJoinInfo, LiveSessionReport, LiveSessionSummary, StartLiveSessionInput } from "./live.type.js";

/** Guests' answers and nicknames are kept this long after the session ends (issue 17: the report only). */
export const GUEST_RETENTION_MS = 24 * 60 * 60 * 1000;
/** The participant cookie of a guest. */
export const LIVE_COOKIE = "live_participant";
const CLIENT_ANSWER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who is asking about a session: one of its class's instructors, a participant, or (neither) nobody. */
export interface LiveAccess {
  session: LiveSessionRow;
  instructor: boolean;
  participant: LiveParticipantRow | null;
}

/** What the bus says after a commit: a phase change (everyone) or an answer (instructors' counts only). */
export interface LiveBusEvent {
  sessionId: string;
  kind: "phase" | "answer";
}

/** The answers to the current item and the counts, read once per change and shared by every view of it. */
export interface LiveSnapshot {
  row: LiveSessionRow;
  participants: number;
  item: Item | null;
  answers: Pick<LiveAnswerRow, "participantId" | "answerKey" | "score" | "correct" | "status" | "answer">[];
  /** Essay texts in one random order per snapshot. */
  essays: string[] | null;
  leaderboard: { nickname: string; points: number }[] | null;
  /** The views built from it, by language and audience, and by what the viewer's own answer reads (LiveService.view). */
  views: Map<string, LiveSession>;
  /** The answers by participant, made on the first view that needs it. */
  byParticipant?: Map<string, LiveSnapshot["answers"][number]>;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const nicknameKey = (n: string) => normalizeArabic(n.trim()).toLowerCase();

export class LiveService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
    private readonly bus: ClusterBus,
    private readonly classrooms: ClassroomService,
    private readonly dashboard: DashboardService,
    private readonly attempts: AttemptService,
  ) {}

  /** Sends a committed change to every instance (this one too). */
  private announce(sessionId: string, kind: LiveBusEvent["kind"]): void {
    this.bus.publish({ topic: "live", sessionId, kind });
  }

  /** Listens to every session's changes (feeds). */
  onChange(listener: (e: LiveBusEvent) => void): () => void {
    return this.bus.subscribe((m) => {
      if (m.topic === "live") listener({ sessionId: m.sessionId, kind: m.kind });
    });
  }

  /** The items a quiz may run live: its practice pool without any item an assessment also asks (their keys would leak). */
  private liveItems(quizId: string): Item[] {
    const quiz = this.content.quizFile(quizId);
    if (!quiz) throw new AppError("live/not-found", "There is no such quiz.");
    if (quiz.retired) throw new AppError("live/not-found", "This quiz was retired from the course; it no longer runs live.");
    return quiz.items.filter((i) => inPool(i, "PRACTICE") && !guarded(i));
  }

  /** The items a quiz may run live, listed for an instructor of the class (the public quiz query does not say which are practice). */
  async practiceItems(viewer: Viewer, classroomId: string, quizId: string): Promise<LivePracticeItem[]> {
    await this.classrooms.owned(viewer, classroomId);
    return this.liveItems(quizId).map((i) => ({ id: i.id, type: i.type, promptAr: i.prompt.ar, promptEn: i.prompt.en }));
  }

  /** Starts a session for a class the viewer teaches; a fresh code not used by any running session. */
  async start(viewer: Viewer, input: StartLiveSessionInput): Promise<LiveSessionRow> {
    await this.classrooms.owned(viewer, input.classroomId);
    const pool = this.liveItems(input.quizId);
    let chosen = pool;
    if (input.itemIds && input.itemIds.length > 0) {
      // The subset must be of the practice pool (never an assessment item: its key would be revealed in the room).
      const byId = new Map(pool.map((i) => [i.id, i]));
      const unknown = input.itemIds.filter((id) => !byId.has(id));
      if (unknown.length) throw new AppError("live/not-practice-item", `Not practice items of this quiz: ${unknown.slice(0, 5).join(", ")}.`, { field: "itemIds" });
      chosen = [...new Set(input.itemIds)].map((id) => byId.get(id)!);
    }
    if (chosen.length === 0) throw new AppError("live/no-practice-items", "This quiz has no practice items to run live.");
    if (input.shuffle) chosen = shuffle(chosen);
    const items: LiveSlot[] = chosen.map((i) => {
      const rec = this.content.item(i.id)!;
      return { itemId: i.id, versionId: rec.versionId, version: rec.version };
    });
    return this.writes.run(async (em) => {
      let code = newLiveCode();
      for (let i = 0; i < 20 && (await em.countBy(LiveSessionRow, { openCode: code })) > 0; i++) code = newLiveCode();
      const row = em.create(LiveSessionRow, {
        id: randomUUID(),
        code,
        openCode: code,
        classroomId: input.classroomId,
        quizId: input.quizId,
        createdBy: viewer.id,
        items,
        phase: LiveSessionPhase.LOBBY,
        itemIndex: -1,
        shownAt: null,
        closesAt: null,
        allowGuests: input.allowGuests ?? false,
        leaderboardOn: input.leaderboard ?? false,
        startedAt: this.clock.now(),
        endedAt: null,
        guestsPurged: false,
      });
      await em.insert(LiveSessionRow, row);
      return row;
    });
  }

  private async session(id: string): Promise<LiveSessionRow> {
    const row = await this.db.getRepository(LiveSessionRow).findOneBy({ id });
    if (!row) throw new AppError("live/not-found", "There is no such live session.");
    return row;
  }

  /** Whether the viewer teaches the session's class. */
  private async teaches(viewer: Viewer | null, classroomId: string): Promise<boolean> {
    if (!viewer) return false;
    try {
      await this.classrooms.owned(viewer, classroomId);
      return true;
    } catch {
      return false;
    }
  }

  /** The participant the viewer (a signed-in member) or the guest token stands for in this session. */
  private async participantOf(sessionId: string, viewer: Viewer | null, guestToken: string | null, em?: EntityManager): Promise<LiveParticipantRow | null> {
    const repo = (em ?? this.db.manager).getRepository(LiveParticipantRow);
    if (viewer) {
      const p = await repo.findOneBy({ sessionId, userId: viewer.id });
      if (p) return p;
    }
    if (guestToken) {
      const p = await repo.findOneBy({ tokenHash: sha256(guestToken) });
      if (p && p.sessionId === sessionId) return p;
    }
    return null;
  }

  /** Who the viewer is to this session; live/not-found when they may not see it at all (as for a missing one). */
  async access(viewer: Viewer | null, guestToken: string | null, sessionId: string): Promise<LiveAccess> {
    const session = await this.session(sessionId);
    if (await this.teaches(viewer, session.classroomId)) return { session, instructor: true, participant: null };
    const participant = await this.participantOf(sessionId, viewer, guestToken);
    if (!participant) throw new AppError("live/not-found", "There is no such live session.");
    return { session, instructor: false, participant };
  }

  /** Only the class's instructors. */
  async control(viewer: Viewer, sessionId: string): Promise<LiveSessionRow> {
    const session = await this.session(sessionId);
    if (!(await this.teaches(viewer, session.classroomId))) throw new AppError("live/not-found", "There is no such live session.");
    return session;
  }

  /** The join page's facts: anyone with the code. */
  async joinInfo(code: string, locale: Locale): Promise<LiveSessionJoinInfo> {
    const row = await this.byCode(code);
    return { sessionId: row.id, quizTitle: this.content.quiz(row.quizId, locale)?.title ?? row.quizId, allowGuests: row.allowGuests, phase: effectivePhase(row, this.clock.now()) };
  }

  private async byCode(code: string): Promise<LiveSessionRow> {
    const c = normalizeLiveCode(code);
    const row = c ? await this.db.getRepository(LiveSessionRow).findOneBy({ openCode: c }) : null;
    if (!row) throw new AppError("live/not-found", "No live session has this code. Check it on the projector.");
    return row;
  }

  /**
   * Joins by code. A signed-in member of the class joins as themselves (the nickname is ignored; joining again
   * returns the same participant); anyone else joins as a guest with a nickname, when the session allows guests,
   * and gets a token for the participant cookie (a guest joining again with their cookie stays the same guest).
   */
  async join(viewer: Viewer | null, guestToken: string | null, code: string, nickname: string | null | undefined): Promise<{ participant: LiveParticipantRow; token: string | null }> {
    const session = await this.byCode(code);
    const member = viewer ? (await this.db.getRepository(ClassroomMemberRow).countBy({ classroomId: session.classroomId, userId: viewer.id })) > 0 : false;
    if (!member) {
      const again = await this.participantOf(session.id, null, guestToken);
      if (again) return { participant: again, token: null };
      if (!session.allowGuests) throw new AppError("live/guests-not-allowed", "This session is for the class's members only. Sign in to join.");
    }
    const nick = member ? [...viewer!.displayName].slice(0, NICKNAME_MAX).join("") : validNickname(nickname);
    if (nick === null) throw new AppError("live/nickname-required", `Choose a nickname of 1 to ${NICKNAME_MAX} characters, without control characters.`);
    const token = member ? null : randomBytes(32).toString("base64url");
    const participant = await this.writes.run(async (em) => {
      const s = await em.findOneByOrFail(LiveSessionRow, { id: session.id });
      if (s.phase === LiveSessionPhase.ENDED) throw new AppError("live/ended", "This live session has ended.");
      if (member) {
        const existing = await em.findOneBy(LiveParticipantRow, { sessionId: session.id, userId: viewer!.id });
        if (existing) return existing;
      }
      // Members are told apart by account (two may share a name); guests by nickname, unique per session.
      const key = member ? `#${viewer!.id}` : [...nicknameKey(nick)].slice(0, NICKNAME_MAX).join("");
      if (!member && (await em.countBy(LiveParticipantRow, { sessionId: session.id, nicknameKey: key })) > 0)
        throw new AppError("live/nickname-taken", "Someone in this session already has this nickname; choose another.");
      const row = em.create(LiveParticipantRow, {
        id: randomUUID(),
        sessionId: session.id,
        userId: member ? viewer!.id : null,
        nickname: nick,
        nicknameKey: key,
        tokenHash: token ? sha256(token) : null,
        joinedAt: this.clock.now(),
      });
      await em.insert(LiveParticipantRow, row);
      return row;
    });
    this.announce(session.id, "answer"); // the participant count changed: instructors' views only
    return { participant, token: participant.tokenHash && token && participant.tokenHash === sha256(token) ? token : null };
  }

  /** The instructor's action; live/bad-action when the phase does not allow it. */
  async act(viewer: Viewer, sessionId: string, action: LiveAction, seconds?: number | null): Promise<LiveSessionRow> {
    await this.control(viewer, sessionId);
    const row = await this.writes.run(async (em) => {
      const s = await em.findOneByOrFail(LiveSessionRow, { id: sessionId });
      const now = this.clock.now();
      const next = transition(s, action, s.items.length, now, seconds);
      if ("error" in next) throw new AppError(s.phase === LiveSessionPhase.ENDED ? "live/ended" : "live/bad-action", next.error);
      Object.assign(s, { phase: next.phase, itemIndex: next.itemIndex, closesAt: next.closesAt, shownAt: next.shownAt, endedAt: next.endedAt });
      if (next.phase === LiveSessionPhase.ENDED) s.openCode = null;
      await em.update(LiveSessionRow, { id: sessionId }, { phase: s.phase, itemIndex: s.itemIndex, closesAt: s.closesAt, shownAt: s.shownAt, endedAt: s.endedAt, openCode: s.openCode });
      return s;
    });
    this.announce(sessionId, "phase");
    return row;
  }

  async setLeaderboard(viewer: Viewer, sessionId: string, on: boolean): Promise<LiveSessionRow> {
    await this.control(viewer, sessionId);
    const row = await this.writes.run(async (em) => {
      await em.update(LiveSessionRow, { id: sessionId }, { leaderboardOn: on });
      return em.findOneByOrFail(LiveSessionRow, { id: sessionId });
    });
    this.announce(sessionId, "phase");
    return row;
  }

  /**
   * A participant's answer to the current item: graded through the registry, acknowledged after commit.
   * Idempotent by clientAnswerId (the same answer sent again is acknowledged, even once answers closed); the
   * first answer to an item is the participant's answer (a different later one returns the stored one).
   * Refused with live/closed after the timer or once locked, live/wrong-item when the item is not current.
   */
  async submit(viewer: Viewer | null, guestToken: string | null, sessionId: string, itemId: string, clientAnswerId: string, answer: PublicAnswer): Promise<LiveMyAnswer> {
    if (!CLIENT_ANSWER_ID.test(clientAnswerId)) throw new AppError("answer/invalid", "clientAnswerId must be a UUID.");
    const outcome = await this.writes.run(async (em) => {
      const now = this.clock.now();
      const s = await em.findOneBy(LiveSessionRow, { id: sessionId });
      if (!s) throw new AppError("live/not-found", "There is no such live session.");
      const participant = await this.participantOf(sessionId, viewer, guestToken, em);
      if (!participant) throw new AppError("live/not-participant", "Join the session with its code first.");
      // The same answer sent again counts as saved even once answers closed: it did land. Looked up only when
      // the answer cannot go in (a read of the answer's key before every insert would, on PostgreSQL, lock the
      // key's index page, and hundreds of phones answering in one second would fail each other's transactions).
      const resent = async () => {
        const stored = await em.findOneBy(LiveAnswerRow, { sessionId, participantId: participant.id, itemId });
        return stored?.clientAnswerId === clientAnswerId ? { stored, fresh: false, phase: effectivePhase(s, now) } : null;
      };
      if (s.phase === LiveSessionPhase.ENDED) {
        const again = await resent();
        if (again) return again;
        throw new AppError("live/ended", "This live session has ended.");
      }
      const slot = s.items[s.itemIndex];
      if (!slot || slot.itemId !== itemId || !accepting(s, now)) {
        const again = await resent();
        if (again) return again;
        if (!slot || slot.itemId !== itemId) throw new AppError("live/wrong-item", "This is not the question being asked now.");
        throw new AppError("live/closed", "Answers to this question are closed; yours was not saved.");
      }
      const item = await this.attempts.itemAtVersion(slot.versionId);
      const valid = validateAnswer(item, answer, (i, l) => this.content.ids.option(i, l));
      if (!valid.ok) throw new AppError("answer/invalid", valid.reason);
      const grade = gradeItem(item, valid.answer);
      const row = em.create(LiveAnswerRow, {
        id: randomUUID(),
        sessionId,
        participantId: participant.id,
        itemId,
        itemVersionId: slot.versionId,
        clientAnswerId,
        answer: valid.answer,
        status: grade.status,
        score: grade.score,
        maxScore: grade.maxScore,
        correct: grade.correct,
        answerKey: answerKey(item, valid.answer, grade),
        answeredAt: now,
        secondsToAnswer: Math.max(0, (now.getTime() - (s.shownAt ?? now).getTime()) / 1000),
      });
      // One answer per participant and item, kept by the unique key: the first answer stands.
      if (!(await insertOnce(em, row))) return { stored: await em.findOneByOrFail(LiveAnswerRow, { sessionId, participantId: participant.id, itemId }), fresh: false, phase: effectivePhase(s, now) };
      // A class member's graded answer is practice evidence, flagged live: the practice answer's reactions.
      if (participant.userId && grade.status === "GRADED") {
        await em.insert(ResponseRow, {
          id: randomUUID(),
          attemptId: null,
          userId: participant.userId,
          itemId,
          itemVersionId: slot.versionId,
          mode: "PRACTICE",
          answer: valid.answer,
          status: grade.status,
          score: grade.score,
          maxScore: grade.maxScore,
          correct: grade.correct,
          answeredAt: now,
          gradedAt: now,
          graderComment: null,
          gradedBy: null,
          clientAnswerId: null,
          rubricMarks: null,
          certainty: null,
          hintsUsed: 0,
          answerKey: row.answerKey,
          live: true,
        });
        // A new response that replaced none: stored mastery takes it in alone (no recompute over the learner's history).
        await this.attempts.practiceEvidence(em, participant.userId, itemId, grade.correct === true, now, { score: grade.score ?? 0, maxScore: grade.maxScore, hints: 0 });
      }
      return { stored: row, fresh: true, phase: effectivePhase(s, now) };
    });
    if (outcome.fresh) this.announce(sessionId, "answer");
    return myAnswerOf(outcome.stored, outcome.phase);
  }

  /** The answers to the current item and the counts: one read shared by every view built from it. */
  async snapshot(sessionId: string): Promise<LiveSnapshot> {
    const row = await this.session(sessionId);
    const slot = row.itemIndex >= 0 ? row.items[row.itemIndex] : undefined;
    const [[count], answers, board] = await Promise.all([
      sql<{ n: number | string }>(this.db, `SELECT COUNT(*) AS n FROM live_participant WHERE "sessionId" = ?`, [sessionId]),
      slot
        ? this.db.getRepository(LiveAnswerRow).find({ where: { sessionId, itemId: slot.itemId }, select: { participantId: true, answerKey: true, score: true, correct: true, status: true, answer: true } })
        : Promise.resolve([]),
      row.leaderboardOn
        ? sql<{ nickname: string; points: number | string }>(
            this.db,
            `SELECT p.nickname AS nickname, SUM(a.score) AS points FROM live_answer a JOIN live_participant p ON p.id = a."participantId"
              WHERE a."sessionId" = ? AND a.score IS NOT NULL GROUP BY p.id, p.nickname ORDER BY SUM(a.score) DESC, p.nickname LIMIT 5`,
            [sessionId],
          )
        : Promise.resolve(null),
    ]);
    const item = slot ? await this.attempts.itemAtVersion(slot.versionId) : null;
    return {
      row,
      participants: Number(count?.n ?? 0),
      item,
      answers,
      essays: item && itemType(item).handGraded ? shuffle(answers.map((a) => a.answer.text ?? "").filter((t) => t.length > 0)) : null,
      leaderboard: board ? board.map((b) => ({ nickname: b.nickname, points: Math.round(Number(b.points) * 100) / 100 })) : null,
      views: new Map(),
    };
  }

  /**
   * The state as one viewer may see it (pure over the snapshot and the clock). What all participants (or all
   * instructors) in one language see is built once per snapshot; only the viewer's own answer differs.
   */
  view(snap: LiveSnapshot, who: { instructor: boolean; participantId: string | null }, locale: Locale): LiveSession {
    const key = `${locale}|${who.instructor}`;
    let shared = snap.views.get(key);
    if (!shared) {
      shared = this.sharedView(snap, who.instructor, locale);
      snap.views.set(key, shared);
    }
    const phase = shared.phase;
    const shown = shared.item !== null;
    snap.byParticipant ??= new Map(snap.answers.map((a) => [a.participantId, a]));
    const mine = who.participantId ? snap.byParticipant.get(who.participantId) : undefined;
    const myAnswer = who.participantId && shown ? (mine ? myAnswerOf(mine, phase) : { submitted: false, correct: null, score: null }) : null;
    // Viewers whose own answer reads the same get one object, marked shared: the WebSocket server executes
    // each subscription document over it once for all of them (http/shared-subscribe.ts).
    const mineKey = `${key}|${myAnswer ? `${myAnswer.submitted}|${myAnswer.correct}|${myAnswer.score}` : "-"}`;
    let view = snap.views.get(mineKey);
    if (!view) snap.views.set(mineKey, (view = sharePayload({ ...shared, myAnswer })));
    return view;
  }

  private sharedView(snap: LiveSnapshot, instructor: boolean, locale: Locale): LiveSession {
    const now = this.clock.now();
    const { row, item } = snap;
    const phase = effectivePhase(row, now);
    const slot = row.itemIndex >= 0 ? row.items[row.itemIndex] : undefined;
    const shown = phase !== LiveSessionPhase.LOBBY && phase !== LiveSessionPhase.ENDED && item && slot;
    const revealed = phase === LiveSessionPhase.REVEALED;
    const spread = phase === LiveSessionPhase.DISTRIBUTION || revealed;
    return {
      id: row.id,
      code: row.code,
      classroomId: row.classroomId,
      quizId: row.quizId,
      phase,
      itemIndex: row.itemIndex,
      itemCount: row.items.length,
      item: shown ? publicItem(this.content.ids, item, locale, slot.version) : null,
      closesAt: phase === LiveSessionPhase.OPEN ? row.closesAt : null,
      serverNow: now,
      answeredCount: snap.answers.length,
      participantCount: snap.participants,
      distribution: shown && (instructor || spread) ? this.distribution(item, snap.answers, locale, revealed, snap.essays) : null,
      reveal: shown && revealed ? { rightAnswer: publicRightAnswer(this.content.ids, item, locale), explanation: pick(item.explanation, locale), evidence: evidenceOf(item, this.content, locale) } : null,
      leaderboard: row.leaderboardOn ? snap.leaderboard : null,
      leaderboardOn: row.leaderboardOn,
      allowGuests: row.allowGuests,
      myAnswer: null,
    };
  }

  private distribution(item: Item, answers: LiveSnapshot["answers"], locale: Locale, keyShown: boolean, essays: string[] | null) {
    const counts = new Map<string | null, number>();
    for (const a of answers) counts.set(a.answerKey, (counts.get(a.answerKey) ?? 0) + 1);
    const rows = itemType(item)
      .distribution(this.content.ids, item, [...counts].map(([answerKey, n]) => ({ answerKey, n })), locale)
      .map((r): LiveDistributionRow => ({ key: r.key, label: r.label, count: r.count, correct: keyShown ? r.correct : null }));
    return { rows, answered: answers.length, essays };
  }

  /** The current state for a query (read fresh: never a cached snapshot). */
  async state(access: LiveAccess, locale: Locale): Promise<LiveSession> {
    return this.view(await this.snapshot(access.session.id), { instructor: access.instructor, participantId: access.participant?.id ?? null }, locale);
  }

  /** Past and running sessions of a class, newest first (the class's instructors). */
  async pastSessions(viewer: Viewer, classroomId: string): Promise<LiveSessionSummary[]> {
    await this.classrooms.owned(viewer, classroomId);
    const rows = await sql<{ id: string; code: string; quizId: string; startedAt: string; endedAt: string | null; n: number | string }>(
      this.db,
      `SELECT s.id AS id, s.code AS code, s."quizId" AS "quizId", s."startedAt" AS "startedAt", s."endedAt" AS "endedAt",
              (SELECT COUNT(*) FROM live_participant p WHERE p."sessionId" = s.id) AS n
         FROM live_session s WHERE s."classroomId" = ? ORDER BY s."startedAt" DESC, s.id`,
      [classroomId],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, quizId: r.quizId, startedAt: new Date(r.startedAt), endedAt: r.endedAt ? new Date(r.endedAt) : null, participantCount: Number(r.n) }));
  }

  /**
   * The report (the class's instructors): per item the distribution with the key marked, the facility (share
   * fully right; null for essays), the median time to answer, and what each class member answered, with the
   * disambiguator the class's exports show. Guests count in the figures but are never named.
   */
  async report(viewer: Viewer, sessionId: string, locale: Locale): Promise<LiveSessionReport> {
    const session = await this.control(viewer, sessionId);
    const [answers, participants, { identities }] = await Promise.all([
      this.db.getRepository(LiveAnswerRow).find({ where: { sessionId }, order: { answeredAt: "ASC", id: "ASC" } }),
      this.db.getRepository(LiveParticipantRow).findBy({ sessionId }),
      this.dashboard.identities(session.classroomId),
    ]);
    const byParticipant = new Map(participants.map((p) => [p.id, p]));
    const items: LiveReportItem[] = [];
    for (const slot of session.items) {
      const item = await this.attempts.itemAtVersion(slot.versionId);
      const mine = answers.filter((a) => a.itemId === slot.itemId);
      const graded = mine.filter((a) => a.status === "GRADED");
      const times = mine.map((a) => a.secondsToAnswer).sort((a, b) => a - b);
      items.push({
        itemId: slot.itemId,
        prompt: pick(item.prompt, locale),
        facility: itemType(item).handGraded || graded.length === 0 ? null : graded.filter((a) => a.correct).length / graded.length,
        medianSecondsToAnswer: times.length === 0 ? null : times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2,
        answered: mine.length,
        distribution: this.distribution(item, mine, locale, true, null).rows,
        answers: mine.flatMap((a) => {
          const p = byParticipant.get(a.participantId);
          if (!p?.userId) return [];
          const member = identities.members.find((m) => m.id === p.userId);
          return [{ learnerId: p.userId, learnerName: member?.displayName ?? p.nickname, learnerDisambiguator: identities.of(p.userId, true), answer: this.answerText(item, a.answer, locale), score: a.score, secondsToAnswer: a.secondsToAnswer }];
        }),
      });
    }
    const snap = await this.snapshot(sessionId);
    return { session: this.view(snap, { instructor: true, participantId: null }, locale), items };
  }

  /** An answer in words: option texts in the report's language, typed text as typed. */
  private answerText(item: Item, answer: LocalAnswer, locale: Locale): string {
    const pub = toPublicAnswer(this.content.ids, item, answer);
    const { choices, targets } = publicItem(this.content.ids, item, locale, 0);
    const label = (id: string) => choices.find((c) => c.id === id)?.text ?? targets.find((t) => t.id === id)?.text ?? id;
    if (pub.text !== null && pub.text !== undefined) return pub.text;
    if (pub.choiceIds) return pub.choiceIds.map(label).join(" | ");
    if (pub.sequence) return pub.sequence.map(label).join(" → ");
    if (pub.pairs) return pub.pairs.map((p) => `${label(p.leftId)} → ${label(p.rightId)}`).join(" | ");
    return "";
  }

  /** The report as CSV text (as Classroom.gradebookCsv: BOM, RFC 4180, formulas neutralised): one row per member's answer. */
  async reportCsv(viewer: Viewer, sessionId: string, locale: Locale): Promise<string> {
    const report = await this.report(viewer, sessionId, locale);
    const ar = locale === Locale.AR;
    const lines: string[][] = [
      ar ? ["السؤال", "نص السؤال", "المتعلم", "المعرّف", "الإجابة", "الدرجة", "الثواني", "نسبة الصواب", "الوسيط بالثواني"] : ["item", "prompt", "learner", "identifier", "answer", "score", "seconds", "facility", "median seconds"],
    ];
    for (const it of report.items) {
      const stats = [it.facility === null ? "" : it.facility.toFixed(2), it.medianSecondsToAnswer === null ? "" : it.medianSecondsToAnswer.toFixed(1)];
      if (it.answers.length === 0) lines.push([it.itemId, it.prompt, "", "", "", "", "", ...stats]);
      for (const a of it.answers) lines.push([it.itemId, it.prompt, a.learnerName, a.learnerDisambiguator ?? "", a.answer, a.score === null ? "" : String(a.score), a.secondsToAnswer.toFixed(1), ...stats]);
    }
    return "\uFEFF" + lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  /**
   * Deletes guests' answers and nicknames of sessions that ended at least 24 hours ago (run periodically by
   * main.ts on the injected clock, as the deadline sweep is). Returns how many sessions it purged.
   */
  async sweepGuests(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - GUEST_RETENTION_MS).toISOString();
    const due = await sql<{ id: string }>(this.db, `SELECT id FROM live_session WHERE "endedAt" IS NOT NULL AND "endedAt" <= ? AND "guestsPurged" = ?`, [before, false]);
    for (const { id } of due) {
      await this.writes.run(async (em) => {
        await sql(em, `DELETE FROM live_answer WHERE "sessionId" = ? AND "participantId" IN (SELECT id FROM live_participant WHERE "sessionId" = ? AND "userId" IS NULL)`, [id, id]);
        await sql(em, `DELETE FROM live_participant WHERE "sessionId" = ? AND "userId" IS NULL`, [id]);
        await em.update(LiveSessionRow, { id }, { guestsPurged: true });
      });
    }
    return due.length;
  }
}

/** The participant's own answer: correctness and score only once revealed. */
function myAnswerOf(a: Pick<LiveAnswerRow, "score" | "correct">, phase: LiveSessionPhase): LiveMyAnswer {
  const shown = phase === LiveSessionPhase.REVEALED;
  return { submitted: true, correct: shown ? a.correct : null, score: shown ? a.score : null };
}

/**
 * Inserts a live answer unless the participant has one for the item (the unique key UQ_live_answer_once
 * decides, ON CONFLICT DO NOTHING on both engines); true when this row went in.
 */
async function insertOnce(em: EntityManager, row: LiveAnswerRow): Promise<boolean> {
  const [query, params] = em.createQueryBuilder().insert().into(LiveAnswerRow).values(row).orIgnore().getQueryAndParameters();
  const result = (await em.queryRunner!.query(query, params, true)) as { affected?: number };
  return result.affected === 1;
}
