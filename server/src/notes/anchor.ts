/**
 * Anchoring a learner's note to lesson text, after the W3C Web Annotation model, pure: a note points at a
 * paragraph (its id) and, for a span, a TextQuoteSelector (exact text with a little prefix and suffix) plus a
 * TextPositionSelector (start/end) that is only a hint. Content can change between imports, so a note is
 * re-anchored against the paragraph's current text whenever it is read:
 *
 * 1. the quote still stands at its recorded position → ANCHORED there;
 * 2. the quote occurs elsewhere (text added before it) → ANCHORED at the occurrence whose prefix/suffix agree
 *    best, nearest the old position on a tie;
 * 3. the quote itself changed a little → CHANGED: the closest substring by edit distance (Sellers' semi-global
 *    alignment), accepted when at most a quarter of the quote's characters differ; else the span between the
 *    old prefix and the old suffix, when both are still there and it is of a plausible length;
 * 4. otherwise (or the paragraph is gone) → ORPHANED: the note is kept and shown apart with its old quote.
 *
 * A whole-paragraph note has no quote and stays ANCHORED as long as its paragraph exists.
 */

/** How much context is kept on each side of a quote. */
export const CONTEXT_CHARS = 32;
/** The largest share of a quote's characters that may differ for a fuzzy match. */
export const MAX_EDIT_SHARE = 0.25;

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface SpanSelector extends TextQuote {
  /** TextPositionSelector: character offsets (UTF-16 code units) into the paragraph's text; a hint only. */
  start: number;
  end: number;
}

export type AnchorStatus = "ANCHORED" | "CHANGED" | "ORPHANED";

export interface Anchoring {
  status: AnchorStatus;
  /** Where the span is in the current text (null when orphaned, or for a whole paragraph). */
  start: number | null;
  end: number | null;
}

/** The selectors for text[start, end): the quote with its context. */
export function describeSpan(text: string, start: number, end: number): SpanSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end)
    throw new RangeError(`span ${start}–${end} is not inside a text of ${text.length} characters`);
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  };
}

/** Length of the common suffix of a and b (how well a recorded prefix agrees with the text before a span). */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the text around [start, end) agrees with the recorded prefix and suffix. */
function contextScore(text: string, start: number, end: number, q: TextQuote): number {
  return commonSuffix(text.slice(Math.max(0, start - q.prefix.length), start), q.prefix) + commonPrefix(text.slice(end, end + q.suffix.length), q.suffix);
}

function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) found.push(i);
  return found;
}

/**
 * The substring of `text` closest to `pattern` by edit distance (Sellers: edit distance with a free start and
 * end in the text), and that distance. O(|text|·|pattern|): paragraphs and quotes are short.
 */
export function closestSubstring(text: string, pattern: string): { start: number; end: number; distance: number } {
  const m = pattern.length;
  const n = text.length;
  // d[i][j]: distance of pattern[0, i) to the best substring of text ending at j; from[i][j]: where it starts.
  let prev = new Array<number>(n + 1).fill(0);
  let prevFrom = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    const curFrom = new Array<number>(n + 1);
    cur[0] = i;
    curFrom[0] = 0;
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      const del = prev[j] + 1; // a pattern character missing from the text
      const ins = cur[j - 1] + 1; // a text character not in the pattern
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curFrom[j] = prevFrom[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        curFrom[j] = prevFrom[j];
      } else {
        cur[j] = ins;
        curFrom[j] = curFrom[j - 1];
      }
    }
    prev = cur;
    prevFrom = curFrom;
  }
  let best = 0;
  for (let j = 1; j <= n; j++) if (prev[j] < prev[best]) best = j;
  return { start: prevFrom[best], end: best, distance: prev[best] };
}

/**
 * Re-anchors a span in the paragraph's current text (null: the paragraph is gone). `span` null: a note on the
 * whole paragraph.
 */
export function anchor(text: string | null, span: SpanSelector | null): Anchoring {
  const orphan: Anchoring = { status: "ORPHANED", start: null, end: null };
  if (text === null) return orphan;
  if (span === null) return { status: "ANCHORED", start: null, end: null };
  const { exact } = span;
  if (exact.length === 0) return orphan;
  if (text.slice(span.start, span.end) === exact) return { status: "ANCHORED", start: span.start, end: span.end };

  const found = occurrences(text, exact);
  if (found.length > 0) {
    let best = found[0];
    let bestScore = -1;
    for (const at of found) {
      const score = contextScore(text, at, at + exact.length, span);
      if (score > bestScore || (score === bestScore && Math.abs(at - span.start) < Math.abs(best - span.start))) {
        best = at;
        bestScore = score;
      }
    }
    return { status: "ANCHORED", start: best, end: best + exact.length };
  }

  const close = closestSubstring(text, exact);
  if (close.end > close.start && close.distance <= Math.floor(exact.length * MAX_EDIT_SHARE))
    return { status: "CHANGED", start: close.start, end: close.end };

  // The quote was rewritten: the text between its old context, if both sides are still there.
  if (span.prefix.length >= 8 && span.suffix.length >= 8) {
    const before = text.indexOf(span.prefix);
    const after = before === -1 ? -1 : text.indexOf(span.suffix, before + span.prefix.length);
    if (before !== -1 && after !== -1) {
      const start = before + span.prefix.length;
      const length = after - start;
      if (length > 0 && length >= exact.length / 2 && length <= exact.length * 2) return { status: "CHANGED", start, end: after };
    }
  }
  return orphan;
}
