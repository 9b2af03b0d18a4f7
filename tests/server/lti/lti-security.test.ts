/**
 * Every refusal of issue 16 point 8 (and the rest of Security Framework §5.1.3 and LTI 1.3 §5.3), each by
 * its own test against the test platform: the launch is refused with the bilingual error page (Arabic first,
 * right to left; English, left to right), nothing is signed in, and the refusal is logged with its code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LTI_ERRORS } from "../../../server/src/lti/lti-errors.js";
import type { LtiErrorCode } from "../../../server/src/lti/lti-errors.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import type { LaunchSpec, TestPlatform } from "../../helpers/lti-platform.js";
import { Browser, LTI, platformKey, startTestPlatform } from "../../helpers/lti-platform.js";

let server: TestServer;
let platform: TestPlatform;
const logs: string[] = [];
let loginUrl: string;

beforeAll(async () => {
  server = await startTestServer({ log: (m) => logs.push(m) });
  platform = await startTestPlatform({ toolUrl: server.url });
  await server.app.services.lti.registry.register({
    issuer: platform.issuer,
    clientId: platform.clientId,
    authUrl: platform.authUrl,
    tokenUrl: platform.tokenUrl,
    jwksUrl: platform.jwksUrl,
    deploymentIds: platform.deploymentIds,
  });
  loginUrl = `${server.url}lti/login`;
});
afterAll(async () => {
  await platform?.close();
  await server?.stop();
});

let subs = 0;

/** Launches with the spec (and a form change), expects the refusal `code`, and checks page, session and log. */
async function refused(code: LtiErrorCode, spec: LaunchSpec = {}, opts: Parameters<Browser["launch"]>[2] & { browser?: Browser } = {}) {
  const sub = spec.sub ?? `refused-${++subs}`;
  const logged = logs.length;
  const flow = await (opts.browser ?? new Browser()).launch(loginUrl, platform.initiation({ ...spec, sub }), opts);
  const res = flow.launch!;
  expect(res, "the platform answered the authentication request").toBeDefined();
  const html = await res.text();
  expect(res.status, html).toBe(LTI_ERRORS[code].status);
  expect(html).toContain(`<code dir="ltr">${code}</code>`);
  expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
  expect(html).toContain(`<section lang="ar" dir="rtl">`);
  expect(html).toContain(LTI_ERRORS[code].ar);
  expect(html).toContain(`<section lang="en" dir="ltr">`);
  expect(html).toContain(LTI_ERRORS[code].en);
  expect(res.headers.get("content-type")).toContain("text/html");
  expect(res.headers.getSetCookie().some((c) => c.startsWith("sid="))).toBe(false);
  expect(html).not.toContain("lti-session");
  expect(await server.sql(`SELECT "userId" FROM lti_user WHERE sub = ?`, [sub])).toEqual([]);
  expect(logs.slice(logged).some((l) => l.includes(`refused: ${code}`))).toBe(true);
  return { flow, html };
}

