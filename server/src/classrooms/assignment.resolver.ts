/**
 * Assignments over GraphQL (issue 18, point 3): instructors list, create, edit and delete the assignments of
 * a class they teach and set its time zone; learners list what their classes assigned them.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../context.js";
import { Role } from "../shared/role.enum.js";
import { Locale, pick } from "../shared/locale.js";
import type { LatePolicy as LatePolicyName } from "../attempts/assignment-terms.js";
import type { AssignmentRow } from "./assignment.entity.js";
import type { AssignmentKindName } from "./assignment.service.js";
import type { ClassroomRow } from "./classroom.entity.js";
import { Classroom } from "./classroom.type.js";
import type { AssignmentKind, AssignmentState, LatePolicy } from "./assignment.type.js";
import { Assignment, AssignmentInput, AssignmentReport, AssignmentTermsInput } from "./assignment.type.js";

const TEACHERS = [Role.INSTRUCTOR, Role.ADMIN];

/** What the report field needs, kept off the schema: the row, and whether a teacher asked. */
const teacherRows = new WeakMap<Assignment, AssignmentRow>();

function toAssignment(ctx: AppContext, row: AssignmentRow, room: ClassroomRow, locale: Locale, state: AssignmentState | null): Assignment {
  const kind = row.kind as AssignmentKindName;
  const lessonSlug = ctx.assignments.lessonOfStored(kind, row.targetId);
  const title = kind === "QUIZ" ? ctx.content.quizFile(row.targetId)?.title : ctx.content.content.lessons.find((l) => l.slug === row.targetId)?.title;
  return {
    id: row.id,
    classroomId: row.classroomId,
    classroomName: room.name,
    timeZone: room.timeZone,
    kind: kind as AssignmentKind,
    targetId: row.targetId,
    lessonSlug,
    title: title ? pick(title, locale) : row.targetId,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    latePolicy: row.latePolicy as LatePolicy,
    state,
  };
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Authorized(...TEACHERS)
  @Query(() => [Assignment], { description: "The assignments of a class you teach, soonest due first; any other class answers classroom/not_found." })
  async classAssignments(
    @Arg("classroomId", () => ID) classroomId: string,
    @Arg("locale", () => Locale, { nullable: true }) locale: Locale | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<Assignment[]> {
    const room = await ctx.classrooms.owned(ctx.viewer!, classroomId);
    const rows = await ctx.assignments.ofClass(ctx.viewer!, classroomId);
    return rows.map((row) => {
      const a = toAssignment(ctx, row, room, locale ?? ctx.viewer!.locale, null);
      teacherRows.set(a, row);
      return a;
    });
  }

  @Authorized()
  @Query(() => [Assignment], { description: "What your classes assigned you (optionally of one quiz), with where you stand, soonest due first." })
  async myAssignments(
    @Arg("locale", () => Locale, { nullable: true }) locale: Locale | undefined,
    @Arg("quizId", () => ID, { nullable: true }) quizId: string | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<Assignment[]> {
    const mine = await ctx.assignments.mine(ctx.viewer!, quizId ?? null);
    return mine.map((m) => toAssignment(ctx, m.row, m.classroom, locale ?? ctx.viewer!.locale, m.state as AssignmentState));
  }

  @FieldResolver(() => AssignmentReport, { nullable: true, description: "How the class stands on it: for the class's instructor (classAssignments); null elsewhere." })
  async report(@Root() a: Assignment, @Ctx() ctx: AppContext): Promise<AssignmentReport | null> {
    const row = teacherRows.get(a);
    if (!row) return null;
    const c = await ctx.assignments.counts(row);
    return { ...c, behind: c.behind.map((b) => ({ ...b, state: b.state as AssignmentState })) };
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Assignment, { description: "Assigns a lesson or a quiz to a class you teach (one assignment per target and class)." })
  async createAssignment(@Arg("input", () => AssignmentInput) input: AssignmentInput, @Ctx() ctx: AppContext): Promise<Assignment> {
    const row = await ctx.assignments.create(ctx.viewer!, input.classroomId, {
      kind: input.kind as AssignmentKindName,
      targetId: input.targetId,
      opensAt: input.opensAt,
      dueAt: input.dueAt,
      latePolicy: input.latePolicy as LatePolicyName,
    });
    const a = toAssignment(ctx, row, await ctx.classrooms.owned(ctx.viewer!, row.classroomId), ctx.viewer!.locale, null);
    teacherRows.set(a, row);
    return a;
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Assignment, { description: "New opening time, due date or late policy for an assignment of a class you teach." })
  async updateAssignment(@Arg("id", () => ID) id: string, @Arg("terms", () => AssignmentTermsInput) terms: AssignmentTermsInput, @Ctx() ctx: AppContext): Promise<Assignment> {
    const row = await ctx.assignments.update(ctx.viewer!, id, { opensAt: terms.opensAt, dueAt: terms.dueAt, latePolicy: terms.latePolicy as LatePolicyName });
    const a = toAssignment(ctx, row, await ctx.classrooms.owned(ctx.viewer!, row.classroomId), ctx.viewer!.locale, null);
    teacherRows.set(a, row);
    return a;
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Boolean, { description: "Deletes an assignment of a class you teach; the learners' work stays." })
  deleteAssignment(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.assignments.remove(ctx.viewer!, id);
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom, { description: "Sets the time zone (IANA name, such as Africa/Casablanca) of a class you teach." })
  async setClassroomTimeZone(@Arg("classroomId", () => ID) classroomId: string, @Arg("timeZone", () => String) timeZone: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    const row = await ctx.assignments.setTimeZone(ctx.viewer!, classroomId, timeZone);
    // The join code goes out through Classroom.joinCode's own check (teachers only), as for every class read.
    return { id: row.id, name: row.name, joinCode: null, code: row.joinCode, createdAt: row.createdAt, archivedAt: row.archivedAt ?? null, instructorId: row.instructorId, timeZone: row.timeZone };
  }
}
