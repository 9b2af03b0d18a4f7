import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { LessonProgress, LessonProgressInput, MyProgress } from "./progress.type.js";

@Resolver()
export class ProgressResolver {
  @Authorized()
  @Query(() => MyProgress, { description: "Your lessons, mastery per objective and reviews due." })
  myProgress(@Ctx() ctx: AppContext): Promise<MyProgress> {
    return ctx.progress.overview(ctx.viewer!.id);
  }

  @Authorized()
  @Mutation(() => LessonProgress, { description: "Records the paragraph reached and/or completion; time is measured by the server." })
  recordLessonProgress(@Arg("input", () => LessonProgressInput) input: LessonProgressInput, @Ctx() ctx: AppContext): Promise<LessonProgress> {
    return ctx.progress.record(ctx.viewer!, input);
  }
}
