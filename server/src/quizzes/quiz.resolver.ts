import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import { Quiz } from "./quiz.type.js";

@Resolver()
export class QuizResolver {
  @Query(() => Quiz, { nullable: true, description: "One quiz by id: public, without keys; null when there is none." })
  quiz(
    @Arg("id", () => ID) id: string,
    @Arg("locale", () => Locale, { defaultValue: Locale.AR }) locale: Locale,
    @Ctx() ctx: AppContext,
  ): Quiz | null {
    return ctx.content.quiz(id, locale);
  }
}
