/**
 * Assignments (issue 18, point 3): an instructor assigns a lesson or a quiz of the course to a class they
 * teach, with an opening time, a due date and a late policy; edits and deletes them; sets the class's time zone
 * (an IANA name: the instructor's page shows and takes due dates in it). Learners list what their classes
 * assigned them with where they stand (assignment-state.ts); instructors see the same per class, counted.
 * What the terms do to attempts lives in attempts/assignment-terms.ts. Every time comes from the clock.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { WriteQueue } from "../db/write-queue.js";
import { sql } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { LatePolicy } from "../attempts/assignment-terms.js";
import { LATE_POLICIES } from "../attempts/assignment-terms.js";
import type { Clock } from "../shared/clock.js";
import type { Viewer } from "../shared/viewer.js";
import { AssignmentRow } from "./assignment.entity.js";
import type { AssignmentStateName, Work } from "./assignment-state.js";
import { assignmentState } from "./assignment-state.js";
import { ClassroomRow } from "./classroom.entity.js";
import type { ClassroomService } from "./classroom.service.js";

export type AssignmentKindName = "LESSON" | "QUIZ";

export interface AssignmentFields {
  kind: AssignmentKindName;
  targetId: string;
  opensAt: Date;
  dueAt: Date;
  latePolicy: LatePolicy;
}

/** A learner's assignment with the class it comes from. */
export interface LearnerAssignment {
  row: AssignmentRow;
  classroom: ClassroomRow;
  state: AssignmentStateName;
}

/** How the class stands on one assignment. */
export interface AssignmentCounts {
  notStarted: number;
  inProgress: number;
  done: number;
  late: number;
  overdue: number;
  /** Members whose work is LATE or OVERDUE, with when they finished (null: not yet). */
  behind: { id: string; displayName: string; state: AssignmentStateName; doneAt: Date | null }[];
}

/**
 * Issue 13: AFTER_CLOSE only with a close at most 30 days after the quiz opens, so that no learner waits
 * longer for feedback. For a class, the assignment's due date is the close and its opening time the opening.
 */
export const AFTER_CLOSE_MAX_DAYS = 30;

const bad = (field: string, message: string) => new AppError("BAD_USER_INPUT", message, { field });
const notFound = () => new AppError("classroom/not_found", "There is no such assignment.");

/** The canonical IANA name of a time zone, or BAD_USER_INPUT. */
export function timeZoneName(raw: string): string {
  const name = raw.trim();
  if (name.length < 1 || name.length > 64) throw bad("timeZone", "A time zone is an IANA name such as Africa/Casablanca.");
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw bad("timeZone", `Unknown time zone "${name}": use an IANA name such as Africa/Casablanca.`);
  }
}

