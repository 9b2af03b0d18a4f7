/** The actor-relations map in the current language: the whole map, or the sub-map of one lesson. */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";

const ActorMapQuery = graphql(`
  query ActorMap($locale: Locale!, $lessonSlug: String) {
    actorMap(locale: $locale, lessonSlug: $lessonSlug) {
      actors {
        id
        name
        aliases
        role
        kind
        source {
          publisher
          date
          url
        }
      }
      relations {
        id
        from
        to
        type
        label
        source {
          publisher
          date
          url
        }
        evidence {
          paragraphId
          lessonSlug
          lessonTitle
        }
      }
    }
  }
`);

export function useActorMap(lessonSlug: Ref<string | null>) {
  const result = useQuery({ query: ActorMapQuery, variables: computed(() => ({ locale: gqlLocale.value, lessonSlug: lessonSlug.value })) });
  return {
    map: computed(() => result.data.value?.actorMap ?? null),
    fetching: result.fetching,
    error: result.error,
  };
}
