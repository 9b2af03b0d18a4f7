/**
 * The password policy (accounts/password-policy.ts, OWASP ASVS V2.1): length, not common, not the account's
 * own email or name, no composition rules; and sign-up reporting every bad field at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_PASSWORD, commonPasswords, passwordProblem } from "../../../server/src/accounts/password-policy.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

describe("passwordProblem", () => {
  const ctx = { email: "layla.haddad@example.test", displayName: "Layla Haddad" };
  it.each([
    ["password", "too_short"],
    ["Tr0ub4dor", "too_short"], // complex but short: length is what counts
    ["كلمة سر", "too_short"],
    ["a    b    c", "too_short"], // runs of spaces count as one
    ["x".repeat(257), "too_long"],
    ["password123", "common"],
    ["PASSWORD123", "common"], // any case
    ["qwerty uiop", "common"], // spaces do not hide it
    ["1234567890", "common"],
    ["iloveyou123", "common"],
    ["layla.haddad@example.test", "personal"],
    ["Layla.Haddad", "personal"],
    ["layla haddad", "personal"],
    ["correct horse battery", null], // a passphrase of plain words: no digits, capitals or symbols needed
    ["1q2w3e4r5t", "common"], // a keyboard walk
    ["نخيل وادي درعة", null], // Arabic passphrase
    ["sahel mali dune", null],
    ["🐪🐪🐪🐪🐪 desert", null],
    ["x".repeat(256), null],
  ] as const)("%s → %s", (password, problem) => {
    expect(passwordProblem(password, ctx)).toBe(problem);
  });

  it("should ship the common list as cited: 1,500+ distinct lower-case entries, each long enough to pass the length rule", () => {
    const list = [...commonPasswords()];
    expect(list.length).toBeGreaterThan(1_500);
    expect(new Set(list).size).toBe(list.length);
    for (const p of list) {
      expect([...p].length, p).toBeGreaterThanOrEqual(MIN_PASSWORD);
      expect(p, p).toBe(p.toLowerCase());
    }
  });
});

describe("sign-up errors", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`;

  it("should report every bad field at once, in one error, each with its reason", async () => {
    const r = await server.gql<any>(SIGN_UP, { input: { email: "not-an-email", password: "password", displayName: "  " } });
    expect(r.body.errors).toHaveLength(1);
    const ext = r.body.errors![0].extensions!;
    expect(ext.code).toBe("BAD_USER_INPUT");
    expect(ext.fields).toEqual([
      { field: "email", reason: "invalid" },
      { field: "displayName", reason: "length" },
      { field: "password", reason: "too_short" },
    ]);
    expect(ext.field).toBe("email");
  });

  it("should refuse a common password and the account's own name, and accept a passphrase", async () => {
    const common = await server.gql<any>(SIGN_UP, { input: { email: "common@example.test", password: "Password123", displayName: "C" } });
    expect(common.body.errors![0].extensions!.fields).toEqual([{ field: "password", reason: "common" }]);
    const own = await server.gql<any>(SIGN_UP, { input: { email: "nour.salem@example.test", password: "Nour Salem", displayName: "Nour Salem" } });
    expect(own.body.errors![0].extensions!.fields).toEqual([{ field: "password", reason: "personal" }]);
    const ok = await server.gql<any>(SIGN_UP, { input: { email: "phrase@example.test", password: "camels cross the dunes", displayName: "P" } });
    expect(ok.body.errors).toBeUndefined();
    // A taken email keeps its own clear answer.
    const taken = await server.gql<any>(SIGN_UP, { input: { email: "phrase@example.test", password: "another long phrase", displayName: "P" } });
    expect(taken.body.errors![0].extensions!.code).toBe("auth/email_taken");
  });
});
