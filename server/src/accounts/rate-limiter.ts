/**
 * Failed sign-in throttling with exponential backoff, per account and per client address (OWASP
 * Authentication Cheat Sheet). Counts only failures; a success clears the account's count. Kept in the
 * database (sign_in_failure, keys hashed), so every server instance sees the same counts; times come from
 * the injected clock.
 *
 *   per account: 5 free failures in 15 minutes, then a lock of 1 s, 2 s, 4 s … up to 15 minutes
 *   per address: 20 free failures in 15 minutes, then the same backoff
 */
import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { num, sql } from "../db/sql.js";
import type { WriteQueue } from "../db/write-queue.js";
import type { Clock } from "../shared/clock.js";

export interface Limits {
  /** Keeps the two kinds of key apart in the one table. */
  kind: "account" | "address";
  free: number;
  windowMs: number;
  maxLockMs: number;
}

export const ACCOUNT_LIMITS: Limits = { kind: "account", free: 5, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };
export const ADDRESS_LIMITS: Limits = { kind: "address", free: 20, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };

/** Failures recorded between two sweeps of rows whose window has passed. */
const SWEEP_EVERY = 1000;

export class FailureLimiter {
  private sinceSweep = 0;

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly limits: Limits,
  ) {}

  private id(key: string): string {
    return createHash("sha256").update(`${this.limits.kind}:${key}`).digest("hex");
  }

  /** Milliseconds until `key` may try again, 0 when it may now. */
  async retryAfterMs(key: string): Promise<number> {
    const [row] = await sql<{ lockedUntil: unknown }>(this.db, `SELECT "lockedUntil" FROM sign_in_failure WHERE key = ?`, [this.id(key)]);
    return row ? Math.max(0, num(row.lockedUntil) - this.clock.now().getTime()) : 0;
  }

  /**
   * Counts a failure in one atomic upsert (a count whose window has passed and is not locked starts again),
   * then sets the lock from the new count. Safe under concurrency by itself, so on PostgreSQL it runs at
   * READ COMMITTED: a flood of failures on one key waits on the row's lock instead of failing to serialize.
   */
  async fail(key: string): Promise<void> {
    const now = this.clock.now().getTime();
    const id = this.id(key);
    const { free, windowMs, maxLockMs } = this.limits;
    const sweep = ++this.sinceSweep >= SWEEP_EVERY;
    if (sweep) this.sinceSweep = 0;
    await this.writes.run(
      async (em) => {
        const expired = `? - sign_in_failure."firstAt" > ? AND ? >= sign_in_failure."lockedUntil"`;
        const [{ failures }] = await sql<{ failures: unknown }>(
          em,
          // The leading comment keeps TypeORM's SQLite runner from dropping the RETURNING row (see attempt.service.ts).
          `/* count failure */ INSERT INTO sign_in_failure (key, failures, "firstAt", "lockedUntil") VALUES (?, 1, ?, 0)
           ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN ${expired} THEN 1 ELSE sign_in_failure.failures + 1 END,
             "firstAt" = CASE WHEN ${expired} THEN ? ELSE sign_in_failure."firstAt" END
           RETURNING failures`,
          [id, now, now, windowMs, now, now, windowMs, now, now],
        );
        const n = num(failures);
        if (n > free) await sql(em, `UPDATE sign_in_failure SET "lockedUntil" = ? WHERE key = ?`, [now + Math.min(maxLockMs, 1000 * 2 ** (n - free - 1)), id]);
        // Bounded table under a flood of addresses: rows whose window and lock have both passed go.
        if (sweep) await sql(em, `DELETE FROM sign_in_failure WHERE "firstAt" < ? AND "lockedUntil" < ?`, [now - windowMs, now]);
      },
      { isolation: "READ COMMITTED" },
    );
  }

  async succeed(key: string): Promise<void> {
    const id = this.id(key);
    await this.writes.run((em) => sql(em, `DELETE FROM sign_in_failure WHERE key = ?`, [id]), { savepoint: false, isolation: "READ COMMITTED" });
  }
}
