/**
 * The live session subscription of one instance (issue 17, point 3). Each subscription's first message is the
 * whole current state (read fresh), so a reconnecting phone or a reloaded projector resumes; after that:
 * - a phase change (any instance's write, heard on the cluster bus) sends every subscriber its view again;
 * - an answer or a join sends nothing to participants, and to the session's instructors (console, projector)
 *   their counts and distribution, coalesced to at most one message per COALESCE_MS (4 a second, under the 5 the issue allows);
 * - a timer running out is noticed by each instance itself (a local timer at closesAt), so phones see LOCKED
 *   without anyone pressing a button, whichever instance started it.
 * The answers behind a change are read once per change and shared by every subscriber's view (the snapshot).
 */
import { pushIterator } from "../shared/push-iterator.js";
import type { Locale } from "../shared/locale.js";
import type { Clock } from "../shared/clock.js";
import { LiveSessionPhase } from "./live.enum.js";
import type { LiveAccess, LiveBusEvent, LiveService, LiveSnapshot } from "./live.service.js";
import type { LiveSession } from "./live.type.js";

/**
 * The spacing of an instructor's updates, so that at most 5 a second reach the projector: 250 ms, not 200, because
 * a message delayed on its way lets the next one land less than 200 ms after it (the bench counted 6 in one
 * second in 2 of 3 runs at 200).
 */
export const COALESCE_MS = 250;
/** A stalled client keeps at most this many states waiting; older ones are dropped (only the latest matters). */
const MAX_QUEUED = 20;

interface Sub {
  instructor: boolean;
  participantId: string | null;
  locale: Locale;
  deliver(s: LiveSession): void;
  /** Deliveries run one after another, so that a client never receives an older state after a newer one. */
  chain: Promise<void>;
  /** When the last message was handed to the socket (performance.now()). */
  lastSent: number;
  /** A coalesced update waiting for its window. */
  pending: ReturnType<typeof setTimeout> | null;
  /** Sends under way (reading the snapshot); an answer heard meanwhile marks the view dirty. */
  inFlight: number;
  dirty: boolean;
}

interface SessionFeeds {
  subs: Set<Sub>;
  /** The latest snapshot read, shared until the next change. */
  snap: Promise<LiveSnapshot> | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export class LiveFeeds {
  private readonly sessions = new Map<string, SessionFeeds>();
  private off: (() => void) | null = null;
  /** Messages sent (tests and the benchmark count them). */
  sent = 0;
  /** Told of every message handed to a socket, with when (performance.now()); tests check the coalescing with it. */
  onSend: ((m: { sessionId: string; instructor: boolean; at: number }) => void) | null = null;

  constructor(
    private readonly live: LiveService,
    private readonly clock: Clock,
  ) {}

  /** Subscriptions open in this instance (tests wait on it instead of sleeping). */
  get count(): number {
    let n = 0;
    for (const s of this.sessions.values()) n += s.subs.size;
    return n;
  }

  private changed(e: LiveBusEvent): void {
    const feeds = this.sessions.get(e.sessionId);
    if (!feeds) return;
    feeds.snap = null;
    for (const sub of feeds.subs) {
      if (e.kind === "phase") {
        if (sub.pending) clearTimeout(sub.pending);
        sub.pending = null;
        sub.dirty = false;
        this.push(e.sessionId, feeds, sub);
      } else if (sub.instructor) this.later(e.sessionId, feeds, sub);
    }
  }

  /** An instructor's update in the next window: at least COALESCE_MS after the last message handed over. */
  private later(sessionId: string, feeds: SessionFeeds, sub: Sub): void {
    if (sub.pending || sub.inFlight > 0) {
      sub.dirty = true;
      return;
    }
    const wait = Math.max(0, sub.lastSent + COALESCE_MS - performance.now());
    sub.pending = setTimeout(() => {
      sub.pending = null;
      this.push(sessionId, feeds, sub);
    }, wait);
  }

  private snapshot(sessionId: string, feeds: SessionFeeds): Promise<LiveSnapshot> {
    if (!feeds.snap) {
      const p = this.live.snapshot(sessionId);
      feeds.snap = p;
      p.then((s) => this.armTimer(sessionId, feeds, s)).catch(() => {
        if (feeds.snap === p) feeds.snap = null;
      });
    }
    return feeds.snap;
  }

  /** When the timer of an OPEN question runs out, every subscriber here gets LOCKED. */
  private armTimer(sessionId: string, feeds: SessionFeeds, s: LiveSnapshot): void {
    if (feeds.timer) clearTimeout(feeds.timer);
    feeds.timer = null;
    if (s.row.phase !== LiveSessionPhase.OPEN || !s.row.closesAt) return;
    const ms = s.row.closesAt.getTime() - this.clock.now().getTime();
    if (ms < 0) return;
    feeds.timer = setTimeout(() => {
      feeds.timer = null;
      this.changed({ sessionId, kind: "phase" });
    }, ms + 5);
    feeds.timer.unref?.();
  }

  private push(sessionId: string, feeds: SessionFeeds, sub: Sub, fresh = false): void {
    sub.inFlight++;
    sub.chain = sub.chain
      .then(async () => {
        if (!feeds.subs.has(sub)) return;
        const snap = fresh ? await this.live.snapshot(sessionId) : await this.snapshot(sessionId, feeds);
        if (!feeds.subs.has(sub)) return;
        this.sent++;
        sub.deliver(this.live.view(snap, { instructor: sub.instructor, participantId: sub.participantId }, sub.locale));
        sub.lastSent = performance.now();
        this.onSend?.({ sessionId, instructor: sub.instructor, at: sub.lastSent });
      })
      .catch((err: unknown) => console.error("live feed failed", err))
      .finally(() => {
        sub.inFlight--;
        // Answers heard while this send read the database wait for the next window.
        if (sub.inFlight === 0 && sub.dirty && feeds.subs.has(sub)) {
          sub.dirty = false;
          this.later(sessionId, feeds, sub);
        }
      });
  }

  /** The subscription of a viewer whose access was checked (LiveService.access). */
  subscribe(access: LiveAccess, locale: Locale): AsyncIterableIterator<LiveSession> {
    this.off ??= this.live.onChange((e) => this.changed(e));
    const sessionId = access.session.id;
    let close = () => {};
    const { iterator, push } = pushIterator<LiveSession>({ max: MAX_QUEUED, keep: "newest", onClose: () => close() });
    const sub: Sub = {
      instructor: access.instructor,
      participantId: access.participant?.id ?? null,
      locale,
      chain: Promise.resolve(),
      lastSent: 0,
      pending: null,
      inFlight: 0,
      dirty: false,
      deliver: push,
    };
    let feeds = this.sessions.get(sessionId);
    if (!feeds) {
      feeds = { subs: new Set(), snap: null, timer: null };
      this.sessions.set(sessionId, feeds);
    }
    feeds.subs.add(sub);
    const mine = feeds;
    this.push(sessionId, mine, sub, true);

    close = () => {
      if (sub.pending) clearTimeout(sub.pending);
      mine.subs.delete(sub);
      if (mine.subs.size === 0) {
        if (mine.timer) clearTimeout(mine.timer);
        this.sessions.delete(sessionId);
      }
    };
    return iterator;
  }

  close(): void {
    this.off?.();
    this.off = null;
    for (const f of this.sessions.values()) {
      if (f.timer) clearTimeout(f.timer);
      for (const s of f.subs) if (s.pending) clearTimeout(s.pending);
    }
  }
}
