/**
 * A learner's notes and highlights (issue 15, point 3), of one lesson or the whole course: read from the
 * server (each re-anchored in the current text: ANCHORED, CHANGED or ORPHANED), written through the offline
 * outbox (offline/outbox.ts, queue "notes": its second kind of write after quiz answers) so a note made offline
 * is kept and sent once the network is back. The note's id is made here, so a save sent twice is one note; the
 * outbox keys entries by note id, so a newer save or a delete replaces a waiting one. What waits is shown at
 * once, marked as not yet sent. A save the server refuses for good (the paragraph is gone, the quoted text is
 * not in it, the note is too long…) does not vanish: it is kept (IndexedDB queue "notes-rejected", so a reload
 * keeps it too) with the reason, shown until the learner sends it again (after editing it; on the whole
 * paragraph when the quoted text was the trouble) or discards it.
 */
import { computed, ref } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import type { NoteFieldsFragment } from "../gql/graphql.js";
import { errorInfo, hasCode } from "../errors.js";
import type { OutboxEntry, OutboxStore, SendOutcome } from "../offline/outbox.js";
import { newId } from "../offline/outbox.js";
import { outboxStore } from "../offline/idb-store.js";
import { useOutbox } from "./useOutbox.js";

export const NoteFields = graphql(`
  fragment NoteFields on Note {
    id
    lessonSlug
    paragraphId
    language
    quote
    body
    status
    start
    end
    updatedAt
  }
`);

const MyNotesQuery = graphql(`
  query MyNotes($lessonSlug: String) {
    myNotes(lessonSlug: $lessonSlug) {
      ...NoteFields
    }
  }
`);

const SaveNoteMutation = graphql(`
  mutation SaveNote($input: SaveNoteInput!) {
    saveNote(input: $input) {
      ...NoteFields
    }
  }
`);

const DeleteNoteMutation = graphql(`
  mutation DeleteNote($id: ID!) {
    deleteNote(id: $id)
  }
`);

/** What a new note says about where it is: the paragraph, and a span of its text or none (the whole paragraph). */
export interface NoteDraft {
  lessonSlug: string;
  paragraphId: string;
  language: "AR" | "EN";
  span: { start: number; end: number; exact: string } | null;
  body: string;
}

export type QueuedNote =
  | { op: "save"; lessonSlug: string; input: { id: string; paragraphId: string; language: "AR" | "EN"; start: number | null; end: number | null; exact: string | null; body: string } }
  | { op: "delete"; lessonSlug: string; id: string };

/** A note as shown: the server's, or one waiting in the outbox (`pending`). */
export type ShownNote = NoteFieldsFragment & { pending: boolean };

/** Refusals that sending again cannot change (the note is someone else's, the text is gone). */
const FINAL = new Set(["note/not_found", "content/not_found", "BAD_USER_INPUT"]);

/** A note write the server refused for good, kept for the learner to see, edit and send again, or discard. */
export interface RejectedNote {
  id: string;
  lessonSlug: string;
  paragraphId: string;
  language: "AR" | "EN";
  quote: string | null;
  start: number | null;
  end: number | null;
  body: string;
  /** i18n key of the reason (notes.refused.*). */
  reason: string;
  /** The quoted text was the trouble: sending again puts the note on the whole paragraph. */
  spanRefused: boolean;
}

/** The i18n key saying why the server refused a note (its code, and for BAD_USER_INPUT the field). */
export function refusalKey(code: string, field?: string): string {
  if (code === "content/not_found") return "notes.refused.paragraph";
  if (code === "note/not_found") return "notes.refused.notYours";
  if (code === "BAD_USER_INPUT" && field === "exact") return "notes.refused.span";
  if (code === "BAD_USER_INPUT" && field === "body") return "notes.refused.tooLong";
  return "notes.refused.other";
}

