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
