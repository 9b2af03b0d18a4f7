/**
 * An outbox (offline/outbox.ts) for one page: its entries kept in IndexedDB (offline/idb-store.ts), sent again
 * when the browser comes back online, every few seconds while some wait (a network can come back without an
 * "online" event), and after signing in again (`resume`); a warning before the page is left while some are
 * unsent. Reactive: `version` moves on every change, so computed values that read the outbox update. Nothing
 * here knows what is sent: the caller passes `send` (useAttempt sends quiz answers; offline practice answers
 * and notes can use it the same way). Independent of any service worker.
 */
import { onBeforeUnmount, onMounted, readonly, ref } from "vue";
import type { OutboxEvents, OutboxEntry, OutboxStore, SendOutcome } from "../offline/outbox.js";
import { Outbox } from "../offline/outbox.js";
import { outboxStore } from "../offline/idb-store.js";

export interface OutboxOptions<P, R> extends OutboxEvents<P, R> {
  /** Only entries whose key passes are sent and counted by this page (say, this attempt's answers). */
  filter?: (key: string) => boolean;
  /** Storage; IndexedDB (or memory where it is missing) by default. */
  store?: OutboxStore<P>;
  /** Retry delays while entries wait, in ms: doubling from the first to the last. */
  retryMs?: [first: number, max: number];
}

export function useOutbox<P, R>(queue: string, send: (entry: OutboxEntry<P>) => Promise<SendOutcome<R>>, opts: OutboxOptions<P, R> = {}) {
  const filter = opts.filter ?? (() => true);
  const version = ref(0);
  const loaded = ref(false);
  const outbox = new Outbox<P, R>(opts.store ?? outboxStore<P>(queue), send, {
    change: () => {
      version.value++;
      opts.change?.();
    },
    sent: opts.sent,
    rejected: opts.rejected,
  });

  const [first, max] = opts.retryMs ?? [3_000, 30_000];
  let delay = first;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let alive = true;
  /** Tries again later while something waits (and sending is not paused for a sign-in). */
  function schedule() {
    if (timer || !alive) return;
    timer = setTimeout(async () => {
      timer = undefined;
      if (outbox.paused || outbox.pending(filter).length === 0) return;
      await flush();
      delay = Math.min(max, delay * 2);
    }, delay);
  }

  async function flush() {
    await outbox.flush(filter);
    if (outbox.pending(filter).length > 0) schedule();
    else delay = first;
  }

  const onOnline = () => {
    delay = first;
    void flush();
  };
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (outbox.pending(filter).length === 0) return;
    e.preventDefault();
    e.returnValue = ""; // older browsers need it set to show their "leave site?" dialog
  };
  // Registered once mounted, after the page's children: their own beforeunload handlers (a typed answer
  // saved at once) run first, so the count read here includes what they just put.
  onMounted(() => {
    window.addEventListener("online", onOnline);
    window.addEventListener("beforeunload", onBeforeUnload);
  });
  onBeforeUnmount(() => {
    alive = false;
    if (timer) clearTimeout(timer);
    window.removeEventListener("online", onOnline);
    window.removeEventListener("beforeunload", onBeforeUnload);
  });

  // What an earlier page left unsent goes as soon as it is read.
  const ready = outbox.load().then(() => {
    loaded.value = true;
    return flush();
  });

  return {
    /** Moves on every change of the outbox; read it in computed values that use the methods below. */
    version: readonly(version),
    /** True once what an earlier page left is read (and shown). */
    loaded: readonly(loaded),
    ready,
    async put(key: string, payload: P) {
      const entry = await outbox.put(key, payload);
      if (outbox.pending(filter).length > 0) schedule();
      return entry;
    },
    flush,
    /** After signing in again. */
    async resume() {
      delay = first;
      await outbox.resume(filter);
      if (outbox.pending(filter).length > 0) schedule();
    },
    settled: () => outbox.settled(),
    pending: () => {
      void version.value;
      return outbox.pending(filter);
    },
    state: (key: string) => {
      void version.value;
      return outbox.state(key);
    },
    paused: () => {
      void version.value;
      return outbox.paused;
    },
  };
}
