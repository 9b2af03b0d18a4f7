import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

@Entity({ name: "classroom" })
export class ClassroomRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 120 })
  name: string;

  @Column({ type: "varchar", length: 16, unique: true })
  joinCode: string;

  @Column({ type: "varchar", length: 36 })
  instructorId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;

  /** When the class was archived (read-only, hidden from the default list); null while active. */
  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  archivedAt: Date | null;

  /** The class's time zone (IANA name): due dates are set and shown to its instructor in it. */
  @Column({ type: "varchar", length: 64, default: "UTC" })
  timeZone: string;
}

@Entity({ name: "classroom_member" })
export class ClassroomMemberRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  classroomId: string;

  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  joinedAt: Date;
}

/** A co-instructor of a class: teaches it as its owner (classroom."instructorId") does, except owner-only acts. */
@Entity({ name: "classroom_teacher" })
export class ClassroomTeacherRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  classroomId: string;

  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  addedAt: Date;
}

/** A co-instructor invite link: only the SHA-256 of its token is kept; single-use and expiring. */
@Entity({ name: "classroom_invite" })
export class ClassroomInviteRow {
  @PrimaryColumn({ type: "varchar", length: 64 })
  tokenHash: string;

  @Column({ type: "varchar", length: 36 })
  classroomId: string;

  @Column({ type: "varchar", length: 36 })
  createdBy: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  expiresAt: Date;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  usedAt: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  usedBy: string | null;
}
