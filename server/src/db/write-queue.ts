/**
 * The one path for writes; a caller is answered only after the transaction holding its write has committed.
 *
 * SQLite: TypeORM shares a single connection, so two transaction() calls at once fail; every write therefore
 * runs here, in arrival order. Writes that arrive while a transaction is running are committed together in
 * the next one (group commit): one fsync for many answers. Each write runs inside its own SAVEPOINT, so a
 * write that throws is rolled back alone and only its caller sees the error.
 *
 * PostgreSQL: writes run concurrently, each in its own SERIALIZABLE transaction from the pool (begun with one
 * statement, START TRANSACTION ISOLATION LEVEL SERIALIZABLE). The services'
 * read-check-write steps were written for the serial order SQLite gives; SERIALIZABLE gives exactly that
 * guarantee (the outcome equals some serial order) and aborts a transaction that would break it with a
 * serialization failure (40001) or a deadlock (40P01). Such a write is run again after a short random wait
 * ("full jitter": up to 2, 4, 8 … 64 ms), so that writers that collided do not collide again in lock step; a
 * write still failing after `maxTries` runs reaches its caller as `storage/unavailable` (nothing saved, try
 * again), never as an internal error. Every job must therefore keep its effects inside the transaction
 * (publishing events and updating caches happens after run() resolves).
 */
import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { AppError } from "../errors.js";
import type { Clock } from "../shared/clock.js";
import { systemClock } from "../shared/clock.js";

export interface WriteOptions {
  /**
   * false for a write that can only throw before it first writes (checks first, then one statement): it then
   * needs no savepoint of its own, which saves two statements per write in a busy group.
   */
  savepoint?: boolean;
  /**
   * PostgreSQL only: "READ COMMITTED" for a write made of statements that are safe under concurrency by
   * themselves (an atomic upsert, say), so that many writers of one row wait on its lock instead of failing
   * to serialize. SERIALIZABLE otherwise.
   */
  isolation?: "READ COMMITTED";
}

export interface WriteQueueOptions {
  /** Most writes committed in one transaction (SQLite). */
  maxGroup?: number;
  /** Most runs of one write on PostgreSQL before its serialization failure reaches the caller. */
  maxTries?: number;
  /** PostgreSQL: the longest random wait before a write runs again, in ms (the wait's cap doubles from 2 ms up to this). */
  maxBackoffMs?: number;
  clock?: Clock;
  /** Where the write path says that writes fail and that they commit again. */
  log?: (message: string) => void;
}

interface Job {
  savepoint: boolean;
  work: (em: EntityManager) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class WriteQueue {
  private readonly waiting: Job[] = [];
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};
  /** PostgreSQL only: writes in flight. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly concurrent: boolean;
  /** Transactions committed, writes in them, and (PostgreSQL) writes run again; for diagnostics and the benchmark. */
  readonly stats = { transactions: 0, writes: 0, largestGroup: 0, retries: 0, gaveUp: 0, reconnects: 0 };
  /** Whether writes are committing; served at /health. */
  readonly health = new WriteHealth();
  private readonly maxGroup: number;
  private readonly maxTries: number;
  private readonly maxBackoffMs: number;
  private readonly clock: () => Date;
  private readonly log: (message: string) => void;

  constructor(private readonly ds: DataSource, options: WriteQueueOptions = {}) {
    this.concurrent = ds.options.type === "postgres";
    this.maxGroup = options.maxGroup ?? 200;
    this.maxTries = options.maxTries ?? 25;
    this.maxBackoffMs = options.maxBackoffMs ?? 64;
    const clock = options.clock ?? systemClock;
    this.clock = () => clock.now();
    this.log = options.log ?? ((m) => console.error(m));
    this.health.recovered = this.log;
  }

