import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import { ActorMap } from "./actor-map.type.js";
import { actorMapView } from "./actor-map.view.js";

@Resolver()
export class ActorMapResolver {
  @Query(() => ActorMap, {
    description: "The actor-relations map (content/actors.yaml), or with lessonSlug the sub-map that lesson's paragraphs support. Public.",
  })
  actorMap(
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Arg("lessonSlug", () => String, { nullable: true }) lessonSlug: string | null,
    @Ctx() ctx: AppContext,
  ): ActorMap {
    return actorMapView(ctx.content.content, locale, lessonSlug ?? null);
  }
}
