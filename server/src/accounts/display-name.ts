/** A user's display name by id, for the few events published by someone other than the learner (a sweep, an instructor). */
import type { Runner } from "../db/sql.js";
import { sql } from "../db/sql.js";

export async function displayNameOf(db: Runner, userId: string): Promise<string | null> {
  const [row] = await sql<{ displayName: string }>(db, `SELECT "displayName" FROM "user" WHERE id = ?`, [userId]);
  return row?.displayName ?? null;
}
