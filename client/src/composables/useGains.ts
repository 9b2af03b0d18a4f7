/** The learner's gain per objective from the diagnostic pre-test to the final assessment (issue 13 point 5). */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";

const MyGainsQuery = graphql(`
  query MyGains {
    myGains {
      diagnosticQuizId
      finalQuizId
      preTaken
      postTaken
      diagnosticAttemptsUsed
      finalAttemptsUsed
      overall {
        pre
        post
        raw
        normalized
        alreadyMastered
      }
      objectives {
        objectiveId
        objectiveText
        lessonSlug
        pre
        post
        raw
        normalized
        alreadyMastered
      }
    }
  }
`);

export function useGains(pause?: Ref<boolean>) {
  const query = useQuery({ query: MyGainsQuery, pause: computed(() => pause?.value ?? false), requestPolicy: "cache-and-network" });
  return { gains: computed(() => query.data.value?.myGains ?? null), fetching: query.fetching };
}