  /** Runs `work` in a transaction (after every earlier write on SQLite); resolves once it has committed. */
  run<T>(work: (em: EntityManager) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    if (this.concurrent) {
      const p = this.runConcurrent(work, options.isolation ?? "SERIALIZABLE");
      this.inFlight.add(p);
      const forget = () => this.inFlight.delete(p);
      p.then(forget, forget);
      return p;
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, savepoint: options.savepoint !== false, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drainLoop();
    });
  }

  /** Writes waiting or running; for diagnostics and tests. */
  get depth(): number {
    return this.concurrent ? this.inFlight.size : this.waiting.length + (this.running ? 1 : 0);
  }

  /** Resolves once every write queued so far has settled. */
  async drain(): Promise<void> {
    if (this.concurrent) {
      await Promise.allSettled([...this.inFlight]);
      return;
    }
    return this.running ? this.idle : Promise.resolve();
  }

  private async runConcurrent<T>(work: (em: EntityManager) => Promise<T>, isolation: "SERIALIZABLE" | "READ COMMITTED"): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const value = await this.pgTransaction(work, isolation);
        this.stats.transactions++;
        this.stats.writes++;
        this.stats.largestGroup = 1;
        this.health.committed(this.clock());
        return value;
      } catch (error) {
        if (isSerializationFailure(error)) {
          if (attempt >= this.maxTries) {
            // Contention, not a fault of the storage: health stays as it is; the caller may send it again.
            this.stats.gaveUp++;
            throw new StorageError(error);
          }
          this.stats.retries++;
          await sleep(Math.random() * Math.min(this.maxBackoffMs, 2 ** attempt));
          continue;
        }
        // A lost connection or a full disk is not run again: if it broke during COMMIT the write may have
        // committed, and running it twice would apply it twice. The caller is told it was not saved.
        if (isStorageFault(error)) {
          this.health.failed(error, this.clock(), this.log);
          throw storageError(error);
        }
        throw error;
      }
    }
  }

  /**
   * One PostgreSQL transaction on a connection of the pool. It begins with one statement,
   * `START TRANSACTION ISOLATION LEVEL …`, where DataSource.transaction() sends two (START TRANSACTION, then
   * SET TRANSACTION ISOLATION LEVEL): one round trip less per write. TypeORM's flags are set to match, so that
   * the job's save() joins this transaction and commitTransaction() sends COMMIT.
   */
  private async pgTransaction<T>(work: (em: EntityManager) => Promise<T>, isolation: "SERIALIZABLE" | "READ COMMITTED"): Promise<T> {
    const runner = this.ds.createQueryRunner();
    try {
      await runner.query(`START TRANSACTION ISOLATION LEVEL ${isolation}`);
      setTransactionFlags(runner, true);
      try {
        const value = await work(runner.manager);
        await runner.commitTransaction();
        return value;
      } catch (error) {
        // After a failed statement or COMMIT the transaction is aborted or gone; ROLLBACK ends it either way.
        await runner.query("ROLLBACK").catch(() => {});
        setTransactionFlags(runner, false);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  private async drainLoop(): Promise<void> {
    this.running = true;
    this.idle = new Promise((r) => (this.markIdle = r));
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxGroup);
      const outcomes = await this.runGroup(group);
      outcomes.forEach((o, i) => (o.ok ? group[i].resolve(o.value) : group[i].reject(o.error)));
    }
    this.running = false;
    this.markIdle();
  }

  /**
   * One SQLite transaction for a group. The transaction is driven here rather than through
   * DataSource.transaction(): when SQLite has already rolled a transaction back by itself (it may on
   * SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM), TypeORM's own ROLLBACK fails, its "transaction
   * active" flag stays set and every later transaction would become a savepoint inside one that never commits
   * — acknowledged and lost. So any failure of the group's statements fails every caller of the group, and
   * recover() puts the connection back into a known state (or replaces it) before the next group.
   */
  private async runGroup(group: Job[]): Promise<Outcome[]> {
    const runner = this.ds.createQueryRunner(); // SQLite: the one shared connection's runner
    try {
      // IMMEDIATE takes the write lock now, waiting up to the busy timeout for another process that holds it
      // (npm run user:create, say); a deferred BEGIN would fail at once with SQLITE_BUSY on the first write.
      await runner.query("BEGIN IMMEDIATE");
      setTransactionFlags(runner, true);
    } catch (error) {
      await this.recover(runner, error);
      return group.map(() => ({ ok: false, error: storageError(error) }));
    }
    const em = runner.manager;
    const out: Outcome[] = [];
    try {
      if (group.length === 1) {
        try {
          out.push({ ok: true, value: await group[0].work(em) });
        } catch (error) {
          // A lone write that threw: roll back; its own error (or the fault) goes to its caller.
          await this.recover(runner, error);
          return [{ ok: false, error: isStorageFault(error) ? storageError(error) : error }];
        }
      } else {
        for (const job of group) {
          if (!job.savepoint) {
            try {
              out.push({ ok: true, value: await job.work(em) });
            } catch (error) {
              if (isStorageFault(error)) throw error;
              out.push({ ok: false, error });
            }
            continue;
          }
          await em.query("SAVEPOINT write_job");
          try {
            const value = await job.work(em);
            await em.query("RELEASE SAVEPOINT write_job");
            out.push({ ok: true, value });
          } catch (error) {
            // A fault of the storage may have rolled back the whole transaction: the group fails together.
            if (isStorageFault(error)) throw error;
            await em.query("ROLLBACK TO SAVEPOINT write_job");
            await em.query("RELEASE SAVEPOINT write_job");
            out.push({ ok: false, error });
          }
        }
      }
      await runner.commitTransaction();
    } catch (error) {
      // The transaction did not commit: nobody in the group is acknowledged.
      await this.recover(runner, error);
      return group.map(() => ({ ok: false, error: storageError(error) }));
    }
    this.stats.transactions++;
    this.stats.writes += group.length;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    this.health.committed(this.clock());
    return out;
  }

  /**
   * After a failed group: roll back whatever SQLite still holds and clear TypeORM's transaction flags. A
   * ROLLBACK that fails for any reason but "no transaction is active" leaves the connection in an unknown
   * state: it is replaced (closing it discards any transaction SQLite kept). The fault is recorded for /health and logged once.
   */
  private async recover(runner: QueryRunner, cause: unknown): Promise<void> {
    if (isStorageFault(cause)) this.health.failed(cause, this.clock(), this.log);
    let clean = true;
    try {
      await runner.query("ROLLBACK");
    } catch (error) {
      // "no transaction is active": SQLite had already rolled back by itself, which is fine.
      if (!/no transaction is active/i.test(String((error as Error)?.message))) clean = false;
    }
    setTransactionFlags(runner, false);
    if (!clean) {
      this.log("write path: the SQLite connection was left in an unknown state; replacing it");
      try {
        await reopenSqlite(this.ds);
        this.stats.reconnects++;
      } catch (error) {
        this.health.failed(error, this.clock(), this.log);
      }
    }
  }
}

