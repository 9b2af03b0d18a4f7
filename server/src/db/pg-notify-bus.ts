/**
 * The cluster bus on PostgreSQL: every instance holds one connection that LISTENs on a channel of the
 * database, and publishes with pg_notify on that same connection (so one instance's messages keep their
 * order). PostgreSQL delivers a notification to every listening session of the database, the sender's too,
 * so each instance hears its own messages the same way it hears the others'. Messages published while a
 * notification is on its way go together in the next one, as a JSON array (as many as fit in 7,900 bytes):
 * under load one round trip carries many events instead of events queueing behind each other.
 *
 * If the connection drops, the bus connects again (after 0.5 s, doubling to 10 s); messages published in the
 * gap go through the data source's pool instead, and messages sent by others in the gap are missed (the live
 * feed is a view; the dashboard's numbers come from the database).
 */
import pg from "pg";
import type { DataSource } from "typeorm";
import type { ClusterBus, ClusterListener, ClusterMessage } from "../shared/cluster-bus.js";
import { Listeners } from "../shared/cluster-bus.js";

export const CHANNEL = "course_cluster";

/** Runs fn after ms; tests pass their own so that no test waits on a real timer. */
export type Schedule = (fn: () => void, ms: number) => { cancel(): void };
const realTimer: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
};
/** PostgreSQL refuses payloads of 8000 bytes or more. */
const MAX_PAYLOAD = 7900;

export class PgNotifyBus implements ClusterBus {
  private readonly listeners = new Listeners();
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = 500;
  private retryTimer: { cancel(): void } | null = null;
  /** Connections made (1 at start); tests and diagnostics read it. */
  connections = 0;
  /** Notifications sent and the messages in them. */
  readonly stats = { notifications: 0, messages: 0 };
  private readonly pending: { payload: string; bytes: number }[] = [];
  private sending = false;
  private flushing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly url: string,
    private readonly ds: DataSource,
    private readonly log: (m: string, d?: unknown) => void,
    private readonly schedule: Schedule,
  ) {}

  /** Connects and LISTENs before resolving, so nothing published after start-up is missed. */
  static async connect(url: string, ds: DataSource, log: (m: string, d?: unknown) => void = console.error, schedule: Schedule = realTimer): Promise<PgNotifyBus> {
    const bus = new PgNotifyBus(url, ds, log, schedule);
    await bus.listen();
    return bus;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: "course-cluster-bus" });
    client.on("notification", (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      let batch: ClusterMessage[];
      try {
        batch = JSON.parse(n.payload) as ClusterMessage[];
      } catch {
        return;
      }
      if (Array.isArray(batch)) for (const m of batch) this.listeners.deliver(m);
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.connections++;
    this.retryMs = 500;
  }

  private lost(client: pg.Client, err?: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.closed) return;
    this.log("cluster bus: connection lost; connecting again", err);
    client.end().catch(() => {});
    this.reconnect();
  }

  private reconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = this.schedule(() => {
      this.retryTimer = null;
      this.listen().catch((err) => {
        this.log("cluster bus: connecting failed", err);
        this.retryMs = Math.min(this.retryMs * 2, 10_000);
        this.reconnect();
      });
    }, this.retryMs);
  }

  publish(m: ClusterMessage): void {
    const payload = JSON.stringify(m);
    const bytes = Buffer.byteLength(payload);
    if (bytes + 2 > MAX_PAYLOAD) {
      this.log(`cluster bus: message of ${payload.length} characters not sent (over ${MAX_PAYLOAD} bytes)`);
      return;
    }
    this.pending.push({ payload, bytes });
    if (!this.sending) this.flushing = this.flush();
  }

  /** Sends what is pending, as few notifications as fit, one at a time so that order is kept. */
  private async flush(): Promise<void> {
    this.sending = true;
    while (this.pending.length > 0) {
      const batch: string[] = [];
      let size = 2; // the brackets
      while (this.pending.length > 0 && size + this.pending[0].bytes + 1 <= MAX_PAYLOAD) {
        const next = this.pending.shift()!;
        batch.push(next.payload);
        size += next.bytes + 1;
      }
      const args = [CHANNEL, `[${batch.join(",")}]`];
      try {
        await (this.client ? this.client.query(`SELECT pg_notify($1, $2)`, args) : this.ds.query(`SELECT pg_notify($1, $2)`, args));
        this.stats.notifications++;
        this.stats.messages += batch.length;
      } catch (err) {
        this.log("cluster bus: publish failed", err);
      }
    }
    this.sending = false;
  }

  /** Resolves once everything published so far has been sent (or failed to send). */
  flushed(): Promise<void> {
    return this.flushing;
  }

  subscribe(listener: ClusterListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flushed(); // what was published before close goes out
    this.retryTimer?.cancel();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
