/** The services of one server instance, built once and handed to every resolver through the context. */
import type { DataSource } from "typeorm";
import { AccountService } from "./accounts/account.service.js";
import type { ScryptParams } from "./accounts/password.js";
import { AttemptService } from "./attempts/attempt.service.js";
import type { ContentStore } from "./content/content.store.js";
import type { WriteQueue } from "./db/write-queue.js";
import { ProgressService } from "./progress/progress.service.js";
import { ReviewService } from "./review/review.service.js";
import { ActivityBus } from "./shared/activity.js";
import type { Clock } from "./shared/clock.js";

export interface Services {
  content: ContentStore;
  writes: WriteQueue;
  clock: Clock;
  activity: ActivityBus;
  accounts: AccountService;
  attempts: AttemptService;
  progress: ProgressService;
  reviews: ReviewService;
}

export function createServices(db: DataSource, writes: WriteQueue, clock: Clock, content: ContentStore, passwordParams: ScryptParams): Services {
  const activity = new ActivityBus();
  const reviews = new ReviewService(db, writes, clock, content);
  return {
    content,
    writes,
    clock,
    activity,
    accounts: new AccountService(db, writes, clock, passwordParams),
    attempts: new AttemptService(db, writes, clock, content, activity),
    progress: new ProgressService(db, writes, clock, content, reviews, activity),
    reviews,
  };
}
