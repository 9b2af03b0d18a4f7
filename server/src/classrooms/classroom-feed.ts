/**
 * The live activity of one class as an async iterator for a GraphQL subscription: events of its members
 * (membership loaded at subscribe time and kept current from join and remove events), delivered in the order
 * they were published (each event carries the learner's name: nothing is looked up per event). Members whose
 * names collide carry their disambiguator (learner-identity.ts); a join event brings the joiner's email.
 */
import type { ActivityBus, ActivityEvent } from "../shared/activity.js";
import type { ClassroomActivity } from "./classroom.type.js";
import type { ActivityType } from "./classroom.type.js";
import type { ClassIdentities } from "./learner-identity.js";

export function classroomFeed(
  bus: ActivityBus,
  classroomId: string,
  members: ClassIdentities,
): AsyncIterableIterator<ClassroomActivity> {
  const queue: ClassroomActivity[] = [];
  let wake: ((r: IteratorResult<ClassroomActivity>) => void) | null = null;
  let done = false;

  const deliver = (value: ClassroomActivity) => {
    if (done) return;
    if (wake) {
      const w = wake;
      wake = null;
      w({ value, done: false });
    } else if (queue.length < 1000) queue.push(value); // a stalled client does not grow memory without bound
  };

  const onEvent = (e: ActivityEvent) => {
    if (e.classroomId !== undefined && e.classroomId !== classroomId) return;
    if (e.type === "LEARNER_JOINED" && e.classroomId === classroomId) {
      members.add({ id: e.learnerId, displayName: e.learnerName ?? "", email: e.learnerEmail ?? null });
    }
    if (!members.has(e.learnerId)) return;
    const learnerDisambiguator = members.of(e.learnerId);
    if (e.type === "LEARNER_REMOVED" && e.classroomId === classroomId) members.remove(e.learnerId);
    deliver({ type: e.type as ActivityType, learnerId: e.learnerId, learnerName: e.learnerName, learnerDisambiguator, quizId: e.quizId, itemId: e.itemId, attemptId: e.attemptId, at: e.at });
  };
  const unsubscribe = bus.subscribe(onEvent);

  const finish = (): Promise<IteratorResult<ClassroomActivity>> => {
    done = true;
    unsubscribe();
    queue.length = 0;
    if (wake) wake({ value: undefined, done: true });
    wake = null;
    return Promise.resolve({ value: undefined, done: true });
  };

  return {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (wake = resolve));
    },
    return: finish,
    throw(err?: unknown) {
      void finish();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
