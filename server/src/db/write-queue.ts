/**
 * The one path for writes. TypeORM on SQLite shares a single connection, so two transaction() calls at once
 * fail; every write therefore runs here, in arrival order. Writes that arrive while a transaction is running
 * are committed together in the next one (group commit): one fsync for many answers. Each write runs inside
 * its own SAVEPOINT, so a write that throws is rolled back alone and only its caller sees the error. A caller
 * is answered only after the transaction holding its write has committed.
 */
import type { DataSource, EntityManager } from "typeorm";

export interface WriteOptions {
  /**
   * false for a write that can only throw before it first writes (checks first, then one statement): it then
   * needs no savepoint of its own, which saves two statements per write in a busy group.
   */
  savepoint?: boolean;
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
  /** Transactions committed and writes in them, for diagnostics and the benchmark. */
  readonly stats = { transactions: 0, writes: 0, largestGroup: 0 };

  constructor(
    private readonly ds: DataSource,
    /** Most writes committed in one transaction. */
    private readonly maxGroup = 200,
  ) {}

  /** Runs `work` in a transaction after every earlier write; resolves once that transaction has committed. */
  run<T>(work: (em: EntityManager) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, savepoint: options.savepoint !== false, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drainLoop();
    });
  }

  /** Writes waiting or running; for diagnostics and tests. */
  get depth(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** Resolves once every write queued so far has settled. */
  drain(): Promise<void> {
    return this.running ? this.idle : Promise.resolve();
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
