/**
 * LTI Dynamic Registration 1.0 against the test platform: the platform opens the tool's registration URL with
 * its OpenID configuration and a registration token; the tool registers itself and can then be launched. A
 * registration URL needs a one-time invitation code (npm run lti:register -- --dynamic). Both engines.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseEnv } from "../../helpers/test-database.js";
import type { TestServer } from "../../helpers/test-server.js";
import { PROJECT_ROOT, startTestServer } from "../../helpers/test-server.js";
import type { TestPlatform } from "../../helpers/lti-platform.js";
import { Browser, ROLE, startTestPlatform } from "../../helpers/lti-platform.js";

let server: TestServer;
const platforms: TestPlatform[] = [];
const logs: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ log: (m) => logs.push(m) });
});
afterAll(async () => {
  for (const p of platforms) await p.close();
  await server?.stop();
});

const newPlatform = async () => {
  const p = await startTestPlatform({ toolUrl: server.url, deploymentIds: ["dr-dep-1"], redirectUris: [] });
  platforms.push(p);
  return p;
};
const registrationUrl = (invite: string | null, params: Record<string, string>) => `${server.url}lti/register?${new URLSearchParams({ ...(invite ? { invite } : {}), ...params })}`;

describe("LTI Dynamic Registration", () => {
  it("should register with the platform from its configuration, tell it to close, and then launch", async () => {
    const platform = await newPlatform();
    const invite = await server.app.services.ltiDynamic.invite();
    const res = await fetch(registrationUrl(invite, platform.registrationInitiation()));
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toContain(`postMessage({ subject: "org.imsglobal.lti.close" }, "*")`);
    expect(html).toContain('lang="ar" dir="rtl"');
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    // Framed by any https page (the platform's admin page may be on another origin than its issuer), or the
    // platform's registered origins.
    expect(csp).toContain(`frame-ancestors https: ${new URL(platform.issuer).origin}`);
    expect(platform.refusals).toEqual([]);
    const [sent] = platform.registrations;
    expect(sent).toMatchObject({
      initiate_login_uri: `${server.url}lti/login`,
      redirect_uris: [`${server.url}lti/launch`],
      jwks_uri: `${server.url}lti/jwks`,
      "https://purl.imsglobal.org/spec/lti-tool-configuration": {
        domain: new URL(server.url).host,
        target_link_uri: server.url,
        messages: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest", target_link_uri: server.url }],
      },
    });
    // LTI Advantage: the scopes for grades and rosters are asked for at registration.
    expect(String(sent.scope).split(" ").sort()).toEqual([
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
    ]);
    const [registered] = await server.app.services.lti.registry.find(platform.issuer);
    expect(registered).toMatchObject({ clientId: platform.clientId, authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl, deploymentIds: ["dr-dep-1"] });
    const flow = await new Browser().launch(`${server.url}lti/login`, platform.initiation({ sub: "dr-teacher", roles: [ROLE.instructor] }));
    expect(flow.launch!.status).toBe(200);
    expect(logs.some((l) => l.startsWith(`LTI dynamic registration: ${platform.issuer}`))).toBe(true);
  });

  it("should refuse without an invitation, with a used or expired one, and fetch nothing from the platform", async () => {
    const platform = await newPlatform();
    const refusedWith = async (invite: string | null) => {
      const res = await fetch(registrationUrl(invite, platform.registrationInitiation()));
      const html = await res.text();
      expect(res.status).toBe(400);
      expect(html).toContain("lti/registration_refused");
      expect(html).toContain(`<section lang="en" dir="ltr">`);
    };
    await refusedWith(null);
    await refusedWith("made-up-code");
    const expired = await server.app.services.ltiDynamic.invite(1);
    await new Promise((r) => setTimeout(r, 5));
    await refusedWith(expired);
    expect(platform.hits).toEqual([]);
    const used = await server.app.services.ltiDynamic.invite();
    expect((await fetch(registrationUrl(used, platform.registrationInitiation()))).status).toBe(200);
    await refusedWith(used);
    expect(platform.registrations).toHaveLength(1);
  });

  it("should refuse when the platform refuses the registration token, and keep the invitation for another try", async () => {
    const platform = await newPlatform();
    const invite = await server.app.services.ltiDynamic.invite();
    const bad = await fetch(registrationUrl(invite, { ...platform.registrationInitiation(), registration_token: "not-the-platforms" }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("lti/registration_refused");
    expect(await server.app.services.lti.registry.find(platform.issuer)).toEqual([]);
    expect(logs.some((l) => l.includes("refused: lti/registration_refused") && l.includes("401"))).toBe(true);
    const retry = await fetch(registrationUrl(invite, platform.registrationInitiation()));
    expect(retry.status).toBe(200);
  });

  it("should print a one-time registration URL with npm run lti:register -- --dynamic", async () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "server/src/lti/lti-register.cli.ts", "--dynamic", "--days", "2"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...databaseEnv(server), LTI_TOOL_URL: server.url },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const url = /valid once for 2 day\(s\): (\S+)/.exec(run.stdout)![1];
    expect(url.startsWith(`${server.url}lti/register?invite=`)).toBe(true);
    const platform = await newPlatform();
    const res = await fetch(`${url}&${new URLSearchParams(platform.registrationInitiation())}`);
    expect(res.status, await res.clone().text()).toBe(200);
  }, 120_000);
});
