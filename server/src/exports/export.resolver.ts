/**
 * The exports as queries: a class's gradebook (CSV or XLSX) and a quiz's raw responses (CSV) for the class's
 * instructors, and a quiz's items as QTI 3.0 or Moodle XML for instructors and admins. Files travel as base64
 * in an ExportFile; the XLSX writer is imported only when an XLSX is asked for.
 */
import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { Locale } from "../shared/locale.js";
import { Role } from "../shared/role.enum.js";
import { ClassExports } from "./class-exports.js";
import { CsvSeparator, ExportFile, ItemBankFormat, SheetFormat } from "./export.type.js";
import { moodleXml } from "./moodle.js";
import { qtiPackage } from "./qti.js";
import type { Sheet } from "./sheet.js";
import { toCsv, toXlsx } from "./sheet.js";

const classExports = (ctx: AppContext) => new ClassExports(ctx.db, ctx.content, ctx.dashboard, ctx.attempts);

/** A file name of ASCII letters, digits and hyphens (the date keeps downloads apart). */
const fileName = (stem: string, day: Date, ext: string) => `${stem.replace(/[^A-Za-z0-9-]+/g, "-")}-${day.toISOString().slice(0, 10)}.${ext}`;

async function render(sheet: Sheet, format: SheetFormat, separator: CsvSeparator, stem: string, day: Date): Promise<ExportFile> {
  if (format === SheetFormat.XLSX) {
    return { filename: fileName(stem, day, "xlsx"), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base64: (await toXlsx(sheet)).toString("base64") };
  }
  return { filename: fileName(stem, day, "csv"), contentType: "text/csv; charset=utf-8", base64: Buffer.from(toCsv(sheet, separator), "utf8").toString("base64") };
}

@Resolver()
export class ExportResolver {
  @Authorized(Role.INSTRUCTOR, Role.ADMIN)
  @Query(() => ExportFile, { description: "A class's gradebook: a row per learner with each quiz's grade and state, lessons completed and mastery per objective." })
  async gradebookExport(
    @Arg("classroomId", () => ID) classroomId: string,
    @Arg("format", () => SheetFormat, { defaultValue: SheetFormat.CSV }) format: SheetFormat,
    @Arg("separator", () => CsvSeparator, { defaultValue: CsvSeparator.COMMA, description: "CSV only." }) separator: CsvSeparator,
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Ctx() ctx: AppContext,
  ): Promise<ExportFile> {
    const room = await ctx.classrooms.owned(ctx.viewer!, classroomId);
    const sheet = await classExports(ctx).gradebook(room.id, locale);
    return render(sheet, format, separator, `gradebook-${room.id.slice(0, 8)}`, ctx.clock.now());
  }

  @Authorized(Role.INSTRUCTOR, Role.ADMIN)
  @Query(() => ExportFile, { description: "A quiz's raw responses in a class: a row per answer with its item version, the answer as text, score and time." })
  async responsesExport(
    @Arg("classroomId", () => ID) classroomId: string,
    @Arg("quizId", () => ID) quizId: string,
    @Arg("format", () => SheetFormat, { defaultValue: SheetFormat.CSV }) format: SheetFormat,
    @Arg("separator", () => CsvSeparator, { defaultValue: CsvSeparator.COMMA, description: "CSV only." }) separator: CsvSeparator,
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Ctx() ctx: AppContext,
  ): Promise<ExportFile> {
    const room = await ctx.classrooms.owned(ctx.viewer!, classroomId);
    const sheet = await classExports(ctx).responses(room.id, quizId, locale);
    return render(sheet, format, separator, `responses-${quizId}`, ctx.clock.now());
  }

  @Authorized(Role.INSTRUCTOR, Role.ADMIN)
  @Query(() => ExportFile, { description: "A quiz's items with their keys, as a QTI 3.0 package (zip) or Moodle XML, both languages." })
  itemBankExport(@Arg("quizId", () => ID) quizId: string, @Arg("format", () => ItemBankFormat) format: ItemBankFormat, @Ctx() ctx: AppContext): ExportFile {
    const quiz = ctx.content.quizFile(quizId);
    if (!quiz) throw new AppError("BAD_USER_INPUT", "There is no such quiz.", { field: "quizId" });
    const day = ctx.clock.now();
    if (format === ItemBankFormat.QTI3) return { filename: fileName(`${quiz.id}-qti3`, day, "zip"), contentType: "application/zip", base64: Buffer.from(qtiPackage(quiz)).toString("base64") };
    return { filename: fileName(`${quiz.id}-moodle`, day, "xml"), contentType: "application/xml; charset=utf-8", base64: Buffer.from(moodleXml(quiz), "utf8").toString("base64") };
  }
}
