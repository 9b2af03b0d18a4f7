/**
 * An outbox for things a learner makes that must reach the server exactly once: quiz answers today, and later
 * practice answers made offline and notes. Framework-free (no Vue, no IndexedDB, no network, no service
 * worker): the storage and the sending are passed in, so it is tested on its own (tests/client/outbox.test.ts)
 * and each user brings its own (composables/useAnswerOutbox.ts: IndexedDB and the SubmitAnswer mutation).
 *
 * The rules:
 * - Each entry has a `key` (what it answers: "attemptId/itemId") and an `id` made here (a UUID) that the
 *   server uses to recognise the same entry sent twice. Putting a new entry under a key replaces a waiting
 *   one: only the newest answer to a question is worth sending.
 * - Each entry is stored before it is sent, and removed only once the server confirmed it (or refused it for
 *   good): a reload, a crash or a closed tab loses nothing.
 * - At most one send per key at a time, in order: a newer answer waits for the older one in flight to settle,
 *   so an older answer can never land after a newer one.
 * - A send ends as "sent", "retry" (no network, server busy: kept and sent again later), "signed-out" (kept;
 *   sending pauses until `resume()` after signing in again) or "rejected" (the server refused it for good, e.g.
 *   the attempt closed: removed and reported).
 */

export interface OutboxEntry<P> {
  key: string;
  /** Made here, sent with the entry: the same id twice is the same entry to the server. */
  id: string;
  payload: P;
  /** When it was put (ms since the epoch). */
  at: number;
}

/** Where entries wait: IndexedDB in the browser (offline/idb-store.ts), memory in tests. */
export interface OutboxStore<P> {
  all(): Promise<OutboxEntry<P>[]>;
  put(entry: OutboxEntry<P>): Promise<void>;
  /** Removes the entry under `key` only if it is still the one with this id. */
  remove(key: string, id: string): Promise<void>;
}

export type SendOutcome<R> = { kind: "sent"; result: R } | { kind: "retry" } | { kind: "signed-out" } | { kind: "rejected"; reason: string };

export type EntryState = "waiting" | "sending";

export interface OutboxEvents<P, R> {
  /** Something changed: counts, states, paused. */
  change?(): void;
  sent?(entry: OutboxEntry<P>, result: R): void;
  rejected?(entry: OutboxEntry<P>, reason: string): void;
}

/** A v4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class Outbox<P, R> {
  /** The newest entry per key, as stored. */
  private readonly entries = new Map<string, OutboxEntry<P>>();
  /** Keys with a send in flight, and the id being sent. */
  private readonly inFlight = new Map<string, string>();
  private readonly sends = new Set<Promise<unknown>>();
  private signedOut = false;
  private loaded: Promise<void> | undefined;
  private isLoaded = false;

  constructor(
    private readonly store: OutboxStore<P>,
    private readonly send: (entry: OutboxEntry<P>) => Promise<SendOutcome<R>>,
    private readonly events: OutboxEvents<P, R> = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads what an earlier page left unsent. Idempotent; every other method awaits it first. */
  load(): Promise<void> {
    // A store that cannot be read (IndexedDB refused) starts empty rather than blocking every answer.
    this.loaded ??= this.store.all().catch(() => [] as OutboxEntry<P>[]).then((all) => {
      for (const e of all) {
        const known = this.entries.get(e.key);
        if (!known || known.at <= e.at) this.entries.set(e.key, e);
      }
      this.isLoaded = true;
      this.events.change?.();
    });
    return this.loaded;
  }

  /** Stores a new entry under its key (replacing a waiting one) and sends it unless sending is paused. */
  async put(key: string, payload: P): Promise<OutboxEntry<P>> {
    // Once loaded, the entry counts as pending at once (synchronously): a page being left sees it.
    if (!this.isLoaded) await this.load();
    const entry: OutboxEntry<P> = { key, id: newId(), payload, at: this.now() };
    this.entries.set(key, entry);
    this.events.change?.();
    await this.store.put(entry);
    void this.flush();
    return entry;
  }

  /** Sends every waiting entry whose key has nothing in flight; resolves when those sends settled. */
  async flush(filter: (key: string) => boolean = () => true): Promise<void> {
    await this.load();
    if (this.signedOut) return;
    const started: Promise<void>[] = [];
    for (const entry of this.entries.values()) {
      if (!this.inFlight.has(entry.key) && filter(entry.key)) started.push(this.sendOne(entry, filter));
    }
    await Promise.all(started);
  }

  /** After signing in again: sending starts again, and everything waiting goes. */
  async resume(filter?: (key: string) => boolean): Promise<void> {
    this.signedOut = false;
    this.events.change?.();
    await this.flush(filter);
  }

  /** Resolves once no send is in flight (what was in flight when called, and what those started). */
  async settled(): Promise<void> {
    while (this.sends.size > 0) await Promise.allSettled([...this.sends]);
  }

  private sendOne(entry: OutboxEntry<P>, filter: (key: string) => boolean): Promise<void> {
    this.inFlight.set(entry.key, entry.id);
    this.events.change?.();
    const work = this.attempt(entry).finally(() => {
      this.inFlight.delete(entry.key);
      this.sends.delete(work);
      this.events.change?.();
    });
    this.sends.add(work);
    // A newer entry put while this one was in flight goes next, whatever became of this one.
    return work.then((next) => (next && !this.signedOut ? this.flush((k) => k === entry.key && filter(k)) : undefined));
  }

  /** One send; resolves to whether a newer entry under the key should be sent now. */
  private async attempt(entry: OutboxEntry<P>): Promise<boolean> {
    let outcome: SendOutcome<R>;
    try {
      outcome = await this.send(entry);
    } catch {
      outcome = { kind: "retry" };
    }
    const current = this.entries.get(entry.key);
    const newer = !!current && current.id !== entry.id;
    switch (outcome.kind) {
      case "sent":
      case "rejected":
        // The caller hears of the outcome while the entry still counts as pending, and of its removal at once
        // (no await between): a view never sees a moment when the answer is neither pending nor sent.
        if (outcome.kind === "sent") this.events.sent?.(entry, outcome.result);
        else this.events.rejected?.(entry, outcome.reason);
        if (!newer) this.entries.delete(entry.key);
        this.events.change?.();
        await this.store.remove(entry.key, entry.id);
        return newer;
      case "signed-out":
        this.signedOut = true;
        return false;
      case "retry":
        return newer;
    }
  }

  /** Entries not yet confirmed by the server (in flight or waiting), optionally of some keys only. */
  pending(filter: (key: string) => boolean = () => true): OutboxEntry<P>[] {
    return [...this.entries.values()].filter((e) => filter(e.key));
  }

  state(key: string): EntryState | undefined {
    if (this.inFlight.has(key)) return "sending";
    return this.entries.has(key) ? "waiting" : undefined;
  }

  get paused(): boolean {
    return this.signedOut;
  }
}