export function useNotes(
  lessonSlug: Ref<string | null>,
  enabled: Ref<boolean>,
  opts: { store?: OutboxStore<QueuedNote>; rejectedStore?: OutboxStore<RejectedNote>; retryMs?: [number, number] } = {},
) {
  const query = useQuery({
    query: MyNotesQuery,
    variables: computed(() => ({ lessonSlug: lessonSlug.value })),
    pause: computed(() => !enabled.value),
    requestPolicy: "cache-and-network",
  });
  const saveM = useMutation(SaveNoteMutation);
  const deleteM = useMutation(DeleteNoteMutation);
  const refetch = () => query.executeQuery({ requestPolicy: "network-only" });

  async function send(entry: OutboxEntry<QueuedNote>): Promise<SendOutcome<true>> {
    const p = entry.payload;
    const r = p.op === "save" ? await saveM.executeMutation({ input: p.input }) : await deleteM.executeMutation({ id: p.id });
    if (r.data) return { kind: "sent", result: true };
    if (hasCode(r.error, "UNAUTHENTICATED")) return { kind: "signed-out" };
    const info = errorInfo(r.error);
    if (info && FINAL.has(info.code)) return { kind: "rejected", reason: refusalKey(info.code, info.field) };
    return { kind: "retry" };
  }

  const rejectedStore = opts.rejectedStore ?? outboxStore<RejectedNote>("notes-rejected");
  const rejectedAll = ref<RejectedNote[]>([]);
  const rejectedReady = rejectedStore
    .all()
    .catch(() => [])
    .then((rows) => {
      const known = new Set(rejectedAll.value.map((r) => r.id));
      rejectedAll.value = [...rejectedAll.value, ...rows.map((r) => r.payload).filter((r) => !known.has(r.id))];
    });
  async function keepRejected(entry: OutboxEntry<QueuedNote>, reason: string) {
    const p = entry.payload;
    if (p.op !== "save") return; // a refused delete leaves nothing to lose
    const i = p.input;
    const r: RejectedNote = { id: i.id, lessonSlug: p.lessonSlug, paragraphId: i.paragraphId, language: i.language, quote: i.exact, start: i.start, end: i.end, body: i.body, reason, spanRefused: reason === "notes.refused.span" };
    rejectedAll.value = [...rejectedAll.value.filter((x) => x.id !== r.id), r];
    await rejectedStore.put({ key: r.id, id: r.id, payload: r, at: Date.now() });
  }
  const keeping = new Set<Promise<void>>();
  async function forget(r: RejectedNote) {
    rejectedAll.value = rejectedAll.value.filter((x) => x.id !== r.id);
    await rejectedStore.remove(r.id, r.id);
  }

  const outbox = useOutbox<QueuedNote, true>("notes", send, {
    filter: () => true,
    store: opts.store,
    retryMs: opts.retryMs,
    sent: () => void refetch(),
    rejected: (entry, reason) => {
      const k = keepRejected(entry, reason).finally(() => keeping.delete(k));
      keeping.add(k);
      void refetch();
    },
  });

  const notes = computed<ShownNote[]>(() => {
    const pending = outbox.pending().filter((e) => lessonSlug.value === null || e.payload.lessonSlug === lessonSlug.value);
    const waiting = new Map(pending.map((e) => [e.key, e.payload]));
    const shown: ShownNote[] = [];
    for (const n of query.data.value?.myNotes ?? []) {
      const w = waiting.get(n.id);
      if (w?.op === "delete") continue;
      shown.push(w?.op === "save" ? { ...n, body: w.input.body, pending: true } : { ...n, pending: false });
      waiting.delete(n.id);
    }
    for (const [id, w] of waiting) {
      if (w.op !== "save") continue;
      const i = w.input;
      shown.push({ id, lessonSlug: w.lessonSlug, paragraphId: i.paragraphId, language: i.language, quote: i.exact, body: i.body, status: "ANCHORED", start: i.start, end: i.end, updatedAt: new Date().toISOString(), pending: true });
    }
    return shown;
  });

  return {
    notes,
    fetching: query.fetching,
    error: query.error,
    /** Notes waiting to be sent (offline, say). */
    waiting: computed(() => outbox.pending().length),
    /** A new note; resolves once it is stored in the outbox (sent when possible). */
    async add(d: NoteDraft): Promise<string> {
      const id = newId();
      await outbox.put(id, {
        op: "save",
        lessonSlug: d.lessonSlug,
        input: { id, paragraphId: d.paragraphId, language: d.language, start: d.span?.start ?? null, end: d.span?.end ?? null, exact: d.span?.exact ?? null, body: d.body },
      });
      return id;
    },
    /** New text for a note (its anchor stays). */
    async edit(note: ShownNote, body: string): Promise<void> {
      await outbox.put(note.id, {
        op: "save",
        lessonSlug: note.lessonSlug,
        input: { id: note.id, paragraphId: note.paragraphId, language: note.language, start: note.start ?? null, end: note.end ?? null, exact: note.quote ?? null, body },
      });
    },
    async remove(note: ShownNote): Promise<void> {
      await outbox.put(note.id, { op: "delete", lessonSlug: note.lessonSlug, id: note.id });
    },
    /** Writes the server refused for good (of this lesson, or all), kept until sent again or discarded. */
    rejected: computed(() => rejectedAll.value.filter((r) => lessonSlug.value === null || r.lessonSlug === lessonSlug.value)),
    /** Sends a refused note again with its (edited) text; on the whole paragraph when its quote was refused. */
    async retry(r: RejectedNote, body: string): Promise<void> {
      await forget(r);
      const whole = r.spanRefused;
      await outbox.put(r.id, {
        op: "save",
        lessonSlug: r.lessonSlug,
        input: { id: r.id, paragraphId: r.paragraphId, language: r.language, start: whole ? null : r.start, end: whole ? null : r.end, exact: whole ? null : r.quote, body },
      });
    },
    /** Drops a refused note for good. */
    discard: (r: RejectedNote) => forget(r),
    settled: async () => {
      await rejectedReady;
      await outbox.settled();
      await Promise.all([...keeping]);
    },
  };
}
