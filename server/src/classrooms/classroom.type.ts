import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Answer, RubricMark } from "../attempts/attempt.type.js";
import { AttemptMode, AttemptState, ResponseStatus } from "../attempts/attempt.enum.js";
import { LessonStatus, MasteryLevel } from "../progress/progress.type.js";
import { ItemType } from "../quizzes/quiz.enum.js";
import { RubricCriterion } from "../quizzes/quiz.type.js";

export enum ActivityType {
  ANSWER_SUBMITTED = "ANSWER_SUBMITTED",
  ATTEMPT_STARTED = "ATTEMPT_STARTED",
  ATTEMPT_FINISHED = "ATTEMPT_FINISHED",
  LESSON_PROGRESS = "LESSON_PROGRESS",
  LEARNER_JOINED = "LEARNER_JOINED",
  LEARNER_REMOVED = "LEARNER_REMOVED",
  ESSAY_GRADED = "ESSAY_GRADED",
}
registerEnumType(ActivityType, { name: "ActivityType" });

@ObjectType()
export class ClassLearner {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, {
    nullable: true,
    description: "Tells learners with the same name apart: their email, or their learner code (INSTRUCTOR_SEES_EMAIL=false, or no email). Set when another member shares the name; always in the drill-down and exports.",
  })
  disambiguator: string | null;

  @Field(() => Date, { nullable: true })
  joinedAt: Date | null;
}

export enum RosterSort {
  NAME = "NAME",
  JOINED_NEWEST = "JOINED_NEWEST",
  JOINED_OLDEST = "JOINED_OLDEST",
}
registerEnumType(RosterSort, { name: "RosterSort", description: "Orders of the roster: by name, or by when learners joined." });

@ObjectType()
export class LearnerLessonCell {
  @Field(() => String)
  lessonSlug: string;

  @Field(() => LessonStatus)
  status: LessonStatus;

  @Field(() => Float, { nullable: true, description: "Best finished ASSESSMENT of the lesson's quiz, 0–1." })
  bestScore: number | null;
}

@ObjectType()
export class LearnerObjectiveCell {
  @Field(() => ID)
  objectiveId: string;

  @Field(() => MasteryLevel)
  level: MasteryLevel;

  @Field(() => Float)
  fraction: number;
}

@ObjectType({ description: "One row of the roster × lesson matrix, with the learner's mastery per objective." })
export class LearnerProgressRow {
  @Field(() => ClassLearner)
  learner: ClassLearner;

  @Field(() => [LearnerLessonCell])
  lessons: LearnerLessonCell[];

  @Field(() => [LearnerObjectiveCell])
  objectives: LearnerObjectiveCell[];
}

@ObjectType()
export class LessonAverage {
  @Field(() => String)
  lessonSlug: string;

  @Field(() => Int)
  completed: number;

  @Field(() => Float, { description: "Share of the class that completed the lesson, 0–1." })
  completionRate: number;

  @Field(() => Float, { nullable: true, description: "Mean of the learners' best assessment scores, 0–1, over those who took one." })
  averageBestScore: number | null;

  @Field(() => Int)
  assessed: number;
}

@ObjectType({ description: "How many learners of the class are at each mastery level of one objective." })
export class ObjectiveSummary {
  @Field(() => ID)
  objectiveId: string;

  @Field(() => String)
  lessonSlug: string;

  @Field(() => Int)
  notStarted: number;

  @Field(() => Int)
  attempted: number;

  @Field(() => Int)
  familiar: number;

  @Field(() => Int)
  proficient: number;

  @Field(() => Int)
  mastered: number;

  @Field(() => Float, { nullable: true, description: "Mean share of the objective's points, over learners who started it." })
  averageFraction: number | null;
}

@ObjectType()
export class NeedsHelp {
  @Field(() => ClassLearner)
  learner: ClassLearner;

  @Field(() => [String], { description: "LOW_SCORES, WEAK_OBJECTIVES, BEHIND." })
  reasons: string[];

  @Field(() => Float, { nullable: true })
  averageBestScore: number | null;

  @Field(() => Int)
  weakObjectives: number;

  @Field(() => Int)
  lessonsCompleted: number;
}

