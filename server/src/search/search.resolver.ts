import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import { SearchResults } from "./search.type.js";

@Resolver()
export class SearchResolver {
  @Query(() => SearchResults, {
    description:
      "Course-wide search over lesson paragraphs, headings, summaries and key terms in both languages (and what a signed-in viewer's own sources add). Every word of the query must match; Arabic is folded and English stemmed (shared/search-terms.ts). Public.",
  })
  async search(
    @Arg("query", () => String) query: string,
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: AppContext,
  ): Promise<SearchResults> {
    const { total, matches } = await ctx.search.search(ctx.viewer, query, first);
    return {
      total,
      hits: matches.map((m) => ({
        kind: m.document.kind,
        lessonSlug: m.document.lessonSlug,
        lessonTitle: ctx.content.lesson(m.document.lessonSlug, locale)?.title ?? "",
        anchor: m.document.anchor,
        language: m.document.language === "en" ? Locale.EN : Locale.AR,
        segments: m.segments,
        truncatedStart: m.truncatedStart,
        truncatedEnd: m.truncatedEnd,
      })),
    };
  }
}
