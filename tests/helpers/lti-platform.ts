/**
 * A test LTI 1.3 platform, written from the specifications (1EdTech Security Framework 1.0 §5.1, LTI Core
 * 1.3 §4–5) and not from the tool's code: it has its own RSA keys and JWK Set, an OIDC authorization endpoint
 * that accepts GET and POST, checks the authentication request as §5.1.1.2 requires (scope, response_type,
 * response_mode, prompt, client_id, redirect_uri, login_hint, state, nonce), and answers with an HTML form
 * that posts id_token and state to the tool's redirect_uri (form_post). Tests describe a launch (user, roles,
 * context, resource link) and may tamper with the id_token's header, claims or signature for negative cases.
 *
 * LTI Advantage, from the same specs: a token endpoint (client credentials with a client assertion, RFC 7523,
 * verified against the tool's JWK Set), Assignment and Grade Services 2.0 (line items per context, scores per
 * line item, the endpoint claim in launches), Names and Role Provisioning Services 2.0 (a context's memberships,
 * paged with Link rel="next", rlid filter, the claim in launches) and the Deep Linking 2.0 return endpoint that
 * verifies the tool's LtiDeepLinkingResponse against the tool's JWK Set.
 *
 * Dynamic Registration 1.0: the OpenID configuration and a registration endpoint that checks the tool's client
 * registration and its bearer registration token (both on the back channel, fetched by the tool's server), and
 * an admin page that opens the tool's registration URL in an iframe and closes it on org.imsglobal.lti.close.
 *
 * `Browser` stands for the user agent: a cookie jar and the redirects and form posts a browser would make.
 */
import { createServer } from "node:http";
import { createServer as createTlsServer } from "node:tls";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, UnsecuredJWT } from "jose";
import type { JWTPayload } from "jose";
import type { CryptoKey, JWK } from "jose";

export const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const ROLE = {
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  administrator: "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
  teachingAssistant: "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
  mentor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
};

export const AGS_SCOPES = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  resultReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
};
export const NRPS_SCOPE_URI = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

export interface PlatformKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function platformKey(kid: string = randomUUID()): Promise<PlatformKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

/** What a launch is about; every field has a default. */
export interface LaunchSpec {
  sub?: string;
  name?: string;
  locale?: string;
  roles?: string[];
  context?: { id: string; title?: string; label?: string } | null;
  resourceLinkId?: string;
  deploymentId?: string;
  targetLinkUri?: string;
  messageType?: string;
  /** Adds the AGS endpoint claim (default true; a line item URL makes it name one). */
  ags?: boolean | { lineitem?: string };
  /** Adds the NRPS claim (default true). */
  nrps?: boolean;
  /** A deep linking request (messageType LtiDeepLinkingRequest) with these settings. */
  deepLinking?: { acceptMultiple?: boolean; data?: string; acceptTypes?: string[] };
  /** Changes the claims (delete or replace some) before signing. */
  claims?: (claims: Record<string, unknown>) => void;
  /** Changes the protected header before signing. */
  header?: (header: Record<string, unknown>) => void;
  /**
   * How the id_token is signed: with the platform's key (default), another key, not at all (alg none), or
   * HS256 with the platform's public modulus as the secret (the algorithm-confusion attack).
   */
  signWith?: PlatformKey | "none" | "hs256-public-key";
}

export interface TestLineItem {
  id: string;
  contextId: string;
  scoreMaximum: number;
  label: string;
  resourceId?: string;
  resourceLinkId?: string;
  scores: Record<string, unknown>[];
}

export interface TestMember {
  user_id: string;
  roles: string[];
  status?: "Active" | "Inactive" | "Deleted";
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  /** Resource links this member may see (rlid filter); all when absent. */
  rlids?: string[];
}

