/**
 * One exported table (the gradebook, the raw responses) and its two renderings: CSV with a chosen separator and
 * decimal mark (comma/point for most spreadsheets, semicolon/comma for French- and Arabic-locale ones), UTF-8
 * with a BOM so that Excel reads Arabic; and XLSX through write-excel-file, imported only when an XLSX is asked
 * for (the CSV path never loads it).
 */

/** A cell: text, a number (written with the chosen decimal mark in CSV, as a number in XLSX) or empty. */
export type SheetCell = string | number | null;

export interface Sheet {
  /** The worksheet's name in an XLSX (at most 31 characters, no []:*?/\). */
  name: string;
  header: string[];
  rows: SheetCell[][];
  /** Right-to-left sheet (Arabic headers). */
  rightToLeft: boolean;
}

/** COMMA: `,` between cells and `.` in numbers; SEMICOLON: `;` between cells and `,` in numbers. */
export type CsvStyle = "COMMA" | "SEMICOLON";

/**
 * RFC 4180 quoting around the chosen separator; a leading =, +, -, @, tab or CR is neutralised with a quote mark
 * so that a learner's name cannot run as a spreadsheet formula.
 */
export function csvText(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with the style's decimal mark; never in exponent notation, at most 4 decimals. */
export function csvNumber(value: number, style: CsvStyle): string {
  const fixed = (Math.round(value * 10_000) / 10_000).toFixed(4).replace(/\.?0+$/, "");
  return style === "SEMICOLON" ? fixed.replace(".", ",") : fixed;
}

export function toCsv(sheet: Sheet, style: CsvStyle): string {
  const separator = style === "SEMICOLON" ? ";" : ",";
  const number = (n: number) => {
    const text = csvNumber(n, style);
    return text.includes(separator) ? `"${text}"` : text;
  };
  const cell = (c: SheetCell) => (c === null ? "" : typeof c === "number" ? number(c) : csvText(c, separator));
  return "\uFEFF" + [sheet.header, ...sheet.rows].map((cells) => cells.map(cell).join(separator)).join("\r\n") + "\r\n";
}

/** The sheet as an .xlsx file (write-excel-file, loaded here on first use). */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  const header = sheet.header.map((value) => ({ value, fontWeight: "bold" as const }));
  const rows = sheet.rows.map((cells) => cells.map((c) => (c === null ? null : typeof c === "number" ? { value: c, type: Number } : { value: c, type: String })));
  const name = sheet.name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet1";
  return writeXlsxFile([header, ...rows], { sheet: name, rightToLeft: sheet.rightToLeft, stickyRowsCount: 1 }).toBuffer();
}
