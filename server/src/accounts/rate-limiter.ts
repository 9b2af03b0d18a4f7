/**
 * Attempt throttling with exponential backoff, per account and per client address (OWASP Authentication
 * Cheat Sheet), for every guessable check: sign-in, the password check of deleteMyAccount, sign-up (per
 * address), and class join codes. Kept in the database (table sign_in_failure, keys hashed), so every server
 * instance sees the same counts; times come from the injected clock.
 *
 * An attempt is counted BEFORE it is evaluated: reserve() takes a slot on every key of the attempt in one
 * transaction, with an atomic upsert per key that refuses when the key is locked, so that 50 guesses sent at
 * once cannot all pass a check made before any of them is counted. A refused attempt is not counted. An
 * attempt that turns out right releases its own slot (and the lock its slot set), never the slots of other
 * attempts: failures made alongside a success stay counted until their window passes. Password checks
 * reserve inside their turn of the hashing line (account.service.ts), so right passwords waiting in line
 * hold no slot.
 *
 *   sign-in and password checks, per account: 5 free in 15 minutes, the 6th starts a lock of 1 s, then 2 s,
 *     4 s … up to 15 minutes; per address: 20 free, the same backoff (the two share their counts with
 *     deleteMyAccount's password check)
 *   sign-up, per address: `free` (50 by default, SIGN_UPS_PER_ADDRESS) in an hour, then 1 s, 2 s … up to an hour
 *   join codes: per account 10 wrong in 15 minutes, per address 30, then the same backoff
 */
import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { num, sql } from "../db/sql.js";
import type { WriteQueue } from "../db/write-queue.js";
import { AppError } from "../errors.js";
import type { Clock } from "../shared/clock.js";

export interface Limits {
  /** Keeps the kinds of key apart in the one table (part of the hashed key). */
  kind: string;
  /** Attempts counted in a window before the first lock. */
  free: number;
  windowMs: number;
  maxLockMs: number;
}

const MINUTE = 60_000;
export const ACCOUNT_LIMITS: Limits = { kind: "account", free: 5, windowMs: 15 * MINUTE, maxLockMs: 15 * MINUTE };
export const ADDRESS_LIMITS: Limits = { kind: "address", free: 20, windowMs: 15 * MINUTE, maxLockMs: 15 * MINUTE };
export const SIGN_UPS_PER_ADDRESS = 50;
/** SIGN_UPS_PER_ADDRESS raises (or lowers) the hourly sign-up budget of one address: a school behind one NAT, say. */
export function signUpsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SIGN_UPS_PER_ADDRESS;
  if (!raw) return SIGN_UPS_PER_ADDRESS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`SIGN_UPS_PER_ADDRESS must be an integer 1–100000, got "${raw}"`);
  return n;
}
export const signUpLimits = (free = SIGN_UPS_PER_ADDRESS): Limits => ({ kind: "sign-up address", free, windowMs: 60 * MINUTE, maxLockMs: 60 * MINUTE });
export const JOIN_ACCOUNT_LIMITS: Limits = { kind: "join account", free: 10, windowMs: 15 * MINUTE, maxLockMs: 15 * MINUTE };
export const JOIN_ADDRESS_LIMITS: Limits = { kind: "join address", free: 30, windowMs: 15 * MINUTE, maxLockMs: 15 * MINUTE };

/** Attempts reserved between two sweeps of rows whose window and lock have passed. */
const SWEEP_EVERY = 1000;

/** The row id of a key: SHA-256 of kind and key, so no email or address is stored. */
export const limiterKey = (limits: Limits, key: string): string => createHash("sha256").update(`${limits.kind}:${key}`).digest("hex");

