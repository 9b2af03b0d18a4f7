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
import { PrePostService } from "./classrooms/prepost.service.js";
import { InstructorService } from "./classrooms/instructor.service.js";
import { AssignmentService } from "./classrooms/assignment.service.js";
import { assignmentTerms } from "./classrooms/assignment-terms.query.js";
import { PrivacyService } from "./privacy/privacy.service.js";
import { SearchService } from "./search/search.service.js";
import { NoteService } from "./notes/note.service.js";
import { ActivityBus } from "./shared/activity.js";
import { DomainEvents } from "./shared/domain-events.js";
import { scheduleReview } from "./review/review.service.js";
import { applyAnswer, refreshStoredMastery } from "./progress/mastery.query.js";
import { applyAttempt, refreshQuizBest } from "./classrooms/stat-rollup.js";
import { onLessonCompleted } from "./classrooms/class-rollup.js";
import type { Clock } from "./shared/clock.js";
import type { ClusterBus } from "./shared/cluster-bus.js";
import { ToolKeys } from "./lti/lti-keys.js";
import { PlatformRegistry } from "./lti/lti-registry.js";
import { LtiService } from "./lti/lti.service.js";
import { DynamicRegistration } from "./lti/lti-dynamic.js";
import { LiveService } from "./live/live.service.js";
import { LiveFeeds } from "./live/live-feed.js";
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
  /** Gain from the diagnostic pre-test to the final assessment (issue 13 point 5). */
  prePost: PrePostService;
  instructor: InstructorService;
  assignments: AssignmentService;
  privacy: PrivacyService;
  search: SearchService;
  /** Notes and highlights; also a search source (the viewer's own notes). */
  notes: NoteService;
  /** LTI 1.3: the tool's keys and launches (registry on lti.registry). */
  ltiKeys: ToolKeys;
  lti: LtiService;
  ltiDynamic: DynamicRegistration;
  /** Live class sessions (issue 17) and this instance's subscriptions to them. */
  live: LiveService;
  liveFeeds: LiveFeeds;
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
  // A class assignment's terms (classrooms/) reach attempts/ through this lookup: due date, late policy, close.
  const keys = new KeyRelease(db, content, clock, assignmentTerms);
  const reviews = new ReviewService(db, writes, clock, content, keys, events);
  const attempts = new AttemptService(db, writes, clock, content, activity, keys, events);
  const classrooms = new ClassroomService(db, writes, clock, activity);
  const dashboard = new DashboardService(reads, content, tuning.instructorSeesEmail ?? true);
  const accounts = new AccountService(db, writes, clock, new PasswordHasher(passwordParams, tuning.hashing), bus, tuning.signUpsPerAddress);
  const notes = new NoteService(db, writes, clock, content);
  const lti = new LtiService(db, writes, clock, new PlatformRegistry(db, writes, clock), tuning.ltiToolUrl);
  const live = new LiveService(db, writes, clock, content, bus, classrooms, dashboard, attempts);
  const ltiKeys = new ToolKeys(db, writes, clock);
  const ltiTokens = new ServiceTokens(ltiKeys, clock);
  return {
    content,
    writes,
    clock,
    activity,
    accounts,
    attempts,
    progress: new ProgressService(db, writes, clock, content, reviews, activity, events, keys),
    reviews,
    classrooms,
    dashboard,
    prePost: new PrePostService(reads, content),
    instructor: new InstructorService(db, writes, clock, content, classrooms, dashboard, attempts, activity, events),
    assignments: new AssignmentService(db, writes, clock, content, classrooms),
    privacy: new PrivacyService(db, writes, clock, content, accounts, keys),
    search: new SearchService(content.content).addSource(notes),
    notes,
    ltiKeys,
    lti,
    ltiDynamic: new DynamicRegistration(db, writes, clock, lti.registry, () => lti.baseUrl),
    ltiDeepLinking: new DeepLinking(ltiKeys, content, lti.registry, clock, () => lti.baseUrl),
    ltiScores: new ScoreOutbox(db, writes, clock, lti.registry, ltiTokens, content, { log: tuning.log }),
    ltiTokens,
    ltiRoster: new RosterSync(db, writes, clock, lti, ltiTokens),
    live,
    liveFeeds: new LiveFeeds(live, clock),
  };
}

/**
 * Every reaction, in the order it runs inside the emitting write's transaction. Read models updated here must
 * equal their rebuild from raw rows (docs/architecture.md, "Read models").
 */
export function reactions(content: ContentStore): DomainEvents {
  return new DomainEvents()
    .on("answer.graded", async (em, e) => {
      // A retired quiz's items get no review card (an attempt open at its retirement may still finish).
      if (content.item(e.itemId)?.quiz.retired) return;
      await scheduleReview(em, e.userId, e.itemId, e.correct, e.at, e.notBefore);
    })
    .on("answers.changed", (em, e) => (e.appended ? applyAnswer(em, content, e.userId, e.appended, e.at) : refreshStoredMastery(em, content, e.userId, e.at)))
    .on("assessment.finished", async (em, e) => {
      await applyAttempt(em, e.attemptId, 1);
      await refreshQuizBest(em, e.userId, e.quizId);
    })
    .on("lesson.completed", (em, e) => onLessonCompleted(em, e.userId, e.lessonSlug))
    // LTI AGS: the score goes into the outbox in the result's own transaction.
    .on("assessment.finished", (em, e) => queueScores(em, content, e.attemptId, e.at))
    .on("attempt.regraded", (em, e) => queueScores(em, content, e.attemptId, e.at));
}
