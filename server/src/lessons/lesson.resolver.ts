import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import { Lesson } from "./lesson.type.js";

@Resolver()
export class LessonResolver {
  @Query(() => Lesson, { nullable: true, description: "One lesson by slug: public; null when there is none." })
  lesson(
    @Arg("slug", () => String) slug: string,
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Ctx() ctx: AppContext,
  ): Lesson | null {
    return ctx.content.lesson(slug, locale);
  }
}
