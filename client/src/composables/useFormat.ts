/** Locale-bound formatting for templates: follows the i18n locale, so it also works in component tests. */
import { useI18n } from "vue-i18n";
import type { AppLocale } from "../i18n/index.js";
import { formatContentDate, formatDate, formatDateTime, formatDecimal, formatDuration, formatList, formatNumber, formatPercent, formatSigned } from "../format.js";

export function useFormat() {
  const { locale } = useI18n();
  const l = () => locale.value as AppLocale;
  return {
    number: (n: number, digits?: number) => formatNumber(l(), n, digits),
    /** With U+2212 for a negative number; show it in SignedNumber.vue (dir=ltr). */
    signed: (n: number, digits?: number) => formatSigned(l(), n, digits),
    percent: (f: number) => formatPercent(l(), f),
    decimal: (n: number, digits?: number) => formatDecimal(l(), n, digits),
    date: (iso: string) => formatDate(l(), iso),
    dateTime: (iso: string) => formatDateTime(l(), iso),
    contentDate: (v: string) => formatContentDate(l(), v),
    duration: (ms: number) => formatDuration(l(), ms),
    list: (items: string[]) => formatList(l(), items),
  };
}
