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
