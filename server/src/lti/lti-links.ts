/**
 * What a resource link launch leaves behind for LTI Advantage: the link with the service endpoints the platform
 * named in the launch (AGS endpoint claim, AGS 2.0 §3.1; NRPS claim, NRPS 2.0 §3.6.1), kept up to date on each
 * launch since platforms may change them, and, when the link opens a quiz and the user is a learner, the
 * user as a grade target of that link (their finished attempts go to the link's line item). Runs inside the
 * launch's transaction.
 */
import type { EntityManager } from "typeorm";
import type { JWTPayload } from "jose";
import { LtiGradeTargetRow, LtiLinkRow } from "./lti-advantage.entity.js";

export const AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
export const NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

/** The quiz a tool path opens (/quizzes/<id>), or null. */
export function quizOfPath(pathname: string): string | null {
  const m = /^\/quizzes\/([^/?#]+)\/?$/.exec(pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

const httpUrl = (v: unknown): string | null => {
  if (typeof v !== "string" || v.length > 1000) return null;
  try {
    const u = new URL(v);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
};

export interface LinkLaunch {
  platformId: string;
  deploymentId: string;
  resourceLinkId: string;
  title: string | null;
  contextId: string | null;
  classroomId: string | null;
  targetPath: string;
  claims: JWTPayload;
  userId: string;
  sub: string;
  learner: boolean;
  now: Date;
}

export async function recordLink(em: EntityManager, l: LinkLaunch): Promise<void> {
  const ags = (l.claims[AGS_CLAIM] ?? {}) as { scope?: unknown; lineitems?: unknown; lineitem?: unknown };
  const nrps = (l.claims[NRPS_CLAIM] ?? {}) as { context_memberships_url?: unknown };
  const scopes = Array.isArray(ags.scope) ? ags.scope.filter((s): s is string => typeof s === "string") : [];
  const key = { platformId: l.platformId, deploymentId: l.deploymentId, resourceLinkId: l.resourceLinkId };
  const found = await em.findOneBy(LtiLinkRow, key);
  const quizId = quizOfPath(l.targetPath);
  const fields = {
    contextId: l.contextId,
    classroomId: l.classroomId,
    quizId,
    title: l.title?.slice(0, 255) ?? null,
    lineItemsUrl: httpUrl(ags.lineitems),
    // A line item the tool created earlier stays when the platform names none.
    lineItemUrl: httpUrl(ags.lineitem) ?? found?.lineItemUrl ?? null,
    agsScopes: JSON.stringify(scopes),
    membershipsUrl: httpUrl(nrps.context_memberships_url),
    updatedAt: l.now,
  };
  if (found) await em.update(LtiLinkRow, key, fields);
  else await em.insert(LtiLinkRow, { ...key, ...fields });
  if (quizId && l.learner && (fields.lineItemUrl || fields.lineItemsUrl)) {
    const target = { ...key, userId: l.userId };
    const had = await em.findOneBy(LtiGradeTargetRow, target);
    if (had) await em.update(LtiGradeTargetRow, target, { sub: l.sub, quizId });
    else await em.insert(LtiGradeTargetRow, { ...target, sub: l.sub, quizId, createdAt: l.now });
  }
}
