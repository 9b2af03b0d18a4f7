import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Item } from "../content/content.schema.js";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import type { AttemptRow } from "./attempt.entity.js";
import { AttemptMode } from "./attempt.enum.js";
import { Attempt, ItemHint, ItemResponse, OpenAttempt, SubmitAnswerInput } from "./attempt.type.js";
import { toAttempt, toItemResponse } from "./attempt.view.js";
import { certaintyModeOf, hintsOffered, hintView } from "./hints.js";

/** Loads what an attempt's view needs: its responses and the item versions it was built from. */
async function attemptView(ctx: AppContext, row: AttemptRow): Promise<Attempt> {
  const items = new Map<number, Item>();
  for (const slot of row.layout.items) items.set(slot.versionId, await ctx.attempts.itemAtVersion(slot.versionId));
  const settings = ctx.content.quizFile(row.quizId)?.settings;
  const hintsAvailable = hintsOffered(settings, row.mode);
  const used = hintsAvailable ? await ctx.attempts.hintsUsed(row.id) : new Map<string, number>();
  const hints = row.layout.items.filter((slot) => (used.get(slot.itemId) ?? 0) > 0).map((slot) => hintView(ctx.content.content, items.get(slot.versionId)!, used.get(slot.itemId)!, row.locale as Locale));
  return toAttempt(row, await ctx.attempts.responses(row.id), items, await ctx.attempts.feedbackVisible(row), ctx.content, ctx.clock.now(), await ctx.attempts.withheld(row, items), {
    certaintyMode: certaintyModeOf(settings, row.mode),
    hintsAvailable,
    hints,
  });
}

@Resolver()
export class AttemptResolver {
  @Authorized()
  @Query(() => Attempt, { nullable: true, description: "One of your attempts; anyone else's answers attempt/not_found." })
  async attempt(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<Attempt> {
    return attemptView(ctx, await ctx.attempts.get(ctx.viewer!, id));
  }

  @Authorized()
  @Query(() => [OpenAttempt], { description: "Your open attempts of this quiz, at most one per mode: the ones startAttempt resumes. Empty for an unknown quiz." })
  async myOpenAttempts(@Arg("quizId", () => ID) quizId: string, @Ctx() ctx: AppContext): Promise<OpenAttempt[]> {
    const now = ctx.clock.now();
    return (await ctx.attempts.openAttempts(ctx.viewer!, quizId)).map((row) => ({
      id: row.id,
      mode: row.mode as AttemptMode,
      startedAt: row.startedAt,
      deadline: row.deadline,
      secondsLeft: row.deadline ? Math.max(0, Math.floor((row.deadline.getTime() - now.getTime()) / 1000)) : null,
    }));
  }

  @Authorized()
  @Mutation(() => Attempt, { description: "Your open attempt of this quiz and mode, or a new one." })
  async startAttempt(
    @Arg("quizId", () => ID) quizId: string,
    @Arg("mode", () => AttemptMode) mode: AttemptMode,
    @Arg("locale", () => Locale, { nullable: true, description: "Defaults to your chosen language." }) locale: Locale | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<Attempt> {
    return attemptView(ctx, await ctx.attempts.start(ctx.viewer!, quizId, mode, locale ?? undefined));
  }

  @Authorized()
  @Mutation(() => ItemResponse, { description: "Stores (or replaces) an answer; graded on the server." })
  async submitAnswer(@Arg("input", () => SubmitAnswerInput) input: SubmitAnswerInput, @Ctx() ctx: AppContext): Promise<ItemResponse> {
    const { attempt, response, item, version } = await ctx.attempts.submit(ctx.viewer!, input.attemptId, input.itemId, input.answer, {
      clientAnswerId: input.clientAnswerId ?? null,
      certainty: input.certainty ?? null,
    });
    const withheld = await ctx.attempts.withheld(attempt, new Map([[response.itemVersionId, item]]));
    return toItemResponse(response, item, version, await ctx.attempts.feedbackVisible(attempt), ctx.content, attempt.locale as Locale, !withheld.has(item.id));
  }

  @Authorized()
  @Mutation(() => ItemHint, { description: "Takes the next hint from the evidence on an item of an open practice attempt: the lesson section, then the paragraph. Never in an assessment (hint/not_available)." })
  async takeHint(@Arg("attemptId", () => ID) attemptId: string, @Arg("itemId", () => ID) itemId: string, @Ctx() ctx: AppContext): Promise<ItemHint> {
    const { item, used, attempt } = await ctx.attempts.takeHint(ctx.viewer!, attemptId, itemId);
    return hintView(ctx.content.content, item, used, attempt.locale as Locale);
  }

  @Authorized()
  @Mutation(() => Attempt)
  async finishAttempt(@Arg("attemptId", () => ID) attemptId: string, @Ctx() ctx: AppContext): Promise<Attempt> {
    return attemptView(ctx, await ctx.attempts.finish(ctx.viewer!, attemptId));
  }

  @Authorized()
  @Mutation(() => Attempt, { description: "Gives up an open attempt without a grade (an abandoned assessment still counts as used)." })
  async abandonAttempt(@Arg("attemptId", () => ID) attemptId: string, @Ctx() ctx: AppContext): Promise<Attempt> {
    return attemptView(ctx, await ctx.attempts.abandon(ctx.viewer!, attemptId));
  }
}
