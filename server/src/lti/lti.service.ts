/**
 * LTI 1.3 launches, tool side: the OIDC third-party login (1EdTech Security Framework 1.0 §5.1.1), the
 * validation of the id_token the platform posts back (Security Framework §5.1.3, LTI 1.3 §5.3 and §5.4), and
 * what a valid resource link launch does here: link the platform user by (issuer, sub), bind the context to a
 * class (created on the first launch, named from the context title), put the user in it by role, and open a
 * session.
 *
 * State and nonce: `login` stores the SHA-256 of a random state with a random nonce and the SHA-256 of a random
 * browser value, which goes to the browser in a cookie named after the state. `launch` accepts an id_token
 * only with that state, from the browser holding that cookie, carrying that nonce, once (the login is marked
 * used in the same transaction that signs the user in). Logins expire after 10 minutes.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { IsNull } from "typeorm";
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from "jose";
import type { JWTPayload } from "jose";
import { hashToken, SESSION_TTL_MS } from "../accounts/account.service.js";
import { SessionRow } from "../accounts/session.entity.js";
import { UserRow } from "../accounts/user.entity.js";
import { ClassroomMemberRow, ClassroomRow, ClassroomTeacherRow } from "../classrooms/classroom.entity.js";
import { applyLearnerToClass } from "../classrooms/class-rollup.js";
import { newJoinCode } from "../classrooms/join-code.js";
import { applyLearner } from "../classrooms/stat-rollup.js";
import type { WriteQueue } from "../db/write-queue.js";
import type { Clock } from "../shared/clock.js";
import { Locale } from "../shared/locale.js";
import { Role } from "../shared/role.enum.js";
import { LtiError } from "./lti-errors.js";
import type { Platform, PlatformRegistry } from "./lti-registry.js";
import { LtiContextRow, LtiLoginRow, LtiUserRow } from "./lti.entity.js";
import { recordLink } from "./lti-links.js";

export const LOGIN_TTL_MS = 10 * 60 * 1000;
/** Clock skew allowed on exp and iat (Security Framework §5.1.3 items 7–8 leave the margin to the tool). */
export const CLOCK_SKEW_S = 60;
/** An id_token issued longer ago than this is refused even if its exp is later. */
export const MAX_TOKEN_AGE_S = 10 * 60;

const CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
/** Sub-roles: membership/<Principal>#<SubRole> (LTI 1.3 A.2.3.1). */
const SUB_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership/";

/** The parameters of a third-party initiated login (Security Framework §5.1.1.1; LTI 1.3 §4.1). */
export interface LoginInitiation {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
}

export interface LoginRedirect {
  /** The platform's authorization endpoint with the authentication request (§5.1.1.2). */
  location: string;
  /** Cookie binding the login to this browser: name and value. */
  cookie: { name: string; value: string };
}

export type ContextRole = "INSTRUCTOR" | "TEACHING_ASSISTANT" | "LEARNER" | "NONE";

export interface Launch {
  userId: string;
  /** A new session token (the caller sets the cookie and puts it in the page). */
  token: string;
  platform: Platform;
  deploymentId: string;
  role: ContextRole;
  classroomId: string | null;
  /** Where the launched page goes in the client: a path on this tool's origin. */
  target: string;
  /** Empty for a deep linking request. */
  resourceLinkId: string;
  /** Set for an LtiDeepLinkingRequest (Deep Linking 2.0 §4.4): the route shows the picker instead. */
  deepLinking?: DeepLinkingSettings;
}

/** The deep_linking_settings claim (Deep Linking 2.0 §4.4.1) as the tool needs it. */
export interface DeepLinkingSettings {
  returnUrl: string;
  acceptTypes: string[];
  acceptMultiple: boolean;
  data?: string;
  locale: Locale;
}

const DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const random = () => randomBytes(32).toString("base64url");
/** The name of the cookie that binds a login's state to the browser (one per login, so parallel launches do not collide). */
export const loginCookieName = (state: string) => `lti_login_${sha256(state).slice(0, 16)}`;

