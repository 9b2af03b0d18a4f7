import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { ItemResponse, ReviewAnswerInput } from "../attempts/attempt.type.js";
import { toItemResponse } from "../attempts/attempt.view.js";
import type { QuizItem } from "../quizzes/quiz.type.js";
import { QuizItem as QuizItemType } from "../quizzes/quiz.type.js";
import { publicItem } from "../quizzes/quiz.view.js";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import { MAX_REVIEW_LIMIT } from "./review.service.js";

@Resolver()
export class ReviewResolver {
  @Authorized()
  @Query(() => [QuizItemType], { description: `Items due for spaced review, soonest first (limit 1–${MAX_REVIEW_LIMIT}), in your language.` })
  async reviewQueue(
    @Arg("limit", () => Int, { defaultValue: 20 }) limit: number,
    @Arg("locale", () => Locale, { nullable: true, description: "Defaults to your chosen language." }) locale: Locale | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<QuizItem[]> {
    const ids = await ctx.reviews.due(ctx.viewer!, limit);
    return ids.map((id) => {
      const rec = ctx.content.item(id)!;
      return publicItem(ctx.content.ids, rec.item, locale ?? ctx.viewer!.locale, rec.version);
    });
  }

  @Authorized()
  // The right answer and feedback of an item an assessment also asks come only once that assessment's results are out.
  @Mutation(() => ItemResponse, { description: "Answers a due review item: graded at once, with feedback, and rescheduled." })
  async submitReview(
    @Arg("input", () => ReviewAnswerInput) input: ReviewAnswerInput,
    @Arg("locale", () => Locale, { nullable: true, description: "Language of the feedback; defaults to your chosen language." }) locale: Locale | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ItemResponse> {
    const { row, due } = await ctx.reviews.submit(ctx.viewer!, input.itemId, input.answer);
    const rec = ctx.content.item(input.itemId)!;
    const keyShown = await ctx.reviews.keyShown(ctx.viewer!.id, input.itemId);
    return { ...toItemResponse(row, rec.item, rec.version, true, ctx.content, locale ?? ctx.viewer!.locale, keyShown), nextReviewAt: due };
  }
}
