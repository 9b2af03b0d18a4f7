/**
 * GraphQL types of the gain from the diagnostic pre-test to the final assessment (issue 13 point 5): the
 * learner's own gain per objective, and a class's pre → post per learner with the class average.
 */
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ClassLearner } from "./classroom.type.js";

@ObjectType({ description: "Pre → post on one objective (or overall): shares 0–1; null where a quiz is not taken yet." })
export class Gain {
  @Field(() => Float, { nullable: true, description: "Share of the diagnostic's points (its first attempt)." })
  pre: number | null;

  @Field(() => Float, { nullable: true, description: "Share of the final's points, by the final's grading method." })
  post: number | null;

  @Field(() => Float, { nullable: true, description: "post − pre." })
  raw: number | null;

  @Field(() => Float, { nullable: true, description: "(post − pre) / (1 − pre); null when pre = 1 (alreadyMastered) or either is null." })
  normalized: number | null;

  @Field(() => Boolean, { description: "Full marks on the diagnostic: the normalised gain is undefined." })
  alreadyMastered: boolean;
}

@ObjectType()
export class ObjectiveGain extends Gain {
  @Field(() => ID)
  objectiveId: string;

  @Field(() => String)
  objectiveText: string;

  @Field(() => String)
  lessonSlug: string;
}

@ObjectType({ description: "Your gain from the diagnostic pre-test to the final assessment." })
export class MyGains {
  @Field(() => ID, { nullable: true })
  diagnosticQuizId: string | null;

  @Field(() => ID, { nullable: true })
  finalQuizId: string | null;

  @Field(() => Boolean, { description: "A finished diagnostic attempt whose results are visible." })
  preTaken: boolean;

  @Field(() => Boolean, { description: "A finished final attempt whose results are visible." })
  postTaken: boolean;

  @Field(() => Int, { description: "Assessment attempts started in the diagnostic, open ones included (its maxAttempts bounds them)." })
  diagnosticAttemptsUsed: number;

  @Field(() => Int, { description: "Assessment attempts started in the final, open ones included." })
  finalAttemptsUsed: number;

  @Field(() => Gain)
  overall: Gain;

  @Field(() => [ObjectiveGain], { description: "Every objective of the course's lessons, in lesson order." })
  objectives: ObjectiveGain[];
}

@ObjectType()
export class LearnerPrePost extends Gain {
  @Field(() => ClassLearner)
  learner: ClassLearner;
}

@ObjectType({ description: "The class average (Hake): mean pre and mean post over the learners who took both, g from those." })
export class ClassPrePostAverage extends Gain {
  @Field(() => Int, { description: "Learners who took both the diagnostic and the final." })
  learners: number;
}
