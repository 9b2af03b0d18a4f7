import { SessionRow } from "../accounts/session.entity.js";
import { UserRow } from "../accounts/user.entity.js";
import { AttemptRow } from "../attempts/attempt.entity.js";
import { ResponseRow } from "../attempts/response.entity.js";
import { ClassroomMemberRow, ClassroomRow } from "../classrooms/classroom.entity.js";
import { LearnerSummaryRow } from "../progress/learner-summary.entity.js";
import { ObjectiveMasteryRow } from "../progress/objective-mastery.entity.js";
import { ContentRelease } from "../content/content-release.entity.js";
import { LessonProgressRow } from "../progress/lesson-progress.entity.js";
import { QuizItemVersion } from "../quizzes/quiz-item-version.entity.js";
import { ReviewCardRow } from "../review/review-card.entity.js";
import { ServerSecretRow } from "./server-secret.js";

/** Every TypeORM entity, in one list for the data source. */
export const ENTITIES = [ContentRelease, QuizItemVersion, UserRow, SessionRow, LessonProgressRow, AttemptRow, ResponseRow, ReviewCardRow, ClassroomRow, ClassroomMemberRow, ObjectiveMasteryRow, LearnerSummaryRow, ServerSecretRow];
