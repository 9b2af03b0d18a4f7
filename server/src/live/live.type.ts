/** GraphQL types of live class sessions (issue 17); the shapes are the contract with the client's live pages. */
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { QuizItem } from "../quizzes/quiz.type.js";
import { Answer, Evidence } from "../attempts/attempt.type.js";
import { LiveSessionPhase } from "./live.enum.js";

@ObjectType({ description: "One bar of a live distribution: an option (or answer signature) and how many chose it." })
export class LiveDistributionRow {
  @Field(() => String)
  key: string;

  @Field(() => String, { nullable: true, description: "The option's text (or the typed answer); null where there is none." })
  label: string | null;

  @Field(() => Int)
  count: number;

  @Field(() => Boolean, { nullable: true, description: "Whether this row is (part of) the key; null until REVEALED." })
  correct: boolean | null;
}

@ObjectType()
export class LiveDistribution {
  @Field(() => [LiveDistributionRow])
  rows: LiveDistributionRow[];

  @Field(() => Int)
  answered: number;

  @Field(() => [String], { nullable: true, description: "ESSAY items only: the texts, anonymous, in random order." })
  essays: string[] | null;
}

@ObjectType()
export class LiveReveal {
  @Field(() => Answer, { nullable: true, description: "The right answer as feedback shows it (public option ids); null for essays." })
  rightAnswer: Answer | null;

  @Field(() => String)
  explanation: string;

  @Field(() => [Evidence])
  evidence: Evidence[];
}

@ObjectType()
export class LiveLeaderboardRow {
  @Field(() => String)
  nickname: string;

  @Field(() => Float)
  points: number;
}

@ObjectType()
export class LiveMyAnswer {
  @Field(() => Boolean)
  submitted: boolean;

  @Field(() => Boolean, { nullable: true, description: "Only once REVEALED." })
  correct: boolean | null;

  @Field(() => Float, { nullable: true, description: "Only once REVEALED." })
  score: number | null;
}

@ObjectType({ description: "A live session as one viewer may see it now." })
export class LiveSession {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => ID)
  classroomId: string;

  @Field(() => String)
  quizId: string;

  @Field(() => LiveSessionPhase)
  phase: LiveSessionPhase;

  @Field(() => Int)
  itemIndex: number;

  @Field(() => Int)
  itemCount: number;

  @Field(() => QuizItem, { nullable: true })
  item: QuizItem | null;

  @Field(() => Date, { nullable: true })
  closesAt: Date | null;

  @Field(() => Date)
  serverNow: Date;

  @Field(() => Int)
  answeredCount: number;

  @Field(() => Int)
  participantCount: number;

  @Field(() => LiveDistribution, { nullable: true })
  distribution: LiveDistribution | null;

  @Field(() => LiveReveal, { nullable: true })
  reveal: LiveReveal | null;

  @Field(() => [LiveLeaderboardRow], { nullable: true })
  leaderboard: LiveLeaderboardRow[] | null;

  @Field(() => Boolean)
  leaderboardOn: boolean;

  @Field(() => Boolean)
  allowGuests: boolean;

  @Field(() => LiveMyAnswer, { nullable: true })
  myAnswer: LiveMyAnswer | null;
}

@ObjectType()
export class LiveParticipant {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  sessionId: string;

  @Field(() => String)
  nickname: string;

  @Field(() => Boolean)
  guest: boolean;
}

@ObjectType()
export class LiveSessionJoinInfo {
  @Field(() => ID)
  sessionId: string;

  @Field(() => String)
  quizTitle: string;

  @Field(() => Boolean)
  allowGuests: boolean;

  @Field(() => LiveSessionPhase)
  phase: LiveSessionPhase;
}

@ObjectType()
export class LiveReportAnswer {
  @Field(() => ID)
  learnerId: string;

  @Field(() => String)
  learnerName: string;

  @Field(() => String, { nullable: true })
  learnerDisambiguator: string | null;

  @Field(() => String, { description: "The answer as the learner gave it, in words (option texts in the report's language)." })
  answer: string;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Float)
  secondsToAnswer: number;
}

@ObjectType()
export class LiveReportItem {
  @Field(() => String)
  itemId: string;

  @Field(() => String)
  prompt: string;

  @Field(() => Float, { nullable: true, description: "Share of answers fully right; null for essays or when nobody answered." })
  facility: number | null;

  @Field(() => Float, { nullable: true })
  medianSecondsToAnswer: number | null;

  @Field(() => Int)
  answered: number;

  @Field(() => [LiveDistributionRow])
  distribution: LiveDistributionRow[];

  @Field(() => [LiveReportAnswer], { description: "Class members only; guests are never named." })
  answers: LiveReportAnswer[];
}

@ObjectType()
export class LiveSessionReport {
  @Field(() => LiveSession)
  session: LiveSession;

  @Field(() => [LiveReportItem])
  items: LiveReportItem[];
}

@ObjectType()
export class LiveSessionSummary {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  quizId: string;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  endedAt: Date | null;

  @Field(() => Int)
  participantCount: number;
}

@ObjectType({ description: "A practice-pool item a quiz may run live, as the start page lists it (the class's instructors)." })
export class LivePracticeItem {
  @Field(() => String)
  id: string;

  @Field(() => String, { description: "The item type (SINGLE_CHOICE, ESSAY, …)." })
  type: string;

  @Field(() => String)
  promptAr: string;

  @Field(() => String)
  promptEn: string;
}

@InputType()
export class StartLiveSessionInput {
  @Field(() => ID)
  classroomId: string;

  @Field(() => String)
  quizId: string;

  @Field(() => [String], { nullable: true, description: "A subset of the quiz's practice-pool items; all of them when absent." })
  itemIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  shuffle?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  allowGuests?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  leaderboard?: boolean | null;
}
