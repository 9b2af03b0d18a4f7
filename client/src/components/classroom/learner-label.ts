/**
 * A learner's name as an instructor reads it: with the disambiguator (email or learner code) the server sends
 * when another member shares the name, and always in the drill-down. Pure, for labels and announcements.
 */

/** "سارة (sara@example.org)" or just "سارة"; the name and the identifier isolated for mixed directions. */
export function learnerLabel(name: string | null | undefined, disambiguator: string | null | undefined, fallback = ""): string {
  const shown = name?.trim() || fallback;
  return disambiguator ? `${shown} (\u2066${disambiguator}\u2069)` : shown;
}
