/**
 * What finds and tells learners apart in SQL, kept on each user row so that a class of 10,000 is paged, searched
 * and checked for same-named members by the database instead of in memory (issue 18, point 1):
 * - `nameKey`: the display name as Arabic readers compare it ("سارة", "ساره" and "سَارة" are one key), lower
 *   case: collisions, search and the roster's order;
 * - `learnerCode`: "L-" and 6 characters from a SHA-256 of the account id: stable, short, the same in every
 *   class; shown instead of the email with INSTRUCTOR_SEES_EMAIL=false or for accounts without one (LTI).
 * Every insert or rename through TypeORM fills them (IdentityKeysSubscriber); rows written around it (a raw
 * INSERT, rows older than the migration) are filled once at start (fillIdentityKeys).
 */
import { createHash } from "node:crypto";
import type { DataSource, EntitySubscriberInterface, InsertEvent, UpdateEvent } from "typeorm";
import { EventSubscriber } from "typeorm";
import { normalizeArabic } from "../shared/arabic.js";
import type { WriteQueue } from "../db/write-queue.js";
import { sql } from "../db/sql.js";
import { UserRow } from "./user.entity.js";

// Crockford's base 32: no I, L, O or U to misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "L-" and 6 characters from a SHA-256 of the account id. */
export function learnerCode(userId: string): string {
  const digest = createHash("sha256").update(`learner-code:${userId}`).digest();
  let out = "";
  for (let i = 0; i < 6; i++) out += ALPHABET[digest[i] % 32];
  return `L-${out}`;
}

/** Names compare as Arabic readers see them. */
export const nameKey = (displayName: string): string => normalizeArabic(displayName);

/** Fills the keys of a user row about to be inserted or renamed (TypeORM calls it for em.insert and em.update too). */
@EventSubscriber()
export class IdentityKeysSubscriber implements EntitySubscriberInterface<UserRow> {
  listenTo() {
    return UserRow;
  }

  beforeInsert(event: InsertEvent<UserRow>): void {
    const row = event.entity as Partial<UserRow> | undefined;
    if (!row) return;
    if (typeof row.displayName === "string") row.nameKey = nameKey(row.displayName);
    if (typeof row.id === "string") row.learnerCode = learnerCode(row.id);
  }

  beforeUpdate(event: UpdateEvent<UserRow>): void {
    const row = event.entity as Partial<UserRow> | undefined;
    if (row && typeof row.displayName === "string") row.nameKey = nameKey(row.displayName);
  }
}

/** Fills the keys of rows that have none (written before the migration, or by a raw INSERT), 500 per write. */
export async function fillIdentityKeys(db: DataSource, writes: WriteQueue): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await sql<{ id: string; displayName: string }>(db, `SELECT id, "displayName" FROM "user" WHERE "nameKey" IS NULL OR "learnerCode" IS NULL LIMIT 500`);
    if (rows.length === 0) return filled;
    await writes.run(async (em) => {
      for (const r of rows) await sql(em, `UPDATE "user" SET "nameKey" = ?, "learnerCode" = ? WHERE id = ?`, [nameKey(r.displayName), learnerCode(r.id), r.id]);
    });
    filled += rows.length;
  }
}
