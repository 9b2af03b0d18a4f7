/**
 * Messages every server instance must see: live class activity, and sessions to forget (a sign-out, a
 * locale change, a deleted account). One SQLite file means one instance, so on SQLite the bus is in-process;
 * on PostgreSQL it is LISTEN/NOTIFY (server/src/db/pg-notify-bus.ts), so that several stateless instances
 * behind a load balancer share it. Messages are JSON: dates travel as ISO strings.
 */
export type ClusterMessage =
  | { topic: "activity"; event: Record<string, unknown> }
  | { topic: "sessions"; userId: string | null; sessionId: string | null }
  /** A live class session changed (live/live.service.ts): a phase change, or an answer or join (counts). */
  | { topic: "live"; sessionId: string; kind: "phase" | "answer" };

export type ClusterListener = (m: ClusterMessage) => void;

export interface ClusterBus {
  /** Fire and forget: sent after the write it reports has committed; delivered to every instance, this one too. */
  publish(m: ClusterMessage): void;
  subscribe(listener: ClusterListener): () => void;
  close(): Promise<void>;
}

/** Delivers to this process's listeners, one by one; a listener that throws does not stop the others. */
export class Listeners {
  private readonly set = new Set<ClusterListener>();

  get size(): number {
    return this.set.size;
  }

  add(l: ClusterListener): () => void {
    this.set.add(l);
    return () => this.set.delete(l);
  }

  deliver(m: ClusterMessage): void {
    for (const l of this.set) {
      try {
        l(m);
      } catch (err) {
        console.error("cluster bus listener failed", err);
      }
    }
  }
}

/** One instance (SQLite): synchronous delivery in this process. */
export class LocalBus implements ClusterBus {
  private readonly listeners = new Listeners();

  publish(m: ClusterMessage): void {
    // Through JSON, as on PostgreSQL, so that both buses hand listeners the same shapes.
    this.listeners.deliver(JSON.parse(JSON.stringify(m)) as ClusterMessage);
  }

  subscribe(listener: ClusterListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {}
}