/**
 * The context role that decides what a user is in the bound class (LTI 1.3 Appendix A.2.3: context roles,
 * full URIs, and the deprecated simple names). Administrator counts as instructor; a TeachingAssistant
 * sub-role counts as teaching assistant even when the principal Instructor role is also listed.
 */
export function contextRole(roles: readonly string[]): ContextRole {
  const local = roles.map((r) => (r.startsWith(MEMBERSHIP) ? r.slice(MEMBERSHIP.length) : r.startsWith(SUB_ROLE) ? r.slice(SUB_ROLE.length) : r));
  if (local.some((n) => n === "Instructor#TeachingAssistant" || n === "TeachingAssistant")) return "TEACHING_ASSISTANT";
  if (local.some((n) => n === "Instructor" || n === "Administrator")) return "INSTRUCTOR";
  if (local.some((n) => n === "Learner" || n.startsWith("Learner#"))) return "LEARNER";
  return "NONE";
}

export class LtiService {
  private readonly jwksByUrl = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  /** The tool's public base URL (https://course.example.org/); the redirect_uri is `${base}lti/launch`. */
  private base: URL | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    readonly registry: PlatformRegistry,
    toolUrl?: string,
  ) {
    if (toolUrl) this.base = new URL(toolUrl);
  }

  /** Sets the base URL once the server listens, unless LTI_TOOL_URL set it. */
  useBaseUrl(url: string): void {
    this.base ??= new URL(url);
  }

  get baseUrl(): URL {
    if (!this.base) throw new Error("The LTI tool URL is unknown; set LTI_TOOL_URL");
    return this.base;
  }

  get redirectUri(): string {
    return new URL("lti/launch", this.baseUrl).href;
  }

  /** Security Framework §5.1.1.1–2: checks the initiation, stores state and nonce, builds the redirect. */
  async login(p: LoginInitiation): Promise<LoginRedirect> {
    for (const name of ["iss", "login_hint", "target_link_uri"] as const) if (!p[name]) throw new LtiError("lti/missing_parameter", name);
    const candidates = await this.registry.find(p.iss!, p.client_id || undefined);
    if (candidates.length === 0) throw new LtiError("lti/unknown_platform", `iss=${p.iss} client_id=${p.client_id ?? ""}`);
    if (candidates.length > 1) throw new LtiError("lti/missing_parameter", `client_id (issuer ${p.iss} has ${candidates.length} registrations)`);
    const platform = candidates[0];
    if (p.lti_deployment_id && !platform.deploymentIds.includes(p.lti_deployment_id)) throw new LtiError("lti/unknown_deployment", `login deployment ${p.lti_deployment_id}`);
    this.checkOwnUrl(p.target_link_uri!);
    const state = random();
    const nonce = random();
    const browser = random();
    const now = this.clock.now();
    await this.writes.run(async (em) => {
      await em.createQueryBuilder().delete().from(LtiLoginRow).where(`"expiresAt" < :now`, { now: now.toISOString() }).execute();
      await em.insert(LtiLoginRow, {
        stateHash: sha256(state),
        browserHash: sha256(browser),
        nonce,
        platformId: platform.id,
        targetLinkUri: p.target_link_uri!,
        expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
        usedAt: null,
      });
    });
    const auth = new URL(platform.authUrl);
    const params: Record<string, string> = {
      scope: "openid",
      response_type: "id_token",
      client_id: platform.clientId,
      redirect_uri: this.redirectUri,
      login_hint: p.login_hint!,
      state,
      response_mode: "form_post",
      nonce,
      prompt: "none",
    };
    if (p.lti_message_hint) params.lti_message_hint = p.lti_message_hint;
    for (const [k, v] of Object.entries(params)) auth.searchParams.set(k, v);
    return { location: auth.href, cookie: { name: loginCookieName(state), value: browser } };
  }

  /** A URL the platform gave us must be on this tool's origin (we never redirect elsewhere on its word). */
  private checkOwnUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new LtiError("lti/bad_target_link", `not a URL: ${raw}`);
    }
    if (url.origin !== this.baseUrl.origin) throw new LtiError("lti/bad_target_link", `${raw} is not on ${this.baseUrl.origin}`);
    return url;
  }

  private jwks(platform: Platform) {
    let set = this.jwksByUrl.get(platform.jwksUrl);
    if (!set) {
      set = createRemoteJWKSet(new URL(platform.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
      this.jwksByUrl.set(platform.jwksUrl, set);
    }
    return set;
  }

  /**
   * The authentication response (Security Framework §5.1.1.3) checked, then the launch done. `cookies` reads a
   * cookie of the request by name. Throws LtiError for every refusal.
   */
  async launch(form: { id_token?: string; state?: string; error?: string }, cookies: (name: string) => string | undefined): Promise<Launch> {
    if (form.error) throw new LtiError("lti/missing_parameter", `platform answered error=${form.error}`);
    if (!form.state) throw new LtiError("lti/missing_parameter", "state");
    if (!form.id_token) throw new LtiError("lti/missing_parameter", "id_token");
    const now = this.clock.now();
    const login = await this.db.getRepository(LtiLoginRow).findOneBy({ stateHash: sha256(form.state) });
    if (!login || login.expiresAt.getTime() <= now.getTime()) throw new LtiError("lti/state_unknown", "no login with this state");
    const browser = cookies(loginCookieName(form.state));
    if (!browser || sha256(browser) !== login.browserHash) throw new LtiError("lti/state_mismatch", browser ? "cookie value differs" : "no login cookie");
    if (login.usedAt) throw new LtiError("lti/replayed", "login already used");
    const platform = await this.registry.byId(login.platformId);
    if (!platform) throw new LtiError("lti/unknown_platform", "platform removed since login");

    const claims = await this.verify(form.id_token, platform, login.nonce, now);
    const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
    const version = claims[`${CLAIM}version`];
    if (version === undefined) throw new LtiError("lti/missing_claim", "version");
    if (version !== "1.3.0") throw new LtiError("lti/bad_version", String(version));
    const messageType = claims[`${CLAIM}message_type`];
    if (messageType === undefined) throw new LtiError("lti/missing_claim", "message_type");
    const deepLinkingRequest = messageType === "LtiDeepLinkingRequest";
    if (messageType !== "LtiResourceLinkRequest" && !deepLinkingRequest) throw new LtiError("lti/unsupported_message", String(messageType));
    const deploymentId = str(claims[`${CLAIM}deployment_id`]);
    if (!deploymentId) throw new LtiError("lti/missing_claim", "deployment_id");
    if (!platform.deploymentIds.includes(deploymentId)) throw new LtiError("lti/unknown_deployment", deploymentId);
    const targetLinkUri = str(claims[`${CLAIM}target_link_uri`]);
    if (!targetLinkUri) throw new LtiError("lti/missing_claim", "target_link_uri");
    const target = this.checkOwnUrl(targetLinkUri);
    if (targetLinkUri !== login.targetLinkUri) throw new LtiError("lti/bad_target_link", `claim ${targetLinkUri} differs from login ${login.targetLinkUri}`);
    const resourceLink = claims[`${CLAIM}resource_link`] as { id?: unknown; title?: unknown } | undefined;
    const resourceLinkId = str(resourceLink?.id);
    if (!resourceLinkId && !deepLinkingRequest) throw new LtiError("lti/missing_claim", "resource_link.id");
    const roles = claims[`${CLAIM}roles`];
    if (!Array.isArray(roles) || roles.some((r) => typeof r !== "string")) throw new LtiError("lti/missing_claim", "roles");
    const sub = str(claims.sub);
    if (!sub) throw new LtiError("lti/missing_claim", "sub (anonymous launches are not supported)");
    const context = claims[`${CLAIM}context`] as { id?: unknown; title?: unknown; label?: unknown } | undefined;
    if (context !== undefined && !str(context?.id)) throw new LtiError("lti/missing_claim", "context.id");

    const role = contextRole(roles as string[]);
    const deepLinking = deepLinkingRequest ? deepLinkingSettings(claims, role) : undefined;
    const token = random();
    const profile = {
      name: displayName(claims),
      locale: typeof claims.locale === "string" && claims.locale.toLowerCase().startsWith("en") ? Locale.EN : Locale.AR,
    };
    const done = await this.writes.run(async (em) => {
      // Used once: the check above was a read; this update decides between two posts of the same form.
      const marked = await em.update(LtiLoginRow, { stateHash: login.stateHash, usedAt: IsNull() }, { usedAt: now });
      if (!marked.affected) throw new LtiError("lti/replayed", "login used by a concurrent post");
      const userId = await this.linkUser(em, platform.issuer, sub, role, profile, now);
      const classroomId = context ? await this.bindContext(em, platform, deploymentId, String(context.id), contextTitle(context), userId, role, now) : null;
      await em.insert(SessionRow, { id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS), revokedAt: null });
      if (resourceLinkId && !deepLinking) {
        await recordLink(em, {
          platformId: platform.id,
          deploymentId,
          resourceLinkId,
          title: str(resourceLink?.title) ?? null,
          contextId: context ? String(context.id) : null,
          classroomId,
          targetPath: target.pathname,
          claims,
          userId,
          sub,
          learner: role === "LEARNER",
          now,
        });
      }
      return { userId, classroomId };
    });
    const path = `${target.pathname}${target.search}`;
    const teaches = role === "INSTRUCTOR" || role === "TEACHING_ASSISTANT";
    return {
      ...done,
      token,
      platform,
      deploymentId,
      role,
      resourceLinkId: resourceLinkId ?? "",
      deepLinking: deepLinking ? { ...deepLinking, locale: profile.locale } : undefined,
      target: teaches && done.classroomId && (path === "/" || path.startsWith("/lti/")) ? `/teach/classes/${done.classroomId}` : path.startsWith("/lti/") ? "/" : path,
    };
  }

  /** Security Framework §5.1.3: signature by the platform's key (kid), RS256 only, iss, aud/azp, exp, iat, nonce. */
  private async verify(idToken: string, platform: Platform, nonce: string, now: Date): Promise<JWTPayload> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(idToken);
      unverified = decodeJwt(idToken);
    } catch {
      throw new LtiError("lti/bad_signature", "not a JWT");
    }
    if (header.alg !== "RS256") throw new LtiError("lti/bad_algorithm", `alg=${String(header.alg)}`);
    if (!header.kid) throw new LtiError("lti/unknown_kid", "no kid in the header");
    if (unverified.iss !== platform.issuer) throw new LtiError("lti/wrong_issuer", `iss=${String(unverified.iss)}`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.jwks(platform), {
        algorithms: ["RS256"],
        issuer: platform.issuer,
        audience: platform.clientId,
        currentDate: now,
        clockTolerance: CLOCK_SKEW_S,
        maxTokenAge: MAX_TOKEN_AGE_S,
        requiredClaims: ["exp", "iat", "nonce"],
      }));
    } catch (e) {
      throw joseRefusal(e);
    }
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    // §5.1.3 items 4–5: several audiences need azp, and azp when present must be this tool's client_id.
    if (aud.length > 1 && payload.azp === undefined) throw new LtiError("lti/wrong_audience", "several audiences and no azp");
    if (payload.azp !== undefined && payload.azp !== platform.clientId) throw new LtiError("lti/wrong_audience", `azp=${String(payload.azp)}`);
    if (payload.nonce !== nonce) throw new LtiError("lti/nonce_mismatch", "nonce differs from the login's");
    return payload;
  }

  /** The user linked to (issuer, sub); a new one on the first launch (or NRPS sync, lti-nrps.ts). Never matched by email. */
  async linkUser(em: EntityManager, issuer: string, sub: string, role: ContextRole, profile: { name: string; locale: Locale }, now: Date): Promise<string> {
    const teaches = role === "INSTRUCTOR" || role === "TEACHING_ASSISTANT";
    const link = await em.findOneBy(LtiUserRow, { issuer, sub });
    const existing = link ? await em.findOneBy(UserRow, { id: link.userId }) : null;
    if (existing) {
      // A learner who is instructor or assistant in some context can teach here; a role is never lowered.
      if (teaches && existing.role === Role.LEARNER) await em.update(UserRow, { id: existing.id }, { role: Role.INSTRUCTOR });
      return existing.id;
    }
    const id = randomUUID();
    await em.insert(UserRow, {
      id,
      // The module's users need a unique email; a platform user signs in only through the platform.
      email: `lti-${id}@lti.invalid`,
      displayName: profile.name,
      role: teaches ? Role.INSTRUCTOR : Role.LEARNER,
      locale: profile.locale,
      // Not a scrypt$ hash: no password ever matches it (accounts/password.ts).
      passwordHash: "lti$no-password",
      createdAt: now,
    });
    if (link) await em.update(LtiUserRow, { issuer, sub }, { userId: id });
    else await em.insert(LtiUserRow, { issuer, sub, userId: id, createdAt: now });
    return id;
  }

  /**
   * The class bound to the context, created on its first launch (named from the context title). An instructor
   * launching a class that has no instructor yet (a learner came first) takes it over (its owner); a further
   * instructor and a teaching assistant become co-instructors (classrooms/class-access.ts); a learner a member.
   */
  private async bindContext(em: EntityManager, platform: Platform, deploymentId: string, contextId: string, title: string, userId: string, role: ContextRole, now: Date): Promise<string> {
    let bound = await em.findOneBy(LtiContextRow, { platformId: platform.id, deploymentId, contextId });
    if (bound && !(await em.findOneBy(ClassroomRow, { id: bound.classroomId }))) {
      // The class is gone (its instructor deleted their account, which deletes their classes): bind anew.
      await em.delete(LtiContextRow, { platformId: platform.id, deploymentId, contextId });
      bound = null;
    }
    const placeholder = await this.placeholderInstructor(em, platform, now);
    if (!bound) {
      const classroomId = randomUUID();
      let joinCode = newJoinCode();
      while (await em.findOneBy(ClassroomRow, { joinCode })) joinCode = newJoinCode();
      await em.insert(ClassroomRow, { id: classroomId, name: title, joinCode, instructorId: role === "INSTRUCTOR" ? userId : placeholder, createdAt: now });
      bound = { platformId: platform.id, deploymentId, contextId, classroomId, createdAt: now };
      await em.insert(LtiContextRow, bound);
      if (role === "INSTRUCTOR") return classroomId;
    }
    const room = await em.findOneByOrFail(ClassroomRow, { id: bound.classroomId });
    if (role === "INSTRUCTOR" && room.instructorId === placeholder) {
      await em.update(ClassroomRow, { id: room.id }, { instructorId: userId });
      return room.id;
    }
    if (room.instructorId === userId || role === "NONE") return room.id;
    if (role === "INSTRUCTOR" || role === "TEACHING_ASSISTANT") {
      if (!(await em.findOneBy(ClassroomTeacherRow, { classroomId: room.id, userId }))) await em.insert(ClassroomTeacherRow, { classroomId: room.id, userId, addedAt: now });
      return room.id;
    }
    if (!(await em.findOneBy(ClassroomMemberRow, { classroomId: room.id, userId }))) {
      await em.insert(ClassroomMemberRow, { classroomId: room.id, userId, joinedAt: now });
      await applyLearner(em, userId, room.id, 1);
      await applyLearnerToClass(em, userId, room.id, 1);
    }
    return room.id;
  }

  /** The stand-in instructor of a platform's classes that no instructor has launched yet (it cannot sign in). */
  private async placeholderInstructor(em: EntityManager, platform: Platform, now: Date): Promise<string> {
    const email = `lti-platform-${platform.id}@lti.invalid`;
    const found = await em.findOneBy(UserRow, { email });
    if (found) return found.id;
    const id = randomUUID();
    await em.insert(UserRow, { id, email, displayName: "LTI", role: Role.INSTRUCTOR, locale: Locale.AR, passwordHash: "lti$no-password", createdAt: now });
    return id;
  }
}

