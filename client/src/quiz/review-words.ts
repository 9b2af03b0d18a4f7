/**
 * A review session's closing words, matched to its score (issue 14 point 6): "well done" only when it was
 * earned; otherwise an honest tally and what happens next (what was missed comes back sooner).
 */

/** The i18n key of the closing words for `right` answers right out of `total`. */
export function reviewClosingKey(right: number, total: number): string {
  if (total <= 0) return "review.closing.none";
  if (right >= total) return "review.closing.all";
  if (right * 2 >= total) return "review.closing.most";
  return "review.closing.few";
}

/** How a session's items come back, as sentences to word: missed ones at the next session, the rest in days. */
export type ComeBack = { key: "review.back.missed"; n: number } | { key: "review.back.day"; days: number } | { key: "review.back.range"; first: number; last: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days (in the device's time zone) from `now` to `d`. */
export function calendarDays(d: Date, now: Date): number {
  const midnight = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  return Math.round((midnight(d) - midnight(now)) / DAY_MS);
}

/**
 * When the items of a review session come back, from the server's next due dates (`nextReviewAt`): the ones
 * due again at once ("in the next session"), then the others by day: one day ("tomorrow", "in 3 days"), or the
 * first and the last day when they are spread.
 */
export function comeBack(dues: readonly Date[], now: Date): ComeBack[] {
  const out: ComeBack[] = [];
  const missed = dues.filter((d) => d.getTime() <= now.getTime()).length;
  if (missed > 0) out.push({ key: "review.back.missed", n: missed });
  const later = dues.filter((d) => d.getTime() > now.getTime()).map((d) => Math.max(0, calendarDays(d, now)));
  if (later.length === 0) return out;
  const first = Math.min(...later);
  const last = Math.max(...later);
  out.push(first === last ? { key: "review.back.day", days: first } : { key: "review.back.range", first, last });
  return out;
}

/** "today", "tomorrow", "in 3 days" (غدًا، خلال 3 أيام) in the interface language, Latin digits in Arabic. */
export function relativeDays(locale: "ar" | "en", days: number): string {
  return new Intl.RelativeTimeFormat(locale === "ar" ? "ar-u-nu-latn" : "en-GB", { numeric: "auto" }).format(days, "day");
}
