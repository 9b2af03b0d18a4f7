/**
 * The rows of LTI 1.3: the tool's own signing keys, the platforms registered with it and their deployments,
 * the logins in flight (state and nonce bound to one browser), and the links from a platform's users and
 * contexts to this module's users and classes, and invitations to register dynamically. Tables made by migrations/1764470000000-LtiTables.ts.
 */
import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/** One RSA key of the tool. The newest unretired key signs; every key not yet removed is published (JWKS). */
@Entity({ name: "lti_tool_key" })
export class LtiToolKeyRow {
  @PrimaryColumn({ type: "varchar", length: 64 })
  kid: string;

  /** The public JWK (JSON), served at /lti/jwks. */
  @Column({ type: "text" })
  publicJwk: string;

  /** PKCS#8 PEM; never leaves the server. */
  @Column({ type: "text" })
  privateKey: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;

  /** When a newer key took over signing; null while this key signs. */
  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  retiredAt: Date | null;

  /** When a retired key stops being published (the end of the overlap). */
  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  removeAfter: Date | null;
}

/** A platform (an LMS) registered with the tool: one row per (issuer, client_id). */
@Entity({ name: "lti_platform" })
export class LtiPlatformRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 255 })
  issuer: string;

  @Column({ type: "varchar", length: 255 })
  clientId: string;

  /** OIDC authorization endpoint (Security Framework §5.1.1.2). */
  @Column({ type: "varchar", length: 1000 })
  authUrl: string;

  /** OAuth 2 token endpoint (for LTI Advantage services). */
  @Column({ type: "varchar", length: 1000 })
  tokenUrl: string;

  @Column({ type: "varchar", length: 1000 })
  jwksUrl: string;

  /** JSON array of origins allowed to frame the tool's launched pages (CSP frame-ancestors). */
  @Column({ type: "text" })
  frameOrigins: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;
}

@Entity({ name: "lti_deployment" })
export class LtiDeploymentRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  platformId: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  deploymentId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;
}

/** A login started by a platform and not yet finished: the SHA-256 of state, and the browser's binding. */
@Entity({ name: "lti_login" })
export class LtiLoginRow {
  @PrimaryColumn({ type: "varchar", length: 64 })
  stateHash: string;

  /** SHA-256 of the random value in the browser's lti_login cookie. */
  @Column({ type: "varchar", length: 64 })
  browserHash: string;

  @Column({ type: "varchar", length: 64 })
  nonce: string;

  @Column({ type: "varchar", length: 36 })
  platformId: string;

  @Column({ type: "varchar", length: 1000 })
  targetLinkUri: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  expiresAt: Date;

  /** Set when its id_token was accepted: a login (and its nonce) is used once. */
  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  usedAt: Date | null;
}

/** A platform user (issuer, sub) linked to a user of this module; never matched by email. */
@Entity({ name: "lti_user" })
export class LtiUserRow {
  @PrimaryColumn({ type: "varchar", length: 255 })
  issuer: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  sub: string;

  @Column({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;
}

/** A platform context (a course) bound to a class of this module. Context ids are unique per deployment. */
@Entity({ name: "lti_context" })
export class LtiContextRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  platformId: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  deploymentId: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  contextId: string;

  @Column({ type: "varchar", length: 36 })
  classroomId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;
}

/** A one-time invitation to register by LTI Dynamic Registration (`npm run lti:register -- --dynamic`). */
@Entity({ name: "lti_registration_invite" })
export class LtiRegistrationInviteRow {
  /** SHA-256 of the code in the registration URL. */
  @PrimaryColumn({ type: "varchar", length: 64 })
  codeHash: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  expiresAt: Date;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  usedAt: Date | null;
}
