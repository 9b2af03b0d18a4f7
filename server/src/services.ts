/**
 * The composition root of the services: each built once per server instance and handed to every resolver
 * through the context; and the reactions that tie features together without their importing one another
 * (shared/domain-events.ts): what follows a graded answer, a finished assessment or a completed lesson.
 */
import type { DataSource } from "typeorm";
import { AccountService } from "./accounts/account.service.js";
import type { HasherOptions, ScryptParams } from "./accounts/password.js";
import { PasswordHasher } from "./accounts/password.js";
import { AttemptService } from "./attempts/attempt.service.js";
import { KeyRelease } from "./attempts/key-release.js";
import type { ContentStore } from "./content/content.store.js";
import type { WriteQueue } from "./db/write-queue.js";
import type { ReadPool } from "./db/read-pool.js";
import { ProgressService } from "./progress/progress.service.js";
import { ReviewService } from "./review/review.service.js";
import { ClassroomService } from "./classrooms/classroom.service.js";
import { DashboardService } from "./classrooms/dashboard.service.js";
import { InstructorService } from "./classrooms/instructor.service.js";
import { PrivacyService } from "./privacy/privacy.service.js";
import { SearchService } from "./search/search.service.js";
import { ActivityBus } from "./shared/activity.js";
import { DomainEvents } from "./shared/domain-events.js";
import { scheduleReview } from "./review/review.service.js";
import { refreshStoredMastery } from "./progress/mastery.query.js";
import { applyAttempt, refreshQuizBest } from "./classrooms/stat-rollup.js";
import { onLessonCompleted } from "./classrooms/class-rollup.js";
import type { Clock } from "./shared/clock.js";
import type { ClusterBus } from "./shared/cluster-bus.js";
import { ToolKeys } from "./lti/lti-keys.js";
import { PlatformRegistry } from "./lti/lti-registry.js";
import { LtiService } from "./lti/lti.service.js";
import { DynamicRegistration } from "./lti/lti-dynamic.js";
import { DeepLinking } from "./lti/lti-deep-linking.js";
import { queueScores, ScoreOutbox } from "./lti/lti-ags.js";
import { ServiceTokens } from "./lti/lti-service-token.js";
import { RosterSync } from "./lti/lti-nrps.js";

export interface Services {
  content: ContentStore;
  writes: WriteQueue;
  clock: Clock;
  activity: ActivityBus;
  accounts: AccountService;
  attempts: AttemptService;
  progress: ProgressService;
  reviews: ReviewService;
  classrooms: ClassroomService;
  dashboard: DashboardService;
  instructor: InstructorService;
  privacy: PrivacyService;
  search: SearchService;
  /** LTI 1.3: the tool's keys and launches (registry on lti.registry). */
  ltiKeys: ToolKeys;
  lti: LtiService;
  ltiDynamic: DynamicRegistration;
  ltiDeepLinking: DeepLinking;
  /** AGS: the durable outbox of scores and its worker (started by app.ts). */
  ltiScores: ScoreOutbox;
  /** Access tokens for AGS and NRPS (client credentials, RFC 7523). */
  ltiTokens: ServiceTokens;
  /** NRPS: a class's roster from its platform. */
  ltiRoster: RosterSync;
}

export function createServices(
  db: DataSource,
  writes: WriteQueue,
  clock: Clock,
  content: ContentStore,
  passwordParams: ScryptParams,
  reads: ReadPool,
  bus: ClusterBus,
  /** Throttle and hashing settings that differ from the defaults (tests, SIGN_UPS_PER_ADDRESS); INSTRUCTOR_SEES_EMAIL. */
  tuning: { signUpsPerAddress?: number; hashing?: HasherOptions; ltiToolUrl?: string; instructorSeesEmail?: boolean; log?: (m: string) => void } = {},
): Services {
  const activity = new ActivityBus(bus);
  const events = reactions(content);
  const keys = new KeyRelease(db, content, clock);
  const reviews = new ReviewService(db, writes, clock, content, keys, events);
  const attempts = new AttemptService(db, writes, clock, content, activity, keys, events);
  const classrooms = new ClassroomService(db, writes, clock, activity);
  const dashboard = new DashboardService(reads, content, tuning.instructorSeesEmail ?? true);
  const accounts = new AccountService(db, writes, clock, new PasswordHasher(passwordParams, tuning.hashing), bus, tuning.signUpsPerAddress);
  const lti = new LtiService(db, writes, clock, new PlatformRegistry(db, writes, clock), tuning.ltiToolUrl);
  const ltiKeys = new ToolKeys(db, writes, clock);
  const ltiTokens = new ServiceTokens(ltiKeys, clock);
  return {
    content,
    writes,
    clock,
    activity,
    accounts,
    attempts,
    progress: new ProgressService(db, writes, clock, content, reviews, activity, events),
    reviews,
    classrooms,
    dashboard,
    instructor: new InstructorService(db, writes, clock, content, classrooms, dashboard, attempts, activity, events),
    privacy: new PrivacyService(db, writes, clock, content, accounts),
    search: new SearchService(content.content),
    ltiKeys,
    lti,
    ltiDynamic: new DynamicRegistration(db, writes, clock, lti.registry, () => lti.baseUrl),
    ltiDeepLinking: new DeepLinking(ltiKeys, content, lti.registry, clock, () => lti.baseUrl),
    ltiScores: new ScoreOutbox(db, writes, clock, lti.registry, ltiTokens, content, { log: tuning.log }),
    ltiTokens,
    ltiRoster: new RosterSync(db, writes, clock, lti, ltiTokens),
  };
}

/**
 * Every reaction, in the order it runs inside the emitting write's transaction. Read models updated here must
 * equal their rebuild from raw rows (docs/architecture.md, "Read models").
 */
export function reactions(content: ContentStore): DomainEvents {
  return new DomainEvents()
    .on("answer.graded", (em, e) => scheduleReview(em, e.userId, e.itemId, e.correct, e.at, e.notBefore))
    .on("answers.changed", (em, e) => refreshStoredMastery(em, content, e.userId, e.at))
    .on("assessment.finished", async (em, e) => {
      await applyAttempt(em, e.attemptId, 1);
      await refreshQuizBest(em, e.userId, e.quizId);
    })
    .on("lesson.completed", (em, e) => onLessonCompleted(em, e.userId, e.lessonSlug))
    // LTI AGS: the score goes into the outbox in the result's own transaction.
    .on("assessment.finished", (em, e) => queueScores(em, e.attemptId, e.at))
    .on("attempt.regraded", (em, e) => queueScores(em, e.attemptId, e.at));
}