describe("LTI launch refusals (Security Framework §5.1.3; LTI 1.3 §5.3)", () => {
  it("should refuse an id_token whose signature does not verify (signed by another key under the platform's kid)", async () => {
    const impostor = await platformKey(platform.key.kid);
    await refused("lti/bad_signature", { signWith: impostor });
  });

  it("should refuse an id_token signed by a key the platform does not publish (unknown kid)", async () => {
    await refused("lti/unknown_kid", { signWith: await platformKey() });
  });

  it("should refuse an id_token without a kid", async () => {
    await refused("lti/unknown_kid", { header: (h) => delete h.kid });
  });

  it("should refuse an unsigned id_token (alg: none)", async () => {
    await refused("lti/bad_algorithm", { signWith: "none" });
  });

  it("should refuse an id_token signed with HS256 keyed by the platform's public key (algorithm confusion)", async () => {
    await refused("lti/bad_algorithm", { signWith: "hs256-public-key" });
  });

  it("should refuse an id_token for another audience", async () => {
    await refused("lti/wrong_audience", { claims: (c) => ((c.aud = "another-tool"), delete c.azp) });
  });

  it("should refuse several audiences without azp, and an azp that is not this tool", async () => {
    await refused("lti/wrong_audience", { claims: (c) => ((c.aud = [platform.clientId, "another-tool"]), delete c.azp) });
    await refused("lti/wrong_audience", { claims: (c) => ((c.aud = [platform.clientId, "another-tool"]), (c.azp = "another-tool")) });
  });

  it("should refuse an id_token from another issuer than the platform that started the login", async () => {
    await refused("lti/wrong_issuer", { claims: (c) => (c.iss = "https://other-platform.example") });
  });

  it("should refuse an expired id_token (beyond the allowed skew)", async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused("lti/expired", { claims: (c) => ((c.iat = now - 300), (c.exp = now - 120)) });
  });

  it("should accept an id_token that expired within the skew, and refuse one issued too long ago or in the future", async () => {
    const now = Math.floor(Date.now() / 1000);
    const flow = await new Browser().launch(loginUrl, platform.initiation({ sub: "skew-ok", claims: (c) => ((c.iat = now - 100), (c.exp = now - 30)) }));
    expect(flow.launch!.status).toBe(200);
    await refused("lti/bad_time", { claims: (c) => ((c.iat = now - 3600), (c.exp = now + 3600)) });
    await refused("lti/bad_time", { claims: (c) => ((c.iat = now + 600), (c.exp = now + 900)) });
  });

  it("should refuse a replayed form post (the nonce is used once)", async () => {
    const browser = new Browser();
    const first = await browser.launch(loginUrl, platform.initiation({ sub: "replay-victim" }));
    expect(first.launch!.status).toBe(200);
    const again = await browser.request(first.form!.action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(first.form!.fields).toString() });
    const html = await again.text();
    expect(again.status).toBe(401);
    expect(html).toContain("lti/replayed");
    expect(again.headers.getSetCookie().some((c) => c.startsWith("sid="))).toBe(false);
    expect(logs.some((l) => l.includes("refused: lti/replayed"))).toBe(true);
  });

  it("should refuse an id_token whose nonce is not the login's", async () => {
    await refused("lti/nonce_mismatch", { claims: (c) => (c.nonce = "a-nonce-of-another-login") });
  });

  it("should refuse an id_token without a nonce", async () => {
    await refused("lti/missing_claim", { claims: (c) => delete c.nonce });
  });

  it("should refuse a deployment the platform has not registered", async () => {
    await refused("lti/unknown_deployment", { claims: (c) => (c[`${LTI}deployment_id`] = "dep-not-registered") });
  });

  it("should refuse a form posted by a browser that did not start the login (no login cookie)", async () => {
    // The login cookie stays with the browser that started the login; here the form arrives without it.
    const browser = new Browser();
    await refused("lti/state_mismatch", {}, { browser, beforePost: () => browser.cookies.clear() });
  });

  it("should refuse a state that was swapped for another login's (state mismatch)", async () => {
    const browser = new Browser();
    const other = new Browser();
    const foreign = await other.request(`${loginUrl}?${new URLSearchParams(platform.initiation())}`);
    const foreignState = new URL(foreign.headers.get("location")!).searchParams.get("state")!;
    await refused("lti/state_mismatch", {}, { browser, beforePost: (form) => (form.fields.state = foreignState) });
  });

  it("should refuse an unknown state and a post without state or id_token", async () => {
    await refused("lti/state_unknown", {}, { beforePost: (form) => (form.fields.state = "never-issued") });
    await refused("lti/missing_parameter", {}, { beforePost: (form) => delete form.fields.state });
    await refused("lti/missing_parameter", {}, { beforePost: (form) => delete form.fields.id_token });
  });

  for (const claim of ["message_type", "version", "deployment_id", "target_link_uri", "resource_link", "roles"]) {
    it(`should refuse an id_token without the ${claim} claim`, async () => {
      await refused("lti/missing_claim", { claims: (c) => delete c[`${LTI}${claim}`] });
    });
  }

  it("should refuse an id_token without sub (anonymous launches are not supported)", async () => {
    await refused("lti/missing_claim", { claims: (c) => delete c.sub });
  });

  it("should refuse an id_token without exp or iat", async () => {
    await refused("lti/missing_claim", { claims: (c) => delete c.exp });
    await refused("lti/missing_claim", { claims: (c) => delete c.iat });
  });

  it("should refuse a context without an id", async () => {
    await refused("lti/missing_claim", { claims: (c) => (c[`${LTI}context`] = { title: "No id" }) });
  });

  it("should refuse another LTI version and an unsupported message type", async () => {
    await refused("lti/bad_version", { claims: (c) => (c[`${LTI}version`] = "1.1") });
    await refused("lti/unsupported_message", { messageType: "LtiSubmissionReviewRequest" });
  });

  it("should refuse a target_link_uri that differs from the login's or leaves the tool", async () => {
    await refused("lti/bad_target_link", { claims: (c) => (c[`${LTI}target_link_uri`] = new URL("quizzes/other", server.url).href) });
    await refused("lti/bad_target_link", { claims: (c) => (c[`${LTI}target_link_uri`] = "https://evil.example/lessons/intro") });
  });

  it("should show the error page framed only by registered platforms, and never serve private key material", async () => {
    const { flow } = await refused("lti/unknown_kid", { signWith: await platformKey() });
    expect(flow.launch!.headers.get("content-security-policy")).toContain(`frame-ancestors ${new URL(platform.issuer).origin}`);
    const jwks = (await (await fetch(`${server.url}lti/jwks`)).json()) as { keys: Record<string, unknown>[] };
    for (const key of jwks.keys) for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(key[secret]).toBeUndefined();
  });
});
