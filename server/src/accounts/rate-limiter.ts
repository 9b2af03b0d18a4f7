/**
 * Failed sign-in throttling with exponential backoff, per account and per client address (OWASP
 * Authentication Cheat Sheet). Counts only failures; a success clears the account's count. Pure apart from
 * the injected clock; in memory, so one instance's view (a shared store is the scale-out issue's business).
 *
 *   per account: 5 free failures in 15 minutes, then a lock of 1 s, 2 s, 4 s … up to 15 minutes
 *   per address: 20 free failures in 15 minutes, then the same backoff
 */
import type { Clock } from "../shared/clock.js";

export interface Limits {
  free: number;
  windowMs: number;
  maxLockMs: number;
}

export const ACCOUNT_LIMITS: Limits = { free: 5, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };
export const ADDRESS_LIMITS: Limits = { free: 20, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };

interface Entry {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

export class FailureLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: Limits,
  ) {}

  /** Milliseconds until `key` may try again, 0 when it may now. */
  retryAfterMs(key: string): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    const now = this.clock.now().getTime();
    if (now - e.firstAt > this.limits.windowMs && now >= e.lockedUntil) {
      this.entries.delete(key);
      return 0;
    }
    return Math.max(0, e.lockedUntil - now);
  }

  fail(key: string): void {
    const now = this.clock.now().getTime();
    let e = this.entries.get(key);
    if (!e || (now - e.firstAt > this.limits.windowMs && now >= e.lockedUntil)) e = { failures: 0, firstAt: now, lockedUntil: 0 };
    e.failures++;
    if (e.failures > this.limits.free) {
      const lock = Math.min(this.limits.maxLockMs, 1000 * 2 ** (e.failures - this.limits.free - 1));
      e.lockedUntil = now + lock;
    }
    if (this.entries.size > 100_000) this.entries.clear(); // bounded memory under a flood of addresses
    this.entries.set(key, e);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }
}
