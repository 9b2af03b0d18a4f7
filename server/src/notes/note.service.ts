/**
 * A learner's private notes and highlights on lesson paragraphs (issue 15, point 3): saved (created, or its
 * text edited) and deleted by their author only, listed per lesson or for the course with each note
 * re-anchored in the current content (notes/anchor.ts), and handed to the course search as the viewer's own
 * documents. Saves are idempotent by the client-made id: the offline outbox may send one twice.
 */
import type { DataSource } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { WriteQueue } from "../db/write-queue.js";
import { sql } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { Clock } from "../shared/clock.js";
import type { Viewer } from "../shared/viewer.js";
import type { SearchDocument } from "../search/search.index.js";
import type { SearchSource } from "../search/search.service.js";
import type { Anchoring, SpanSelector } from "./anchor.js";
import { anchor, describeSpan } from "./anchor.js";
import { NoteRow } from "./note.entity.js";

export const MAX_NOTE_LENGTH = 4000;
/** Enough for a learner's notes on a five-lesson course many times over; a guard against runaway clients. */
export const MAX_NOTES_PER_LEARNER = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SaveNote {
  id: string;
  paragraphId: string;
  language: "ar" | "en";
  /** The highlighted span, as the client saw it; all three absent for the whole paragraph. */
  start?: number | null;
  end?: number | null;
  exact?: string | null;
  body: string;
}

export interface NoteView {
  row: NoteRow;
  anchoring: Anchoring;
}

export class NoteService implements SearchSource {
  /** Reading position of every paragraph in the course (lesson order, then paragraph order). */
  private readonly position = new Map<string, number>();

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly content: ContentStore,
  ) {
    const lessons = [...content.content.lessons].sort((a, b) => a.order - b.order);
    for (const l of lessons) for (const s of l.sections) for (const p of s.paragraphs) this.position.set(p.id, this.position.size);
  }

  /** The note's span in the paragraph's current text, or ORPHANED. */
  private view(row: NoteRow): NoteView {
    const paragraph = this.content.paragraph(row.paragraphId);
    const text = paragraph && paragraph.lesson.slug === row.lessonSlug ? paragraph.text[row.language === "en" ? "en" : "ar"] : null;
    const span: SpanSelector | null =
      row.exact === null ? null : { exact: row.exact, prefix: row.prefix ?? "", suffix: row.suffix ?? "", start: row.startOffset ?? 0, end: row.endOffset ?? 0 };
    return { row, anchoring: anchor(text, span) };
  }

  /** The viewer's notes (of one lesson, or all), in reading order; orphaned ones last, oldest first. */
  async list(viewer: Viewer, lessonSlug: string | null): Promise<NoteView[]> {
    const rows = await this.db.getRepository(NoteRow).find({ where: lessonSlug ? { userId: viewer.id, lessonSlug } : { userId: viewer.id } });
    const views = rows.map((r) => this.view(r));
    const place = (v: NoteView) => (v.anchoring.status === "ORPHANED" ? Number.MAX_SAFE_INTEGER : this.position.get(v.row.paragraphId) ?? Number.MAX_SAFE_INTEGER);
    return views.sort(
      (a, b) => place(a) - place(b) || (a.anchoring.start ?? -1) - (b.anchoring.start ?? -1) || a.row.createdAt.getTime() - b.row.createdAt.getTime() || a.row.id.localeCompare(b.row.id),
    );
  }

  /**
   * Creates the note, or changes the text of the viewer's note with this id (its anchor stays as made). The
   * span is checked against the current text; a client showing older text may send a quote that has moved,
   * which is found again as on reading, and one that cannot be found is refused.
   */
  async save(viewer: Viewer, input: SaveNote): Promise<NoteView> {
    if (!UUID.test(input.id)) throw new AppError("BAD_USER_INPUT", "A note's id is a UUID made by the client.", { field: "id" });
    if (input.body.length > MAX_NOTE_LENGTH) throw new AppError("BAD_USER_INPUT", `A note is at most ${MAX_NOTE_LENGTH} characters.`, { field: "body" });
    const now = this.clock.now();
    const row = await this.writes.run(async (em) => {
      const repo = em.getRepository(NoteRow);
      const existing = await repo.findOneBy({ id: input.id });
      if (existing) {
        if (existing.userId !== viewer.id) throw new AppError("note/not_found", "There is no such note of yours.");
        existing.body = input.body;
        existing.updatedAt = now;
        await repo.update({ id: existing.id }, { body: input.body, updatedAt: now });
        return existing;
      }
      const paragraph = this.content.paragraph(input.paragraphId);
      if (!paragraph) throw new AppError("content/not_found", `There is no paragraph ${input.paragraphId}.`);
      const text = paragraph.text[input.language];
      const span = this.span(text, input);
      const [{ n }] = await sql<{ n: number | string }>(em, `SELECT COUNT(*) AS n FROM note WHERE "userId" = ?`, [viewer.id]);
      if (Number(n) >= MAX_NOTES_PER_LEARNER) throw new AppError("BAD_USER_INPUT", `At most ${MAX_NOTES_PER_LEARNER} notes per learner.`, { field: "id" });
      const created: NoteRow = {
        id: input.id,
        userId: viewer.id,
        lessonSlug: paragraph.lesson.slug,
        paragraphId: input.paragraphId,
        language: input.language,
        exact: span?.exact ?? null,
        prefix: span?.prefix ?? null,
        suffix: span?.suffix ?? null,
        startOffset: span?.start ?? null,
        endOffset: span?.end ?? null,
        body: input.body,
        createdAt: now,
        updatedAt: now,
      };
      await repo.insert(created);
      return created;
    });
    return this.view(row);
  }

  /** The selectors of the span the client asked for, in the server's text; null for the whole paragraph. */
  private span(text: string, input: SaveNote): SpanSelector | null {
    const { start, end, exact } = input;
    if (start == null && end == null && exact == null) return null;
    if (start == null || end == null || !exact)
      throw new AppError("BAD_USER_INPUT", "A highlight gives its start, end and exact text (or none of them, for the whole paragraph).", { field: "exact" });
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length && text.slice(start, end) === exact)
      return describeSpan(text, start, end);
    const found = anchor(text, { exact, prefix: "", suffix: "", start, end });
    if (found.status === "ANCHORED" && found.start !== null) return describeSpan(text, found.start, found.end!);
    throw new AppError("BAD_USER_INPUT", "The highlighted text is not in this paragraph (it may have changed): reload the lesson.", { field: "exact" });
  }

  /** Deletes the viewer's note; false when they have none with this id (deleted already, or not theirs). */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.writes.run(async (em) => {
      const result = await em.getRepository(NoteRow).delete({ id, userId: viewer.id });
      return (result.affected ?? 0) > 0;
    });
  }

  /** SearchSource: the viewer's own notes (their text and the quote they highlight), opening at the paragraph. */
  async documents(viewer: Viewer): Promise<SearchDocument[]> {
    const notes = await this.list(viewer, null);
    return notes
      .filter((n) => n.row.body.trim().length > 0)
      .map((n, i) => ({ kind: "NOTE", lessonSlug: n.row.lessonSlug, anchor: n.row.paragraphId, language: n.row.language === "en" ? "en" : "ar", text: n.row.body, order: i }));
  }
}
