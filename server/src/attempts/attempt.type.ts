import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { Locale } from "../shared/locale.js";
import { QuizItem } from "../quizzes/quiz.type.js";
import { AttemptMode, AttemptState, CertaintyMode, ResponseStatus } from "./attempt.enum.js";

@ObjectType()
export class MatchPair {
  @Field(() => ID)
  leftId: string;

  @Field(() => ID)
  rightId: string;
}

@InputType()
export class MatchPairInput {
  @Field(() => ID)
  leftId: string;

  @Field(() => ID)
  rightId: string;
}

@ObjectType({ description: "An answer in public option ids; which fields are set depends on the item type." })
export class Answer {
  @Field(() => [ID], { nullable: true })
  choiceIds: string[] | null;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => [ID], { nullable: true })
  sequence: string[] | null;

  @Field(() => [MatchPair], { nullable: true })
  pairs: MatchPair[] | null;
}

@InputType({ description: "Choice types: choiceIds. ORDERING: sequence. MATCHING: pairs. SHORT_ANSWER, ESSAY: text." })
export class AnswerInput {
  @Field(() => [ID], { nullable: true })
  choiceIds?: string[] | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => [ID], { nullable: true })
  sequence?: string[] | null;

  @Field(() => [MatchPairInput], { nullable: true })
  pairs?: MatchPairInput[] | null;
}

@InputType()
export class SubmitAnswerInput {
  @Field(() => ID)
  attemptId: string;

  @Field(() => ID)
  itemId: string;

  @Field(() => AnswerInput)
  answer: AnswerInput;

  @Field(() => ID, {
    nullable: true,
    description:
      "A UUID the client makes for this answer and keeps while it retries: the same id sent again is the same answer (stored once, not graded again), even after the attempt closed.",
  })
  clientAnswerId?: string | null;

  @Field(() => Int, { nullable: true, description: "How sure the learner is, 1 (not very) to 3 (very), where the attempt's certaintyMode asks for it; refused (certainty/invalid) where it is OFF." })
  certainty?: number | null;
}

@InputType()
export class ReviewAnswerInput {
  @Field(() => ID)
  itemId: string;

  @Field(() => AnswerInput)
  answer: AnswerInput;
}

@ObjectType({ description: "A lesson paragraph that proves an item's answer." })
export class Evidence {
  @Field(() => String)
  lessonSlug: string;

  @Field(() => ID)
  paragraphId: string;

  @Field(() => String)
  text: string;
}

@ObjectType()
export class Feedback {
  @Field(() => String)
  explanation: string;

  @Field(() => [Evidence])
  evidence: Evidence[];

  @Field(() => String, { nullable: true, description: "An instructor's comment on a hand-graded essay." })
  comment: string | null;
}

@ObjectType({ description: "A hand-graded essay's mark on one rubric criterion, with the grader's comment." })
export class RubricMark {
  @Field(() => ID)
  criterionId: string;

  @Field(() => String)
  criterion: string;

  @Field(() => Float, { description: "The criterion's points (its scale)." })
  points: number;

  @Field(() => Float)
  score: number;

  @Field(() => String, { nullable: true })
  comment: string | null;
}

@ObjectType()
export class ItemResponse {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  itemId: string;

  @Field(() => Int, { description: "The content version of the item that was answered." })
  itemVersion: number;

  @Field(() => Answer)
  answer: Answer;

  @Field(() => ResponseStatus)
  status: ResponseStatus;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Float)
  maxScore: number;

  @Field(() => Boolean, { nullable: true })
  correct: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "A short answer accepted with one letter off: the accepted spelling, for a \"check the spelling\" note. Shown with correctness.",
  })
  spellingNote: string | null;

  @Field(() => Answer, { nullable: true })
  rightAnswer: Answer | null;

  @Field(() => Feedback, { nullable: true })
  feedback: Feedback | null;

  @Field(() => [RubricMark], { nullable: true, description: "An essay graded by rubric: the mark per criterion, once scores may be seen." })
  rubricMarks?: RubricMark[] | null;

  @Field(() => Date)
  answeredAt: Date;

  @Field(() => Int, { nullable: true, description: "The certainty (1–3) given with the answer, if any." })
  certainty: number | null;

  @Field(() => Int, { description: "Hints from the evidence used on this item before this answer (practice)." })
  hintsUsed: number;

  @Field(() => Float, { nullable: true, description: "Certainty-based mark in points (−6 to 3 times the points), once the score is visible and a certainty was given." })
  cbmMark: number | null;
  @Field(() => Date, { nullable: true, description: "A review answer: when this item comes back for review (spread by the daily cap). Null on other answers." })
  nextReviewAt?: Date | null;
}

