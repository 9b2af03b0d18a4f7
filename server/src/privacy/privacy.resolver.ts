import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";

@Resolver()
export class PrivacyResolver {
  @Authorized()
  @Query(() => String, { description: "Everything the module holds about you, as JSON." })
  exportMyData(@Ctx() ctx: AppContext): Promise<string> {
    return ctx.privacy.export(ctx.viewer!);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Deletes your account (learners): personal data gone, learning records kept anonymously for class statistics." })
  async deleteMyAccount(@Arg("password", () => String) password: string, @Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.privacy.deleteAccount(ctx.viewer!, password, ctx.clientAddress);
    ctx.accounts.forgetUser(ctx.viewer!.id);
    ctx.setSessionCookie(null);
    return true;
  }
}