function rateLimited(waitMs: number, what: string): AppError {
  const retryAfterSeconds = Math.ceil(waitMs / 1000);
  return new AppError("auth/rate_limited", `Too many ${what}. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

/** One key of an attempt: which budget, and whose (an email, an address, a user id). */
export interface Slot {
  limits: Limits;
  key: string;
}

interface Taken {
  id: string;
  firstAt: number;
  /** The lock this slot set, or null. */
  lockedUntil: number | null;
}

/** The slots one attempt holds; release() once it has turned out right. */
export class Reservation {
  constructor(
    private readonly writes: WriteQueue,
    private readonly taken: Taken[],
  ) {}

  /**
   * The attempt was right: its slots are given back (in the window they were taken in) and a lock it set
   * is lifted; every other attempt's count stays.
   */
  async release(): Promise<void> {
    await this.writes.run(
      async (em) => {
        for (const t of this.taken) {
          await sql(
            em,
            `UPDATE sign_in_failure SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END,
               "lockedUntil" = CASE WHEN "lockedUntil" = ? THEN 0 ELSE "lockedUntil" END
             WHERE key = ? AND "firstAt" = ?`,
            [t.lockedUntil ?? -1, t.id, t.firstAt],
          );
        }
      },
      { isolation: "READ COMMITTED" },
    );
  }
}

export class AttemptLimiter {
  private sinceSweep = 0;

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  /**
   * A read, no count: throws auth/rate_limited when a slot is locked now. Lets a caller refuse a flood before
   * it queues for anything; reserve() still decides.
   */
  async refuseIfLocked(slots: Slot[], what: string): Promise<void> {
    const ids = slots.map((s) => limiterKey(s.limits, s.key));
    const [row] = await sql<{ until: unknown }>(this.db, `SELECT MAX("lockedUntil") AS until FROM sign_in_failure WHERE key IN (??)`, [ids]);
    const waitMs = num(row?.until) - this.clock.now().getTime();
    if (waitMs > 0) throw rateLimited(waitMs, what);
  }

  /**
   * Counts one attempt on every slot at once, or on none: when any slot is locked the transaction is rolled
   * back and auth/rate_limited (with retryAfterSeconds) is thrown, saying `what` ("sign-ins", say).
   * Safe under concurrency by itself (each upsert takes the row's lock and sees the count and lock the
   * previous one left), so on PostgreSQL it runs at READ COMMITTED: a flood on one key waits on the row's
   * lock instead of failing to serialize.
   */
  async reserve(slots: Slot[], what: string): Promise<Reservation> {
    const sweep = ++this.sinceSweep >= SWEEP_EVERY;
    if (sweep) this.sinceSweep = 0;
    const taken = await this.writes.run(
      async (em) => {
        const now = this.clock.now().getTime();
        const out: Taken[] = [];
        let waitMs = 0;
        for (const slot of slots) {
          const t = await this.take(em, slot, now);
          if (typeof t === "number") waitMs = Math.max(waitMs, t);
          else out.push(t);
        }
        if (waitMs > 0) {
          // Throwing rolls this write back (its savepoint, or its transaction): the slots taken above are not counted.
          throw rateLimited(waitMs, what);
        }
        // Bounded table under a flood of addresses: rows whose window and lock have both passed go.
        if (sweep) await sql(em, `DELETE FROM sign_in_failure WHERE "firstAt" < ? AND "lockedUntil" < ?`, [now - 60 * MINUTE, now]);
        return out;
      },
      { isolation: "READ COMMITTED" },
    );
    return new Reservation(this.writes, taken);
  }

  /** Takes one slot (the count restarts when its window has passed), or returns the ms until its lock ends. */
  private async take(em: EntityManager, { limits, key }: Slot, now: number): Promise<Taken | number> {
    const id = limiterKey(limits, key);
    const expired = `? - sign_in_failure."firstAt" > ?`;
    const [row] = await sql<{ failures: unknown; firstAt: unknown }>(
      em,
      // The leading comment keeps TypeORM's SQLite runner from dropping the RETURNING row (see attempt.service.ts).
      // A locked key fails the WHERE: nothing is updated and no row comes back.
      `/* reserve attempt */ INSERT INTO sign_in_failure (key, failures, "firstAt", "lockedUntil") VALUES (?, 1, ?, 0)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${expired} THEN 1 ELSE sign_in_failure.failures + 1 END,
         "firstAt" = CASE WHEN ${expired} THEN ? ELSE sign_in_failure."firstAt" END
       WHERE sign_in_failure."lockedUntil" <= ?
       RETURNING failures, "firstAt"`,
      [id, now, now, limits.windowMs, now, limits.windowMs, now, now],
    );
    if (!row) {
      const [lock] = await sql<{ lockedUntil: unknown }>(em, `SELECT "lockedUntil" FROM sign_in_failure WHERE key = ?`, [id]);
      return Math.max(1, num(lock?.lockedUntil) - now);
    }
    const n = num(row.failures);
    const firstAt = num(row.firstAt);
    if (n <= limits.free) return { id, firstAt, lockedUntil: null };
    const lockedUntil = now + Math.min(limits.maxLockMs, 1000 * 2 ** (n - limits.free - 1));
    await sql(em, `UPDATE sign_in_failure SET "lockedUntil" = ? WHERE key = ?`, [lockedUntil, id]);
    return { id, firstAt, lockedUntil };
  }
}
