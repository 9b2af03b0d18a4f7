/**
 * Access tokens for the LTI Advantage services (AGS, NRPS): the OAuth 2 client-credentials grant with the
 * tool authenticated by a JWT it signs (RFC 7523 §2.2; 1EdTech Security Framework 1.0 §4.1): iss and sub are
 * the tool's client_id, aud the platform's token endpoint, a fresh jti, signed RS256 with the tool's current
 * key named by kid. A token is kept per (platform, scopes) until a minute before it expires (by the injected
 * clock), so a burst of scores costs one token request.
 */
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { Clock } from "../shared/clock.js";
import type { ToolKeys } from "./lti-keys.js";
import type { Platform } from "./lti-registry.js";

export const AGS_SCOPE = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  resultReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
};
export const NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

/** A service call that failed: `retry` false when sending the same request again cannot help. */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

/** 408, 429 and 5xx and network failures are worth retrying; other 4xx are not. */
export const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export type Fetch = typeof fetch;

export class ServiceTokens {
  private readonly cache = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly keys: ToolKeys,
    private readonly clock: Clock,
    private readonly fetcher: Fetch = fetch,
  ) {}

  async token(platform: Platform, scopes: string[]): Promise<string> {
    const scope = [...new Set(scopes)].sort().join(" ");
    const cacheKey = `${platform.id} ${scope}`;
    const now = this.clock.now().getTime();
    const hit = this.cache.get(cacheKey);
    if (hit && hit.until > now) return hit.token;
    const { kid, key } = await this.keys.signingKey();
    const iat = Math.floor(now / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(platform.clientId)
      .setSubject(platform.clientId)
      .setAudience(platform.tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 300)
      .setJti(randomUUID())
      .sign(key);
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope,
    });
    let res: Response;
    try {
      res = await this.fetcher(platform.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw new ServiceError(`token endpoint unreachable: ${(e as Error).message}`, null, true);
    }
    const text = await res.text();
    if (!res.ok) throw new ServiceError(`token endpoint answered ${res.status}: ${text.slice(0, 200)}`, res.status, retryable(res.status));
    let json: { access_token?: unknown; expires_in?: unknown };
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      throw new ServiceError("token endpoint answered no JSON", res.status, true);
    }
    if (typeof json.access_token !== "string") throw new ServiceError("token endpoint answered no access_token", res.status, true);
    const expiresIn = typeof json.expires_in === "number" ? json.expires_in : 3600;
    this.cache.set(cacheKey, { token: json.access_token, until: now + Math.max(0, expiresIn - 60) * 1000 });
    return json.access_token;
  }

  /** Forgets a token the platform refused (401), so the next call asks for a new one. */
  forget(platform: Platform, scopes: string[]): void {
    this.cache.delete(`${platform.id} ${[...new Set(scopes)].sort().join(" ")}`);
  }
}