/** Deep Linking 2.0 §4.4: the settings claim checked; only instructors and teaching assistants pick content. */
function deepLinkingSettings(claims: JWTPayload, role: ContextRole): Omit<DeepLinkingSettings, "locale"> {
  const raw = claims[DL_SETTINGS] as { deep_link_return_url?: unknown; accept_types?: unknown; accept_multiple?: unknown; data?: unknown } | undefined;
  if (!raw || typeof raw.deep_link_return_url !== "string") throw new LtiError("lti/missing_claim", "deep_linking_settings.deep_link_return_url");
  let returnUrl: URL;
  try {
    returnUrl = new URL(raw.deep_link_return_url);
  } catch {
    throw new LtiError("lti/missing_claim", "deep_linking_settings.deep_link_return_url is not a URL");
  }
  const acceptTypes = Array.isArray(raw.accept_types) ? raw.accept_types.filter((t): t is string => typeof t === "string") : [];
  if (!acceptTypes.includes("ltiResourceLink")) throw new LtiError("lti/unsupported_message", `deep linking accept_types ${acceptTypes.join(",")} lacks ltiResourceLink`);
  if (role !== "INSTRUCTOR" && role !== "TEACHING_ASSISTANT") throw new LtiError("lti/not_instructor", `deep linking by role ${role}`);
  return { returnUrl: returnUrl.href, acceptTypes, acceptMultiple: raw.accept_multiple === true, data: typeof raw.data === "string" ? raw.data : undefined };
}

