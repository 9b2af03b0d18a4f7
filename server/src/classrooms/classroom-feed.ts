/**
 * The live activity of one class as an async iterator for a GraphQL subscription: events of its members
 * (membership loaded at subscribe time and kept current from join and remove events), delivered in the order
 * they were published (each event carries the learner's name: nothing is looked up per event). Members whose
 * names collide carry their disambiguator (learner-identity.ts); a join event brings the joiner's email.
 */
import type { ActivityBus, ActivityEvent } from "../shared/activity.js";
import { pushIterator } from "../shared/push-iterator.js";
import type { ClassroomActivity } from "./classroom.type.js";
import type { ActivityType } from "./classroom.type.js";
import type { ClassIdentities } from "./learner-identity.js";

export function classroomFeed(
  bus: ActivityBus,
  classroomId: string,
  members: ClassIdentities,
): AsyncIterableIterator<ClassroomActivity> {
  let unsubscribe = () => {};
  const { iterator, push: deliver } = pushIterator<ClassroomActivity>({ max: 1000, keep: "oldest", onClose: () => unsubscribe() });

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
  unsubscribe = bus.subscribe(onEvent);
  return iterator;
}
