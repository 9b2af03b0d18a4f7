import type { AuthChecker } from "type-graphql";
import { AppError } from "./errors.js";
import type { Role } from "./shared/role.enum.js";
import type { AppContext } from "./context.js";

/**
 * The one authChecker behind every @Authorized(): no session → UNAUTHENTICATED; a session without one of
 * the listed roles → FORBIDDEN. Ownership of objects is checked in the services, not here.
 */
export const authChecker: AuthChecker<AppContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return true;
};