export interface TestPlatform {
  /** Where browsers reach the platform (https://platform.test:port with `front`). */
  url: string;
  /** Where the tool's server reaches it: token, JWKS and the services (http://127.0.0.1:port). */
  backUrl: string;
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  key: PlatformKey;
  /** Keys served in the JWK Set (the signing key first). */
  published: PlatformKey[];
  /** Redirect URIs registered for the tool (the platform refuses others). */
  redirectUris: string[];
  /** The login initiation parameters for a launch (§5.1.1.1) and the spec kept under its login_hint. */
  initiation(spec?: LaunchSpec): Record<string, string>;
  /** Authentication requests the platform refused, with why. */
  refusals: string[];
  /**
   * LTI Dynamic Registration 1.0 §3.3: the parameters the platform adds to the tool's registration URL. The
   * platform serves its OpenID configuration (§3.4) and a registration endpoint (§3.5) that takes the token.
   */
  registrationInitiation(): { openid_configuration: string; registration_token: string };
  /** Client registrations the platform accepted (the tool's JSON, as posted). */
  registrations: Record<string, unknown>[];
  /** Requests the platform received, by path (to see what a refused registration fetched). */
  hits: string[];
  /** The tool's JWK Set URL (from the tool URL, or the dynamic registration's jwks_uri). */
  toolJwksUrl: string;
  /** Deep linking responses received and verified (their claims); refusals go to `refusals`. */
  deepLinkReturns: JWTPayload[];
  /** Access token requests: the scope asked and whether it was granted. */
  tokenRequests: { scope: string; granted: boolean }[];
  /** Line items by URL (AGS §3.2), with the scores received (§3.4), oldest first. */
  lineItems: Map<string, TestLineItem>;
  /** The next n score posts answer 503 (a platform that is down for a while). */
  failScores: number;
  /** Every score post received, including those answered with 503. */
  scorePosts: { lineItem: string; score: Record<string, unknown>; status: number }[];
  /** Members of each context (NRPS §2.2); `rlids` limits a member to some resource links. */
  members: Map<string, TestMember[]>;
  /** Members per NRPS page. */
  pageSize: number;
  /** The URLs of the memberships requests received. */
  membershipRequests: string[];
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
};

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export async function startTestPlatform(opts: {
  clientId?: string;
  deploymentIds?: string[];
  toolUrl: string;
  redirectUris?: string[];
  /**
   * Serve the browser's side (issuer, authorization, deep link return, the course page) over TLS under this
   * host name; the back channel (token, JWKS, AGS, NRPS) stays on plain http at 127.0.0.1.
   */
  front?: { host: string; key: string; cert: string };
  /** The tool's JWK Set URL, when the tool's own URL is not reachable from here (a TLS host name). */
  toolJwksUrl?: string;
  /**
   * How this server reaches a URL the tool gave (its jwks_uri from a dynamic registration) when the tool's host
   * name resolves only in the browser: the test's hosts file for the back channel. Applied at each use.
   */
  backChannel?: (url: string) => string;
}): Promise<TestPlatform> {
  const key = await platformKey();
  const hints = new Map<string, LaunchSpec>();
  const registrationTokens = new Set<string>();
  const platform: TestPlatform = {
    url: "",
    issuer: "",
    clientId: opts.clientId ?? `client-${randomUUID().slice(0, 8)}`,
    authUrl: "",
    tokenUrl: "",
    jwksUrl: "",
    deploymentIds: opts.deploymentIds ?? ["dep-1"],
    key,
    published: [key],
    redirectUris: opts.redirectUris ?? [new URL("lti/launch", opts.toolUrl).href],
    refusals: [],
    registrations: [],
    hits: [],
    toolJwksUrl: opts.toolJwksUrl ?? new URL("lti/jwks", opts.toolUrl).href,
    backUrl: "",
    deepLinkReturns: [],
    tokenRequests: [],
    lineItems: new Map(),
    failScores: 0,
    scorePosts: [],
    members: new Map(),
    pageSize: 2,
    membershipRequests: [],
    registrationInitiation() {
      const token = randomUUID();
      registrationTokens.add(token);
      // The configuration is fetched by the tool's server: the back channel, like the registration endpoint.
      return { openid_configuration: `${platform.backUrl}/.well-known/openid-configuration`, registration_token: token };
    },
    initiation(spec = {}) {
      const loginHint = randomUUID();
      hints.set(loginHint, spec);
      return {
        iss: platform.issuer,
        login_hint: loginHint,
        target_link_uri: spec.targetLinkUri ?? new URL("lessons/intro", opts.toolUrl).href,
        lti_message_hint: `msg-${loginHint}`,
        client_id: platform.clientId,
        lti_deployment_id: spec.deploymentId ?? platform.deploymentIds[0],
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const refuse = (res: ServerResponse, why: string) => {
    platform.refusals.push(why);
    res.statusCode = 400;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(`invalid_request: ${why}`);
  };

  /** §5.1.1.2 authentication request → §5.1.1.3 authentication response (form_post). */
  async function authorize(req: IncomingMessage, res: ServerResponse, url: URL) {
    const params = req.method === "POST" ? new URLSearchParams(await readBody(req)) : url.searchParams;
    const p = (n: string) => params.get(n) ?? "";
    if (p("scope") !== "openid") return refuse(res, "scope must be openid");
    if (p("response_type") !== "id_token") return refuse(res, "response_type must be id_token");
    if (p("response_mode") !== "form_post") return refuse(res, "response_mode must be form_post");
    if (p("prompt") !== "none") return refuse(res, "prompt must be none");
    if (p("client_id") !== platform.clientId) return refuse(res, "unknown client_id");
    if (!platform.redirectUris.includes(p("redirect_uri"))) return refuse(res, "redirect_uri not registered");
    if (!p("state")) return refuse(res, "state missing");
    if (!p("nonce")) return refuse(res, "nonce missing");
    const spec = hints.get(p("login_hint"));
    if (!spec) return refuse(res, "unknown login_hint");
    if (p("lti_message_hint") !== `msg-${p("login_hint")}`) return refuse(res, "lti_message_hint differs");
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: platform.issuer,
      sub: spec.sub ?? "user-1",
      aud: platform.clientId,
      azp: platform.clientId,
      iat: now,
      exp: now + 300,
      nonce: p("nonce"),
      name: spec.name ?? "Amina Traoré",
      given_name: "Amina",
      family_name: "Traoré",
      locale: spec.locale ?? "ar",
      [`${LTI}message_type`]: spec.messageType ?? "LtiResourceLinkRequest",
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: spec.deploymentId ?? platform.deploymentIds[0],
      [`${LTI}target_link_uri`]: spec.targetLinkUri ?? new URL("lessons/intro", opts.toolUrl).href,
      [`${LTI}resource_link`]: { id: spec.resourceLinkId ?? "rl-1", title: "Sahel course" },
      [`${LTI}roles`]: spec.roles ?? [ROLE.learner],
      [`${LTI}tool_platform`]: { guid: "test-platform", name: "Test platform", product_family_code: "test" },
    };
    if (spec.context !== null) claims[`${LTI}context`] = { type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"], ...(spec.context ?? { id: "ctx-1", title: "Sahel security 101", label: "SAHEL101" }) };
    const contextId = spec.context === null ? undefined : (spec.context?.id ?? "ctx-1");
    if (contextId && spec.ags !== false) {
      claims["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"] = {
        scope: Object.values(AGS_SCOPES),
        lineitems: `${platform.backUrl}/contexts/${encodeURIComponent(contextId)}/lineitems`,
        ...(typeof spec.ags === "object" && spec.ags.lineitem ? { lineitem: spec.ags.lineitem } : {}),
      };
    }
    if (contextId && spec.nrps !== false) {
      claims["https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"] = {
        context_memberships_url: `${platform.backUrl}/contexts/${encodeURIComponent(contextId)}/memberships`,
        service_versions: ["2.0"],
      };
    }
    if (spec.deepLinking) {
      claims[`${LTI}message_type`] = "LtiDeepLinkingRequest";
      delete claims[`${LTI}resource_link`];
      claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = {
        deep_link_return_url: `${platform.url}/deep-link-return`,
        accept_types: spec.deepLinking.acceptTypes ?? ["ltiResourceLink"],
        accept_presentation_document_targets: ["iframe", "window"],
        accept_multiple: spec.deepLinking.acceptMultiple ?? false,
        auto_create: true,
        ...(spec.deepLinking.data ? { data: spec.deepLinking.data } : {}),
      };
    }
    spec.claims?.(claims);
    let idToken: string;
    if (spec.signWith === "none") idToken = new UnsecuredJWT(claims).encode();
    else if (spec.signWith === "hs256-public-key")
      idToken = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: key.kid, typ: "JWT" }).sign(new TextEncoder().encode(JSON.stringify(key.publicJwk)));
    else {
      const signer = spec.signWith ?? key;
      const header: Record<string, unknown> = { alg: "RS256", kid: signer.kid, typ: "JWT" };
      spec.header?.(header);
      idToken = await new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(signer.privateKey);
    }
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(p("redirect_uri"))}">` +
        `<input type="hidden" name="id_token" value="${escapeHtml(idToken)}"><input type="hidden" name="state" value="${escapeHtml(p("state"))}">` +
        `<noscript><button>Continue</button></noscript></form></body></html>`,
    );
  }

  /** Dynamic Registration §3.5–3.6: checks the tool's client registration, answers with client_id and deployment. */
  async function register(req: IncomingMessage, res: ServerResponse) {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token || !registrationTokens.has(token)) {
      res.statusCode = 401;
      return res.end(JSON.stringify({ error: "invalid_token" }));
    }
    if (!String(req.headers["content-type"]).startsWith("application/json")) return refuse(res, "registration must be JSON");
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const tool = body["https://purl.imsglobal.org/spec/lti-tool-configuration"] as Record<string, unknown> | undefined;
    const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
    if (body.application_type !== "web") return refuse(res, "application_type must be web");
    if (!list(body.response_types).includes("id_token")) return refuse(res, "response_types must include id_token");
    if (!list(body.grant_types).includes("implicit") || !list(body.grant_types).includes("client_credentials")) return refuse(res, "grant_types must include implicit and client_credentials");
    if (typeof body.initiate_login_uri !== "string" || list(body.redirect_uris).length === 0 || typeof body.jwks_uri !== "string") return refuse(res, "login, redirect and JWKS URIs are required");
    if (body.token_endpoint_auth_method !== "private_key_jwt") return refuse(res, "token_endpoint_auth_method must be private_key_jwt");
    if (!tool || typeof tool.domain !== "string" || typeof tool.target_link_uri !== "string" || !Array.isArray(tool.claims) || !Array.isArray(tool.messages)) return refuse(res, "lti-tool-configuration incomplete");
    registrationTokens.delete(token);
    platform.registrations.push(body);
    platform.redirectUris = list(body.redirect_uris) as string[];
    platform.toolJwksUrl = body.jwks_uri as string;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ...body, client_id: platform.clientId, "https://purl.imsglobal.org/spec/lti-tool-configuration": { ...tool, deployment_id: platform.deploymentIds[0] } }));
  }

  const toolKeys = () => createRemoteJWKSet(new URL((opts.backChannel ?? ((u: string) => u))(platform.toolJwksUrl)), { cooldownDuration: 0, cacheMaxAge: 0 });
  const tokens = new Map<string, { scopes: string[]; exp: number }>();

  /** RFC 7523 §3 / Security Framework §4.1: the client assertion signed by the tool, iss = sub = client_id, aud = token URL. */
  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const scope = form.get("scope") ?? "";
    const deny = (why: string) => {
      platform.tokenRequests.push({ scope, granted: false });
      platform.refusals.push(`token: ${why}`);
      res.statusCode = 400;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ error: "invalid_client", error_description: why }));
    };
    if (form.get("grant_type") !== "client_credentials") return deny("grant_type must be client_credentials");
    if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return deny("client_assertion_type");
    try {
      const { payload } = await jwtVerify(form.get("client_assertion") ?? "", toolKeys(), { algorithms: ["RS256"], issuer: platform.clientId, subject: platform.clientId, audience: platform.tokenUrl, requiredClaims: ["jti", "exp", "iat"] });
      if (seenJti.has(String(payload.jti))) return deny("jti replayed");
      seenJti.add(String(payload.jti));
    } catch (e) {
      return deny(`client_assertion: ${(e as Error).message}`);
    }
    const scopes = scope.split(" ").filter(Boolean);
    const allowed = new Set([...Object.values(AGS_SCOPES), NRPS_SCOPE_URI]);
    if (scopes.length === 0 || scopes.some((s) => !allowed.has(s))) return deny(`scope ${scope}`);
    const access = randomUUID();
    tokens.set(access, { scopes, exp: Date.now() + 3600_000 });
    platform.tokenRequests.push({ scope, granted: true });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ access_token: access, token_type: "Bearer", expires_in: 3600, scope }));
  }
  const seenJti = new Set<string>();

  /** Deep Linking 2.0 §4.5: the response is verified against the tool's keys, addressed to this platform. */
  async function deepLinkReturn(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const { payload } = await jwtVerify(form.get("JWT") ?? "", toolKeys(), { algorithms: ["RS256"], issuer: platform.clientId, audience: platform.issuer, requiredClaims: ["exp", "iat", "nonce"] });
    if (payload[`${LTI}message_type`] !== "LtiDeepLinkingResponse") return refuse(res, "deep link: message_type");
    if (payload[`${LTI}version`] !== "1.3.0") return refuse(res, "deep link: version");
    if (!platform.deploymentIds.includes(String(payload[`${LTI}deployment_id`]))) return refuse(res, "deep link: deployment_id");
    platform.deepLinkReturns.push(payload);
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><html><body><p id="deep-link-done">Received ${(payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as unknown[]).length} item(s)</p></body></html>`);
  }

  /** AGS 2.0 line items and scores, NRPS 2.0 memberships; each needs a bearer token with its scope. */
  async function services(req: IncomingMessage, res: ServerResponse, url: URL) {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const granted = bearer ? tokens.get(bearer) : undefined;
    const has = (scope: string) => !!granted && granted.exp > Date.now() && granted.scopes.includes(scope);
    const needs = (...scopes: string[]) => {
      if (scopes.some(has)) return true;
      res.statusCode = 401;
      res.end(JSON.stringify({ error: "invalid_token" }));
      return false;
    };
    const json = (status: number, body: unknown, type = "application/json") => {
      res.statusCode = status;
      res.setHeader("content-type", type);
      res.end(JSON.stringify(body));
    };
    const parts = url.pathname.split("/").map(decodeURIComponent);
    // /contexts/<ctx>/lineitems[/<n>[/scores]] | /contexts/<ctx>/memberships
    const contextId = parts[2];
    if (parts[3] === "memberships" && req.method === "GET") {
      if (!needs(NRPS_SCOPE_URI)) return;
      platform.membershipRequests.push(url.pathname + url.search);
      const rlid = url.searchParams.get("rlid");
      const all = (platform.members.get(contextId) ?? []).filter((m) => !rlid || !m.rlids || m.rlids.includes(rlid));
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const page = all.slice(offset, offset + platform.pageSize).map(({ rlids: _r, ...m }) => ({ status: "Active", ...m }));
      if (offset + platform.pageSize < all.length) {
        const next = new URL(url.href);
        next.searchParams.set("offset", String(offset + platform.pageSize));
        res.setHeader("link", `<${next.href}>; rel="next"`);
      }
      return json(200, { id: `${platform.backUrl}${url.pathname}`, context: { id: contextId, title: "Context" }, members: page }, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json");
    }
    if (parts[3] !== "lineitems") return json(404, { error: "not found" });
    const container = `${platform.backUrl}/contexts/${encodeURIComponent(contextId)}/lineitems`;
    if (parts.length === 4 && req.method === "GET") {
      if (!needs(AGS_SCOPES.lineItem, AGS_SCOPES.lineItemReadOnly)) return;
      const rl = url.searchParams.get("resource_link_id");
      const rid = url.searchParams.get("resource_id");
      const items = [...platform.lineItems.values()].filter((i) => i.contextId === contextId && (!rl || i.resourceLinkId === rl) && (!rid || i.resourceId === rid));
      return json(200, items.map(({ scores: _s, contextId: _c, ...i }) => i), "application/vnd.ims.lis.v2.lineitemcontainer+json");
    }
    if (parts.length === 4 && req.method === "POST") {
      if (!needs(AGS_SCOPES.lineItem)) return;
      const body = JSON.parse(await readBody(req)) as Partial<TestLineItem>;
      if (!(typeof body.scoreMaximum === "number" && body.scoreMaximum > 0) || typeof body.label !== "string" || !body.label) return refuse(res, "line item needs scoreMaximum > 0 and label");
      const id = `${container}/${platform.lineItems.size + 1}`;
      const item: TestLineItem = { id, contextId, scoreMaximum: body.scoreMaximum, label: body.label, resourceId: body.resourceId, resourceLinkId: body.resourceLinkId, scores: [] };
      platform.lineItems.set(id, item);
      const { scores: _s, contextId: _c, ...shown } = item;
      return json(201, shown, "application/vnd.ims.lis.v2.lineitem+json");
    }
    if (parts.length === 6 && parts[5] === "scores" && req.method === "POST") {
      if (!needs(AGS_SCOPES.score)) return;
      const lineItem = `${container}/${parts[4]}`;
      const item = platform.lineItems.get(lineItem);
      if (!item) return json(404, { error: "no such line item" });
      if (!String(req.headers["content-type"]).startsWith("application/vnd.ims.lis.v1.score+json")) return refuse(res, "score content-type");
      const score = JSON.parse(await readBody(req)) as Record<string, unknown>;
      if (platform.failScores > 0) {
        platform.failScores--;
        platform.scorePosts.push({ lineItem, score, status: 503 });
        return json(503, { error: "unavailable" });
      }
      for (const f of ["userId", "activityProgress", "gradingProgress", "timestamp"]) if (typeof score[f] !== "string") return refuse(res, `score needs ${f}`);
      if (typeof score.scoreGiven === "number" && typeof score.scoreMaximum !== "number") return refuse(res, "scoreGiven needs scoreMaximum");
      platform.scorePosts.push({ lineItem, score, status: 200 });
      // §3.4.7: a score older than the last one kept is ignored.
      const last = item.scores.filter((x) => x.userId === score.userId).at(-1);
      if (!last || String(last.timestamp) < String(score.timestamp)) item.scores.push(score);
      res.statusCode = 200;
      return res.end();
    }
    return json(404, { error: "not found" });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", platform.backUrl || "http://localhost");
    platform.hits.push(url.pathname);
    if (url.pathname === "/.well-known/openid-configuration") {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          issuer: platform.issuer,
          authorization_endpoint: platform.authUrl,
          token_endpoint: platform.tokenUrl,
          jwks_uri: platform.jwksUrl,
          registration_endpoint: `${platform.backUrl}/register`,
          scopes_supported: ["openid"],
          response_types_supported: ["id_token"],
          subject_types_supported: ["public", "pairwise"],
          id_token_signing_alg_values_supported: ["RS256"],
          claims_supported: ["iss", "sub", "name", "given_name", "family_name", "locale"],
          "https://purl.imsglobal.org/spec/lti-platform-configuration": { product_family_code: "test", version: "1.0", messages_supported: [{ type: "LtiResourceLinkRequest" }] },
        }),
      );
    } else if (url.pathname === "/register" && req.method === "POST") {
      register(req, res).catch((e: Error) => refuse(res, e.message));
    } else if (url.pathname === "/jwks") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: platform.published.map((k) => k.publicJwk) }));
    } else if (url.pathname === "/auth" && (req.method === "GET" || req.method === "POST")) {
      authorize(req, res, url).catch((e: Error) => refuse(res, e.message));
    } else if (url.pathname === "/course" && req.method === "GET") {
      // A course page of the platform with the tool in an iframe, started by a GET login initiation.
      const src = url.searchParams.get("src") ?? "";
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html lang="en"><head><title>Platform course</title></head><body><h1>Platform course</h1><iframe id="tool" title="Tool" style="width:1200px;height:800px" src="${escapeHtml(src)}" allow="clipboard-write"></iframe></body></html>`);
    } else if (url.pathname === "/register-tool" && req.method === "GET") {
      // Dynamic Registration §3.3 from the platform's admin page: the tool's registration URL (as the admin
      // pasted it) in an iframe, with the platform's openid_configuration and registration_token added; §3.7:
      // the platform closes (hides) the frame when the tool posts org.imsglobal.lti.close, and says so in #registration-closed.
      const target = new URL(url.searchParams.get("url") ?? "");
      for (const [k, v] of Object.entries(platform.registrationInitiation())) target.searchParams.set(k, v);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><html lang="en"><head><title>Register a tool</title></head><body><h1>Register a tool</h1><p id="registration-closed"></p>` +
          `<iframe id="tool-registration" title="Tool registration" style="width:800px;height:400px" src="${escapeHtml(target.href)}"></iframe>` +
          `<script>addEventListener("message", (e) => { if (e.origin === ${JSON.stringify(target.origin)} && e.data && e.data.subject === "org.imsglobal.lti.close") {` +
          ` document.getElementById("registration-closed").textContent = "closed by " + e.origin; document.getElementById("tool-registration").hidden = true; } });</script></body></html>`,
      );
    } else if (url.pathname === "/token" && req.method === "POST") {
      token(req, res).catch((e: Error) => refuse(res, e.message));
    } else if (url.pathname === "/deep-link-return" && req.method === "POST") {
      deepLinkReturn(req, res).catch((e: Error) => refuse(res, e.message));
    } else if (url.pathname.startsWith("/contexts/")) {
      services(req, res, url).catch((e: Error) => refuse(res, e.message));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  platform.backUrl = `http://127.0.0.1:${port}`;
  platform.url = platform.backUrl;
  if (opts.front) {
    // The browser's side over TLS under its own host name; the same handler answers (socket handed over).
    const front = createTlsServer({ key: opts.front.key, cert: opts.front.cert }, (socket) => server.emit("connection", socket));
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    platform.url = `https://${opts.front.host}:${(front.address() as AddressInfo).port}`;
    const close = platform.close;
    platform.close = async () => {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await close();
    };
  }
  platform.issuer = platform.url;
  platform.authUrl = `${platform.url}/auth`;
  platform.tokenUrl = `${platform.backUrl}/token`;
  platform.jwksUrl = `${platform.backUrl}/jwks`;
  return platform;
}

