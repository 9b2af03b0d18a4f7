/**
 * LTI Dynamic Registration 1.0 (1EdTech), tool side. The platform opens the tool's registration URL with
 * `openid_configuration` (the URL of its OpenID configuration) and optionally `registration_token` (§3.3);
 * the tool reads the configuration (§3.4), checks it, posts its own client registration to the platform's
 * `registration_endpoint` with the token as a bearer token (§3.5), and records the answer: the client_id and,
 * when given, the deployment id (§3.6). The page that follows tells the platform it may close the frame
 * (§3.7, postMessage `org.imsglobal.lti.close`).
 *
 * Anyone can reach a URL, so the registration URL carries a one-time invitation code made by
 * `npm run lti:register -- --dynamic` (valid for a few days); without a valid code nothing is fetched.
 */
import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { IsNull } from "typeorm";
import type { WriteQueue } from "../db/write-queue.js";
import type { Clock } from "../shared/clock.js";
import { LtiError } from "./lti-errors.js";
import type { Platform, PlatformRegistry } from "./lti-registry.js";
import { registrationProblems } from "./lti-registry.js";
import { AGS_SCOPE, NRPS_SCOPE } from "./lti-service-token.js";
import { LtiRegistrationInviteRow } from "./lti.entity.js";

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
const TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
const PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export interface DynamicRegistrationResult {
  platform: Platform;
  /** False when the platform gave no deployment id: launches wait until one is added with lti:register. */
  hasDeployment: boolean;
}

