/**
 * Live class sessions (issue 17): the session and its pace (the state machine lives in the row, so a restart
 * or another instance resumes it), who joined, and what each answered. Guests' answers are deleted 24 h after
 * the session ends (LiveService.sweepGuests); class members' graded answers also become practice evidence
 * (response rows flagged `live`).
 */
import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";
import type { LocalAnswer } from "../grading/grading.js";
import type { LiveSessionPhase } from "./live.enum.js";

/** One item of a session, fixed when it starts: the version asked and the options' order on the phones. */
export interface LiveSlot {
  itemId: string;
  versionId: number;
  version: number;
}

@Entity({ name: "live_session" })
export class LiveSessionRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  /** 6 characters of LIVE_CODE_ALPHABET; unique among sessions not yet ended. */
  @Column({ type: "varchar", length: 6 })
  code: string;

  /** The code while the session runs, null once it ended (the unique index then frees the code). */
  @Column({ type: "varchar", length: 6, nullable: true, unique: true })
  openCode: string | null;

  @Column({ type: "varchar", length: 36 })
  classroomId: string;

  @Column({ type: "varchar", length: 100 })
  quizId: string;

  @Column({ type: "varchar", length: 36 })
  createdBy: string;

  @Column({ type: "simple-json" })
  items: LiveSlot[];

  @Column({ type: "varchar", length: 16 })
  phase: LiveSessionPhase;

  @Column({ type: "integer" })
  itemIndex: number;

  /** When the current item was shown (time to answer counts from here). */
  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  shownAt: Date | null;

  /** When the timer ends (OPEN); kept afterwards so a late answer is told why it was refused. */
  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  closesAt: Date | null;

  @Column({ type: "boolean" })
  allowGuests: boolean;

  @Column({ type: "boolean" })
  leaderboardOn: boolean;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  startedAt: Date;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  endedAt: Date | null;

  /** Guests' answers and nicknames were deleted (24 h after the end). */
  @Column({ type: "boolean", default: false })
  guestsPurged: boolean;
}

@Entity({ name: "live_participant" })
export class LiveParticipantRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  sessionId: string;

  /** The class member's account; null for a guest. */
  @Column({ type: "varchar", length: 36, nullable: true })
  userId: string | null;

  @Column({ type: "varchar", length: 40 })
  nickname: string;

  /** The nickname as compared (trimmed, case-folded, Arabic-normalised); unique per session. */
  @Column({ type: "varchar", length: 40 })
  nicknameKey: string;

  /** SHA-256 of a guest's participant token (the `live_participant` cookie); null for members. */
  @Column({ type: "varchar", length: 64, nullable: true, unique: true })
  tokenHash: string | null;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  joinedAt: Date;
}

@Entity({ name: "live_answer" })
export class LiveAnswerRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  sessionId: string;

  @Column({ type: "varchar", length: 36 })
  participantId: string;

  @Column({ type: "varchar", length: 100 })
  itemId: string;

  @Column({ type: "integer" })
  itemVersionId: number;

  @Column({ type: "varchar", length: 36 })
  clientAnswerId: string;

  /** In the content's local ids. */
  @Column({ type: "simple-json" })
  answer: LocalAnswer;

  @Column({ type: "varchar", length: 16 })
  status: string;

  @Column({ type: "double precision", nullable: true })
  score: number | null;

  @Column({ type: "double precision" })
  maxScore: number;

  @Column({ type: "boolean", nullable: true })
  correct: boolean | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  answerKey: string | null;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  answeredAt: Date;

  @Column({ type: "double precision" })
  secondsToAnswer: number;
}
