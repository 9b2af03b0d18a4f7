import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum LessonStatus {
  NOT_STARTED = "NOT_STARTED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
}
registerEnumType(LessonStatus, { name: "LessonStatus" });

export enum MasteryLevel {
  NOT_STARTED = "NOT_STARTED",
  ATTEMPTED = "ATTEMPTED",
  FAMILIAR = "FAMILIAR",
  PROFICIENT = "PROFICIENT",
  MASTERED = "MASTERED",
}
registerEnumType(MasteryLevel, { name: "MasteryLevel", description: "Khan Academy's levels: see server/src/progress/mastery.ts." });

@InputType()
export class LessonProgressInput {
  @Field(() => String)
  lessonSlug: string;

  @Field(() => ID, { nullable: true, description: "The paragraph the learner has reached (the resume position)." })
  paragraphId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true marks the lesson complete; a completed lesson stays complete." })
  completed?: boolean | null;
}

@ObjectType()
export class LessonProgress {
  @Field(() => String)
  lessonSlug: string;

  @Field(() => LessonStatus)
  status: LessonStatus;

  @Field(() => ID, { nullable: true })
  lastParagraphId: string | null;

  @Field(() => Int)
  paragraphsSeen: number;

  @Field(() => Int)
  paragraphsTotal: number;

  @Field(() => Int, { description: "Reading time measured by the server between progress reports (gaps over 5 minutes count as 5)." })
  timeSpentSeconds: number;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "The last time progress was recorded (for 'continue where you left off')." })
  updatedAt: Date | null;

  @Field(() => Float, { nullable: true, description: "Best finished ASSESSMENT as a fraction 0–1, once visible; null before." })
  bestScore: number | null;

  @Field(() => Float, { nullable: true, description: "The quiz grade by its grading method, fraction 0–1." })
  grade: number | null;

  @Field(() => Int)
  assessmentAttemptsUsed: number;

  @Field(() => Int)
  assessmentAttemptsAllowed: number;
}

@ObjectType()
export class ObjectiveMastery {
  @Field(() => ID)
  objectiveId: string;

  @Field(() => String)
  lessonSlug: string;

  @Field(() => MasteryLevel)
  level: MasteryLevel;

  @Field(() => Float, { description: "Share of the objective's points earned by the latest answers, 0–1." })
  fraction: number;
}

@ObjectType()
export class MyProgress {
  @Field(() => [LessonProgress])
  lessons: LessonProgress[];

  @Field(() => [ObjectiveMastery])
  objectives: ObjectiveMastery[];

  @Field(() => Int)
  reviewsDue: number;
}
