/**
 * The one path for writes; a caller is answered only after the transaction holding its write has committed.
 *
 * SQLite: TypeORM shares a single connection, so two transaction() calls at once fail; every write therefore
 * runs here, in arrival order. Writes that arrive while a transaction is running are committed together in
 * the next one (group commit): one fsync for many answers. Each write runs inside its own SAVEPOINT, so a
 * write that throws is rolled back alone and only its caller sees the error.
 *
 * PostgreSQL: writes run concurrently, each in its own SERIALIZABLE transaction from the pool. The services'
 * read-check-write steps were written for the serial order SQLite gives; SERIALIZABLE gives exactly that
 * guarantee (the outcome equals some serial order) and aborts a transaction that would break it with a
 * serialization failure (40001) or a deadlock (40P01). Such a write is simply run again, at once: the
 * transaction it collided with has finished by then. Every job must therefore keep its effects inside the
 * transaction (publishing events and updating caches happens after run() resolves).
 */
import type { DataSource, EntityManager } from "typeorm";

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
  readonly stats = { transactions: 0, writes: 0, largestGroup: 0, retries: 0 };

  constructor(
    private readonly ds: DataSource,
    /** Most writes committed in one transaction (SQLite). */
    private readonly maxGroup = 200,
    /** Most runs of one write on PostgreSQL before its serialization failure reaches the caller. */
    private readonly maxTries = 25,
  ) {
    this.concurrent = ds.options.type === "postgres";
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
        const value = await this.ds.transaction(isolation, work);
        this.stats.transactions++;
        this.stats.writes++;
        this.stats.largestGroup = 1;
        return value;
      } catch (error) {
        if (attempt >= this.maxTries || !isSerializationFailure(error)) throw error;
        this.stats.retries++;
      }
    }
  }

  private async drainLoop(): Promise<void> {
    this.running = true;
    this.idle = new Promise((r) => (this.markIdle = r));
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxGroup);
      let outcomes: Outcome[];
      try {
        outcomes = await this.ds.transaction(async (em) => {
          if (group.length === 1) return [{ ok: true, value: await group[0].work(em) } as Outcome];
          const out: Outcome[] = [];
          for (const job of group) {
            if (!job.savepoint) {
              try {
                out.push({ ok: true, value: await job.work(em) });
              } catch (error) {
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
              await em.query("ROLLBACK TO SAVEPOINT write_job");
              await em.query("RELEASE SAVEPOINT write_job");
              out.push({ ok: false, error });
            }
          }
          return out;
        });
        this.stats.transactions++;
        this.stats.writes += group.length;
        this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
      } catch (error) {
        // The transaction did not commit (or a lone write threw): nobody in the group is acknowledged.
        outcomes = group.map(() => ({ ok: false, error }));
      }
      outcomes.forEach((o, i) => (o.ok ? group[i].resolve(o.value) : group[i].reject(o.error)));
    }
    this.running = false;
    this.markIdle();
  }
}

/** PostgreSQL's "run it again" errors: serialization_failure and deadlock_detected. */
export function isSerializationFailure(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === "40001" || code === "40P01";
}
