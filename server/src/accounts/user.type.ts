import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Locale } from "../shared/locale.js";
import { Role } from "../shared/role.enum.js";

@ObjectType()
export class User {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => Locale, { description: "The interface and content language this user chose." })
  locale: Locale;

  @Field(() => String, { nullable: true, description: "Only for the user themself; null for anyone else." })
  email: string | null;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: "Bearer token for the API. The web client gets the same session as an HttpOnly cookie." })
  token: string;

  @Field(() => User)
  user: User;
}

@InputType()
export class SignUpInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;

  @Field(() => String)
  displayName: string;

  @Field(() => Locale, { defaultValue: Locale.AR })
  locale: Locale;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;
}
