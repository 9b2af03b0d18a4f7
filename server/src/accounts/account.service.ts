/**
 * Accounts and server-side sessions. Tokens are 256 random bits; only their SHA-256 is stored, so a leaked
 * database does not yield usable sessions. Unknown email and wrong password get the same answer, and take
 * about the same time (a dummy hash is checked for unknown emails). Every password check and every sign-up
 * takes a slot of the database-backed throttle first (rate-limiter.ts), and hashing runs on the bounded
 * PasswordHasher (password.ts).
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
import type { PasswordHasher } from "./password.js";
import type { PasswordProblem } from "./password-policy.js";
import { MAX_PASSWORD, MIN_PASSWORD, passwordProblem } from "./password-policy.js";
import { Role } from "../shared/role.enum.js";
import { SessionRow } from "./session.entity.js";
import { UserRow } from "./user.entity.js";
import type { Limits, Slot } from "./rate-limiter.js";
import { ACCOUNT_LIMITS, ADDRESS_LIMITS, AttemptLimiter, signUpLimits } from "./rate-limiter.js";

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `The password needs at least ${MIN_PASSWORD} characters (a few words make an easy passphrase).`,
  too_long: `The password may have at most ${MAX_PASSWORD} characters.`,
  common: "This password is one of the most common ones; choose another.",
  personal: "The password must not be the account's email or name.",
};

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
  private dummyHash: string | undefined;
  /**
   * Verified sessions, so that a burst of requests does not read the session and user rows each time.
   * Sign-out, locale changes and deletions update it at once here and, through the cluster bus, in every
   * other instance as soon as the message arrives; SESSION_CACHE_MS bounds it should a message be missed.
   */
  private readonly sessions = new Map<string, { viewer: Viewer; until: number }>();
  private readonly limiter: AttemptLimiter;
  private readonly signUps: Limits;

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    readonly hasher: PasswordHasher,
    private readonly bus: ClusterBus,
    /** Sign-ups one address may make in an hour before they slow down (SIGN_UPS_PER_ADDRESS). */
    signUpsPerAddress?: number,
  ) {
    this.limiter = new AttemptLimiter(db, writes, clock);
    this.signUps = signUpLimits(signUpsPerAddress);
    bus.subscribe((m) => {
      if (m.topic !== "sessions") return;
      if (m.sessionId) this.sessions.delete(m.sessionId);
      if (m.userId) this.dropCachedUser(m.userId);
    });
  }

  /**
   * Checks a new account's fields, all of them: throws one BAD_USER_INPUT listing every problem in
   * `extensions.fields` ({ field, reason }), the first also as `extensions.field`, so that a form can show
   * them all at once, each next to its field.
   */
  validateNewUser(input: NewUser): void {
    const problems: { field: string; reason: string; message: string }[] = [];
    const bad = (field: string, reason: string, message: string) => problems.push({ field, reason, message });
    if (!EMAIL.test(normalizeEmail(input.email)) || input.email.length > 254) bad("email", "invalid", "Enter a valid email address.");
    const name = input.displayName.trim();
    if (name.length < 1 || name.length > 80) bad("displayName", "length", "The display name needs 1 to 80 characters.");
    const pw = passwordProblem(input.password, { email: input.email, displayName: name });
    if (pw) bad("password", pw, PASSWORD_MESSAGES[pw]);
    if (problems.length === 0) return;
    throw new AppError("BAD_USER_INPUT", problems.map((p) => p.message).join(" "), {
      field: problems[0].field,
      fields: problems.map(({ field, reason }) => ({ field, reason })),
    });
  }

  /** Creates a user (sign-up makes learners; the CLI passes other roles). Throws auth/email_taken. */
  async createUser(input: NewUser): Promise<UserRow> {
    this.validateNewUser(input);
    const email = normalizeEmail(input.email);
    // A taken email is answered before any hashing (the write below checks again, for a race).
    if (await this.db.getRepository(UserRow).existsBy({ email })) throw new AppError("auth/email_taken", "An account with this email already exists.");
    const passwordHash = await this.hasher.hash(input.password);
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

  /**
   * Sign-up keeps its clear auth/email_taken answer (there is no mail to send instead). So that emails cannot
   * be harvested in bulk, every sign-up that passes validation counts against its address, taken or not,
   * successful or not (auth/rate_limited once the address's budget is spent).
   */
  async signUp(input: NewUser, address = "unknown"): Promise<{ token: string; user: UserRow }> {
    this.validateNewUser(input);
    const reservation = await this.limiter.reserve([{ limits: this.signUps, key: `ip:${address}` }], "sign-ups from this address");
    const user = await this.createUser({ ...input, role: Role.LEARNER }).catch(async (error: unknown) => {
      // A taken email told the caller something, and counts; a busy hasher or a failed write told nothing.
      if ((error as AppError).extensions?.code !== "auth/email_taken") await reservation.release();
      throw error;
    });
    return { token: await this.openSession(user.id), user };
  }

  /**
   * Signs in; every failure is auth/invalid_credentials, whatever its cause. Each call takes a slot of the
   * email's and the address's budgets before the password is checked, so guesses sent at once are counted
   * as they arrive and those past the budget are refused (auth/rate_limited with a retry time) without being
   * checked; aliasing many signIn fields in one request gains nothing either.
   */
  async signIn(emailRaw: string, password: string, address = "unknown"): Promise<{ token: string; user: UserRow }> {
    const email = normalizeEmail(emailRaw);
    const user = await this.checkPassword(email, password, address, "failed sign-ins");
    if (!user) throw new AppError("auth/invalid_credentials", "The email or the password is wrong.");
    if (this.hasher.needsRehash(user.passwordHash)) {
      // Best effort: with the hashing line full, the stronger hash waits for the next sign-in.
      const passwordHash = await this.hasher.hash(password).catch((error: unknown) => {
        if ((error as AppError).extensions?.code === "auth/busy") return null;
        throw error;
      });
      if (passwordHash) {
        await this.writes.run((em) => em.update(UserRow, { id: user.id }, { passwordHash }));
        user.passwordHash = passwordHash;
      }
    }
    return { token: await this.openSession(user.id), user };
  }

  /**
   * The throttled password check of sign-in and deleteMyAccount. In its turn of the hashing line it takes a
   * slot on the account (by email, known or not) and on the address, checks the password (a dummy hash for an
   * unknown email), and gives the slots back only when it was right: so the attempts in flight at once are at
   * most the line's width, and a class signing in together from one address does not spend that address's
   * budget. The user when it was right, null when not; auth/rate_limited when over budget (at once when a
   * key is already locked), auth/busy when the line is full.
   */
  async checkPassword(email: string, password: string, address: string, what: string): Promise<UserRow | null> {
    const slots: Slot[] = [
      { limits: ACCOUNT_LIMITS, key: `email:${email}` },
      { limits: ADDRESS_LIMITS, key: `ip:${address}` },
    ];
    await this.limiter.refuseIfLocked(slots, what);
    const user = await this.db.getRepository(UserRow).findOneBy({ email });
    return this.hasher.turn(async (line) => {
      const reservation = await this.limiter.reserve(slots, what);
      let right = false;
      try {
        if (!user) {
          this.dummyHash ??= await line.hash("not a password of anyone");
          await line.verify(password, this.dummyHash);
        } else right = await line.verify(password, user.passwordHash);
      } catch (error) {
        // Not checked (the database failed, say): the attempt is not the caller's to pay for.
        await reservation.release();
        throw error;
      }
      if (!right) return null;
      await reservation.release();
      return user;
    });
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
