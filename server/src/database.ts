/**
 * The persistence side of the composition root: every feature's entities and the migration list, handed to
 * db/data-source.ts (which imports no feature). Servers, CLIs, tests and the bench open the database here.
 */
import { SessionRow } from "./accounts/session.entity.js";
import { UserRow } from "./accounts/user.entity.js";
import { AttemptRow } from "./attempts/attempt.entity.js";
import { ResponseRow } from "./attempts/response.entity.js";
import { ItemHintRow } from "./attempts/item-hint.entity.js";
import { NoteRow } from "./notes/note.entity.js";
import { ClassroomInviteRow, ClassroomMemberRow, ClassroomRow, ClassroomTeacherRow } from "./classrooms/classroom.entity.js";
import { EssayGradeRow } from "./classrooms/essay-grade.entity.js";
import { AssignmentRow } from "./classrooms/assignment.entity.js";
import { ContentRelease } from "./content/content-release.entity.js";
import type { DbModel, DbOptions } from "./db/data-source.js";
import { buildDataSource, openDataSource } from "./db/data-source.js";
import { ServerSecretRow } from "./db/server-secret.js";
import { LtiContextRow, LtiDeploymentRow, LtiLoginRow, LtiPlatformRow, LtiRegistrationInviteRow, LtiToolKeyRow, LtiUserRow } from "./lti/lti.entity.js";
import { LtiGradeTargetRow, LtiLinkRow, LtiRosterRow, LtiScoreOutboxRow } from "./lti/lti-advantage.entity.js";
import { MIGRATIONS } from "./migrations/index.js";
import { IdentityKeysSubscriber } from "./accounts/identity-keys.js";
import { LearnerSummaryRow } from "./progress/learner-summary.entity.js";
import { LessonProgressRow } from "./progress/lesson-progress.entity.js";
import { ObjectiveMasteryRow } from "./progress/objective-mastery.entity.js";
import { QuizItemVersion } from "./quizzes/quiz-item-version.entity.js";
import { ReviewCardRow } from "./review/review-card.entity.js";
import { ReviewDayRow } from "./review/review-day.entity.js";
import { LiveAnswerRow, LiveParticipantRow, LiveSessionRow } from "./live/live.entity.js";

export type { DbOptions } from "./db/data-source.js";
export { migrateOnce } from "./db/data-source.js";

/** Every TypeORM entity and every migration (oldest first). */
export const MODEL: DbModel = {
  entities: [ContentRelease, QuizItemVersion, UserRow, SessionRow, LessonProgressRow, AttemptRow, ResponseRow, ReviewCardRow, ReviewDayRow, ClassroomRow, ClassroomMemberRow, ClassroomTeacherRow, ClassroomInviteRow, ObjectiveMasteryRow, LearnerSummaryRow, ServerSecretRow, LtiToolKeyRow, LtiPlatformRow, LtiDeploymentRow, LtiLoginRow, LtiUserRow, LtiContextRow, LtiRegistrationInviteRow, LtiLinkRow, LtiGradeTargetRow, LtiScoreOutboxRow, LtiRosterRow, EssayGradeRow, ItemHintRow, AssignmentRow, LiveSessionRow, LiveParticipantRow, LiveAnswerRow, NoteRow],
  migrations: MIGRATIONS,
  subscribers: [IdentityKeysSubscriber],
};

/** The data source on SQLite (DATA_DIR) or PostgreSQL (DATABASE_URL), not yet initialised. */
export const createDataSource = (opts: DbOptions) => buildDataSource(opts, MODEL);

/** Opens the data source, applies durability pragmas on SQLite, and runs pending migrations. */
export const openDatabase = (opts: DbOptions) => openDataSource(opts, MODEL);
