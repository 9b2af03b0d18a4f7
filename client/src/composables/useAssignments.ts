/**
 * The assignments of a class, for its instructor (issue 18, point 3): the list with how the class stands on
 * each, creating, editing and deleting one, and the class's time zone, in which the page shows and takes times.
 */
import { computed } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import type { AssignmentKind, LatePolicy } from "../gql/graphql.js";

const ClassAssignmentsQuery = graphql(`
  query ClassAssignments($id: ID!, $locale: Locale!) {
    classroom(id: $id) {
      id
      timeZone
    }
    classAssignments(classroomId: $id, locale: $locale) {
      id
      kind
      targetId
      title
      opensAt
      dueAt
      latePolicy
      report {
        notStarted
        inProgress
        done
        late
        overdue
        behind {
          id
          displayName
          state
          doneAt
        }
      }
    }
  }
`);

const CreateAssignmentMutation = graphql(`
  mutation CreateAssignment($input: AssignmentInput!) {
    createAssignment(input: $input) {
      id
    }
  }
`);

const UpdateAssignmentMutation = graphql(`
  mutation UpdateAssignment($id: ID!, $terms: AssignmentTermsInput!) {
    updateAssignment(id: $id, terms: $terms) {
      id
      opensAt
      dueAt
      latePolicy
    }
  }
`);

const DeleteAssignmentMutation = graphql(`
  mutation DeleteAssignment($id: ID!) {
    deleteAssignment(id: $id)
  }
`);

const SetClassroomTimeZoneMutation = graphql(`
  mutation SetClassroomTimeZone($id: ID!, $timeZone: String!) {
    setClassroomTimeZone(classroomId: $id, timeZone: $timeZone) {
      id
      timeZone
    }
  }
`);

export interface AssignmentTermsValue {
  opensAt: string;
  dueAt: string;
  latePolicy: LatePolicy;
}

const failed = (e: Parameters<typeof errorInfo>[0]): AppErrorInfo => errorInfo(e) ?? { code: "unknown", key: "errors.unknown" };

export function useAssignments(classroomId: Ref<string>) {
  const query = useQuery({
    query: ClassAssignmentsQuery,
    variables: computed(() => ({ id: classroomId.value, locale: gqlLocale.value })),
    requestPolicy: "cache-and-network",
    context: { additionalTypenames: ["Assignment"] },
  });
  const create = useMutation(CreateAssignmentMutation);
  const update = useMutation(UpdateAssignmentMutation);
  const remove = useMutation(DeleteAssignmentMutation);
  const zone = useMutation(SetClassroomTimeZoneMutation);
  const refetch = () => query.executeQuery({ requestPolicy: "network-only" });

  async function add(kind: AssignmentKind, targetId: string, terms: AssignmentTermsValue): Promise<AppErrorInfo | null> {
    const r = await create.executeMutation({ input: { classroomId: classroomId.value, kind, targetId, ...terms } });
    if (!r.data) return failed(r.error);
    refetch();
    return null;
  }

  async function edit(id: string, terms: AssignmentTermsValue): Promise<AppErrorInfo | null> {
    const r = await update.executeMutation({ id, terms });
    if (!r.data) return failed(r.error);
    refetch();
    return null;
  }

  async function drop(id: string): Promise<AppErrorInfo | null> {
    const r = await remove.executeMutation({ id });
    if (!r.data) return failed(r.error);
    refetch();
    return null;
  }

  async function setTimeZone(timeZone: string): Promise<AppErrorInfo | null> {
    const r = await zone.executeMutation({ id: classroomId.value, timeZone });
    if (!r.data) return failed(r.error);
    refetch();
    return null;
  }

  return {
    assignments: computed(() => query.data.value?.classAssignments ?? []),
    timeZone: computed(() => query.data.value?.classroom?.timeZone ?? "UTC"),
    loaded: computed(() => !!query.data.value),
    error: query.error,
    busy: computed(() => create.fetching.value || update.fetching.value || remove.fetching.value || zone.fetching.value),
    add,
    edit,
    drop,
    setTimeZone,
    refetch,
  };
}
