/** GraphQL types of assignments (issue 18, point 3): what an instructor sets and what a learner sees. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum AssignmentKind {
  LESSON = "LESSON",
  QUIZ = "QUIZ",
}
registerEnumType(AssignmentKind, { name: "AssignmentKind", description: "What is assigned: a lesson (done when completed) or a quiz (done when an assessment of it is finished)." });

export enum LatePolicy {
  ACCEPT = "ACCEPT",
  ACCEPT_MARKED_LATE = "ACCEPT_MARKED_LATE",
  REFUSE = "REFUSE",
}
registerEnumType(LatePolicy, { name: "LatePolicy", description: "After the due date: accept, accept and mark late, or refuse starting and finishing the assessment." });

export enum AssignmentState {
  NOT_STARTED = "NOT_STARTED",
  IN_PROGRESS = "IN_PROGRESS",
  DONE = "DONE",
  LATE = "LATE",
  OVERDUE = "OVERDUE",
}
registerEnumType(AssignmentState, { name: "AssignmentState", description: "Where a learner stands: done late (LATE) or past due and not done (OVERDUE)." });

@ObjectType()
export class AssignmentLearner {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => AssignmentState)
  state: AssignmentState;

  @Field(() => Date, { nullable: true, description: "When the lesson was completed or the first assessment finished." })
  doneAt: Date | null;
}

@ObjectType({ description: "How a class stands on one assignment." })
export class AssignmentReport {
  @Field(() => Int)
  notStarted: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  late: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => [AssignmentLearner], { description: "The members whose work is late or overdue, by name." })
  behind: AssignmentLearner[];
}

@ObjectType()
export class Assignment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  classroomId: string;

  @Field(() => String)
  classroomName: string;

  @Field(() => String, { description: "The class's time zone (IANA name)." })
  timeZone: string;

  @Field(() => AssignmentKind)
  kind: AssignmentKind;

  @Field(() => ID, { description: "The lesson's slug or the quiz's id." })
  targetId: string;

  @Field(() => String, { description: "The lesson the target belongs to (for a link)." })
  lessonSlug: string;

  @Field(() => String, { description: "The lesson's or the quiz's title in the language asked for." })
  title: string;

  @Field(() => Date)
  opensAt: Date;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => LatePolicy)
  latePolicy: LatePolicy;

  @Field(() => AssignmentState, { nullable: true, description: "The viewer's own state (learners); null for instructors." })
  state: AssignmentState | null;

  /** Internal: the row, for the report field. */
  rowRef?: unknown;
}

@InputType()
export class AssignmentTermsInput {
  @Field(() => Date, { description: "From when the assessment may be started (an instant; the client converts from the class's time zone)." })
  opensAt: Date;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => LatePolicy)
  latePolicy: LatePolicy;
}

@InputType()
export class AssignmentInput extends AssignmentTermsInput {
  @Field(() => ID)
  classroomId: string;

  @Field(() => AssignmentKind)
  kind: AssignmentKind;

  @Field(() => ID)
  targetId: string;
}
