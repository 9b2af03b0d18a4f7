/**
 * What a new password must be, after OWASP ASVS 4.0.3 V2.1 and NIST SP 800-63B 5.1.1.2: at least 10
 * characters (runs of spaces count as one; any character allowed, spaces too, so a passphrase of a few words
 * is the easy way there), at most 256, not one of the most common passwords (the list shipped in
 * common-passwords.txt, cited there), and not the account's own email or name. No composition rules (no
 * forced digits, capitals or symbols) and no expiry: ASVS 2.1.9 and NIST advise against them. Pure apart
 * from reading the list once.
 */
import { readFileSync } from "node:fs";

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

export type PasswordProblem = "too_short" | "too_long" | "common" | "personal";

/** How passwords are compared with the list and the account's details: NFKC, lower case, one space. */
const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();

let common: Set<string> | undefined;
/** The shipped list, read on first use. */
export function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l !== "" && !l.startsWith("#")),
  );
  return common;
}

/** The first rule a new password breaks, or null. `context`: the account's email and display name. */
export function passwordProblem(password: string, context: { email?: string; displayName?: string } = {}): PasswordProblem | null {
  const length = [...password.normalize("NFKC").replace(/\s+/gu, " ")].length;
  if (length < MIN_PASSWORD) return "too_short";
  if (password.length > MAX_PASSWORD) return "too_long";
  const folded = fold(password);
  const squashed = folded.replace(/ /g, "");
  const list = commonPasswords();
  if (list.has(folded) || list.has(squashed)) return "common";
  const email = fold(context.email ?? "");
  const personal = [email, email.split("@")[0], fold(context.displayName ?? "")].filter((s) => s.length > 0);
  if (personal.some((p) => p === folded || p.replace(/ /g, "") === squashed)) return "personal";
  return null;
}
