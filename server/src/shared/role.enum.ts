import { registerEnumType } from "type-graphql";

export enum Role {
  LEARNER = "LEARNER",
  INSTRUCTOR = "INSTRUCTOR",
  ADMIN = "ADMIN",
}
registerEnumType(Role, { name: "Role", description: "Sign-up makes learners; `npm run user:create` makes the others." });
