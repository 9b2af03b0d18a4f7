/**
 * Spans of a paragraph's text and the learner's highlights on them, pure (no Vue):
 * - `highlightPieces` splits a paragraph's text into what LessonParagraphText draws: plain runs, the key terms
 *   (each one button, so a highlight crossing a term is cut at its edges), runs under one or more highlights
 *   (a `<mark>`; overlapping highlights give runs covered by several), and after each highlight's last run a
 *   reference (`ref`) that takes the keyboard to its note. A reference never lands inside a term's button (no
 *   control inside a control): one ending inside a term follows the term.
 * - `selectionIn` maps the browser's selection inside a paragraph's text element to offsets into the
 *   paragraph's text, skipping what the element shows besides that text (marked `data-nt`: the references,
 *   the terms' hidden labels and definitions), so the marks and buttons drawn over the text do not shift it.
 * - `textareaSpan` is the same for the keyboard's way: the span selected with the caret in a read-only
 *   textarea holding the paragraph's text.
 * The server checks every span against its own text (notes/note.service.ts) and finds a quote again if the
 * offsets are off.
 */

export interface Span {
  start: number;
  end: number;
  exact: string;
}

/** A highlight to draw: a note's id and its span in the text as shown (UTF-16 offsets). */
export interface HighlightSpan {
  id: string;
  start: number;
  end: number;
}

/** A run of text and the highlights (note ids, outermost first) covering it; none: plain text. */
export interface Run {
  start: number;
  end: number;
  notes: string[];
}

export type Piece = { kind: "text"; run: Run } | { kind: "term"; term: number; start: number; end: number; runs: Run[] } | { kind: "ref"; note: string };

/**
 * The pieces of a text of `length` characters with its key terms (non-overlapping; one overlapping an earlier
 * term is drawn plain) and highlights (any; those out of the text or empty are left out). Highlights are
 * ordered by start, then the longer first, so an enclosing highlight comes before the ones inside it.
 */
export function highlightPieces(length: number, terms: { start: number; end: number }[], highlights: HighlightSpan[]): Piece[] {
  const keptTerms: { i: number; start: number; end: number }[] = [];
  let at = 0;
  terms.forEach((t, i) => {
    if (t.start < at || t.end > length || t.start >= t.end) return;
    keptTerms.push({ i, start: t.start, end: t.end });
    at = t.end;
  });
  const hs = highlights
    .filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= length && h.start < h.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const cuts = new Set<number>([0, length]);
  for (const t of keptTerms) cuts.add(t.start).add(t.end);
  for (const h of hs) cuts.add(h.start).add(h.end);
  const points = [...cuts].sort((a, b) => a - b);

  // Where each highlight's reference goes: at its end, or after the term its end falls inside.
  const refsAt = new Map<number, string[]>();
  for (const h of hs) {
    const inside = keptTerms.find((t) => t.start < h.end && h.end < t.end);
    const p = inside ? inside.end : h.end;
    refsAt.set(p, [...(refsAt.get(p) ?? []), h.id]);
  }

  const out: Piece[] = [];
  let term: Extract<Piece, { kind: "term" }> | null = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k];
    const end = points[k + 1];
    const run: Run = { start, end, notes: hs.filter((h) => h.start <= start && end <= h.end).map((h) => h.id) };
    const t = keptTerms.find((x) => x.start <= start && end <= x.end);
    if (t) {
      if (!term || term.term !== t.i) {
        term = { kind: "term", term: t.i, start: t.start, end: t.end, runs: [] };
        out.push(term);
      }
      term.runs.push(run);
    } else {
      term = null;
      out.push({ kind: "text", run });
    }
    if (!t || end === t.end) {
      for (const note of refsAt.get(end) ?? []) out.push({ kind: "ref", note });
    }
  }
  return out;
}

/** Text nodes of `el` in order, without those inside an element marked `data-nt` (not the paragraph's text). */
function textNodes(el: HTMLElement): Text[] {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest("[data-nt]") && el.contains(n.parentElement.closest("[data-nt]")) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** The offset into the paragraph's text of a boundary point (node, offset) of a range inside `el`. */
function offsetOf(el: HTMLElement, nodes: Text[], node: Node, offset: number): number {
  let total = 0;
  for (const t of nodes) {
    if (t === node) return total + offset;
    // A point before this text node (in an element that holds it, or in a skipped element before it).
    const point = document.createRange();
    point.setStart(node, offset);
    if (point.comparePoint(t, 0) > 0) return total;
    total += t.data.length;
  }
  return total;
}

/** Trims spaces off a span of `text`; null when nothing but spaces is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  const raw = text.slice(start, end);
  const exact = raw.trim();
  if (exact.length === 0) return null;
  const s = start + (raw.length - raw.trimStart().length);
  return { start: s, end: s + exact.length, exact };
}

/** The selection inside `el`, as offsets into its text; null when nothing (or something outside) is selected. */
export function selectionIn(el: HTMLElement): Span | null {
  const sel = typeof window === "undefined" ? null : window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const nodes = textNodes(el);
  const text = nodes.map((n) => n.data).join("");
  return trimmed(text, offsetOf(el, nodes, range.startContainer, range.startOffset), offsetOf(el, nodes, range.endContainer, range.endOffset));
}

/** The span selected with the caret in a textarea that holds `text`; null when nothing is selected. */
export function textareaSpan(text: string, selectionStart: number, selectionEnd: number): Span | null {
  const start = Math.max(0, Math.min(selectionStart, selectionEnd));
  const end = Math.min(text.length, Math.max(selectionStart, selectionEnd));
  return start < end ? trimmed(text, start, end) : null;
}
