/** The learner's own gain from the diagnostic pre-test to the final assessment (the class's view: classroom.resolver.ts). */
import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { MyGains } from "./prepost.type.js";

@Resolver()
export class PrePostResolver {
  @Authorized()
  @Query(() => MyGains, { description: "Your gain per objective from the diagnostic pre-test to the final assessment (raw and normalised)." })
  myGains(@Ctx() ctx: AppContext): Promise<MyGains> {
    return ctx.prePost.mine(ctx.viewer!.id, ctx.clock.now(), ctx.viewer!.locale);
  }
}
