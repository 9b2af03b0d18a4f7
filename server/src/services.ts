/** The services of one server instance, built once and handed to every resolver through the context. */
import type { DataSource } from "typeorm";
import { AccountService } from "./accounts/account.service.js";
import type { HasherOptions, ScryptParams } from "./accounts/password.js";
import { PasswordHasher } from "./accounts/password.js";
import { AttemptService } from "./attempts/attempt.service.js";
import type { ContentStore } from "./content/content.store.js";
import type { WriteQueue } from "./db/write-queue.js";
import type { ReadPool } from "./db/read-pool.js";
import { ProgressService } from "./progress/progress.service.js";
import { ReviewService } from "./review/review.service.js";
import { ClassroomService } from "./classrooms/classroom.service.js";
import { DashboardService } from "./classrooms/dashboard.service.js";
import { InstructorService } from "./classrooms/instructor.service.js";
import { PrivacyService } from "./privacy/privacy.service.js";
import { ActivityBus } from "./shared/activity.js";
import type { Clock } from "./shared/clock.js";
import type { ClusterBus } from "./shared/cluster-bus.js";

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
}

export function createServices(
  db: DataSource,
  writes: WriteQueue,
  clock: Clock,
  content: ContentStore,
  passwordParams: ScryptParams,
  reads: ReadPool,
  bus: ClusterBus,
  /** Throttle and hashing settings that differ from the defaults (tests, SIGN_UPS_PER_ADDRESS). */
  tuning: { signUpsPerAddress?: number; hashing?: HasherOptions } = {},
): Services {
  const activity = new ActivityBus(bus);
  const reviews = new ReviewService(db, writes, clock, content);
  const attempts = new AttemptService(db, writes, clock, content, activity);
  const classrooms = new ClassroomService(db, writes, clock, activity);
  const dashboard = new DashboardService(reads, content);
  const accounts = new AccountService(db, writes, clock, new PasswordHasher(passwordParams, tuning.hashing), bus, tuning.signUpsPerAddress);
  return {
    content,
    writes,
    clock,
    activity,
    accounts,
    attempts,
    progress: new ProgressService(db, writes, clock, content, reviews, activity),
    reviews,
    classrooms,
    dashboard,
    instructor: new InstructorService(db, writes, clock, content, classrooms, dashboard, attempts, activity),
    privacy: new PrivacyService(db, writes, clock, accounts),
  };
}
