/**
 * Marks typed for each rubric criterion, checked as the server checks them (0 to the criterion's points, in
 * steps of 0.25; a comma works as the decimal mark), and their total. Pure, so it is tested without a DOM.
 */

export type MarkCheck = { value: number } | { error: "required" | "range" | "step" };

export function parseMark(raw: string | number, points: number): MarkCheck {
  const text = String(raw).trim().replace(",", ".").replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  if (text === "") return { error: "required" };
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > points) return { error: "range" };
  if (Math.abs(n * 4 - Math.round(n * 4)) > 1e-9) return { error: "step" };
  return { value: n };
}

/** The total of the marks that parse (to 0.01), and whether every criterion has one. */
export function totalOf(checks: MarkCheck[]): { total: number; complete: boolean } {
  const total = checks.reduce((s, c) => s + ("value" in c ? c.value : 0), 0);
  return { total: Math.round(total * 100) / 100, complete: checks.every((c) => "value" in c) };
}

/** Where an essay's word count stands against the length its prompt expects (null: the prompt says none). */
export function lengthAgainst(words: number, expected: { min: number; max: number } | null | undefined): "short" | "within" | "long" | null {
  if (!expected) return null;
  if (words < expected.min) return "short";
  if (words > expected.max) return "long";
  return "within";
}