export class DynamicRegistration {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly registry: PlatformRegistry,
    private readonly toolBase: () => URL,
    private readonly toolName = "Sahel course · مقرر الساحل",
  ) {}

  /** A new one-time invitation code, valid for `ttlMs`. */
  async invite(ttlMs = INVITE_TTL_MS): Promise<string> {
    const code = randomBytes(24).toString("base64url");
    const now = this.clock.now();
    await this.writes.run((em) => em.insert(LtiRegistrationInviteRow, { codeHash: sha256(code), expiresAt: new Date(now.getTime() + ttlMs), usedAt: null }));
    return code;
  }

  /** The tool's client registration (Dynamic Registration §3.5.2, OpenID Connect Dynamic Client Registration). */
  toolRegistration(): Record<string, unknown> {
    const base = this.toolBase();
    return {
      application_type: "web",
      response_types: ["id_token"],
      grant_types: ["implicit", "client_credentials"],
      initiate_login_uri: new URL("lti/login", base).href,
      redirect_uris: [new URL("lti/launch", base).href],
      client_name: this.toolName,
      jwks_uri: new URL("lti/jwks", base).href,
      token_endpoint_auth_method: "private_key_jwt",
      // LTI Advantage: grades (AGS 2.0) and rosters (NRPS 2.0), space-separated (RFC 7591 §2).
      scope: [AGS_SCOPE.lineItem, AGS_SCOPE.lineItemReadOnly, AGS_SCOPE.score, AGS_SCOPE.resultReadOnly, NRPS_SCOPE].join(" "),
      [TOOL_CONFIGURATION]: {
        domain: base.host,
        target_link_uri: base.href,
        claims: ["iss", "sub", "name", "given_name", "family_name", "locale"],
        messages: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest", target_link_uri: base.href }],
        description: "A bilingual (Arabic, English) course with lessons and quizzes. مقرر ثنائي اللغة بدروس واختبارات.",
      },
    };
  }

  async register(params: { invite?: string; openid_configuration?: string; registration_token?: string }, fetchFn: typeof fetch = fetch): Promise<DynamicRegistrationResult> {
    if (!params.invite) throw new LtiError("lti/registration_refused", "no invitation code");
    if (!params.openid_configuration) throw new LtiError("lti/missing_parameter", "openid_configuration");
    const now = this.clock.now();
    const invite = await this.db.getRepository(LtiRegistrationInviteRow).findOneBy({ codeHash: sha256(params.invite) });
    if (!invite || invite.usedAt || invite.expiresAt.getTime() <= now.getTime()) throw new LtiError("lti/registration_refused", "invitation unknown, used or expired");
    const auth: Record<string, string> = params.registration_token ? { authorization: `Bearer ${params.registration_token}` } : {};

    const configUrl = httpsUrl(params.openid_configuration, "openid_configuration");
    const config = await getJson(fetchFn, configUrl, auth);
    const issuer = typeof config.issuer === "string" ? config.issuer : "";
    const endpoints = {
      authorization_endpoint: config.authorization_endpoint,
      token_endpoint: config.token_endpoint,
      jwks_uri: config.jwks_uri,
      registration_endpoint: config.registration_endpoint,
    };
    for (const [name, value] of Object.entries({ issuer, ...endpoints })) if (typeof value !== "string" || !value) throw new LtiError("lti/registration_refused", `configuration lacks ${name}`);
    httpsUrl(issuer, "issuer");
    const algs = config.id_token_signing_alg_values_supported;
    if (!Array.isArray(algs) || !algs.includes("RS256")) throw new LtiError("lti/registration_refused", "platform does not sign id_tokens with RS256");
    if (typeof config[PLATFORM_CONFIGURATION] !== "object" || config[PLATFORM_CONFIGURATION] === null) throw new LtiError("lti/registration_refused", `configuration lacks ${PLATFORM_CONFIGURATION}`);

    const registrationUrl = httpsUrl(String(endpoints.registration_endpoint), "registration_endpoint");
    const answer = await postJson(fetchFn, registrationUrl, this.toolRegistration(), auth);
    const clientId = typeof answer.client_id === "string" || typeof answer.client_id === "number" ? String(answer.client_id) : "";
    if (!clientId) throw new LtiError("lti/registration_refused", "registration answer lacks client_id");
    const toolConfig = answer[TOOL_CONFIGURATION] as { deployment_id?: unknown } | undefined;
    const deploymentId = typeof toolConfig?.deployment_id === "string" || typeof toolConfig?.deployment_id === "number" ? String(toolConfig.deployment_id) : undefined;
    const registration = {
      issuer,
      clientId,
      authUrl: String(endpoints.authorization_endpoint),
      tokenUrl: String(endpoints.token_endpoint),
      jwksUrl: String(endpoints.jwks_uri),
      deploymentIds: deploymentId ? [deploymentId] : [],
    };
    const problems = registrationProblems(registration, false);
    if (problems.length) throw new LtiError("lti/registration_refused", problems.join("; "));
    const used = await this.writes.run((em) => em.update(LtiRegistrationInviteRow, { codeHash: invite.codeHash, usedAt: IsNull() }, { usedAt: now }));
    if (!used.affected) throw new LtiError("lti/registration_refused", "invitation used by a concurrent registration");
    const platform = await this.registry.register(registration, false);
    return { platform, hasDeployment: !!deploymentId };
  }
}

function httpsUrl(raw: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LtiError("lti/registration_refused", `${name} is not a URL`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) throw new LtiError("lti/registration_refused", `${name} is not https`);
  return url;
}

async function getJson(fetchFn: typeof fetch, url: URL, headers: Record<string, string>): Promise<Record<string, unknown>> {
  return answerOf(await fetchFn(url, { headers: { accept: "application/json", ...headers }, signal: AbortSignal.timeout(10_000), redirect: "error" }).catch(unreachable(url)), url);
}

async function postJson(fetchFn: typeof fetch, url: URL, body: unknown, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await fetchFn(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
    redirect: "error",
  }).catch(unreachable(url));
  return answerOf(res, url);
}

const unreachable = (url: URL) => (e: unknown) => {
  throw new LtiError("lti/registration_refused", `${url.href} unreachable: ${(e as Error).message}`);
};

async function answerOf(res: Response, url: URL): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (!res.ok) throw new LtiError("lti/registration_refused", `${url.href} answered ${res.status}: ${text.slice(0, 200)}`);
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("not an object");
    return json as Record<string, unknown>;
  } catch {
    throw new LtiError("lti/registration_refused", `${url.href} did not answer a JSON object`);
  }
}