@ObjectType()
export class ClassroomActivity {
  @Field(() => ActivityType)
  type: ActivityType;

  @Field(() => ID)
  learnerId: string;

  @Field(() => String, { nullable: true })
  learnerName: string | null;

  @Field(() => String, { nullable: true, description: "As ClassLearner.disambiguator: set when another member of the class shares the name." })
  learnerDisambiguator?: string | null;

  @Field(() => ID, { nullable: true })
  quizId: string | null;

  @Field(() => ID, { nullable: true })
  itemId: string | null;

  @Field(() => ID, { nullable: true })
  attemptId: string | null;

  @Field(() => Date)
  at: Date;
}

@ObjectType()
export class OptionCount {
  @Field(() => String, { description: "An option id, a short answer as typed (normalized), or =correct / =partial / =incorrect." })
  key: string;

  @Field(() => String, { nullable: true, description: "The option's text, or the typed answer." })
  label: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether this option is (part of) the key. Instructors only." })
  correct: boolean | null;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "How the answers sorted one statement of a CLASSIFY item." })
export class StatementStat {
  @Field(() => ID, { description: "The statement's public id." })
  id: string;

  @Field(() => String, { description: "The statement's text in the viewer's locale." })
  label: string;

  @Field(() => Int, { description: "Answers that placed this statement." })
  responses: number;

  @Field(() => Int, { description: "Answers that placed it in its right category." })
  correct: number;

  @Field(() => [OptionCount], { description: "One per category: key = the category's public id, label = its text, correct = whether it is this statement's category." })
  categories: OptionCount[];
}

@ObjectType()
export class ItemStat {
  @Field(() => ID)
  itemId: string;

  @Field(() => ItemType)
  type: ItemType;

  @Field(() => String)
  prompt: string;

  @Field(() => Float)
  points: number;

  @Field(() => Int, { description: "Attempts in the population (first finished assessments, or all)." })
  attempts: number;

  @Field(() => Int, { description: "Attempts that answered this item." })
  responses: number;

  @Field(() => Float, { nullable: true, description: "Mean score / points, 0–1; null under 2 attempts." })
  facilityIndex: number | null;

  @Field(() => Float, { nullable: true, description: "Correlation of the item score with the rest of the test, −1…1; null under 2 attempts." })
  discriminationIndex: number | null;

  @Field(() => Boolean)
  needsCheck: boolean;

  @Field(() => [String], { description: "LOW_DISCRIMINATION, TOO_HARD, TOO_EASY." })
  checkReasons: string[];

  @Field(() => [OptionCount])
  distribution: OptionCount[];

  @Field(() => [StatementStat], { nullable: true, description: "CLASSIFY only: for each statement, how the answers sorted it." })
  statements: StatementStat[] | null;

  @Field(() => Int, { description: "Practice answers of the class's learners given after at least one hint from the evidence." })
  hintedAnswers: number;

  @Field(() => Int, { description: "Hints those answers used in all." })
  hintsUsed: number;
}

@ObjectType({ description: "One hand grade an essay was given: regrading adds one, never rewrites." })
export class EssayGradeEntry {
  @Field(() => Float)
  score: number;

  @Field(() => [RubricMark], { nullable: true })
  rubricMarks: RubricMark[] | null;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => Date)
  gradedAt: Date;
}

@ObjectType()
export class RawResponse {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  itemId: string;

  @Field(() => Int)
  itemVersion: number;

  @Field(() => ItemType)
  itemType: ItemType;

  @Field(() => String)
  prompt: string;

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

  @Field(() => Date)
  answeredAt: Date;

  @Field(() => String, { nullable: true })
  graderComment: string | null;

  @Field(() => [RubricMark], { nullable: true, description: "An essay graded by rubric: the current mark per criterion." })
  rubricMarks?: RubricMark[] | null;

  @Field(() => [EssayGradeEntry], { description: "Every hand grade this answer was given, oldest first (regrades keep history)." })
  gradeHistory?: EssayGradeEntry[];

  @Field(() => Int, { nullable: true, description: "The certainty (1–3) given with the answer, if any." })
  certainty: number | null;

