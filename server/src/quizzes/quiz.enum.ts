import { registerEnumType } from "type-graphql";

export enum ItemType {
  SINGLE_CHOICE = "SINGLE_CHOICE",
  MULTIPLE_CHOICE = "MULTIPLE_CHOICE",
  TRUE_FALSE = "TRUE_FALSE",
  MATCHING = "MATCHING",
  ORDERING = "ORDERING",
  SHORT_ANSWER = "SHORT_ANSWER",
  ESSAY = "ESSAY",
  CLASSIFY = "CLASSIFY",
}
registerEnumType(ItemType, { name: "ItemType" });

export enum GradingMethod {
  HIGHEST = "HIGHEST",
  LAST = "LAST",
  FIRST = "FIRST",
  AVERAGE = "AVERAGE",
}
registerEnumType(GradingMethod, { name: "GradingMethod", description: "How a learner's finished ASSESSMENT attempts combine into one grade." });

export enum QuizRoleName {
  LESSON = "LESSON",
  DIAGNOSTIC = "DIAGNOSTIC",
  FINAL = "FINAL",
}
registerEnumType(QuizRoleName, {
  name: "QuizRole",
  description: "What a quiz is for: a lesson's quiz, the course's diagnostic pre-test, or its final assessment.",
});

export enum ReviewPolicy {
  AFTER_FINISH = "AFTER_FINISH",
  AFTER_CLOSE = "AFTER_CLOSE",
  NEVER = "NEVER",
}
registerEnumType(ReviewPolicy, {
  name: "ReviewPolicy",
  description: "When an ASSESSMENT attempt's correctness, score, right answers and feedback become visible to the learner.",
});
