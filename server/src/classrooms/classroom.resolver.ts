import { Arg, Authorized, Ctx, Float, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { SubscribeResolverData } from "type-graphql";
import { Role } from "../shared/role.enum.js";
import { Calibration, ItemResponse } from "../attempts/attempt.type.js";
import { toItemResponse } from "../attempts/attempt.view.js";
import { AppError } from "../errors.js";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import type { ClassroomRow } from "./classroom.entity.js";
import type { ClassAccess } from "./class-access.js";
import { canTeach, classAccess } from "./class-access.js";
import {
  ClassLearner,
  ClassRoleKind,
  Classroom,
  ClassTeacher,
  CoInstructorInvite,
  ClassroomActivity,
  GradeEssayInput,
  ItemStat,
  LearnerDetail,
  LearnerProgressRow,
  LessonAverage,
  NeedsHelp,
  ObjectiveSummary,
  PendingEssay,
  RosterSort,
} from "./classroom.type.js";
import { classroomFeed } from "./classroom-feed.js";
import { MAX_PAGE } from "./dashboard.service.js";
import { ClassPrePostAverage, LearnerPrePost } from "./prepost.type.js";
import { timeZoneName } from "./assignment.service.js";

const TEACHERS = [Role.INSTRUCTOR, Role.ADMIN];

/** The join code is given out by the joinCode field, to teachers only. */
const toClassroom = (row: ClassroomRow): Classroom => ({
  id: row.id,
  name: row.name,
  joinCode: null,
  createdAt: row.createdAt,
  archivedAt: row.archivedAt ?? null,
  instructorId: row.instructorId,
  code: row.joinCode,
  timeZone: row.timeZone,
});

/** The viewer's access to a class, asked once per request (class-access.ts decides). */
const accessCache = new WeakMap<AppContext, Map<string, Promise<ClassAccess | null>>>();
function accessOf(ctx: AppContext, classroomId: string): Promise<ClassAccess | null> {
  if (!ctx.viewer) return Promise.resolve(null);
  let perRequest = accessCache.get(ctx);
  if (!perRequest) accessCache.set(ctx, (perRequest = new Map()));
  let found = perRequest.get(classroomId);
  if (!found) perRequest.set(classroomId, (found = classAccess(ctx.db, ctx.viewer, classroomId)));
  return found;
}

/** A roster search: at most 100 characters. */
function search(text: string): string {
  if (text.length > 100) throw new AppError("BAD_USER_INPUT", "A search may have at most 100 characters.", { field: "search" });
  return text;
}

function page(offset: number, limit: number): void {
  if (!Number.isInteger(offset) || offset < 0) throw new AppError("BAD_USER_INPUT", "offset must be 0 or more.", { field: "offset" });
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new AppError("BAD_USER_INPUT", `limit must be 1–${MAX_PAGE}.`, { field: "limit" });
}

/**
 * Every field below reads class data, so each re-checks that the viewer teaches this class: a Classroom
 * reached through myClassrooms by a learner shows its name and nothing else.
 */
async function teach(ctx: AppContext, room: Classroom): Promise<void> {
  if (!canTeach(await accessOf(ctx, room.id))) throw new AppError("FORBIDDEN", "Only the class's instructors can see this.");
}

@Resolver(() => Classroom)
export class ClassroomResolver {
  @Authorized()
  @Query(() => [Classroom], { description: "Instructors: the classes you teach (own or co-teach). Learners: the classes you joined. Archived classes only with archived: true (and then alone)." })
  async myClassrooms(@Arg("archived", () => Boolean, { defaultValue: false }) archived: boolean, @Ctx() ctx: AppContext): Promise<Classroom[]> {
    return (await ctx.classrooms.mine(ctx.viewer!, archived)).map(toClassroom);
  }

  @Authorized(...TEACHERS)
  @Query(() => Classroom, { nullable: true, description: "A class you teach (owner or co-instructor); any other answers classroom/not_found." })
  async classroom(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.owned(ctx.viewer!, id));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom)
  async createClassroom(
    @Arg("name", () => String) name: string,
    @Arg("timeZone", () => String, { nullable: true, description: "IANA name (the client sends the browser's); UTC when left out." }) timeZone: string | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.create(ctx.viewer!, name, timeZone ? timeZoneName(timeZone) : "UTC"));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom, { description: "Renames a class you teach (1 to 120 characters); not while archived." })
  async renameClassroom(@Arg("classroomId", () => ID) classroomId: string, @Arg("name", () => String) name: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.rename(ctx.viewer!, classroomId, name));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom, { description: "A new join code; the old one stops working. Not while archived." })
  async regenerateJoinCode(@Arg("classroomId", () => ID) classroomId: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.regenerateCode(ctx.viewer!, classroomId));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom, { description: "Archives a class (the owner): read-only, no joins, listed under archived classes." })
  async archiveClassroom(@Arg("classroomId", () => ID) classroomId: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.setArchived(ctx.viewer!, classroomId, true));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom, { description: "Makes an archived class active again (the owner)." })
  async unarchiveClassroom(@Arg("classroomId", () => ID) classroomId: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.setArchived(ctx.viewer!, classroomId, false));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Boolean, { description: "Deletes a class (the owner), confirmed by typing its name; learners keep their attempts, progress and grades." })
  deleteClassroom(@Arg("classroomId", () => ID) classroomId: string, @Arg("confirmName", () => String) confirmName: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.classrooms.delete(ctx.viewer!, classroomId, confirmName);
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom, { description: "Adds an existing instructor account, by its email, as a co-instructor (the owner)." })
  async addCoInstructor(@Arg("classroomId", () => ID) classroomId: string, @Arg("email", () => String) email: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.addCoInstructor(ctx.viewer!, classroomId, email));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => CoInstructorInvite, { description: "A co-instructor invite link (the owner): works once, for 7 days; there is no mail, share it yourself." })
  async createCoInstructorInvite(@Arg("classroomId", () => ID) classroomId: string, @Ctx() ctx: AppContext): Promise<CoInstructorInvite> {
    const { token, expiresAt } = await ctx.classrooms.createInvite(ctx.viewer!, classroomId);
    return { token, expiresAt, path: `/teach/invite/${token}` };
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom, { description: "Opens a co-instructor invite link: you become a co-instructor of its class." })
  async acceptCoInstructorInvite(@Arg("token", () => String) token: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.acceptInvite(ctx.viewer!, token));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Boolean, { description: "Removes a co-instructor (the owner), or leaves the class (a co-instructor, with their own id)." })
  removeCoInstructor(@Arg("classroomId", () => ID) classroomId: string, @Arg("userId", () => ID) userId: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.classrooms.removeCoInstructor(ctx.viewer!, classroomId, userId);
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Classroom, { description: "Makes a co-instructor the class's owner (the owner); you stay a co-instructor." })
  async transferClassroom(@Arg("classroomId", () => ID) classroomId: string, @Arg("userId", () => ID) userId: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.transferOwnership(ctx.viewer!, classroomId, userId));
  }

  @FieldResolver(() => String, { nullable: true, description: "Only for the class's teachers (owner, co-instructors) and admins." })
  async joinCode(@Root() room: Classroom, @Ctx() ctx: AppContext): Promise<string | null> {
    return canTeach(await accessOf(ctx, room.id)) ? room.code : null;
  }

  @FieldResolver(() => ClassRoleKind, { nullable: true, description: "Your role in the class: owner, co-instructor, admin; null for a learner." })
  async myRole(@Root() room: Classroom, @Ctx() ctx: AppContext): Promise<ClassRoleKind | null> {
    const access = await accessOf(ctx, room.id);
    return access ? ClassRoleKind[access.role] : null;
  }

  @FieldResolver(() => [ClassTeacher], { description: "The owner, then the co-instructors." })
  async teachers(@Root() room: Classroom, @Ctx() ctx: AppContext): Promise<ClassTeacher[]> {
    await teach(ctx, room);
    return ctx.classrooms.teachers(room.id);
  }

  @Authorized(...TEACHERS)
  @Mutation(() => Boolean)
  removeLearner(@Arg("classroomId", () => ID) classroomId: string, @Arg("learnerId", () => ID) learnerId: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.classrooms.removeLearner(ctx.viewer!, classroomId, learnerId);
  }

  @Authorized(Role.LEARNER)
  @Mutation(() => Classroom, { description: "Joins a class by its code (any case; dashes and spaces ignored)." })
  async joinClassroom(@Arg("code", () => String) code: string, @Ctx() ctx: AppContext): Promise<Classroom> {
    return toClassroom(await ctx.classrooms.join(ctx.viewer!, code, ctx.clientAddress));
  }

  @Authorized(...TEACHERS)
  @Mutation(() => ItemResponse, { description: "Scores an essay against its rubric, with a comment the learner will see." })
  async gradeEssay(@Arg("input", () => GradeEssayInput) input: GradeEssayInput, @Ctx() ctx: AppContext): Promise<ItemResponse> {
    const row = await ctx.instructor.gradeEssay(ctx.viewer!, input.responseId, { score: input.score, comment: input.comment, criteria: input.criteria });
    const item = await ctx.attempts.itemAtVersion(row.itemVersionId);
    const version = ctx.content.item(row.itemId)?.versionId === row.itemVersionId ? ctx.content.item(row.itemId)!.version : 0;
    return toItemResponse(row, item, version, true, ctx.content, ctx.viewer!.locale);
  }

  @FieldResolver(() => Int, { description: "Members of the class; with a search, those it finds (as learners and progress do)." })
  async learnerCount(@Root() room: Classroom, @Arg("search", () => String, { defaultValue: "" }) text: string, @Ctx() ctx: AppContext): Promise<number> {
    await teach(ctx, room);
    return ctx.dashboard.rosterCount(room.id, search(text));
  }

  @FieldResolver(() => [ClassLearner], {
    description: `The roster a page at a time (limit 1–${MAX_PAGE}), searched by name, learner code, or email where instructors see emails.`,
  })
  async learners(
    @Root() room: Classroom,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset: number,
    @Arg("limit", () => Int, { defaultValue: 50 }) limit: number,
    @Arg("search", () => String, { defaultValue: "" }) text: string,
    @Arg("sort", () => RosterSort, { defaultValue: RosterSort.NAME }) sort: RosterSort,
    @Ctx() ctx: AppContext,
  ): Promise<ClassLearner[]> {
    await teach(ctx, room);
    page(offset, limit);
    return ctx.dashboard.roster(room.id, offset, limit, search(text), sort);
  }

  @FieldResolver(() => [LearnerProgressRow], { description: "Roster × lesson matrix (status, best score) with mastery per objective, a page at a time, searched and sorted as learners." })
  async progress(
    @Root() room: Classroom,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset: number,
    @Arg("limit", () => Int, { defaultValue: 50 }) limit: number,
    @Arg("search", () => String, { defaultValue: "" }) text: string,
    @Arg("sort", () => RosterSort, { defaultValue: RosterSort.NAME }) sort: RosterSort,
    @Ctx() ctx: AppContext,
  ): Promise<LearnerProgressRow[]> {
    await teach(ctx, room);
    page(offset, limit);
    return ctx.dashboard.progress(room.id, offset, limit, search(text), sort);
  }

  @FieldResolver(() => [LearnerPrePost], { description: "Each learner's overall pre → post (diagnostic → final), a page of the roster at a time, searched and sorted as learners." })
  async prePost(
    @Root() room: Classroom,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset: number,
    @Arg("limit", () => Int, { defaultValue: 50 }) limit: number,
    @Arg("search", () => String, { defaultValue: "" }) text: string,
    @Arg("sort", () => RosterSort, { defaultValue: RosterSort.NAME }) sort: RosterSort,
    @Ctx() ctx: AppContext,
  ): Promise<LearnerPrePost[]> {
    await teach(ctx, room);
    page(offset, limit);
    return ctx.prePost.learners(await ctx.dashboard.roster(room.id, offset, limit, search(text), sort));
  }

  @FieldResolver(() => ClassPrePostAverage, { description: "The class's average pre → post over the learners who took both the diagnostic and the final." })
  async prePostAverage(@Root() room: Classroom, @Ctx() ctx: AppContext): Promise<ClassPrePostAverage> {
    await teach(ctx, room);
    return ctx.prePost.classAverage(room.id);
  }

  @FieldResolver(() => [LessonAverage])
  async lessonAverages(@Root() room: Classroom, @Ctx() ctx: AppContext): Promise<LessonAverage[]> {
    await teach(ctx, room);
    return ctx.dashboard.lessonAverages(room.id);
  }

  @FieldResolver(() => [ObjectiveSummary], { description: "Learners at each mastery level, per objective (the heat-map)." })
  async mastery(@Root() room: Classroom, @Ctx() ctx: AppContext): Promise<ObjectiveSummary[]> {
    await teach(ctx, room);
    return ctx.dashboard.masterySummary(room.id);
  }

  @FieldResolver(() => [NeedsHelp])
  async needsHelp(
    @Root() room: Classroom,
    @Arg("threshold", () => Float, { defaultValue: 0.6 }) threshold: number,
    @Arg("limit", () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() ctx: AppContext,
  ): Promise<NeedsHelp[]> {
    await teach(ctx, room);
    if (!(threshold >= 0 && threshold <= 1)) throw new AppError("BAD_USER_INPUT", "threshold must be 0–1.", { field: "threshold" });
    page(0, limit);
    return ctx.dashboard.needsHelp(room.id, threshold, limit, ctx.clock.now());
  }

  @FieldResolver(() => [ClassroomActivity])
  async recentActivity(@Root() room: Classroom, @Arg("limit", () => Int, { defaultValue: 20 }) limit: number, @Ctx() ctx: AppContext): Promise<ClassroomActivity[]> {
    await teach(ctx, room);
    page(0, limit);
    return ctx.dashboard.recentActivity(room.id, limit);
  }

  @FieldResolver(() => [ItemStat], { description: "Moodle-style item statistics over finished assessments: first attempts, or all." })
  async itemStats(
    @Root() room: Classroom,
    @Arg("quizId", () => ID) quizId: string,
    @Arg("allAttempts", () => Boolean, { defaultValue: false }) allAttempts: boolean,
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Ctx() ctx: AppContext,
  ): Promise<ItemStat[]> {
    await teach(ctx, room);
    if (!ctx.content.quizFile(quizId)) throw new AppError("BAD_USER_INPUT", `There is no quiz "${quizId}".`, { field: "quizId" });
    return ctx.dashboard.itemStats(room.id, quizId, allAttempts, locale);
  }

  @FieldResolver(() => Calibration, { nullable: true, description: "Certainty-based marking calibration of the class: accuracy per certainty level, over- or under-confidence; one quiz or all. Null when no answer carries a certainty." })
  async calibration(
    @Root() room: Classroom,
    @Arg("quizId", () => ID, { nullable: true }) quizId: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<Calibration | null> {
    await teach(ctx, room);
    if (quizId && !ctx.content.quizFile(quizId)) throw new AppError("BAD_USER_INPUT", `There is no quiz "${quizId}".`, { field: "quizId" });
    return ctx.dashboard.calibration(room.id, quizId ?? null);
  }

  @FieldResolver(() => LearnerDetail, { description: "One learner of this class: every attempt and raw response, with item versions." })
  async learner(
    @Root() room: Classroom,
    @Arg("id", () => ID) id: string,
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Ctx() ctx: AppContext,
  ): Promise<LearnerDetail> {
    await teach(ctx, room);
    return ctx.instructor.learnerDetail(ctx.viewer!, room.id, id, locale);
  }

  @FieldResolver(() => [PendingEssay], { description: `Essays of finished attempts waiting to be graded, oldest first, a page at a time (limit 1–${MAX_PAGE}), of one quiz if given.` })
  async pendingEssays(
    @Root() room: Classroom,
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Arg("limit", () => Int, { defaultValue: 50 }) limit: number,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset: number,
    @Arg("quizId", () => ID, { nullable: true }) quizId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<PendingEssay[]> {
    await teach(ctx, room);
    page(offset, limit);
    return ctx.instructor.pendingEssays(room.id, locale, limit, offset, quizId ?? null);
  }

  @FieldResolver(() => Int, { description: "How many essays wait for a grade (of one quiz, if given)." })
  async pendingEssayCount(@Root() room: Classroom, @Arg("quizId", () => ID, { nullable: true }) quizId: string | null, @Ctx() ctx: AppContext): Promise<number> {
    await teach(ctx, room);
    return ctx.instructor.pendingEssayCount(room.id, quizId ?? null);
  }

  @FieldResolver(() => String, { description: "The gradebook as CSV (UTF-8 with BOM): a row per learner, a column per quiz, lessons completed." })
  async gradebookCsv(@Root() room: Classroom, @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale, @Ctx() ctx: AppContext): Promise<string> {
    await teach(ctx, room);
    return ctx.instructor.gradebookCsv(room.id, locale);
  }

  @Subscription(() => ClassroomActivity, {
    description: "Live activity of a class you teach: answers, started and finished attempts, joins (graphql-transport-ws).",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { classroomId: string }, AppContext>) => {
      if (!context.viewer) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
      if (context.viewer.role === Role.LEARNER) throw new AppError("FORBIDDEN", "Your role does not allow this.");
      await context.classrooms.owned(context.viewer, args.classroomId);
      const { identities } = await context.dashboard.identities(args.classroomId);
      return classroomFeed(context.activity, args.classroomId, identities);
    },
  })
  classroomActivity(@Root() event: ClassroomActivity, @Arg("classroomId", () => ID) _classroomId: string): ClassroomActivity {
    return event;
  }
}
