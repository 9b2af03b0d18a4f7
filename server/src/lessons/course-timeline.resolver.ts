import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import { CourseTimeline } from "./course-timeline.type.js";
import { courseTimelineView } from "./course-timeline.view.js";

@Resolver()
export class CourseTimelineResolver {
  @Query(() => CourseTimeline, { description: "Every lesson's dated events on one axis (and context facts beyond the article, with their source). Public." })
  courseTimeline(@Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale, @Ctx() ctx: AppContext): CourseTimeline {
    return courseTimelineView(ctx.content.content, locale);
  }
}