export class AssignmentService {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
    private readonly classrooms: ClassroomService,
  ) {}

  /** The lesson slug a target belongs to (a quiz's lesson), or BAD_USER_INPUT for a target the course lacks. */
  lessonOf(kind: AssignmentKindName, targetId: string): string {
    if (kind === "LESSON") {
      if (!this.content.content.lessons.some((l) => l.slug === targetId)) throw bad("targetId", "The course has no such lesson.");
      return targetId;
    }
    const quiz = this.content.quizFile(targetId);
    if (!quiz) throw bad("targetId", "The course has no such quiz.");
    return quiz.lesson ?? targetId;
  }

  /** The lesson of a stored assignment's target; its own id when the content no longer has it. */
  lessonOfStored(kind: AssignmentKindName, targetId: string): string {
    return kind === "LESSON" ? targetId : (this.content.quizFile(targetId)?.lesson ?? targetId);
  }

  private check(f: AssignmentFields): void {
    this.lessonOf(f.kind, f.targetId);
    if (!LATE_POLICIES.includes(f.latePolicy)) throw bad("latePolicy", "The late policy is ACCEPT, ACCEPT_MARKED_LATE or REFUSE.");
    if (Number.isNaN(f.opensAt.getTime()) || Number.isNaN(f.dueAt.getTime())) throw bad("dueAt", "The opening time and the due date must be dates.");
    if (f.dueAt.getTime() <= f.opensAt.getTime()) throw bad("dueAt", "The due date must come after the opening time.");
    if (f.kind === "QUIZ" && this.content.quizFile(f.targetId)?.settings.reviewPolicy === "AFTER_CLOSE" && f.dueAt.getTime() - f.opensAt.getTime() > AFTER_CLOSE_MAX_DAYS * 86_400_000)
      throw bad("dueAt", `This quiz shows results only after it closes: its due date may be at most ${AFTER_CLOSE_MAX_DAYS} days after the opening.`);
  }

  /** The assignments of a class the viewer teaches, soonest due first. */
  async ofClass(viewer: Viewer, classroomId: string): Promise<AssignmentRow[]> {
    // The teaching check of the class (ClassroomService.owned); co-instructors come with the class-access check.
    await this.classrooms.owned(viewer, classroomId);
    return this.db.getRepository(AssignmentRow).find({ where: { classroomId }, order: { dueAt: "ASC", id: "ASC" } });
  }

  /** An assignment of a class the viewer teaches; any other answers classroom/not_found. */
  private async ownedAssignment(viewer: Viewer, id: string): Promise<AssignmentRow> {
    const row = await this.db.getRepository(AssignmentRow).findOneBy({ id });
    if (!row) throw notFound();
    await this.classrooms.owned(viewer, row.classroomId);
    return row;
  }

  async create(viewer: Viewer, classroomId: string, f: AssignmentFields): Promise<AssignmentRow> {
    await this.classrooms.owned(viewer, classroomId);
    this.check(f);
    return this.writes.run(async (em) => {
      if (await em.findOneBy(AssignmentRow, { classroomId, kind: f.kind, targetId: f.targetId }))
        throw bad("targetId", "This class already has an assignment of it: edit that one.");
      const now = this.clock.now();
      const row = em.create(AssignmentRow, { id: randomUUID(), classroomId, ...f, createdAt: now, updatedAt: now });
      await em.insert(AssignmentRow, row);
      return row;
    });
  }

  /** New terms for an assignment (its target stays: delete it and assign the other one instead). */
  async update(viewer: Viewer, id: string, f: Omit<AssignmentFields, "kind" | "targetId">): Promise<AssignmentRow> {
    const old = await this.ownedAssignment(viewer, id);
    this.check({ ...f, kind: old.kind as AssignmentKindName, targetId: old.targetId });
    return this.writes.run(async (em) => {
      const row = await em.findOneBy(AssignmentRow, { id });
      if (!row) throw notFound();
      Object.assign(row, f, { updatedAt: this.clock.now() });
      await em.save(AssignmentRow, row);
      return row;
    });
  }

  async remove(viewer: Viewer, id: string): Promise<boolean> {
    await this.ownedAssignment(viewer, id);
    await this.writes.run((em) => em.delete(AssignmentRow, { id }));
    return true;
  }

  async setTimeZone(viewer: Viewer, classroomId: string, raw: string): Promise<ClassroomRow> {
    await this.classrooms.owned(viewer, classroomId);
    const timeZone = timeZoneName(raw);
    return this.writes.run(async (em) => {
      const row = await em.findOneByOrFail(ClassroomRow, { id: classroomId });
      row.timeZone = timeZone;
      await em.save(ClassroomRow, row);
      return row;
    });
  }

  /** Every assignment of the viewer's classes (optionally of one quiz) with where they stand, soonest due first. */
  async mine(viewer: Viewer, quizId?: string | null): Promise<LearnerAssignment[]> {
    const rows = await sql<{ id: string }>(
      this.db,
      `SELECT s.id AS id FROM assignment s JOIN classroom_member m ON m."classroomId" = s."classroomId" AND m."userId" = ?
        ${quizId ? `WHERE s.kind = 'QUIZ' AND s."targetId" = ?` : ""}`,
      quizId ? [viewer.id, quizId] : [viewer.id],
    );
    if (rows.length === 0) return [];
    const assignments = await this.db.getRepository(AssignmentRow).find({ where: rows.map((r) => ({ id: r.id })), order: { dueAt: "ASC", id: "ASC" } });
    const classes = new Map((await this.db.getRepository(ClassroomRow).find({ where: [...new Set(assignments.map((a) => a.classroomId))].map((id) => ({ id })) })).map((c) => [c.id, c]));
    const now = this.clock.now();
    const out: LearnerAssignment[] = [];
    for (const row of assignments) {
      const work = (await this.work(row, [viewer.id])).get(viewer.id) ?? { doneAt: null, started: false };
      out.push({ row, classroom: classes.get(row.classroomId)!, state: assignmentState(row as { dueAt: Date; latePolicy: LatePolicy }, work, now) });
    }
    return out;
  }

  /** How the class's members stand on one assignment (1 statement for the work, 1 for names). */
  async counts(row: AssignmentRow): Promise<AssignmentCounts> {
    const members = await sql<{ id: string; displayName: string }>(
      this.db,
      `SELECT u.id AS id, u."displayName" AS "displayName" FROM classroom_member m JOIN "user" u ON u.id = m."userId" WHERE m."classroomId" = ?`,
      [row.classroomId],
    );
    const work = await this.work(row, null);
    const now = this.clock.now();
    const out: AssignmentCounts = { notStarted: 0, inProgress: 0, done: 0, late: 0, overdue: 0, behind: [] };
    const field = { NOT_STARTED: "notStarted", IN_PROGRESS: "inProgress", DONE: "done", LATE: "late", OVERDUE: "overdue" } as const;
    for (const m of members) {
      const w = work.get(m.id) ?? { doneAt: null, started: false };
      const state = assignmentState(row as { dueAt: Date; latePolicy: LatePolicy }, w, now);
      out[field[state]]++;
      if (state === "LATE" || state === "OVERDUE") out.behind.push({ id: m.id, displayName: m.displayName, state, doneAt: w.doneAt });
    }
    out.behind.sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1));
    return out;
  }

  /**
   * The work on an assignment's target of given learners (null: the class's members): a quiz is done at its
   * first finished assessment and begun by any attempt; a lesson is done when completed and begun when opened.
   */
  private async work(row: AssignmentRow, userIds: string[] | null): Promise<Map<string, Work>> {
    const who = userIds ? `x."userId" IN (??)` : `x."userId" IN (SELECT "userId" FROM classroom_member WHERE "classroomId" = ?)`;
    const whoParam = userIds ?? row.classroomId;
    const rows =
      row.kind === "QUIZ"
        ? await sql<{ userId: string; doneAt: string | null }>(
            this.db,
            `SELECT x."userId" AS "userId", MIN(CASE WHEN x.mode = 'ASSESSMENT' AND x.state = 'FINISHED' THEN x."finishedAt" END) AS "doneAt"
               FROM attempt x WHERE x."quizId" = ? AND ${who} GROUP BY x."userId"`,
            [row.targetId, whoParam],
          )
        : await sql<{ userId: string; doneAt: string | null }>(
            this.db,
            `SELECT x."userId" AS "userId", x."completedAt" AS "doneAt" FROM lesson_progress x WHERE x."lessonSlug" = ? AND ${who}`,
            [row.targetId, whoParam],
          );
    return new Map(rows.map((r) => [r.userId, { doneAt: r.doneAt ? new Date(r.doneAt) : null, started: true }]));
  }
}
