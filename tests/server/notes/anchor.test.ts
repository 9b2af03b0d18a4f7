/** Re-anchoring a note's quote in changed text (notes/anchor.ts), in tables. Pure. */
import { describe, expect, it } from "vitest";
import type { AnchorStatus } from "../../../server/src/notes/anchor.js";
import { anchor, closestSubstring, describeSpan } from "../../../server/src/notes/anchor.js";

const ORIGINAL = "In 2023 Mali asked the UN mission to leave, and the last peacekeepers left at the end of that year.";
const QUOTE = "asked the UN mission to leave";
const at = ORIGINAL.indexOf(QUOTE);
const span = describeSpan(ORIGINAL, at, at + QUOTE.length);

const AR = "أعلنت مالي والنيجر وبوركينا فاسو قيام تحالف دول الساحل في سبتمبر ٢٠٢٣ بعد انسحابها من إيكواس.";
const AR_QUOTE = "تحالف دول الساحل";
const arAt = AR.indexOf(AR_QUOTE);
const arSpan = describeSpan(AR, arAt, arAt + AR_QUOTE.length);

describe("describeSpan", () => {
  it("keeps the quote with up to 32 characters of context on each side", () => {
    expect(span.exact).toBe(QUOTE);
    expect(span.prefix).toBe("In 2023 Mali ");
    expect(span.suffix).toBe(", and the last peacekeepers left");
    expect(span.suffix).toHaveLength(32);
  });
  it.each([
    [-1, 3],
    [3, 3],
    [5, 2],
    [0, ORIGINAL.length + 1],
    [1.5, 4],
  ])("refuses the span %s–%s", (start, end) => {
    expect(() => describeSpan(ORIGINAL, start, end)).toThrow(RangeError);
  });
});

describe("anchor", () => {
  const rows: [name: string, text: string | null, expected: AnchorStatus, found: string | null][] = [
    ["the same text: anchored where it was", ORIGINAL, "ANCHORED", QUOTE],
    ["text added before the quote: found where it moved", "Reportedly, in 2023 Mali asked the UN mission to leave, and the last peacekeepers left at the end of that year.", "ANCHORED", QUOTE],
    ["a word changed inside the quote: the closest match", "In 2023 Mali asked the UN's mission to leave, and the last peacekeepers left at the end of that year.", "CHANGED", "asked the UN's mission to leave"],
    ["a typo fixed inside the quote: the closest match", "In 2023 Mali asked the U.N. mission to leave, and the last peacekeepers left at the end of that year.", "CHANGED", "asked the U.N. mission to leave"],
    ["the quote rewritten but its context kept: the span between", "In 2023 Mali told MINUSMA it had to go immediately, and the last peacekeepers left at the end of that year.", "CHANGED", "told MINUSMA it had to go immediately"],
    ["the sentence rewritten entirely: orphaned", "The mission's mandate ended on 30 June 2023 by a unanimous Security Council vote.", "ORPHANED", null],
    ["the paragraph removed: orphaned", null, "ORPHANED", null],
  ];
  it.each(rows)("%s", (_name, text, expected, found) => {
    const a = anchor(text, span);
    expect(a.status).toBe(expected);
    expect(a.start === null ? null : text!.slice(a.start, a.end!)).toBe(found);
  });

  it("picks the occurrence whose context agrees when the quote occurs twice", () => {
    const text = "Mali asked the UN mission to leave. Later, in 2023 Mali asked the UN mission to leave, and the last peacekeepers left.";
    const a = anchor(text, span);
    expect(a.status).toBe("ANCHORED");
    expect(a.start).toBe(text.lastIndexOf(QUOTE));
  });

  it("picks the occurrence nearest the old position when contexts tie", () => {
    const s = describeSpan("xx ab yy ab zz", 9, 11);
    const a = anchor("qq ab qq ab qq ab", { ...s, prefix: "", suffix: "" });
    expect(a.start).toBe(9);
  });

  it("anchors a whole-paragraph note while the paragraph exists", () => {
    expect(anchor(ORIGINAL, null)).toEqual({ status: "ANCHORED", start: null, end: null });
    expect(anchor(null, null).status).toBe("ORPHANED");
  });

  const arRows: [name: string, text: string, expected: AnchorStatus, found: string | null][] = [
    ["Arabic, unchanged", AR, "ANCHORED", AR_QUOTE],
    ["Arabic, words added before", "في خطوة لافتة، " + AR, "ANCHORED", AR_QUOTE],
    ["Arabic, the definite article added", AR.replace("تحالف دول الساحل", "التحالف لدول الساحل"), "CHANGED", "تحالف لدول الساحل"],
    ["Arabic, rewritten", "انسحبت الدول الثلاث من المجموعة الاقتصادية لغرب أفريقيا في يناير ٢٠٢٤.", "ORPHANED", null],
  ];
  it.each(arRows)("%s", (_name, text, expected, found) => {
    const a = anchor(text, arSpan);
    expect(a.status).toBe(expected);
    expect(a.start === null ? null : text.slice(a.start, a.end!)).toBe(found);
  });
});

describe("closestSubstring", () => {
  const rows: [text: string, pattern: string, found: string, distance: number][] = [
    ["the quick brown fox", "quick", "quick", 0],
    ["the quikc brown fox", "quick", "quik", 1],
    ["the quck brown fox", "quick", "quck", 1],
    ["abc", "xyz", "", 3],
  ];
  it.each(rows)("in %j, %j is closest to %j (distance %i)", (text, pattern, found, distance) => {
    const c = closestSubstring(text, pattern);
    expect(c.distance).toBe(distance);
    if (found) expect(text.slice(c.start, c.end)).toBe(found);
  });
});
