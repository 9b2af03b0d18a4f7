/**
 * The one path for writes. TypeORM on SQLite shares a single connection, so two transaction() calls at once
 * fail; every write therefore runs here, one transaction at a time, in arrival order. On PostgreSQL the same
 * queue keeps write ordering simple and is cheap next to the network round trip.
 */
import type { DataSource, EntityManager } from "typeorm";

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly ds: DataSource) {}

  /** Runs `work` in its own transaction after every earlier write has settled; resolves once committed. */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(() => this.ds.transaction((em) => work(em)));
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  /** Writes waiting or running; for diagnostics and tests. */
  get depth(): number {
    return this.pending;
  }

  /** Resolves once every write queued so far has settled. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
