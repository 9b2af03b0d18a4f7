import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/** A server-side session. The id is the SHA-256 of the token the client holds; the token itself is never stored. */
@Entity({ name: "session" })
export class SessionRow {
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  expiresAt: Date;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  lastSeenAt: Date;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  revokedAt: Date | null;
}
