/** The instructor's classes: the list (active, and archived apart), creating one, and replacing a join code. */
import { computed } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { browserTimeZone } from "../assignments/due.js";

const TeachClassroomsQuery = graphql(`
  query TeachClassrooms {
    myClassrooms {
      ...ClassroomCardFields
    }
  }
`);

const TeachArchivedClassroomsQuery = graphql(`
  query TeachArchivedClassrooms {
    myClassrooms(archived: true) {
      ...ClassroomCardFields
    }
  }
`);

const CreateClassroomMutation = graphql(`
  mutation CreateClassroom($name: String!, $timeZone: String) {
    createClassroom(name: $name, timeZone: $timeZone) {
      ...ClassroomCardFields
    }
  }
`);

export const RegenerateJoinCodeMutation = graphql(`
  mutation RegenerateJoinCode($id: ID!) {
    regenerateJoinCode(classroomId: $id) {
      id
      joinCode
    }
  }
`);

export function useClassrooms() {
  // An empty list names no type, so the cache must be told which mutations (creating a class) change it.
  const query = useQuery({ query: TeachClassroomsQuery, requestPolicy: "cache-and-network", context: { additionalTypenames: ["Classroom"] } });
  const archivedQuery = useQuery({ query: TeachArchivedClassroomsQuery, requestPolicy: "cache-and-network", context: { additionalTypenames: ["Classroom"] } });
  const create = useMutation(CreateClassroomMutation);
  const regenerate = useMutation(RegenerateJoinCodeMutation);

  /** Creates a class; resolves to its id, or the error to show. */
  async function createClassroom(name: string): Promise<{ id: string } | { error: AppErrorInfo }> {
    // The class's time zone starts as the instructor's browser's (due dates are set in it; changed on the dashboard).
    const r = await create.executeMutation({ name: name.trim(), timeZone: browserTimeZone() });
    if (r.data) return { id: r.data.createClassroom.id };
    return { error: errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" } };
  }

  async function regenerateCode(id: string): Promise<AppErrorInfo | null> {
    const r = await regenerate.executeMutation({ id });
    return r.data ? null : (errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" });
  }

  return {
    // Newest first: the class just created is the one the instructor wants to share.
    classrooms: computed(() => [...(query.data.value?.myClassrooms ?? [])].reverse()),
    archived: computed(() => [...(archivedQuery.data.value?.myClassrooms ?? [])].reverse()),
    loaded: computed(() => !!query.data.value),
    fetching: query.fetching,
    error: query.error,
    createClassroom,
    creating: create.fetching,
    regenerateCode,
  };
}
