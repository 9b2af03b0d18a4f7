/**
 * Password hashing with scrypt (node:crypto), a memory-hard function. Production parameters follow OWASP's
 * Password Storage Cheat Sheet: N = 2^17, r = 8, p = 1 (128 MiB). The cost is configurable so that tests,
 * factories, demo and bench data stay fast; a hash made with weaker parameters than the current ones is
 * replaced at the next successful sign-in.
 *
 * The server hashes through a PasswordHasher: node runs scrypt on libuv's thread pool (4 threads), which the
 * sqlite3 driver and file I/O share, so unbounded hashing (40 sign-ups at once) queued every database read
 * behind seconds of scrypt. The hasher runs at most `concurrency` (default 1) at a time, keeps at most
 * `maxWaiting` callers in line and refuses the rest at once with auth/busy and a retry time.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors.js";

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

export const PRODUCTION_PARAMS: ScryptParams = { logN: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** PASSWORD_HASH_LOG_N lowers the cost outside production (tests, demo data); never below 10. */
export function paramsFromEnv(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  const raw = env.PASSWORD_HASH_LOG_N;
  if (!raw) return PRODUCTION_PARAMS;
  const logN = Number(raw);
  if (!Number.isInteger(logN) || logN < 10 || logN > 20) throw new Error(`PASSWORD_HASH_LOG_N must be an integer 10–20, got "${raw}"`);
  return { ...PRODUCTION_PARAMS, logN };
}

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    // maxmem must exceed 128·N·r bytes, or node refuses N = 2^17 (its default cap is 32 MiB).
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.logN}$${params.r}$${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export function parseHash(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  return { logN, r, p, salt: Buffer.from(parts[4], "base64url"), key: Buffer.from(parts[5], "base64url") };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when the stored hash used weaker parameters than `current`. */
export function needsRehash(stored: string, current: ScryptParams): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.logN < current.logN || parsed.r < current.r || parsed.p < current.p;
}

export interface HasherOptions {
  /** scrypt calls running at once (each holds one libuv thread and up to 128 MiB). */
  concurrency?: number;
  /** Callers waiting for a turn; one more is refused with auth/busy. */
  maxWaiting?: number;
}

export const HASHER_DEFAULTS: Required<HasherOptions> = { concurrency: 1, maxWaiting: 64 };

/**
 * PASSWORD_HASH_CONCURRENCY: scrypt calls at once (default 1). Raise it on a machine with many cores and
 * UV_THREADPOOL_SIZE raised to match, so that hashing still leaves libuv threads for the database.
 */
export function hashingFromEnv(env: NodeJS.ProcessEnv = process.env): HasherOptions {
  const raw = env.PASSWORD_HASH_CONCURRENCY;
  if (!raw) return {};
  const concurrency = Number(raw);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error(`PASSWORD_HASH_CONCURRENCY must be an integer 1–64, got "${raw}"`);
  return { concurrency };
}

/** scrypt through a bounded line: at most `concurrency` running, at most `maxWaiting` waiting. */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Mean duration of one scrypt call (ms), for the retry time of a refusal. */
  private meanMs = 0;
  /** Calls made, refused, and the most ever running and waiting at once; for tests and diagnostics. */
  readonly stats = { hashed: 0, verified: 0, refused: 0, peakRunning: 0, peakWaiting: 0 };
  private readonly concurrency: number;
  private readonly maxWaiting: number;

  constructor(
    readonly params: ScryptParams,
    options: HasherOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? HASHER_DEFAULTS.concurrency);
    this.maxWaiting = Math.max(0, options.maxWaiting ?? HASHER_DEFAULTS.maxWaiting);
  }

  /** A new hash with the current parameters. */
  hash(password: string): Promise<string> {
    return this.turn((line) => line.hash(password));
  }

  /** Whether `password` matches `stored` (a stored hash of any parameters). */
  verify(password: string, stored: string): Promise<boolean> {
    return this.turn((line) => line.verify(password, stored));
  }

  /**
   * Runs `work` holding one place in the line (auth/busy when the line is full); `work` hashes and verifies
   * through the handle it gets, without queueing again. Sign-in counts its attempt inside its turn, so the
   * attempts of one address in flight at once are at most the line's width, not everyone waiting.
   */
  async turn<T>(work: (line: { hash(password: string): Promise<string>; verify(password: string, stored: string): Promise<boolean> }) => Promise<T>): Promise<T> {
    return this.inLine(() =>
      work({
        hash: (password) => {
          this.stats.hashed++;
          return hashPassword(password, this.params);
        },
        verify: (password, stored) => {
          this.stats.verified++;
          return verifyPassword(password, stored);
        },
      }),
    );
  }

  needsRehash(stored: string): boolean {
    return needsRehash(stored, this.params);
  }

  private async inLine<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else {
      if (this.waiting.length >= this.maxWaiting) {
        this.stats.refused++;
        const retryAfterSeconds = Math.max(1, Math.ceil(((this.waiting.length / this.concurrency + 1) * (this.meanMs || 500)) / 1000));
        throw new AppError("auth/busy", `The server is busy checking passwords. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
      }
      // The call that finishes hands its slot over (running stays counted), so no newcomer can slip in between.
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        this.stats.peakWaiting = Math.max(this.stats.peakWaiting, this.waiting.length);
      });
    }
    this.stats.peakRunning = Math.max(this.stats.peakRunning, this.running);
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      const ms = performance.now() - t0;
      this.meanMs = this.meanMs === 0 ? ms : this.meanMs * 0.8 + ms * 0.2;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
