/**
 * Accounts and server-side sessions. Tokens are 256 random bits; only their SHA-256 is stored, so a leaked
 * database does not yield usable sessions. Unknown email and wrong password get the same answer, and take
 * about the same time (a dummy hash is checked for unknown emails).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { IsNull } from "typeorm";
import type { WriteQueue } from "../db/write-queue.js";
import { AppError } from "../errors.js";
import type { Clock } from "../shared/clock.js";
import type { ClusterBus } from "../shared/cluster-bus.js";
import type { Viewer } from "../shared/viewer.js";
import { Locale } from "../shared/locale.js";
import type { ScryptParams } from "./password.js";
import { hashPassword, needsRehash, verifyPassword } from "./password.js";
import { Role } from "../shared/role.enum.js";
import { SessionRow } from "./session.entity.js";
import { UserRow } from "./user.entity.js";
import { ACCOUNT_LIMITS, ADDRESS_LIMITS, FailureLimiter } from "./rate-limiter.js";

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  locale?: Locale;
  role?: Role;
}

/** How long a verified session is trusted from memory before the database is asked again. */
export const SESSION_CACHE_MS = 5_000;

export class AccountService {
  private dummyHash: Promise<string> | undefined;
  /**
   * Verified sessions, so that a burst of requests does not read the session and user rows each time.
   * Sign-out, locale changes and deletions update it at once here and, through the cluster bus, in every
   * other instance as soon as the message arrives; SESSION_CACHE_MS bounds it should a message be missed.
   */
  private readonly sessions = new Map<string, { viewer: Viewer; until: number }>();
  private readonly accountFailures: FailureLimiter;
  private readonly addressFailures: FailureLimiter;

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly params: ScryptParams,
    private readonly bus: ClusterBus,
  ) {
    this.accountFailures = new FailureLimiter(db, writes, clock, ACCOUNT_LIMITS);
    this.addressFailures = new FailureLimiter(db, writes, clock, ADDRESS_LIMITS);
    bus.subscribe((m) => {
      if (m.topic !== "sessions") return;
      if (m.sessionId) this.sessions.delete(m.sessionId);
      if (m.userId) this.dropCachedUser(m.userId);
    });
  }

  /** Checks a new account's fields; throws BAD_USER_INPUT naming the field. */
  validateNewUser(input: NewUser): void {
    const bad = (field: string, message: string) => {
      throw new AppError("BAD_USER_INPUT", message, { field });
    };
    if (!EMAIL.test(normalizeEmail(input.email)) || input.email.length > 254) bad("email", "Enter a valid email address.");
    if (input.password.length < 8) bad("password", "The password needs at least 8 characters.");
    if (input.password.length > 256) bad("password", "The password may have at most 256 characters.");
    const name = input.displayName.trim();
    if (name.length < 1 || name.length > 80) bad("displayName", "The display name needs 1 to 80 characters.");
  }

  /** Creates a user (sign-up makes learners; the CLI passes other roles). Throws auth/email_taken. */
  async createUser(input: NewUser): Promise<UserRow> {
    this.validateNewUser(input);
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password, this.params);
    return this.writes.run(async (em) => {
      if (await em.findOneBy(UserRow, { email })) throw new AppError("auth/email_taken", "An account with this email already exists.");
      const user = em.create(UserRow, {
        id: randomUUID(),
        email,
        displayName: input.displayName.trim(),
        role: input.role ?? Role.LEARNER,
        locale: input.locale ?? Locale.AR,
        passwordHash,
        createdAt: this.clock.now(),
      });
      await em.insert(UserRow, user);
      return user;
    });
  }

  async signUp(input: NewUser): Promise<{ token: string; user: UserRow }> {
    const user = await this.createUser({ ...input, role: Role.LEARNER });
    return { token: await this.openSession(user.id), user };
  }

  /**
   * Signs in; every failure is auth/invalid_credentials, whatever its cause. Repeated failures for one email
   * (known or not) or from one address are slowed down with auth/rate_limited and a retry time; each call
   * counts, so aliasing many signIn fields in one request gains nothing.
   */
  async signIn(emailRaw: string, password: string, address = "unknown"): Promise<{ token: string; user: UserRow }> {
    const email = normalizeEmail(emailRaw);
    const accountKey = `email:${email}`;
    const addressKey = `ip:${address}`;
    const wait = Math.max(await this.accountFailures.retryAfterMs(accountKey), await this.addressFailures.retryAfterMs(addressKey));
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      throw new AppError("auth/rate_limited", `Too many failed sign-ins. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
    }
    const fail = async (): Promise<never> => {
      await Promise.all([this.accountFailures.fail(accountKey), this.addressFailures.fail(addressKey)]);
      throw new AppError("auth/invalid_credentials", "The email or the password is wrong.");
    };
    const user = await this.db.getRepository(UserRow).findOneBy({ email });
    if (!user) {
      this.dummyHash ??= hashPassword("not a password of anyone", this.params);
      await verifyPassword(password, await this.dummyHash);
      return fail();
    }
    if (!(await verifyPassword(password, user.passwordHash))) return fail();
    await this.accountFailures.succeed(accountKey);
    if (needsRehash(user.passwordHash, this.params)) {
      const passwordHash = await hashPassword(password, this.params);
      await this.writes.run((em) => em.update(UserRow, { id: user.id }, { passwordHash }));
      user.passwordHash = passwordHash;
    }
    return { token: await this.openSession(user.id), user };
  }

  /** A new session: a fresh random token each time (sign-in never reuses an earlier session id). */
  private async openSession(userId: string): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    const now = this.clock.now();
    await this.writes.run((em) =>
      em.insert(SessionRow, {
        id: hashToken(token),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
        revokedAt: null,
      }),
    );
    return token;
  }

  async signOut(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
    await this.writes.run((em) => em.update(SessionRow, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() }));
    this.bus.publish({ topic: "sessions", userId: null, sessionId });
  }

  /** The viewer for a token, or null when it is unknown, revoked or expired. */
  async authenticate(token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    const id = hashToken(token);
    const now = this.clock.now().getTime();
    const cached = this.sessions.get(id);
    if (cached && cached.until > now) return cached.viewer;
    this.sessions.delete(id);
    const session = await this.db.getRepository(SessionRow).findOneBy({ id });
    if (!session || session.revokedAt || session.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    const user = await this.db.getRepository(UserRow).findOneBy({ id: session.userId });
    if (!user) return null;
    const viewer: Viewer = { id: user.id, role: user.role as Role, displayName: user.displayName, locale: user.locale as Locale, sessionId: id };
    if (this.sessions.size > 10_000) this.sessions.clear();
    this.sessions.set(id, { viewer, until: Math.min(session.expiresAt.getTime(), now + SESSION_CACHE_MS) });
    return viewer;
  }

  async user(id: string): Promise<UserRow | null> {
    return this.db.getRepository(UserRow).findOneBy({ id });
  }

  /** Drops a user's verified sessions from memory here and in every instance (after a locale change or account deletion). */
  forgetUser(userId: string): void {
    this.dropCachedUser(userId);
    this.bus.publish({ topic: "sessions", userId, sessionId: null });
  }

  private dropCachedUser(userId: string): void {
    for (const [k, v] of this.sessions) if (v.viewer.id === userId) this.sessions.delete(k);
  }

  async setLocale(userId: string, locale: Locale): Promise<UserRow> {
    this.dropCachedUser(userId);
    await this.writes.run((em) => em.update(UserRow, { id: userId }, { locale }));
    this.forgetUser(userId);
    return (await this.user(userId))!;
  }
}
