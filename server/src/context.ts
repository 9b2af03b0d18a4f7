import type { DataSource } from "typeorm";
import type { Services } from "./services.js";
import type { Viewer } from "./shared/viewer.js";

/** What every resolver receives. Built per request by app.ts. */
export interface AppContext extends Services {
  db: DataSource;
  viewer: Viewer | null;
  /** Sets or clears the session cookie on this HTTP response (no-op over WebSocket). */
  setSessionCookie(token: string | null, maxAgeSeconds?: number): void;
  requestId: string;
  /** A live-session guest's participant token (the live_participant cookie), if any. */
  liveToken: string | null;
  /** Sets the live_participant cookie on this HTTP response (no-op over WebSocket). */
  setLiveCookie(token: string): void;
  /** The client's address (for sign-in throttling). */
  clientAddress: string;
}