/** The state of the write path, for /health and the log. */
export class WriteHealth {
  /** Since when writes have been failing (null while they succeed). */
  failingSince: Date | null = null;
  lastError: string | null = null;
  lastErrorAt: Date | null = null;
  failures = 0;

  get ok(): boolean {
    return this.failingSince === null;
  }

  failed(error: unknown, now: Date, log: (m: string) => void): void {
    this.failures++;
    this.lastError = describeFault(error);
    this.lastErrorAt = now;
    if (this.failingSince === null) {
      this.failingSince = now;
      log(`write path: writes are failing (${this.lastError}); nothing is acknowledged until a transaction commits again`);
    }
  }

  committed(now: Date): void {
    if (this.failingSince === null) return;
    const seconds = Math.round((now.getTime() - this.failingSince.getTime()) / 1000);
    this.failingSince = null;
    this.recovered?.(`write path: writes commit again after ${seconds} s of failures (${this.lastError})`);
  }

  /** Set by the queue: where the recovery line goes. */
  recovered?: (message: string) => void;

  toJSON() {
    return {
      ok: this.ok,
      failingSince: this.failingSince?.toISOString() ?? null,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt?.toISOString() ?? null,
      failures: this.failures,
    };
  }
}

/** SQLite result codes that say the storage, not the write, failed (the primary code of extended ones too). */
const STORAGE_FAULTS = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB|CANTOPEN|READONLY|PROTOCOL|INTERRUPT|ABORT|ERROR)\b/;

function driverCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * True for an error of the database engine itself (disk full, I/O, locks, a connection lost), as opposed to an
 * error a write raised on purpose (an AppError, a constraint the service expects). SQLITE_ERROR counts only
 * for the transaction-control statements' failures ("no such savepoint", "cannot commit").
 */
export function isStorageFault(error: unknown): boolean {
  if (error instanceof StorageError) return true;
  const code = driverCode(error);
  if (!code) return false;
  if (code === "SQLITE_ERROR") return /savepoint|transaction|cannot (commit|rollback)/i.test(String((error as Error)?.message));
  if (STORAGE_FAULTS.test(code)) return true;
  // PostgreSQL: connection lost (08xxx), admin shutdown / terminated (57P01–57P03), disk full (53100), I/O (58030).
  return /^(08|57P0|53100|58030)/.test(code);
}

function describeFault(error: unknown): string {
  const cause = error instanceof StorageError ? error.cause : error;
  const code = driverCode(cause);
  const message = String((cause as Error)?.message ?? cause).split("\n")[0].slice(0, 200);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/**
 * What a caller of a write that did not commit because of the storage gets: a known error code the client can
 * act on ("not saved, try again"), never the engine's message.
 */
export class StorageError extends AppError {
  constructor(cause: unknown) {
    super("storage/unavailable", "The server could not save this right now; nothing was saved. Try again in a moment.");
    this.cause = cause;
  }
}

function storageError(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  return new StorageError(error);
}

/**
 * TypeORM keeps its own idea of the transaction on the shared runner (its save() starts one of its own unless
 * one is active; commitTransaction() sends COMMIT at depth 1): it must match SQLite's.
 */
function setTransactionFlags(runner: QueryRunner, active: boolean): void {
  const r = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  r.isTransactionActive = active;
  r.transactionDepth = active ? 1 : 0;
}

/** Closes the SQLite connection (discarding any transaction on it) and opens a new one with the same settings. */
async function reopenSqlite(ds: DataSource): Promise<void> {
  const driver = ds.driver as unknown as {
    databaseConnection: { close(cb: (err: Error | null) => void): void };
    createDatabaseConnection(): Promise<unknown>;
  };
  const old = driver.databaseConnection;
  driver.databaseConnection = (await driver.createDatabaseConnection()) as typeof old;
  await new Promise<void>((resolve) => old.close(() => resolve()));
  await ds.query("PRAGMA synchronous = FULL");
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** PostgreSQL's "run it again" errors: serialization_failure and deadlock_detected. */
export function isSerializationFailure(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === "40001" || code === "40P01";
}
