/** A learner's classes, and joining one with the code the instructor gave. */
import { computed } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";

export const MyClassesQuery = graphql(`
  query MyClasses {
    myClassrooms {
      id
      name
    }
  }
`);

const JoinClassroomMutation = graphql(`
  mutation JoinClassroom($code: String!) {
    joinClassroom(code: $code) {
      id
      name
    }
  }
`);

export function useJoinClass() {
  // Before the first join the list is empty and names no type: joining must still refresh it.
  const query = useQuery({ query: MyClassesQuery, requestPolicy: "cache-and-network", context: { additionalTypenames: ["Classroom"] } });
  const join = useMutation(JoinClassroomMutation);

  async function joinClass(code: string): Promise<{ name: string } | { error: AppErrorInfo }> {
    const r = await join.executeMutation({ code: code.trim() });
    if (r.data) return { name: r.data.joinClassroom.name };
    return { error: errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" } };
  }

  return {
    classes: computed(() => query.data.value?.myClassrooms ?? []),
    fetching: query.fetching,
    error: query.error,
    joinClass,
    joining: join.fetching,
  };
}
