import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { GradingMethod, ItemType, QuizRoleName, ReviewPolicy } from "./quiz.enum.js";

/** A choice (left side for MATCHING, an element to place for ORDERING) or a MATCHING target. No key here. */
@ObjectType()
export class Choice {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  text: string;
}

@ObjectType({ description: "One criterion an instructor scores an ESSAY against." })
export class RubricCriterion {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  criterion: string;

  @Field(() => Float)
  points: number;
}

/**
 * A quiz item as a learner may see it before answering: prompt and options, never the key, the
 * explanation or the evidence. Choices and targets come in an order unrelated to the key.
 */
@ObjectType()
export class QuizItem {
  @Field(() => ID)
  id: string;

  @Field(() => ItemType)
  type: ItemType;

  @Field(() => String)
  prompt: string;

  @Field(() => Float)
  points: number;

  @Field(() => [String])
  objectiveIds: string[];

  @Field(() => [Choice], { description: "Options to pick (choice types), elements to order (ORDERING) or left side (MATCHING)." })
  choices: Choice[];

  @Field(() => [Choice], { description: "MATCHING only: the right side, possibly with distractors." })
  targets: Choice[];

  @Field(() => [RubricCriterion], { description: "ESSAY only: what the instructor will score." })
  rubric: RubricCriterion[];

  @Field(() => Int, { description: "The content version of this item; answers record it." })
  version: number;
}

@ObjectType()
export class QuizSettings {
  @Field(() => Int, { description: "ASSESSMENT attempts allowed; PRACTICE is unlimited." })
  maxAttempts: number;

  @Field(() => Int, { nullable: true })
  timeLimitMinutes: number | null;

  @Field(() => GradingMethod)
  gradingMethod: GradingMethod;

  @Field(() => ReviewPolicy)
  reviewPolicy: ReviewPolicy;

  @Field(() => Date, { nullable: true })
  closesAt: Date | null;
}

@ObjectType()
export class Quiz {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: "The quiz's lesson; null for the diagnostic and the final, which belong to none." })
  lessonSlug: string | null;

  @Field(() => QuizRoleName)
  role: QuizRoleName;

  @Field(() => String)
  title: string;

  @Field(() => QuizSettings)
  settings: QuizSettings;

  @Field(() => [QuizItem])
  items: QuizItem[];

  @Field(() => Boolean, { description: "Retired with its lesson: attempts stay readable; no new attempt starts." })
  retired: boolean;
}
