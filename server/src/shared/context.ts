import type { DataSource } from "typeorm";
import type { Services } from "../services.js";
import type { Role } from "../accounts/role.enum.js";
import type { Locale } from "./locale.js";

/** The signed-in person behind a request. */
export interface Viewer {
  id: string;
  role: Role;
  displayName: string;
  locale: Locale;
  /** The hashed session id, so that signOut can revoke exactly this session. */
  sessionId: string;
}

/** What every resolver receives. Built per request by app.ts. */
export interface AppContext extends Services {
  db: DataSource;
  viewer: Viewer | null;
  /** Sets or clears the session cookie on this HTTP response (no-op over WebSocket). */
  setSessionCookie(token: string | null, maxAgeSeconds?: number): void;
  requestId: string;
  /** The client's address (for sign-in throttling). */
  clientAddress: string;
}
