/**
 * LTI Deep Linking 2.0, tool side. A deep linking request launch (validated like any launch in lti.service.ts)
 * shows a picker of the course, its lessons and its quizzes in both languages (http/lti.pages.ts). The picker
 * carries the request's settings in a short-lived JWT the tool signs for itself (so nothing is kept between
 * the two requests and nothing in the form can be changed unseen). The instructor's choice comes back to
 * POST /lti/deep-link, and the tool answers with an LtiDeepLinkingResponse (Deep Linking 2.0 §4.5): a JWT
 * signed RS256 with the tool's current key (kid in the header), iss = client_id, aud = the platform's issuer,
 * the deployment id, the request's `data`, and one `ltiResourceLink` content item per choice; a quiz's item
 * carries a lineItem (scoreMaximum, label, resourceId) so the platform makes a gradebook column for it. The
 * browser auto-posts it to deep_link_return_url as the form field JWT.
 */
import { randomUUID } from "node:crypto";
import { createLocalJWKSet, jwtVerify, SignJWT } from "jose";
import type { ContentStore } from "../content/content.store.js";
import type { Clock } from "../shared/clock.js";
import { Locale } from "../shared/locale.js";
import { LtiError } from "./lti-errors.js";
import type { ToolKeys } from "./lti-keys.js";
import type { Launch } from "./lti.service.js";
import type { PlatformRegistry } from "./lti-registry.js";

const CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
/** How long the picker may stay open. */
export const PICK_TTL_S = 30 * 60;

export interface DeepLinkChoice {
  /** course, lesson:<slug> or quiz:<id> */
  id: string;
  kind: "course" | "lesson" | "quiz";
  title: { ar: string; en: string };
  /** The path the resource link opens. */
  path: string;
  /** For a quiz: the most points an attempt can earn. */
  scoreMaximum?: number;
}

export interface DeepLinkResponse {
  returnUrl: string;
  jwt: string;
}

interface PickState {
  platformId: string;
  deploymentId: string;
  returnUrl: string;
  data?: string;
  acceptMultiple: boolean;
  locale: string;
}

export class DeepLinking {
  constructor(
    private readonly keys: ToolKeys,
    private readonly content: ContentStore,
    private readonly registry: PlatformRegistry,
    private readonly clock: Clock,
    private readonly baseUrl: () => URL,
  ) {}

  /** What can be linked: the course, every lesson, every quiz (titles in both languages). */
  choices(): DeepLinkChoice[] {
    const c = this.content.content;
    return [
      { id: "course", kind: "course" as const, title: c.course.title, path: "/" },
      ...c.lessons.map((l) => ({ id: `lesson:${l.slug}`, kind: "lesson" as const, title: l.title, path: `/lessons/${encodeURIComponent(l.slug)}` })),
      ...c.quizzes.map((q) => ({
        id: `quiz:${q.id}`,
        kind: "quiz" as const,
        title: q.title,
        path: `/quizzes/${encodeURIComponent(q.id)}`,
        scoreMaximum: q.items.filter((i) => i.pool !== "practice").reduce((sum, i) => sum + i.points, 0),
      })),
    ];
  }

  private get audience(): string {
    return new URL("lti/deep-link", this.baseUrl()).href;
  }

  /** The signed state the picker form carries. */
  async pickState(launch: Launch): Promise<string> {
    const dl = launch.deepLinking;
    if (!dl) throw new Error("not a deep linking launch");
    const { kid, key } = await this.keys.signingKey();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const state: PickState = { platformId: launch.platform.id, deploymentId: launch.deploymentId, returnUrl: dl.returnUrl, data: dl.data, acceptMultiple: dl.acceptMultiple, locale: dl.locale };
    return new SignJWT({ dl: state }).setProtectedHeader({ alg: "RS256", kid }).setIssuer(this.audience).setAudience(this.audience).setIssuedAt(now).setExpirationTime(now + PICK_TTL_S).sign(key);
  }

  /** The instructor's choice → the signed LtiDeepLinkingResponse for the platform. */
  async respond(stateJwt: string | undefined, chosen: string[]): Promise<DeepLinkResponse> {
    if (!stateJwt) throw new LtiError("lti/missing_parameter", "deep linking state");
    let state: PickState;
    try {
      const { payload } = await jwtVerify(stateJwt, createLocalJWKSet(await this.keys.jwks()), {
        algorithms: ["RS256"],
        issuer: this.audience,
        audience: this.audience,
        currentDate: this.clock.now(),
      });
      state = payload.dl as PickState;
    } catch (e) {
      throw new LtiError("lti/deep_link_expired", (e as Error).message);
    }
    const platform = await this.registry.byId(state.platformId);
    if (!platform || !platform.deploymentIds.includes(state.deploymentId)) throw new LtiError("lti/unknown_deployment", "platform or deployment removed since the request");
    const all = new Map(this.choices().map((c) => [c.id, c]));
    const picked = [...new Set(chosen)].map((id) => all.get(id));
    if (picked.some((c) => !c)) throw new LtiError("lti/missing_parameter", `unknown choice among ${chosen.join(",")}`);
    if (picked.length > 1 && !state.acceptMultiple) throw new LtiError("lti/missing_parameter", "the platform accepts one item only");
    const items = (picked as DeepLinkChoice[]).map((c) => contentItem(c, this.baseUrl(), state.locale === Locale.EN ? Locale.EN : Locale.AR));
    const { kid, key } = await this.keys.signingKey();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const claims: Record<string, unknown> = {
      nonce: randomUUID(),
      azp: platform.clientId,
      [`${CLAIM}message_type`]: "LtiDeepLinkingResponse",
      [`${CLAIM}version`]: "1.3.0",
      [`${CLAIM}deployment_id`]: state.deploymentId,
      [`${DL}content_items`]: items,
    };
    if (state.data !== undefined) claims[`${DL}data`] = state.data;
    if (items.length === 0) claims[`${DL}msg`] = "Nothing was selected. · لم يُختر شيء.";
    const jwt = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(platform.clientId)
      .setAudience(platform.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(key);
    return { returnUrl: state.returnUrl, jwt };
  }
}

/** Deep Linking 2.0 §3.1 (LTI Resource Link): title in the instructor's language, the other in text. */
export function contentItem(c: DeepLinkChoice, base: URL, locale: Locale): Record<string, unknown> {
  const [first, second] = locale === Locale.EN ? [c.title.en, c.title.ar] : [c.title.ar, c.title.en];
  const item: Record<string, unknown> = {
    type: "ltiResourceLink",
    title: first,
    text: second,
    url: new URL(c.path.slice(1), base).href,
    custom: { kind: c.kind },
  };
  if (c.kind === "quiz") item.lineItem = { scoreMaximum: c.scoreMaximum, label: first, resourceId: c.id.slice("quiz:".length) };
  return item;
}
