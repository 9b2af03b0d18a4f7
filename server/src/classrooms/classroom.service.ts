/**
 * Classes: create, join by code, regenerate the code, remove a learner, list; and their management: archive
 * (read-only and hidden from the default list), delete with a typed confirmation, co-instructors (added by
 * email or by a single-use, expiring invite link), ownership transfer. Who may do what is decided in
 * class-access.ts (owner, co-instructor, admin); a class someone may not see answers exactly as a missing one does.
 * Join codes are throttled per learner and per address (accounts/rate-limiter.ts), so they cannot be guessed.
 *
 * An archived class keeps its dashboards readable (over its learners' current data) and takes no joins, no
 * renames, no new codes, no removals and no grades; unarchive, delete, transfer and removing a co-instructor
 * still work on it. Deleting a class removes what belongs to the class (memberships, co-instructors, invites,
 * its rollups, its LTI binding); learners' attempts, answers, progress and grades stay theirs.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
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
import { normalizeEmail, hashToken } from "../accounts/account.service.js";
import { ClassroomInviteRow, ClassroomMemberRow, ClassroomRow, ClassroomTeacherRow } from "./classroom.entity.js";
import type { ClassAccess } from "./class-access.js";
import { canTeach, classAccess, isOwner, teachesSql } from "./class-access.js";
import { newJoinCode, normalizeJoinCode } from "./join-code.js";
import { applyLearner } from "./stat-rollup.js";
import { applyLearnerToClass } from "./class-rollup.js";

const notFound = () => new AppError("classroom/not_found", "There is no such class.");
const archived = () => new AppError("classroom/archived", "This class is archived: unarchive it first.");

/** How long a co-instructor invite link works. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

/** A teacher of a class as its teachers see them. */
export interface ClassTeacherView {
  id: string;
  displayName: string;
  email: string;
  owner: boolean;
}

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

  /** The class and the viewer's role in it if they teach it (owner, co-instructor) or are an admin; classroom/not_found otherwise. */
  async access(viewer: Viewer, classroomId: string): Promise<ClassAccess> {
    const access = await classAccess(this.db, viewer, classroomId);
    if (!canTeach(access)) throw notFound();
    return access;
  }

  /** The class if the viewer teaches it (owner or co-instructor) or is an admin; classroom/not_found otherwise. */
  async owned(viewer: Viewer, classroomId: string): Promise<ClassroomRow> {
    return (await this.access(viewer, classroomId)).room;
  }

  /** As owned, for changes: an archived class answers classroom/archived. */
  private async active(viewer: Viewer, classroomId: string): Promise<ClassAccess> {
    const access = await this.access(viewer, classroomId);
    if (access.room.archivedAt) throw archived();
    return access;
  }

  /** For the owner's acts: the owner or an admin; a co-instructor is FORBIDDEN, anyone else classroom/not_found. */
  private async ownerOf(viewer: Viewer, classroomId: string): Promise<ClassAccess> {
    const access = await this.access(viewer, classroomId);
    if (!isOwner(access)) throw new AppError("FORBIDDEN", "Only the class's owner can do this.");
    return access;
  }

  /**
   * Instructors: the classes they teach (own or co-teach); learners: the classes they belong to. Archived
   * classes only when asked for (archived: true lists them alone).
   */
  async mine(viewer: Viewer, archivedOnly = false): Promise<ClassroomRow[]> {
    const state = archivedOnly ? `c."archivedAt" IS NOT NULL` : `c."archivedAt" IS NULL`;
    const rows =
      viewer.role === Role.LEARNER
        ? await sql<{ id: string }>(this.db, `SELECT c.id FROM classroom c JOIN classroom_member m ON m."classroomId" = c.id AND m."userId" = ? WHERE ${state}`, [viewer.id])
        : await sql<{ id: string }>(this.db, `SELECT c.id FROM classroom c WHERE ${teachesSql("c")} AND ${state}`, [viewer.id, viewer.id]);
    if (rows.length === 0) return [];
    const order = viewer.role === Role.LEARNER ? { name: "ASC" as const } : { createdAt: "ASC" as const };
    return this.db.getRepository(ClassroomRow).find({ where: { id: In(rows.map((r) => r.id)) }, order });
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
      if (room.archivedAt) throw new AppError("classroom/archived", "This class is archived and takes no new learners.");
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
    await this.active(viewer, classroomId);
    const name = className(nameRaw);
    return this.writes.run(async (em) => {
      const row = await em.findOneByOrFail(ClassroomRow, { id: classroomId });
      row.name = name;
      await em.save(ClassroomRow, row);
      return row;
    });
  }

  async regenerateCode(viewer: Viewer, classroomId: string): Promise<ClassroomRow> {
    await this.active(viewer, classroomId);
    return this.writes.run(async (em) => {
      const row = await em.findOneByOrFail(ClassroomRow, { id: classroomId });
      row.joinCode = await this.freshCode(em);
      await em.save(ClassroomRow, row);
      return row;
    });
  }

  async removeLearner(viewer: Viewer, classroomId: string, learnerId: string): Promise<boolean> {
    await this.active(viewer, classroomId);
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

  /**
   * Whether a learner belongs to a class the viewer teaches, as owner or co-instructor (for drill-downs and
   * essay grading); activeOnly: in a class that is not archived (grading is a change).
   */
  async teachesLearner(viewer: Viewer, learnerId: string, classroomId?: string, activeOnly = false): Promise<boolean> {
    if (viewer.role === Role.ADMIN) return true;
    const found = await sql(
      this.db,
      `SELECT 1 AS x FROM classroom_member m JOIN classroom c ON c.id = m."classroomId"
        WHERE m."userId" = ? AND ${teachesSql("c")}${classroomId ? ` AND c.id = ?` : ""}${activeOnly ? ` AND c."archivedAt" IS NULL` : ""}`,
      classroomId ? [learnerId, viewer.id, viewer.id, classroomId] : [learnerId, viewer.id, viewer.id],
    );
    return found.length > 0;
  }

  /** Archives (archived: true) or unarchives a class: the owner only. */
  async setArchived(viewer: Viewer, classroomId: string, archivedNow: boolean): Promise<ClassroomRow> {
    await this.ownerOf(viewer, classroomId);
    return this.writes.run(async (em) => {
      const row = await em.findOneByOrFail(ClassroomRow, { id: classroomId });
      if (archivedNow !== !!row.archivedAt) {
        row.archivedAt = archivedNow ? this.clock.now() : null;
        await em.save(ClassroomRow, row);
      }
      return row;
    });
  }

  /**
   * Deletes a class once its owner typed its name (spaces around it ignored): what belongs to the class goes;
   * the learners' attempts, answers, progress and grades stay theirs.
   */
  async delete(viewer: Viewer, classroomId: string, confirmName: string): Promise<boolean> {
    const { room } = await this.ownerOf(viewer, classroomId);
    if (confirmName.trim().normalize("NFC") !== room.name.normalize("NFC")) {
      throw new AppError("classroom/confirm_mismatch", "Type the class's name exactly to delete it.", { field: "confirmName" });
    }
    await this.writes.run(async (em) => {
      for (const table of ["stat_attempt_sum", "stat_item_sum", "class_lesson_sum", "class_quiz_sum", "lti_context", "classroom_invite", "classroom_teacher", "classroom_member"]) {
        await sql(em, `DELETE FROM ${table} WHERE "classroomId" = ?`, [classroomId]);
      }
      await em.delete(ClassroomRow, { id: classroomId });
    });
    return true;
  }

  /** The owner first, then co-instructors by when they were added. */
  async teachers(classroomId: string): Promise<ClassTeacherView[]> {
    const rows = await sql<{ id: string; displayName: string; email: string; owner: number | boolean }>(
      this.db,
      `SELECT u.id, u."displayName", u.email, 1 AS owner, c."createdAt" AS at FROM classroom c JOIN "user" u ON u.id = c."instructorId" WHERE c.id = ?
       UNION ALL
       SELECT u.id, u."displayName", u.email, 0 AS owner, t."addedAt" AS at FROM classroom_teacher t JOIN "user" u ON u.id = t."userId" WHERE t."classroomId" = ?
       ORDER BY owner DESC, at ASC`,
      [classroomId, classroomId],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.displayName, email: r.email, owner: Number(r.owner) === 1 }));
  }

  /** Adds an existing instructor account, found by its email, as a co-instructor: the owner only. */
  async addCoInstructor(viewer: Viewer, classroomId: string, emailRaw: string): Promise<ClassroomRow> {
    const { room } = await this.ownerOf(viewer, classroomId);
    if (room.archivedAt) throw archived();
    const email = normalizeEmail(emailRaw);
    const [user] = await sql<{ id: string; role: string }>(this.db, `SELECT id, role FROM "user" WHERE email = ?`, [email]);
    if (!user || user.role === Role.LEARNER) {
      throw new AppError("classroom/no_such_instructor", "No instructor account has this email.", { field: "email" });
    }
    await this.writes.run((em) => this.addTeacher(em, room, user.id));
    return room;
  }

  private async addTeacher(em: EntityManager, room: ClassroomRow, userId: string): Promise<boolean> {
    if (room.instructorId === userId || (await em.findOneBy(ClassroomTeacherRow, { classroomId: room.id, userId }))) return false;
    await em.insert(ClassroomTeacherRow, { classroomId: room.id, userId, addedAt: this.clock.now() });
    return true;
  }

  /**
   * A co-instructor invite link's token (shown once; only its hash is kept): whoever signs in with an
   * instructor account and opens it within INVITE_TTL_MS becomes a co-instructor; it works once. The owner only.
   */
  async createInvite(viewer: Viewer, classroomId: string): Promise<{ token: string; expiresAt: Date }> {
    const { room } = await this.ownerOf(viewer, classroomId);
    if (room.archivedAt) throw archived();
    const token = randomBytes(24).toString("base64url");
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
    await this.writes.run((em) => em.insert(ClassroomInviteRow, { tokenHash: hashToken(token), classroomId, createdBy: viewer.id, createdAt: now, expiresAt, usedAt: null, usedBy: null }));
    return { token, expiresAt };
  }

  /**
   * Opens an invite link: the viewer becomes a co-instructor and the link is used up. A teacher of the class
   * already is let in without using it. Unknown, used, expired links and archived classes: classroom/invite_invalid.
   */
  async acceptInvite(viewer: Viewer, token: string): Promise<ClassroomRow> {
    const invalid = () => new AppError("classroom/invite_invalid", "This invite link is not valid any more: ask the class's owner for a new one.");
    if (token.length > 100) throw invalid();
    return this.writes.run(async (em) => {
      const invite = await em.findOneBy(ClassroomInviteRow, { tokenHash: hashToken(token) });
      const room = invite ? await em.findOneBy(ClassroomRow, { id: invite.classroomId }) : null;
      if (!invite || !room) throw invalid();
      if (room.instructorId === viewer.id || (await em.findOneBy(ClassroomTeacherRow, { classroomId: room.id, userId: viewer.id }))) return room;
      if (invite.usedAt || invite.expiresAt.getTime() <= this.clock.now().getTime() || room.archivedAt) throw invalid();
      await em.update(ClassroomInviteRow, { tokenHash: invite.tokenHash }, { usedAt: this.clock.now(), usedBy: viewer.id });
      await this.addTeacher(em, room, viewer.id);
      return room;
    });
  }

  /** Removes a co-instructor: the owner removes anyone, a co-instructor only themself (leaving the class). */
  async removeCoInstructor(viewer: Viewer, classroomId: string, userId: string): Promise<boolean> {
    const access = await this.access(viewer, classroomId);
    if (!isOwner(access) && userId !== viewer.id) throw new AppError("FORBIDDEN", "Only the class's owner can do this.");
    const gone = await this.writes.run(async (em) => (await em.delete(ClassroomTeacherRow, { classroomId, userId })).affected ?? 0);
    if (gone === 0) throw new AppError("BAD_USER_INPUT", "This person is not a co-instructor of the class.", { field: "userId" });
    return true;
  }

  /** Makes a co-instructor the owner; the owner before stays as a co-instructor. The owner (or an admin) only. */
  async transferOwnership(viewer: Viewer, classroomId: string, userId: string): Promise<ClassroomRow> {
    await this.ownerOf(viewer, classroomId);
    return this.writes.run(async (em) => {
      const room = await em.findOneByOrFail(ClassroomRow, { id: classroomId });
      const co = await em.findOneBy(ClassroomTeacherRow, { classroomId, userId });
      if (!co) throw new AppError("BAD_USER_INPUT", "Ownership goes to a co-instructor of the class: add them first.", { field: "userId" });
      const before = room.instructorId;
      await em.delete(ClassroomTeacherRow, { classroomId, userId });
      await em.update(ClassroomRow, { id: classroomId }, { instructorId: userId });
      await em.insert(ClassroomTeacherRow, { classroomId, userId: before, addedAt: this.clock.now() });
      return { ...room, instructorId: userId };
    });
  }
}
