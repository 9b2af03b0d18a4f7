/**
 * An async iterator fed by pushes: the source of a GraphQL subscription. Values wait in a bounded queue while
 * the consumer is busy (a stalled client does not grow memory without bound); when the queue is full the
 * newest value is dropped (`keep: "oldest"`, for a feed of events) or the oldest (`keep: "newest"`, for a feed
 * of whole states, where only the latest matters). return() or throw() ends it and calls onClose once.
 */
export function pushIterator<T>(opts: { max: number; keep: "oldest" | "newest"; onClose: () => void }): {
  iterator: AsyncIterableIterator<T>;
  push: (value: T) => void;
} {
  const queue: T[] = [];
  let wake: ((r: IteratorResult<T>) => void) | null = null;
  let done = false;

  const push = (value: T) => {
    if (done) return;
    if (wake) {
      const w = wake;
      wake = null;
      w({ value, done: false });
    } else if (queue.length < opts.max) queue.push(value);
    else if (opts.keep === "newest") {
      queue.shift();
      queue.push(value);
    }
  };

  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      opts.onClose();
    }
    queue.length = 0;
    if (wake) wake({ value: undefined, done: true });
    wake = null;
    return Promise.resolve({ value: undefined, done: true });
  };

  const iterator: AsyncIterableIterator<T> = {
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
  return { iterator, push };
}
