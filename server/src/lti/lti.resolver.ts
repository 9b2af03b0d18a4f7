/**
 * LTI Advantage on the class dashboard: whether the class is bound to a learning platform, the scores not yet
 * delivered to it (pending with their next try, or given up, with why), the learners the last roster sync
 * marked as gone, and "sync roster" (NRPS). Only the class's instructor (or an admin) reaches these.
 */
import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { In } from "typeorm";
import { UserRow } from "../accounts/user.entity.js";
import type { AppContext } from "../context.js";
import { Role } from "../shared/role.enum.js";
import { LtiRosterRow } from "./lti-advantage.entity.js";
import { LtiContextRow } from "./lti.entity.js";

@ObjectType({ description: "A score on its way to the learning platform (AGS) that is not delivered yet." })
export class LtiScoreSend {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  learnerId: string;

  @Field(() => String)
  learnerName: string;

  @Field(() => String)
  quizId: string;

  @Field(() => String, { description: "PENDING (will be tried again) or FAILED (given up)." })
  state: string;

  @Field(() => Int)
  tries: number;

  @Field(() => Date, { nullable: true, description: "When it is tried next (PENDING)." })
  nextTryAt: Date | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;
}

@ObjectType({ description: "The class's link to a learning platform (LTI)." })
export class LtiClassStatus {
  @Field(() => Boolean, { description: "Whether the platform offers the roster (NRPS) for this class." })
  canSyncRoster: boolean;

  @Field(() => [LtiScoreSend])
  unsentScores: LtiScoreSend[];

  @Field(() => [ID], { description: "Learners the last roster sync found gone from the platform's course." })
  leftLearnerIds: string[];
}

@ObjectType()
export class LtiRosterSync {
  @Field(() => Int, { description: "Members the platform listed." })
  listed: number;

  @Field(() => Int, { description: "Learners added to the class." })
  added: number;

  @Field(() => Int, { description: "Accounts created for platform users seen for the first time." })
  created: number;

  @Field(() => Int, { description: "Learners newly marked as gone (their data is kept)." })
  left: number;

  @Field(() => Int, { description: "Active learners on the platform." })
  active: number;
}

const TEACHERS = [Role.INSTRUCTOR, Role.ADMIN];

@Resolver()
export class LtiResolver {
  @Authorized(...TEACHERS)
  @Query(() => LtiClassStatus, { nullable: true, description: "The class's LTI status; null when the class is not bound to a learning platform." })
  async ltiClassStatus(@Arg("classroomId", () => ID) classroomId: string, @Ctx() ctx: AppContext): Promise<LtiClassStatus | null> {
    await ctx.classrooms.owned(ctx.viewer!, classroomId);
    if (!(await ctx.db.getRepository(LtiContextRow).findOneBy({ classroomId }))) return null;
    const rows = await ctx.ltiScores.unsent(classroomId);
    const users = rows.length ? await ctx.db.getRepository(UserRow).findBy({ id: In([...new Set(rows.map((r) => r.userId))]) }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const left = await ctx.db.getRepository(LtiRosterRow).findBy({ classroomId, status: "LEFT" });
    return {
      canSyncRoster: await ctx.ltiRoster.available(classroomId),
      unsentScores: rows.map((r) => ({
        id: r.id,
        learnerId: r.userId,
        learnerName: names.get(r.userId) ?? "—",
        quizId: r.quizId,
        state: r.state,
        tries: r.tries,
        nextTryAt: r.state === "PENDING" ? r.nextAt : null,
        lastError: r.lastError,
      })),
      leftLearnerIds: left.map((l) => l.userId),
    };
  }

  @Authorized(...TEACHERS)
  @Mutation(() => LtiRosterSync, { description: "Takes the class's roster from its learning platform (NRPS): adds new learners, marks those who left." })
  async syncLtiRoster(@Arg("classroomId", () => ID) classroomId: string, @Ctx() ctx: AppContext): Promise<LtiRosterSync> {
    await ctx.classrooms.owned(ctx.viewer!, classroomId);
    return ctx.ltiRoster.sync(classroomId);
  }
}
