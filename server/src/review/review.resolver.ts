import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { ItemResponse, ReviewAnswerInput } from "../attempts/attempt.type.js";
import { toItemResponse } from "../attempts/attempt.view.js";
import type { QuizItem } from "../quizzes/quiz.type.js";
import { QuizItem as QuizItemType } from "../quizzes/quiz.type.js";
import { publicItem } from "../quizzes/quiz.view.js";
import type { AppContext } from "../shared/context.js";
import { MAX_REVIEW_LIMIT } from "./review.service.js";

@Resolver()
export class ReviewResolver {
  @Authorized()
  @Query(() => [QuizItemType], { description: `Items due for spaced review, soonest first (limit 1–${MAX_REVIEW_LIMIT}), in your language.` })
  async reviewQueue(@Arg("limit", () => Int, { defaultValue: 20 }) limit: number, @Ctx() ctx: AppContext): Promise<QuizItem[]> {
    const ids = await ctx.reviews.due(ctx.viewer!, limit);
    return ids.map((id) => {
      const rec = ctx.content.item(id)!;
      return publicItem(rec.item, ctx.viewer!.locale, rec.version);
    });
  }

  @Authorized()
  @Mutation(() => ItemResponse, { description: "Answers a due review item: graded at once, with feedback, and rescheduled." })
  async submitReview(@Arg("input", () => ReviewAnswerInput) input: ReviewAnswerInput, @Ctx() ctx: AppContext): Promise<ItemResponse> {
    const row = await ctx.reviews.submit(ctx.viewer!, input.itemId, input.answer);
    const rec = ctx.content.item(input.itemId)!;
    return toItemResponse(row, rec.item, rec.version, true, ctx.content, ctx.viewer!.locale);
  }
}
