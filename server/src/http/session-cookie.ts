/** The web client's session cookie, and reading a session token from a request (bearer header first). */
import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";

export const SESSION_COOKIE = "sid";

export function readSessionToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim() || undefined;
  return readCookie(req.headers.cookie, SESSION_COOKIE);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        // A cookie we never wrote (ours are encodeURIComponent of a token): the request is malformed, 400.
        throw new GraphQLError(`Malformed ${name} cookie`, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
      }
    }
  }
  return undefined;
}

/** A live-session guest's participant cookie (live/live.service.ts LIVE_COOKIE): HttpOnly, for a day. */
export const LIVE_PARTICIPANT_COOKIE = "live_participant";

export function liveParticipantCookie(token: string, secure: boolean): string {
  const parts = [`${LIVE_PARTICIPANT_COOKIE}=${encodeURIComponent(token)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${24 * 60 * 60}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** The live participant token of a request, if any (a malformed cookie is none). */
export function readLiveToken(req: IncomingMessage): string | null {
  try {
    return readCookie(req.headers.cookie, LIVE_PARTICIPANT_COOKIE) || null;
  } catch {
    return null;
  }
}

/** HttpOnly, SameSite=Lax, Secure over https; a null token clears the cookie. */
export function sessionCookie(token: string | null, maxAgeSeconds: number, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${token ? encodeURIComponent(token) : ""}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${token ? Math.floor(maxAgeSeconds) : 0}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}
