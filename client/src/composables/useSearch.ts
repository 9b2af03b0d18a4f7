/** Course search: the query in the address (/search?q=…), run on the server in the current language. */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";

export const MAX_QUERY_LENGTH = 200;

const SearchQuery = graphql(`
  query CourseSearch($query: String!, $locale: Locale!, $first: Int!) {
    search(query: $query, locale: $locale, first: $first) {
      total
      hits {
        kind
        lessonSlug
        lessonTitle
        anchor
        language
        truncatedStart
        truncatedEnd
        segments {
          text
          match
        }
      }
    }
  }
`);

export function useSearch(query: Ref<string>) {
  const trimmed = computed(() => query.value.trim().slice(0, MAX_QUERY_LENGTH));
  const result = useQuery({
    query: SearchQuery,
    variables: computed(() => ({ query: trimmed.value, locale: gqlLocale.value, first: 30 })),
    pause: computed(() => trimmed.value === ""),
  });
  return {
    query: trimmed,
    hits: computed(() => (trimmed.value === "" ? [] : (result.data.value?.search.hits ?? []))),
    total: computed(() => (trimmed.value === "" ? 0 : (result.data.value?.search.total ?? 0))),
    fetching: result.fetching,
    error: result.error,
  };
}
