/**
 * Classes: create, join by code, regenerate the code, remove a learner, list. An instructor sees only the
 * classes they teach (admins see all); a class someone may not see answers exactly as a missing one does.
 * Join codes are throttled per learner and per address (accounts/rate-limiter.ts), so they cannot be guessed.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { AttemptLimiter, JOIN_ACCOUNT_LIMITS, JOIN_ADDRESS_LIMITS } from "../accounts/rate-limiter.js";
import { Role } from "../shared/role.enum.js";
import type { WriteQueue } from "../db/write-queue.js";
import { AppError } from "../errors.js";
import { displayNameOf } from "../accounts/display-name.js";
import { sql } from "../db/sql.js";
import type { ActivityBus } from "../shared/activity.js";
import type { Clock } from "../shared/clock.js";
import type { Viewer } from "../shared/viewer.js";
import { ClassroomMemberRow, ClassroomRow } from "./classroom.entity.js";
import { newJoinCode, normalizeJoinCode } from "./join-code.js";
import { applyLearner } from "./stat-rollup.js";
import { applyLearnerToClass } from "./class-rollup.js";

const notFound = () => new AppError("classroom/not_found", "There is no such class.");

function className(raw: string): string {
  const name = raw.trim();
  if (name.length < 1 || name.length > 120) throw new AppError("BAD_USER_INPUT", "A class name needs 1 to 120 characters.", { field: "name" });
  return name;
}

export class ClassroomService {
  private readonly limiter: AttemptLimiter;

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly activity: ActivityBus,
  ) {
    this.limiter = new AttemptLimiter(db, writes, clock);
  }

  async create(viewer: Viewer, nameRaw: string, timeZone = "UTC"): Promise<ClassroomRow> {
    const name = className(nameRaw);
    return this.writes.run(async (em) => {
      const row = em.create(ClassroomRow, { id: randomUUID(), name, joinCode: await this.freshCode(em), instructorId: viewer.id, createdAt: this.clock.now(), timeZone });
      await em.insert(ClassroomRow, row);
      return row;
    });
  }

  private async freshCode(em: { findOneBy: DataSource["manager"]["findOneBy"] }): Promise<string> {
    for (;;) {
      const code = newJoinCode();
      if (!(await em.findOneBy(ClassroomRow, { joinCode: code }))) return code;
    }
  }

  /** The class if the viewer teaches it (or is an admin); classroom/not_found otherwise. */
  async owned(viewer: Viewer, classroomId: string): Promise<ClassroomRow> {
    const row = await this.db.getRepository(ClassroomRow).findOneBy({ id: classroomId });
    if (!row || (row.instructorId !== viewer.id && viewer.role !== Role.ADMIN)) throw notFound();
    return row;
  }

  /** Instructors: the classes they teach; learners: the classes they belong to. */
  async mine(viewer: Viewer): Promise<ClassroomRow[]> {
    if (viewer.role === Role.LEARNER) {
      const memberships = await this.db.getRepository(ClassroomMemberRow).findBy({ userId: viewer.id });
      if (memberships.length === 0) return [];
      return this.db.getRepository(ClassroomRow).find({ where: { id: In(memberships.map((m) => m.classroomId)) }, order: { name: "ASC" } });
    }
    return this.db.getRepository(ClassroomRow).find({ where: { instructorId: viewer.id }, order: { createdAt: "ASC" } });
  }

  /**
   * Joins the class whose code this is. A well-formed code takes a slot of the learner's and the address's
   * budgets before it is looked up (auth/rate_limited once spent); a right code gives its slot back.
   */
  async join(viewer: Viewer, codeRaw: string, address = "unknown"): Promise<ClassroomRow> {
    const code = normalizeJoinCode(codeRaw);
    if (!code) throw new AppError("classroom/bad_code", "That is not a class code: it has 8 letters and digits, like ABCD-EF23.");
    const reservation = await this.limiter.reserve(
      [
        { limits: JOIN_ACCOUNT_LIMITS, key: `user:${viewer.id}` },
        { limits: JOIN_ADDRESS_LIMITS, key: `ip:${address}` },
      ],
      "wrong class codes",
    );
    const lookUp = this.writes.run(async (em) => {
      const room = await em.findOneBy(ClassroomRow, { joinCode: code });
      if (!room) return null;
      const already = await em.findOneBy(ClassroomMemberRow, { classroomId: room.id, userId: viewer.id });
      if (!already) {
        await em.insert(ClassroomMemberRow, { classroomId: room.id, userId: viewer.id, joinedAt: this.clock.now() });
        await applyLearner(em, viewer.id, room.id, 1);
        await applyLearnerToClass(em, viewer.id, room.id, 1);
      }
      const email = already ? null : ((await sql<{ email: string }>(em, `SELECT email FROM "user" WHERE id = ?`, [viewer.id]))[0]?.email ?? null);
      return { room, joined: !already, email };
    });
    const result = await lookUp.catch(async (error: unknown) => {
      await reservation.release(); // not looked up: not the learner's to pay for
      throw error;
    });
    if (!result) throw new AppError("classroom/bad_code", "No class has this code. Check it with your instructor.");
    await reservation.release();
    if (result.joined) {
      this.activity.publish({ type: "LEARNER_JOINED", learnerId: viewer.id, learnerName: viewer.displayName, learnerEmail: result.email, quizId: null, itemId: null, attemptId: null, classroomId: result.room.id, at: this.clock.now() });
    }
    return result.room;
  }

  /** A new name for a class the viewer teaches (1 to 120 characters, trimmed). */
  async rename(viewer: Viewer, classroomId: string, nameRaw: string): Promise<ClassroomRow> {
    await this.owned(viewer, classroomId);
    const name = className(nameRaw);
    return this.writes.run(async (em) => {
      const row = await em.findOneByOrFail(ClassroomRow, { id: classroomId });
      row.name = name;
      await em.save(ClassroomRow, row);
      return row;
    });
  }

  async regenerateCode(viewer: Viewer, classroomId: string): Promise<ClassroomRow> {
    await this.owned(viewer, classroomId);
    return this.writes.run(async (em) => {
      const row = await em.findOneByOrFail(ClassroomRow, { id: classroomId });
      row.joinCode = await this.freshCode(em);
      await em.save(ClassroomRow, row);
      return row;
    });
  }

  async removeLearner(viewer: Viewer, classroomId: string, learnerId: string): Promise<boolean> {
    await this.owned(viewer, classroomId);
    const removed = await this.writes.run(async (em) => {
      const gone = (await em.delete(ClassroomMemberRow, { classroomId, userId: learnerId })).affected ?? 0;
      if (gone > 0) {
        await applyLearner(em, learnerId, classroomId, -1);
        await applyLearnerToClass(em, learnerId, classroomId, -1);
      }
      return gone;
    });
    if (removed === 0) throw new AppError("BAD_USER_INPUT", "This learner is not in the class.", { field: "learnerId" });
    this.activity.publish({ type: "LEARNER_REMOVED", learnerId, learnerName: await displayNameOf(this.db, learnerId), quizId: null, itemId: null, attemptId: null, classroomId, at: this.clock.now() });
    return true;
  }

  /** Whether a learner belongs to a class the viewer teaches (for drill-downs and essay grading). */
  async teachesLearner(viewer: Viewer, learnerId: string, classroomId?: string): Promise<boolean> {
    if (viewer.role === Role.ADMIN) return true;
    const qb = this.db
      .getRepository(ClassroomMemberRow)
      .createQueryBuilder("m")
      .innerJoin(ClassroomRow, "c", 'c.id = m."classroomId"')
      .where('m."userId" = :learnerId AND c."instructorId" = :me', { learnerId, me: viewer.id });
    if (classroomId) qb.andWhere('c.id = :classroomId', { classroomId });
    return (await qb.getCount()) > 0;
  }
}
