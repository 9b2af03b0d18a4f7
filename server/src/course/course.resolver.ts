import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import { Course } from "./course.type.js";

@Resolver()
export class CourseResolver {
  @Query(() => Course, { description: "The course: public. Lessons come in teaching order." })
  course(@Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale, @Ctx() ctx: AppContext): Course {
    return ctx.content.course(locale);
  }
}
