/** The signed-in person behind a request or a socket; services receive it, resolvers get it from the context. */
import type { Role } from "./role.enum.js";
import type { Locale } from "./locale.js";

export interface Viewer {
  id: string;
  role: Role;
  displayName: string;
  locale: Locale;
  /** The hashed session id, so that signOut can revoke exactly this session. */
  sessionId: string;
}
