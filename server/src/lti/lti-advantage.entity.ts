/**
 * The rows of LTI Advantage (Deep Linking, AGS, NRPS): resource links as launched with their service endpoints,
 * which user launched which quiz link (where their scores go), the durable outbox of scores, and the roster
 * status NRPS sync keeps per class member. Tables made by migrations/1764500500000-LtiAdvantage.ts.
 */
import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/** A resource link as last launched: its context and class, the quiz it opens, and the platform's service URLs. */
@Entity({ name: "lti_link" })
export class LtiLinkRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  platformId: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  deploymentId: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  resourceLinkId: string;

  @Column({ type: "varchar", length: 255, nullable: true })
  contextId: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  classroomId: string | null;

  /** The quiz the link opens (its target is /quizzes/<id>); null for the course or a lesson. */
  @Column({ type: "varchar", length: 100, nullable: true })
  quizId: string | null;

  @Column({ type: "varchar", length: 255, nullable: true })
  title: string | null;

  /** AGS endpoint claim: the context's line items container. */
  @Column({ type: "varchar", length: 1000, nullable: true })
  lineItemsUrl: string | null;

  /** AGS endpoint claim (or the line item the tool created for this link). */
  @Column({ type: "varchar", length: 1000, nullable: true })
  lineItemUrl: string | null;

  /** JSON array of the AGS scopes the platform granted. */
  @Column({ type: "text" })
  agsScopes: string;

  /** NRPS claim: context_memberships_url. */
  @Column({ type: "varchar", length: 1000, nullable: true })
  membershipsUrl: string | null;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  updatedAt: Date;
}

/** A user who launched a quiz's resource link: their finished attempts of that quiz are posted there. */
@Entity({ name: "lti_grade_target" })
export class LtiGradeTargetRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  platformId: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  deploymentId: string;

  @PrimaryColumn({ type: "varchar", length: 255 })
  resourceLinkId: string;

  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  /** The platform's user id (AGS userId). */
  @Column({ type: "varchar", length: 255 })
  sub: string;

  @Column({ type: "varchar", length: 100 })
  quizId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;
}

export type OutboxState = "PENDING" | "SENT" | "FAILED";

/** The AGS Score (Assignment and Grade Services 2.0 §3.4), as it will be posted. */
export interface AgsScore {
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  activityProgress: "Initialized" | "Started" | "InProgress" | "Submitted" | "Completed";
  gradingProgress: "FullyGraded" | "Pending" | "PendingManual" | "Failed" | "NotReady";
  timestamp: string;
}

/**
 * One score to send. Written in the transaction that finished the attempt or graded the essay; the worker
 * claims it with a lease, sends it, and marks it SENT, or retries it with backoff, or gives up (FAILED).
 * `dedupeKey` (the link, learner and quiz, the row's place in their sequence, and the grade's state) is unique;
 * a state equal to the last one queued is not queued again, so never sent twice (lti-ags.ts).
 */
@Entity({ name: "lti_score_outbox" })
export class LtiScoreOutboxRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 400 })
  dedupeKey: string;

  @Column({ type: "varchar", length: 36 })
  platformId: string;

  @Column({ type: "varchar", length: 255 })
  deploymentId: string;

  @Column({ type: "varchar", length: 255 })
  resourceLinkId: string;

  @Column({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 36, nullable: true })
  classroomId: string | null;

  @Column({ type: "varchar", length: 100 })
  quizId: string;

  @Column({ type: "varchar", length: 36 })
  attemptId: string;

  @Column({ type: "simple-json" })
  score: AgsScore;

  @Column({ type: "varchar", length: 16 })
  state: OutboxState;

  @Column({ type: "integer", default: 0 })
  tries: number;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  nextAt: Date;

  @Column({ type: "varchar", length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  leaseUntil: Date | null;

  @Column({ type: "varchar", length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  sentAt: Date | null;
}

/** A member's status on the platform's roster at the last NRPS sync: ACTIVE, or LEFT (inactive or absent). */
@Entity({ name: "lti_roster" })
export class LtiRosterRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  classroomId: string;

  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 16 })
  status: "ACTIVE" | "LEFT";

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  syncedAt: Date;
}
