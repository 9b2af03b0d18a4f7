/**
 * A class's management: its state and teachers; archive and unarchive, co-instructors (by email or an invite
 * link), removing or leaving, ownership transfer, delete. The server decides who may (owner or co-instructor);
 * the page shows each act to whom it is for.
 */
import { computed } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";

const ClassSettingsQuery = graphql(`
  query ClassSettings($id: ID!) {
    classroom(id: $id) {
      id
      name
      archivedAt
      myRole
      teachers {
        id
        displayName
        email
        owner
      }
    }
  }
`);

const ArchiveMutation = graphql(`
  mutation ArchiveClassroom($id: ID!) {
    archiveClassroom(classroomId: $id) {
      id
      archivedAt
    }
  }
`);

const UnarchiveMutation = graphql(`
  mutation UnarchiveClassroom($id: ID!) {
    unarchiveClassroom(classroomId: $id) {
      id
      archivedAt
    }
  }
`);

const DeleteMutation = graphql(`
  mutation DeleteClassroom($id: ID!, $confirmName: String!) {
    deleteClassroom(classroomId: $id, confirmName: $confirmName)
  }
`);

const AddCoInstructorMutation = graphql(`
  mutation AddCoInstructor($id: ID!, $email: String!) {
    addCoInstructor(classroomId: $id, email: $email) {
      id
    }
  }
`);

const InviteMutation = graphql(`
  mutation CreateCoInstructorInvite($id: ID!) {
    createCoInstructorInvite(classroomId: $id) {
      path
      expiresAt
    }
  }
`);

const RemoveCoInstructorMutation = graphql(`
  mutation RemoveCoInstructor($id: ID!, $userId: ID!) {
    removeCoInstructor(classroomId: $id, userId: $userId)
  }
`);

const TransferMutation = graphql(`
  mutation TransferClassroom($id: ID!, $userId: ID!) {
    transferClassroom(classroomId: $id, userId: $userId) {
      id
      myRole
    }
  }
`);

export const AcceptInviteMutation = graphql(`
  mutation AcceptCoInstructorInvite($token: String!) {
    acceptCoInstructorInvite(token: $token) {
      id
      name
    }
  }
`);

const failure = (error: Parameters<typeof errorInfo>[0]): AppErrorInfo => errorInfo(error) ?? { code: "unknown", key: "errors.unknown" };
// Every change here changes the class lists and the dashboard: the cache refetches what names a Classroom.
const CLASSROOM = { additionalTypenames: ["Classroom", "ClassTeacher"] };

export function useClassSettings(classroomId: Ref<string>) {
  const query = useQuery({ query: ClassSettingsQuery, variables: computed(() => ({ id: classroomId.value })), requestPolicy: "cache-and-network", context: CLASSROOM });
  const archive = useMutation(ArchiveMutation);
  const unarchive = useMutation(UnarchiveMutation);
  const del = useMutation(DeleteMutation);
  const add = useMutation(AddCoInstructorMutation);
  const invite = useMutation(InviteMutation);
  const remove = useMutation(RemoveCoInstructorMutation);
  const transfer = useMutation(TransferMutation);
  const id = () => ({ id: classroomId.value });

  /** Runs a change; null when done, else the error to show. The class is fetched again either way. */
  async function run(r: Promise<{ error?: Parameters<typeof errorInfo>[0]; data?: unknown }>): Promise<AppErrorInfo | null> {
    const out = await r;
    query.executeQuery({ requestPolicy: "network-only" });
    return out.data ? null : failure(out.error);
  }

  return {
    room: computed(() => query.data.value?.classroom ?? null),
    loaded: computed(() => !!query.data.value),
    fetching: query.fetching,
    error: query.error,
    busy: computed(() => archive.fetching.value || unarchive.fetching.value || add.fetching.value || invite.fetching.value || remove.fetching.value || transfer.fetching.value || del.fetching.value),
    setArchived: (archived: boolean) => run(archived ? archive.executeMutation(id(), CLASSROOM) : unarchive.executeMutation(id(), CLASSROOM)),
    addCoInstructor: (email: string) => run(add.executeMutation({ ...id(), email: email.trim() }, CLASSROOM)),
    removeCoInstructor: (userId: string) => run(remove.executeMutation({ ...id(), userId }, CLASSROOM)),
    transfer: (userId: string) => run(transfer.executeMutation({ ...id(), userId }, CLASSROOM)),
    /** A new invite link's path and expiry, or the error. */
    async createInvite(): Promise<{ path: string; expiresAt: string } | { error: AppErrorInfo }> {
      const r = await invite.executeMutation(id(), CLASSROOM);
      const made = r.data?.createCoInstructorInvite;
      return made ? { path: made.path, expiresAt: String(made.expiresAt) } : { error: failure(r.error) };
    },
    /** Deletes the class; null when deleted (the page then leaves), else the error. */
    async deleteClass(confirmName: string): Promise<AppErrorInfo | null> {
      const r = await del.executeMutation({ ...id(), confirmName }, CLASSROOM);
      return r.data?.deleteClassroom ? null : failure(r.error);
    },
  };
}
