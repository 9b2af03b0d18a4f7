/**
 * Every error code the API can return, in one list. GraphQL's own codes for authentication, authorization
 * and bad input; ours as 'domain/reason'. The client mirrors this list.
 */
import { GraphQLError } from "graphql";

export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "attempt/closed",
  "attempt/not_found",
  "attempt/max_reached",
  "attempt/retired",
  "item/not_in_quiz",
  "answer/invalid",
  "certainty/invalid",
  "hint/not_available",
  "note/not_found",
  "assignment/not_open",
  "assignment/past_due",
  "classroom/not_found",
  "classroom/bad_code",
  "classroom/archived",
  "classroom/confirm_mismatch",
  "classroom/no_such_instructor",
  "classroom/invite_invalid",
  "auth/invalid_credentials",
  "auth/email_taken",
  "auth/rate_limited",
  "auth/busy",
  "content/not_found",
  "storage/unavailable",
  "live/not-found",
  "live/closed",
  "live/wrong-item",
  "live/guests-not-allowed",
  "live/nickname-required",
  "live/nickname-taken",
  "live/not-participant",
  "live/ended",
  "live/no-practice-items",
  "live/not-practice-item",
  "live/bad-action",
  "lti/no_roster_service",
  "lti/platform_unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN = new Set<string>(ERROR_CODES);
export const isKnownErrorCode = (code: unknown): code is ErrorCode => typeof code === "string" && KNOWN.has(code);

/** An error the client is meant to see and act on; its message is safe to show. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}