@ObjectType({ description: "A lesson paragraph a hint shows." })
export class HintParagraph {
  @Field(() => ID)
  paragraphId: string;

  @Field(() => String)
  text: string;
}

@ObjectType({ description: "What the hints used on one item show: hint 1 the lesson section, hint 2 the paragraph(s) holding the answer. Never the answer." })
export class ItemHint {
  @Field(() => ID)
  itemId: string;

  @Field(() => Int)
  used: number;

  @Field(() => Int)
  max: number;

  @Field(() => String, { nullable: true })
  lessonSlug: string | null;

  @Field(() => String, { nullable: true })
  lessonTitle: string | null;

  @Field(() => ID, { nullable: true })
  sectionId: string | null;

  @Field(() => String, { nullable: true })
  sectionHeading: string | null;

  @Field(() => [HintParagraph])
  paragraphs: HintParagraph[];
}

@ObjectType({ description: "Answers given at one certainty level and how often they were right." })
export class CalibrationLevel {
  @Field(() => Int)
  certainty: number;

  @Field(() => Int)
  answers: number;

  @Field(() => Float, { nullable: true, description: "Mean grade fraction, 0–1; null without answers." })
  accuracy: number | null;

  @Field(() => String, { nullable: true, description: "OVER (over-confident), UNDER (under-confident) or GOOD; null without answers." })
  verdict: string | null;
}

@ObjectType({ description: "Calibration of certainty-based marking: accuracy per certainty level against the range where that level pays best (1: under 67%, 2: 67–80%, 3: over 80%)." })
export class Calibration {
  @Field(() => [CalibrationLevel])
  levels: CalibrationLevel[];

  @Field(() => Float, { nullable: true, description: "CBM marks over points, −6 to 3." })
  averageMark: number | null;

  @Field(() => Int)
  answers: number;
}

@ObjectType({ description: "An open attempt that starting the quiz again in its mode resumes." })
export class OpenAttempt {
  @Field(() => ID)
  id: string;

  @Field(() => AttemptMode)
  mode: AttemptMode;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the server finishes it by itself; null when untimed." })
  deadline: Date | null;

  @Field(() => Int, { nullable: true, description: "Seconds until the deadline by the server's clock; null when untimed." })
  secondsLeft: number | null;
}

@ObjectType({ description: "An item a finished practice attempt left unanswered, with what practice feedback shows after an answer." })
export class SkippedItem {
  @Field(() => ID)
  itemId: string;

  @Field(() => Answer, { nullable: true, description: "Null for an essay, and for an item an assessment also asks until that assessment's results are released." })
  rightAnswer: Answer | null;

  @Field(() => Feedback, { nullable: true, description: "Null for an item an assessment also asks until that assessment's results are released." })
  feedback: Feedback | null;
}

@ObjectType()
export class Attempt {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  quizId: string;

  @Field(() => AttemptMode)
  mode: AttemptMode;

  @Field(() => AttemptState)
  state: AttemptState;

  @Field(() => Locale)
  locale: Locale;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the server finishes this attempt by itself; the client's timer is only advice." })
  deadline: Date | null;

  @Field(() => Int, { nullable: true, description: "Seconds until the deadline by the server's clock (0 once past); null when untimed. Lets a client timer ignore a wrong local clock." })
  secondsLeft: number | null;

  @Field(() => Float, { nullable: true, description: "Points, once the review policy allows; pending essays are out of it until graded." })
  score: number | null;

  @Field(() => Float, { nullable: true })
  maxScore: number | null;

  @Field(() => Boolean, { description: "Whether correctness, scores, right answers and feedback are visible now." })
  feedbackAvailable: boolean;

  @Field(() => Boolean, { description: "Finished after the due date of your class's assignment of this quiz, under a policy that marks lateness." })
  late: boolean;

  @Field(() => [QuizItem], { description: "This attempt's items, in its own shuffle." })
  items: QuizItem[];

  @Field(() => [ItemResponse])
  responses: ItemResponse[];

  @Field(() => CertaintyMode, { description: "Whether answers in this attempt carry a certainty (certainty-based marking)." })
  certaintyMode: CertaintyMode;

  @Field(() => Boolean, { description: "Whether hints from the evidence may be taken (practice, where the quiz offers them)." })
  hintsAvailable: boolean;

  @Field(() => [ItemHint], { description: "The hints taken so far, per item (items without hints are left out)." })
  hints: ItemHint[];

  @Field(() => Calibration, { nullable: true, description: "Calibration over this attempt's graded answers that carry a certainty, once feedback is visible; null otherwise." })
  calibration: Calibration | null;
  @Field(() => [SkippedItem], { description: "A finished practice attempt: every item left unanswered, with its right answer and feedback where they may be shown. Empty for assessments and open attempts." })
  skipped: SkippedItem[];
}
