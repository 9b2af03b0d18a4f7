/**
 * Read-only SQLite connections for heavy reads (class dashboards). TypeORM shares one connection, so a
 * dashboard's aggregates would queue behind answers being written and behind each other; in WAL mode
 * readers never block the writer, and each connection runs on its own libuv thread, so a dashboard's
 * independent aggregates run side by side on the machine's cores. On PostgreSQL the data source's own
 * pool does this, and the data source is used as is.
 */
import sqlite3 from "sqlite3";
import type { DataSource } from "typeorm";
import type { Runner } from "./sql.js";

class ReadConnection {
  constructor(
    private readonly db: sqlite3.Database,
    private readonly ds: DataSource,
  ) {}
  query(text: string, params: unknown[] = []): Promise<unknown[]> {
    // Through the data source's logger, like every other statement (tests and the bench count them).
    this.ds.logger.logQuery(text, params);
    return new Promise((resolve, reject) => this.db.all(text, params, (err, rows) => (err ? reject(err) : resolve(rows))));
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.db.close(() => resolve()));
  }
}

export class ReadPool {
  private next = 0;

  private constructor(
    private readonly connections: ReadConnection[],
    private readonly fallback: DataSource,
  ) {}

  /** Opens `size` read-only connections to the data source's SQLite file; none for PostgreSQL or :memory:. */
  static async open(ds: DataSource, size = Number(process.env.READ_POOL_SIZE ?? 2)): Promise<ReadPool> {
    const file = ds.options.type === "sqlite" ? String(ds.options.database) : undefined;
    if (!file || file === ":memory:") return new ReadPool([], ds);
    const connections = await Promise.all(
      Array.from(
        { length: size },
        () =>
          new Promise<ReadConnection>((resolve, reject) => {
            const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(new ReadConnection(db, ds))));
            db.configure("busyTimeout", 5000);
          }),
      ),
    );
    return new ReadPool(connections, ds);
  }

  /** A runner for one statement: the next read connection in turn, or the data source itself. */
  get runner(): Runner {
    if (this.connections.length === 0) return this.fallback;
    const conn = this.connections[this.next++ % this.connections.length];
    return { query: (text: string, params?: unknown[]) => conn.query(text, params), options: this.fallback.options } as Runner;
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.close()));
  }
}
