/** A review session's closing words match its score (issue 14 point 6): no "well done" for 0 of 3. */
import { describe, expect, it } from "vitest";
import { createAppI18n } from "../../client/src/i18n/index.js";
import { reviewClosingKey } from "../../client/src/quiz/review-words.js";

describe("reviewClosingKey", () => {
  it.each([
    [0, 3, "review.closing.few"],
    [1, 3, "review.closing.few"],
    [2, 3, "review.closing.most"],
    [2, 4, "review.closing.most"],
    [3, 3, "review.closing.all"],
    [0, 0, "review.closing.none"],
  ])("should close %i of %i right with %s", (right, total, key) => {
    expect(reviewClosingKey(right, total)).toBe(key);
  });

  it("should praise only a session with every answer right, in both languages", () => {
    for (const locale of ["ar", "en"] as const) {
      const { t } = createAppI18n(locale).global;
      const praise = locale === "ar" ? "أحسنت" : "well done";
      expect(t(reviewClosingKey(3, 3)).toLowerCase()).toContain(praise);
      expect(t(reviewClosingKey(0, 3)).toLowerCase()).not.toContain(praise);
      expect(t(reviewClosingKey(2, 3)).toLowerCase()).not.toContain(praise);
      expect(t("review.finished").toLowerCase()).not.toContain(praise);
    }
  });
});
