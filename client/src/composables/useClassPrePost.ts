/** A class's pre → post per learner (the first page of the roster) and the class average (issue 13 point 5). */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";

export const PREPOST_PAGE = 50;

const ClassPrePostQuery = graphql(`
  query ClassPrePost($id: ID!, $limit: Int!) {
    classroom(id: $id) {
      id
      prePost(limit: $limit) {
        learner {
          id
          displayName
          disambiguator
        }
        pre
        post
        raw
        normalized
        alreadyMastered
      }
      prePostAverage {
        learners
        pre
        post
        raw
        normalized
        alreadyMastered
      }
    }
  }
`);

export function useClassPrePost(classroomId: Ref<string>) {
  const query = useQuery({ query: ClassPrePostQuery, variables: computed(() => ({ id: classroomId.value, limit: PREPOST_PAGE })), requestPolicy: "cache-and-network" });
  return {
    rows: computed(() => query.data.value?.classroom?.prePost ?? []),
    average: computed(() => query.data.value?.classroom?.prePostAverage ?? null),
  };
}
