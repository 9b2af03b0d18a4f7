import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import type { NoteView } from "./note.service.js";
import type { NoteAnchorStatus } from "./note.type.js";
import { Note, SaveNoteInput } from "./note.type.js";

function toNote({ row, anchoring }: NoteView): Note {
  return {
    id: row.id,
    lessonSlug: row.lessonSlug,
    paragraphId: row.paragraphId,
    language: row.language === "en" ? Locale.EN : Locale.AR,
    quote: row.exact,
    body: row.body,
    status: anchoring.status as NoteAnchorStatus,
    start: anchoring.start,
    end: anchoring.end,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

@Resolver()
export class NoteResolver {
  @Authorized()
  @Query(() => [Note], { description: "Your notes and highlights (of one lesson, or the whole course), in reading order, orphaned ones last. Only yours." })
  async myNotes(@Arg("lessonSlug", () => String, { nullable: true }) lessonSlug: string | null | undefined, @Ctx() ctx: AppContext): Promise<Note[]> {
    return (await ctx.notes.list(ctx.viewer!, lessonSlug ?? null)).map(toNote);
  }

  @Authorized()
  @Mutation(() => Note, { description: "Creates a note, or changes the text of one of yours (its anchor stays). Someone else's id answers note/not_found." })
  async saveNote(@Arg("input", () => SaveNoteInput) input: SaveNoteInput, @Ctx() ctx: AppContext): Promise<Note> {
    return toNote(await ctx.notes.save(ctx.viewer!, { ...input, language: input.language === Locale.EN ? "en" : "ar" }));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Deletes one of your notes; false when you have none with this id (already deleted, say)." })
  deleteNote(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.notes.delete(ctx.viewer!, id);
  }
}
