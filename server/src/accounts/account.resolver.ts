import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { Locale } from "../shared/locale.js";
import { SESSION_TTL_MS } from "./account.service.js";
import type { Role } from "../shared/role.enum.js";
import type { UserRow } from "./user.entity.js";
import { AuthPayload, SignInInput, SignUpInput, User } from "./user.type.js";

/** The public view of a user row; the email only for its owner. */
export const toUser = (row: UserRow, viewerId: string | undefined): User => ({
  id: row.id,
  displayName: row.displayName,
  role: row.role as Role,
  locale: row.locale as Locale,
  email: row.id === viewerId ? row.email : null,
});

@Resolver()
export class AccountResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user, or null." })
  async me(@Ctx() ctx: AppContext): Promise<User | null> {
    if (!ctx.viewer) return null;
    const row = await ctx.accounts.user(ctx.viewer.id);
    return row ? toUser(row, ctx.viewer.id) : null;
  }

  @Mutation(() => AuthPayload)
  async signUp(@Arg("input", () => SignUpInput) input: SignUpInput, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    const { token, user } = await ctx.accounts.signUp(input, ctx.clientAddress);
    ctx.setSessionCookie(token, SESSION_TTL_MS / 1000);
    return { token, user: toUser(user, user.id) };
  }

  @Mutation(() => AuthPayload)
  async signIn(@Arg("input", () => SignInInput) input: SignInInput, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    const { token, user } = await ctx.accounts.signIn(input.email, input.password, ctx.clientAddress);
    // Signing in while signed in replaces the session: the old one is revoked.
    if (ctx.viewer) await ctx.accounts.signOut(ctx.viewer.sessionId);
    ctx.setSessionCookie(token, SESSION_TTL_MS / 1000);
    return { token, user: toUser(user, user.id) };
  }

  @Mutation(() => Boolean, { description: "Revokes this session; its token stops working at once." })
  async signOut(@Ctx() ctx: AppContext): Promise<boolean> {
    if (ctx.viewer) await ctx.accounts.signOut(ctx.viewer.sessionId);
    ctx.setSessionCookie(null);
    return true;
  }

  @Authorized()
  @Mutation(() => User, { description: "Remembers the interface and content language for this user." })
  async setLocale(@Arg("locale", () => Locale) locale: Locale, @Ctx() ctx: AppContext): Promise<User> {
    return toUser(await ctx.accounts.setLocale(ctx.viewer!.id, locale), ctx.viewer!.id);
  }
}
