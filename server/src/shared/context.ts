import type { DataSource } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { WriteQueue } from "../db/write-queue.js";
import type { Clock } from "./clock.js";

/** What every resolver receives: the services of this server instance. Built per request by app.ts. */
export interface AppContext {
  content: ContentStore;
  db: DataSource;
  writes: WriteQueue;
  clock: Clock;
  /** A per-request id, echoed in the server log next to any masked error. */
  requestId: string;
}
