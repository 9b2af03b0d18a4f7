/** Switching language: interface, content queries and <html dir>; remembered on the server when signed in. */
import { graphql } from "../gql/index.js";
import type { AppLocale } from "../i18n/index.js";
import { applyLocale, currentLocale, gqlLocale } from "../locale.js";
import { urqlClient } from "../urql.js";
import { useAuth } from "./useAuth.js";

const SetLocaleMutation = graphql(`
  mutation SetLocale($locale: Locale!) {
    setLocale(locale: $locale) {
      id
      locale
    }
  }
`);

export function useLocale() {
  const { viewer } = useAuth();

  async function setLocale(locale: AppLocale): Promise<void> {
    applyLocale(locale);
    if (viewer.value) {
      const r = await urqlClient.mutation(SetLocaleMutation, { locale: locale === "en" ? "EN" : "AR" }).toPromise();
      if (r.data) viewer.value = { ...viewer.value, locale: r.data.setLocale.locale };
    }
  }

  return { locale: currentLocale, gqlLocale, setLocale };
}