/** A user agent: keeps cookies per host, follows the login redirect, reads and posts the platform's form. */
export class Browser {
  readonly cookies = new Map<string, Map<string, string>>();

  private cookieHeader(url: string): string {
    const jar = this.cookies.get(new URL(url).host);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join("; ") : "";
  }

  private keep(url: string, res: Response): void {
    const host = new URL(url).host;
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      const jar = this.cookies.get(host) ?? new Map<string, string>();
      if (/max-age=0/i.test(line)) jar.delete(pair.slice(0, i).trim());
      else jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
      this.cookies.set(host, jar);
    }
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set("cookie", cookie);
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    this.keep(url, res);
    return res;
  }

  /** Reads an auto-submitting form page: its action and hidden fields. */
  static form(html: string): { action: string; fields: Record<string, string> } {
    const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form in: ${html.slice(0, 300)}`);
    const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const fields = Object.fromEntries([...html.matchAll(/<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]));
    return { action: unescape(action), fields };
  }

  /**
   * The whole launch: login initiation at the tool (GET, or POST as a form), the redirect to the platform's
   * authorization endpoint, and the form post of the id_token back to the tool. `beforePost` may change the
   * form (a swapped state, say). Returns every response for the test to look at.
   */
  async launch(
    toolLoginUrl: string,
    initiation: Record<string, string>,
    opts: { method?: "GET" | "POST"; authMethod?: "GET" | "POST"; beforePost?: (form: { action: string; fields: Record<string, string> }) => void } = {},
  ): Promise<{ login: Response; auth?: Response; launch?: Response; form?: { action: string; fields: Record<string, string> } }> {
    const login =
      opts.method === "POST"
        ? await this.request(toolLoginUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(initiation).toString() })
        : await this.request(`${toolLoginUrl}?${new URLSearchParams(initiation)}`);
    if (login.status !== 302) return { login };
    const location = login.headers.get("location")!;
    const auth =
      opts.authMethod === "POST"
        ? await this.request(location.split("?")[0], { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URL(location).searchParams.toString() })
        : await this.request(location);
    if (auth.status !== 200) return { login, auth };
    const form = Browser.form(await auth.text());
    opts.beforePost?.(form);
    const launch = await this.request(form.action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form.fields).toString() });
    return { login, auth, launch, form };
  }
}
