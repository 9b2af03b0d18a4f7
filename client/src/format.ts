/**
 * Numbers and dates through Intl for the interface language. Arabic uses Latin digits (ar-u-nu-latn): the
 * course text, written for Maghreb readers, uses them throughout, and mixing two digit systems on one
 * screen reads badly.
 */
import type { AppLocale } from "./i18n/index.js";

export const intlLocale = (locale: AppLocale): string => (locale === "ar" ? "ar-u-nu-latn" : "en-GB");

export function formatNumber(locale: AppLocale, n: number, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: maxFractionDigits }).format(n);
}

/**
 * A number that may be negative, with the minus sign U+2212 (−), not Intl's hyphen-minus (which Arabic also
 * wraps in a left-to-right mark). Render it in <bdi dir="ltr"> (components/quiz/SignedNumber.vue): in Arabic
 * text the sign would otherwise be laid out to the right of the digits.
 */
export function formatSigned(locale: AppLocale, n: number, maxFractionDigits = 2): string {
  const text = formatNumber(locale, Math.abs(n), maxFractionDigits);
  return n < 0 && text !== "0" ? `\u2212${text}` : text;
}

export function formatPercent(locale: AppLocale, fraction: number): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}

export function formatDate(locale: AppLocale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long" }).format(new Date(iso));
}

/** A fixed number of decimals (0.30, not 0.3): for columns of indices that are read against each other. */
export function formatDecimal(locale: AppLocale, n: number, digits = 2): string {
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

export function formatDateTime(locale: AppLocale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
}

/** A content date: ISO and possibly partial (2021, 2024-01, 2025-02-19) or a range (a/b). */
export function formatContentDate(locale: AppLocale, value: string): string {
  const [from, to] = value.split("/");
  const parse = (s: string) => {
    const [y, m, d] = s.split("-").map(Number);
    const precision = d ? "day" : m ? "month" : "year";
    return { date: new Date(Date.UTC(y, (m || 1) - 1, d || 1)), precision } as const;
  };
  const a = parse(from);
  const options: Intl.DateTimeFormatOptions =
    a.precision === "day"
      ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }
      : a.precision === "month"
        ? { month: "long", year: "numeric", timeZone: "UTC" }
        : { year: "numeric", timeZone: "UTC" };
  const fmt = new Intl.DateTimeFormat(intlLocale(locale), options);
  if (!to) return fmt.format(a.date);
  return fmt.formatRange(a.date, parse(to).date);
}

/** mm:ss (or h:mm:ss) for a countdown, in the locale's digits. */
export function formatDuration(locale: AppLocale, ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = new Intl.NumberFormat(intlLocale(locale), { minimumIntegerDigits: 2 });
  const one = new Intl.NumberFormat(intlLocale(locale));
  return h > 0 ? `${one.format(h)}:${two.format(m)}:${two.format(s)}` : `${two.format(m)}:${two.format(s)}`;
}

/** "1, 4, 5" / "1 و4 و5": a short list in the locale's own way. */
export function formatList(locale: AppLocale, items: string[]): string {
  return new Intl.ListFormat(intlLocale(locale), { style: "narrow", type: "conjunction" }).format(items);
}
