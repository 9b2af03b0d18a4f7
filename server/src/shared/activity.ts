/**
 * Activity events (answers, finished attempts, joins). Services publish after their write has committed;
 * the live class dashboard subscribes. They travel on the cluster bus, so an instructor connected to one
 * server instance sees what learners do through any other.
 */
import type { ClusterBus } from "./cluster-bus.js";

export type ActivityType = "ANSWER_SUBMITTED" | "ATTEMPT_FINISHED" | "ATTEMPT_STARTED" | "LESSON_PROGRESS" | "LEARNER_JOINED" | "LEARNER_REMOVED" | "ESSAY_GRADED";

export interface ActivityEvent {
  type: ActivityType;
  learnerId: string;
  /**
   * The learner's display name when the event was published, so that no watching instructor's feed looks it
   * up (and events reach every feed in the order they were published).
   */
  learnerName: string | null;
  /** A join's learner email, so that live feeds can tell same-named learners apart without a lookup. */
  learnerEmail?: string | null;
  quizId: string | null;
  itemId: string | null;
  attemptId: string | null;
  /** Set when the event concerns one class only (a join, a removal). */
  classroomId?: string;
  at: Date;
}

type Listener = (e: ActivityEvent) => void;

export class ActivityBus {
  private listeners = 0;

  constructor(private readonly bus: ClusterBus) {}

  publish(e: ActivityEvent): void {
    this.bus.publish({ topic: "activity", event: { ...e, at: e.at.toISOString() } });
  }

  /** Live subscribers in this instance; tests wait on it instead of sleeping. */
  get listenerCount(): number {
    return this.listeners;
  }

  subscribe(l: Listener): () => void {
    this.listeners++;
    const off = this.bus.subscribe((m) => {
      if (m.topic === "activity") l({ ...(m.event as unknown as ActivityEvent), at: new Date(m.event.at as string) });
    });
    let on = true;
    return () => {
      if (!on) return;
      on = false;
      this.listeners--;
      off();
    };
  }
}
