/**
 * In-process activity events (answers, finished attempts, joins). Services publish after their write has
 * committed; the live class dashboard subscribes. One process here; a shared bus replaces it when scaling out.
 */
export type ActivityType = "ANSWER_SUBMITTED" | "ATTEMPT_FINISHED" | "ATTEMPT_STARTED" | "LESSON_PROGRESS" | "LEARNER_JOINED" | "LEARNER_REMOVED" | "ESSAY_GRADED";

export interface ActivityEvent {
  type: ActivityType;
  learnerId: string;
  quizId: string | null;
  itemId: string | null;
  attemptId: string | null;
  /** Set when the event concerns one class only (a join, a removal). */
  classroomId?: string;
  at: Date;
}

type Listener = (e: ActivityEvent) => void;

export class ActivityBus {
  private readonly listeners = new Set<Listener>();

  publish(e: ActivityEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        console.error("activity listener failed", err);
      }
    }
  }

  /** Live subscribers; tests wait on it instead of sleeping. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
