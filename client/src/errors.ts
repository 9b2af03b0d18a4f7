/**
 * The server's error codes (server/src/errors.ts), mirrored: each has a message in both languages under
 * errors.<code with "/" as "_">. A code the client does not know falls back to a generic message.
 */
import type { CombinedError } from "@urql/core";

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
const FIELDS = new Set(["email", "password", "displayName"]);

export interface AppErrorInfo {
  code: ErrorCode | "network" | "unknown";
  /** i18n key of the message to show. */
  key: string;
  /** The input field the server blamed (BAD_USER_INPUT), if any. */
  field?: string;
  /** Every field the server blamed, each with the i18n key of its message (BAD_USER_INPUT lists them all). */
  fields?: { field: string; key: string }[];
}

/** Messages per field and reason (errors.field.<field>_<reason>); a reason without one uses the field's. */
const FIELD_REASONS = new Set(["password_too_short", "password_too_long", "password_common", "password_personal"]);
const fieldKey = (field: string, reason: unknown) =>
  typeof reason === "string" && FIELD_REASONS.has(`${field}_${reason}`) ? `errors.field.${field}_${reason}` : `errors.field.${field}`;

export function errorInfo(error: CombinedError | null | undefined): AppErrorInfo | null {
  if (!error) return null;
  if (error.networkError && error.graphQLErrors.length === 0) return { code: "network", key: "errors.network" };
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (typeof code !== "string" || !KNOWN.has(code)) return { code: "unknown", key: "errors.unknown" };
  const field = typeof first.extensions.field === "string" ? first.extensions.field : undefined;
  if (code === "BAD_USER_INPUT" && field && FIELDS.has(field)) {
    const listed = Array.isArray(first.extensions.fields) ? (first.extensions.fields as { field?: unknown; reason?: unknown }[]) : [{ field, reason: undefined }];
    const fields = listed.flatMap((f) => (typeof f.field === "string" && FIELDS.has(f.field) ? [{ field: f.field, key: fieldKey(f.field, f.reason) }] : []));
    return { code, key: fields[0]?.key ?? `errors.field.${field}`, field, fields };
  }
  // A taken email belongs next to the email field.
  if (code === "auth/email_taken") return { code, key: "errors.auth_email_taken", field: "email", fields: [{ field: "email", key: "errors.auth_email_taken" }] };
  return { code: code as ErrorCode, key: `errors.${code.replace("/", "_")}`, field };
}

export const hasCode = (error: CombinedError | null | undefined, code: ErrorCode): boolean =>
  !!error?.graphQLErrors.some((e) => e.extensions?.code === code);