  @Field(() => Int, { description: "Hints from the evidence used on the item before this answer (practice)." })
  hintsUsed: number;
}

@ObjectType()
export class LearnerAttempt {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  quizId: string;

  @Field(() => AttemptMode)
  mode: AttemptMode;

  @Field(() => AttemptState)
  state: AttemptState;

  @Field(() => Int)
  attemptNumber: number;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Float, { nullable: true })
  maxScore: number | null;

  @Field(() => Boolean, { description: "Finished after the due date of the class's assignment of this quiz, under a policy that marks lateness." })
  late: boolean;

  @Field(() => [RawResponse])
  responses: RawResponse[];
}

@ObjectType({ description: "Everything about one learner of the class: progress, mastery, every attempt and raw response." })
export class LearnerDetail {
  @Field(() => ClassLearner)
  learner: ClassLearner;

  @Field(() => [LearnerLessonCell])
  lessons: LearnerLessonCell[];

  @Field(() => [LearnerObjectiveCell])
  objectives: LearnerObjectiveCell[];

  @Field(() => [LearnerAttempt])
  attempts: LearnerAttempt[];
}

@ObjectType({ description: "A length in words: from min to max." })
export class WordRange {
  @Field(() => Int)
  min: number;

  @Field(() => Int)
  max: number;
}

@ObjectType()
export class PendingEssay {
  @Field(() => ID)
  responseId: string;

  @Field(() => ClassLearner)
  learner: ClassLearner;

  @Field(() => ID)
  quizId: string;

  @Field(() => ID)
  itemId: string;

  @Field(() => String)
  prompt: string;

  @Field(() => String)
  text: string;

  @Field(() => Float)
  maxScore: number;

  @Field(() => [RubricCriterion])
  rubric: RubricCriterion[];

  @Field(() => Int, { description: "Words in the learner's text (Arabic and Latin words alike)." })
  wordCount: number;

  @Field(() => WordRange, { nullable: true, description: "The length the prompt expects, in words, when its content says." })
  expectedWords: WordRange | null;

  @Field(() => Date)
  answeredAt: Date;
}

@InputType({ description: "The mark of one rubric criterion: 0 to its points, with an optional comment." })
export class CriterionMarkInput {
  @Field(() => ID)
  criterionId: string;

  @Field(() => Float)
  score: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
export class GradeEssayInput {
  @Field(() => ID)
  responseId: string;

  @Field(() => Float, { nullable: true, description: "The total; with criteria, it may be left out (it is their sum) and must equal it if given." })
  score?: number | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => [CriterionMarkInput], { nullable: true, description: "A mark for every criterion of the rubric: grading by rubric." })
  criteria?: CriterionMarkInput[] | null;
}

@ObjectType()
export class Classroom {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: "Only for the class's teachers (owner, co-instructors) and admins." })
  joinCode: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When the class was archived (read-only, listed apart); null while active." })
  archivedAt: Date | null;

  @Field(() => String, { description: "The class's time zone (IANA name): due dates are set and shown to its instructor in it." })
  timeZone: string;

  /** Internal: the owner (not a field). */
  instructorId: string;

  /** Internal: the join code, given out by the joinCode field to teachers only. */
  code: string;
}

export enum ClassRoleKind {
  OWNER = "OWNER",
  CO_INSTRUCTOR = "CO_INSTRUCTOR",
  ADMIN = "ADMIN",
}
registerEnumType(ClassRoleKind, { name: "ClassRole", description: "How the viewer stands to a class: its owner, a co-instructor, or an admin (of every class)." });

@ObjectType({ description: "A teacher of a class: its owner or a co-instructor." })
export class ClassTeacher {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, { description: "The account's email (teachers add each other by email)." })
  email: string;

  @Field(() => Boolean)
  owner: boolean;
}

@ObjectType({ description: "A co-instructor invite link's token: shown once, works once, until expiresAt." })
export class CoInstructorInvite {
  @Field(() => String)
  token: string;

  @Field(() => String, { description: "The client's path that accepts it, e.g. /teach/invite/<token>." })
  path: string;

  @Field(() => Date)
  expiresAt: Date;
}
