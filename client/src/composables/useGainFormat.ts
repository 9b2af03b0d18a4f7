/**
 * How the gain tables (the learner's per objective, the class's pre → post) write their figures: a share as a
 * percentage, a gain with its sign (U+2212 for minus; show it inside `<bdi dir="ltr">` so that Arabic keeps the
 * sign before the figure), and a bar's width. "—" (prepost.none) when there is no figure.
 */
import { useI18n } from "vue-i18n";
import { useFormat } from "./useFormat.js";

type Figure = number | null | undefined;

export function useGainFormat() {
  const { t } = useI18n();
  const fmt = useFormat();
  return {
    share: (x: Figure) => (x == null ? t("prepost.none") : fmt.percent(x)),
    signed: (x: Figure) => (x == null ? t("prepost.none") : (x > 0 ? "+" : x < 0 ? "−" : "") + fmt.percent(Math.abs(x))),
    width: (x: Figure) => `${Math.round(Math.max(0, Math.min(1, x ?? 0)) * 100)}%`,
  };
}
