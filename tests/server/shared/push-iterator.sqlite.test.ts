/** The bounded push iterator behind both live feeds (shared/push-iterator.ts). No database: run once. */
import { describe, expect, it } from "vitest";
import { pushIterator } from "../../../server/src/shared/push-iterator.js";

const drain = async (it: AsyncIterableIterator<number>, n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await it.next()).value as number);
  return out;
};

describe("pushIterator", () => {
  it("should hand a waiting consumer the next push, and queue pushes while it is busy", async () => {
    const { iterator, push } = pushIterator<number>({ max: 10, keep: "oldest", onClose: () => {} });
    const waiting = iterator.next();
    push(1);
    expect(await waiting).toEqual({ value: 1, done: false });
    push(2);
    push(3);
    expect(await drain(iterator, 2)).toEqual([2, 3]);
  });

  it("should drop the newest when full for an event feed, and the oldest for a feed of states", async () => {
    const events = pushIterator<number>({ max: 2, keep: "oldest", onClose: () => {} });
    const states = pushIterator<number>({ max: 2, keep: "newest", onClose: () => {} });
    for (const v of [1, 2, 3]) {
      events.push(v);
      states.push(v);
    }
    expect(await drain(events.iterator, 2)).toEqual([1, 2]);
    expect(await drain(states.iterator, 2)).toEqual([2, 3]);
  });

  it("should end a waiting consumer on return(), call onClose once, and ignore later pushes", async () => {
    let closed = 0;
    const { iterator, push } = pushIterator<number>({ max: 2, keep: "oldest", onClose: () => closed++ });
    const waiting = iterator.next();
    await iterator.return!();
    await iterator.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    push(1);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});
