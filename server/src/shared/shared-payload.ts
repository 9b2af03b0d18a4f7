/**
 * A subscription event that is the same for every subscriber it reaches: built once from what each of them may
 * see (a live session's phones in one language, before any of them answered, all get one object). The
 * WebSocket server (http/shared-subscribe.ts) then executes a document over such an event once, and sends
 * that one result to every subscription with the same document and variables. Only mark an object that no
 * field resolver reads the viewer for: the result is shared whoever the context belongs to.
 */
const shared = new WeakSet<object>();

export function sharePayload<T extends object>(payload: T): T {
  shared.add(payload);
  return payload;
}

export function isSharedPayload(payload: unknown): payload is object {
  return typeof payload === "object" && payload !== null && shared.has(payload);
}
