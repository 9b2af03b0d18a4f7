/**
 * Spans a note can be on, pure: a paragraph's sentences (for choosing one by keyboard), and the text the
 * learner selected inside a paragraph's text element (offsets into its text, with the exact words). The server
 * checks both against its own text (notes/note.service.ts) and finds a quote again if the offsets are off.
 */

export interface Span {
  start: number;
  end: number;
  exact: string;
}

/** Sentences end at . ! ? or the Arabic question mark, followed by space; each span is trimmed of spaces. */
export function paragraphSentences(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^.!?؟]+(?:[.!?؟]+|$)/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const exact = raw.trim();
    if (exact.length === 0) continue;
    const start = m.index + lead;
    spans.push({ start, end: start + exact.length, exact });
  }
  // Decimal points and abbreviations can split a sentence: fewer than two pieces is just the paragraph.
  return spans.length > 1 ? spans : [];
}

/** The selection inside `el`, as offsets into el's text; null when nothing (or something outside) is selected. */
export function selectionIn(el: HTMLElement): Span | null {
  const sel = typeof window === "undefined" ? null : window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.startContainer, range.startOffset);
  const raw = range.toString();
  const lead = raw.length - raw.trimStart().length;
  const exact = raw.trim();
  if (exact.length === 0) return null;
  const start = before.toString().length + lead;
  return { start, end: start + exact.length, exact };
}
