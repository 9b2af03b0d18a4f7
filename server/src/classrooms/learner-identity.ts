/**
 * Telling learners apart for an instructor (issue 18, point 1): two learners may share a display name ("سارة"
 * twice), so wherever a class names its learners a disambiguator is shown when names collide, and the
 * drill-down and exports always show it. It is the account's email, or — with INSTRUCTOR_SEES_EMAIL=false, and
 * for accounts without an email (LTI users) — a short learner code derived from the account id: stable, and
 * the same in every class. Pure: no I/O. The dashboards ask the database instead (user."nameKey", see
 * accounts/identity-keys.ts); a live feed keeps a ClassIdentities of its class current from join events.
 */
import { learnerCode, nameKey } from "../accounts/identity-keys.js";

export { learnerCode, nameKey };

/** A member of a class as identity needs it. */
export interface IdentityRow {
  id: string;
  displayName: string;
  email: string | null;
}

/** An email that can be shown: accounts made without one (LTI) carry none or a placeholder without "@". */
export const hasEmail = (email: string | null | undefined): email is string => !!email && email.includes("@");

/** The email (when instructors see emails and the account has one), else the learner code. */
export function disambiguatorOf(row: { id: string; email: string | null }, seesEmail: boolean): string {
  return seesEmail && hasEmail(row.email) ? row.email : learnerCode(row.id);
}

/**
 * The disambiguators of a class's members: each learner's, or null when no other member shares the name.
 * `always` gives every learner theirs (drill-down, exports).
 */
export class ClassIdentities {
  private readonly byId = new Map<string, IdentityRow>();
  private readonly names = new Map<string, number>();

  constructor(
    rows: Iterable<IdentityRow>,
    private readonly seesEmail: boolean,
  ) {
    for (const r of rows) this.add(r);
  }

  /** A learner who joined (live feeds keep their set current). */
  add(row: IdentityRow): void {
    if (this.byId.has(row.id)) this.remove(row.id);
    this.byId.set(row.id, row);
    const k = nameKey(row.displayName);
    this.names.set(k, (this.names.get(k) ?? 0) + 1);
  }

  remove(id: string): void {
    const row = this.byId.get(id);
    if (!row) return;
    this.byId.delete(id);
    const k = nameKey(row.displayName);
    this.names.set(k, (this.names.get(k) ?? 1) - 1);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get members(): IdentityRow[] {
    return [...this.byId.values()];
  }

  /** The learner's disambiguator if their name collides with another member's (or always), else null. */
  of(id: string, always = false): string | null {
    const row = this.byId.get(id);
    if (!row) return always ? learnerCode(id) : null;
    if (!always && (this.names.get(nameKey(row.displayName)) ?? 0) < 2) return null;
    return disambiguatorOf(row, this.seesEmail);
  }

  /** Whether a search text finds this learner: by name (Arabic-folded), by code, and by email when shown. */
  matches(id: string, search: string): boolean {
    const row = this.byId.get(id);
    if (!row) return false;
    const q = search.trim();
    if (!q) return true;
    if (nameKey(row.displayName).includes(nameKey(q))) return true;
    if (learnerCode(row.id).toLowerCase().includes(q.toLowerCase())) return true;
    return this.seesEmail && hasEmail(row.email) && row.email.toLowerCase().includes(q.toLowerCase());
  }
}
