/**
 * Live class sessions over GraphQL (issue 17): thin; who may do what is checked in LiveService (instructors
 * of the session's class control it and see its report; a participant, signed in or a guest with the
 * `live_participant` cookie, sees the session and their own answers; joining needs the code).
 */
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { SubscribeResolverData } from "type-graphql";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { Locale } from "../shared/locale.js";
import { AnswerInput } from "../attempts/attempt.type.js";
import { LiveAction } from "./live.enum.js";
import { LiveMyAnswer, LiveParticipant, LivePracticeItem, LiveSession, LiveSessionJoinInfo, LiveSessionReport, LiveSessionSummary, StartLiveSessionInput } from "./live.type.js";

const localeOf = (ctx: AppContext, locale: Locale | null | undefined): Locale => locale ?? ctx.viewer?.locale ?? Locale.AR;

@Resolver()
export class LiveResolver {
  @Query(() => LiveSession, { description: "A live session: its class's instructors, or a participant (their own answer only)." })
  async liveSession(@Arg("id", () => ID) id: string, @Arg("locale", () => Locale, { nullable: true }) locale: Locale | null, @Ctx() ctx: AppContext): Promise<LiveSession> {
    const access = await ctx.live.access(ctx.viewer, ctx.liveToken, id);
    return ctx.live.state(access, localeOf(ctx, locale));
  }

  @Query(() => LiveSessionJoinInfo, { description: "What the join page shows for a code; anyone." })
  async liveSessionByCode(@Arg("code", () => String) code: string, @Arg("locale", () => Locale, { nullable: true }) locale: Locale | null, @Ctx() ctx: AppContext): Promise<LiveSessionJoinInfo> {
    return ctx.live.joinInfo(code, localeOf(ctx, locale));
  }

  @Authorized()
  @Query(() => LiveSessionReport, { description: "The report of a session: the class's instructors." })
  async liveSessionReport(@Arg("id", () => ID) id: string, @Arg("locale", () => Locale, { nullable: true }) locale: Locale | null, @Ctx() ctx: AppContext): Promise<LiveSessionReport> {
    return ctx.live.report(ctx.viewer!, id, localeOf(ctx, locale));
  }

  @Authorized()
  @Query(() => String, { description: "The report as CSV text (UTF-8 with BOM), one row per class member's answer: the class's instructors." })
  async liveSessionReportCsv(@Arg("id", () => ID) id: string, @Arg("locale", () => Locale, { nullable: true }) locale: Locale | null, @Ctx() ctx: AppContext): Promise<string> {
    return ctx.live.reportCsv(ctx.viewer!, id, localeOf(ctx, locale));
  }

  @Authorized()
  @Query(() => [LiveSessionSummary], { description: "A class's live sessions, newest first: its instructors." })
  async classroomLiveSessions(@Arg("classroomId", () => ID) classroomId: string, @Ctx() ctx: AppContext): Promise<LiveSessionSummary[]> {
    return ctx.live.pastSessions(ctx.viewer!, classroomId);
  }

  @Authorized()
  @Query(() => [LivePracticeItem], { description: "The practice-pool items of a quiz that a live session may run (all by default, or a chosen subset): instructors of the class." })
  async livePracticeItems(@Arg("classroomId", () => ID) classroomId: string, @Arg("quizId", () => String) quizId: string, @Ctx() ctx: AppContext): Promise<LivePracticeItem[]> {
    return ctx.live.practiceItems(ctx.viewer!, classroomId, quizId);
  }

  @Authorized()
  @Mutation(() => LiveSession, { description: "Starts a live session of a quiz's practice items for a class you teach." })
  async startLiveSession(@Arg("input", () => StartLiveSessionInput) input: StartLiveSessionInput, @Ctx() ctx: AppContext): Promise<LiveSession> {
    const row = await ctx.live.start(ctx.viewer!, input);
    return ctx.live.state({ session: row, instructor: true, participant: null }, localeOf(ctx, null));
  }

  @Mutation(() => LiveParticipant, { description: "Joins by code: a class member as themselves; anyone else as a guest with a nickname (sets the live_participant cookie)." })
  async joinLiveSession(@Arg("code", () => String) code: string, @Arg("nickname", () => String, { nullable: true }) nickname: string | null, @Ctx() ctx: AppContext): Promise<LiveParticipant> {
    const { participant, token } = await ctx.live.join(ctx.viewer, ctx.liveToken, code, nickname);
    if (token) ctx.setLiveCookie(token);
    return { id: participant.id, sessionId: participant.sessionId, nickname: participant.nickname, guest: participant.userId === null };
  }

  @Authorized()
  @Mutation(() => LiveSession, { description: "The instructor's control; START_TIMER takes seconds (5–300)." })
  async liveControl(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("action", () => LiveAction) action: LiveAction,
    @Arg("seconds", () => Int, { nullable: true }) seconds: number | null,
    @Ctx() ctx: AppContext,
  ): Promise<LiveSession> {
    const row = await ctx.live.act(ctx.viewer!, sessionId, action, seconds);
    return ctx.live.state({ session: row, instructor: true, participant: null }, localeOf(ctx, null));
  }

  @Authorized()
  @Mutation(() => LiveSession)
  async setLiveLeaderboard(@Arg("sessionId", () => ID) sessionId: string, @Arg("on", () => Boolean) on: boolean, @Ctx() ctx: AppContext): Promise<LiveSession> {
    const row = await ctx.live.setLeaderboard(ctx.viewer!, sessionId, on);
    return ctx.live.state({ session: row, instructor: true, participant: null }, localeOf(ctx, null));
  }

  @Mutation(() => LiveMyAnswer, { description: "A participant's answer to the current item; idempotent by clientAnswerId; acknowledged after commit." })
  async submitLiveAnswer(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("itemId", () => String) itemId: string,
    @Arg("clientAnswerId", () => String) clientAnswerId: string,
    @Arg("answer", () => AnswerInput) answer: AnswerInput,
    @Ctx() ctx: AppContext,
  ): Promise<LiveMyAnswer> {
    return ctx.live.submit(ctx.viewer, ctx.liveToken, sessionId, itemId, clientAnswerId, answer);
  }

  @Subscription(() => LiveSession, {
    name: "liveSession",
    description: "A live session: first the whole state, then each phase change; the class's instructors also get counts and distribution (at most 5 a second).",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { id: string; locale?: Locale | null }, AppContext>) => {
      if (!context.viewer && !context.liveToken) throw new AppError("live/not-found", "There is no such live session.");
      const access = await context.live.access(context.viewer, context.liveToken, args.id);
      return context.liveFeeds.subscribe(access, args.locale ?? context.viewer?.locale ?? Locale.AR);
    },
  })
  liveSession_(@Root() state: LiveSession, @Arg("id", () => ID) _id: string, @Arg("locale", () => Locale, { nullable: true }) _locale: Locale | null): LiveSession {
    return state;
  }
}