function displayName(claims: JWTPayload): string {
  const parts = [claims.name, [claims.given_name, claims.family_name].filter((s) => typeof s === "string").join(" ")];
  const name = parts.find((p): p is string => typeof p === "string" && p.trim().length > 0)?.trim() ?? "";
  return (name || "—").slice(0, 80);
}

function contextTitle(context: { id?: unknown; title?: unknown; label?: unknown }): string {
  const t = [context.title, context.label].find((s): s is string => typeof s === "string" && s.trim().length > 0)?.trim();
  return (t ?? `LTI ${String(context.id)}`).slice(0, 120);
}

/** jose's refusals in LTI's words. */
function joseRefusal(e: unknown): LtiError {
  const message = (e as Error)?.message ?? String(e);
  if (e instanceof joseErrors.JWKSNoMatchingKey || e instanceof joseErrors.JWKSMultipleMatchingKeys) return new LtiError("lti/unknown_kid", message);
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return new LtiError("lti/bad_signature", message);
  if (e instanceof joseErrors.JOSEAlgNotAllowed) return new LtiError("lti/bad_algorithm", message);
  if (e instanceof joseErrors.JWTClaimValidationFailed || e instanceof joseErrors.JWTExpired) {
    if (e.reason === "missing") return new LtiError("lti/missing_claim", `${e.claim}: ${message}`);
    // jose reports a token older than maxTokenAge as JWTExpired on "iat".
    if (e.claim === "iat" || e.claim === "nbf") return new LtiError("lti/bad_time", message);
    if (e instanceof joseErrors.JWTExpired) return new LtiError("lti/expired", message);
    if (e.claim === "aud") return new LtiError("lti/wrong_audience", message);
    if (e.claim === "iss") return new LtiError("lti/wrong_issuer", message);
    return new LtiError("lti/missing_claim", `${e.claim}: ${message}`);
  }
  if (e instanceof joseErrors.JWKSTimeout || e instanceof joseErrors.JWKSInvalid || (e as { code?: string })?.code === "ERR_JOSE_GENERIC") return new LtiError("lti/unavailable", message);
  if (e instanceof joseErrors.JWSInvalid || e instanceof joseErrors.JWTInvalid) return new LtiError("lti/bad_signature", message);
  return new LtiError("lti/unavailable", message);
}
