/**
 * Names and Role Provisioning Services 2.0, tool side: "sync roster" on a class bound to an LTI context.
 * The memberships come from the context_memberships_url the platform named in a launch of that context
 * (NRPS 2.0 §3.6.1), with a client-credentials token for the contextmembership.readonly scope, page by page
 * following Link rel="next" (§2.4.2), filtered by `rlid` when the caller gives a resource link (§2.4.1).
 * Each member is a user linked by (issuer, user_id) — created when new, never matched by email — and an
 * active learner becomes a member of the class. A learner of the class linked to this platform who is
 * Inactive or Deleted, or (on an unfiltered sync) no longer listed, is marked LEFT in lti_roster: nothing
 * of theirs is deleted, and they become ACTIVE again if they return. Instructors are linked, not made members
 * (launches give them the class).
 */
import type { DataSource, EntityManager } from "typeorm";
import { In } from "typeorm";
import { UserRow } from "../accounts/user.entity.js";
import { Role } from "../shared/role.enum.js";
import { ClassroomMemberRow, ClassroomRow } from "../classrooms/classroom.entity.js";
import { applyLearnerToClass } from "../classrooms/class-rollup.js";
import { applyLearner } from "../classrooms/stat-rollup.js";
import type { WriteQueue } from "../db/write-queue.js";
import { AppError } from "../errors.js";
import type { Clock } from "../shared/clock.js";
import { Locale } from "../shared/locale.js";
import { LtiLinkRow, LtiRosterRow } from "./lti-advantage.entity.js";
import { LtiContextRow, LtiUserRow } from "./lti.entity.js";
import type { LtiService } from "./lti.service.js";
import { contextRole } from "./lti.service.js";
import type { Fetch, ServiceTokens } from "./lti-service-token.js";
import { NRPS_SCOPE, ServiceError } from "./lti-service-token.js";

const MAX_PAGES = 200;

export interface NrpsMember {
  user_id: string;
  roles?: string[];
  status?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
}

export interface RosterSyncResult {
  /** Members the platform listed. */
  listed: number;
  /** Learners who became members of the class in this sync. */
  added: number;
  /** Users created for platform members seen for the first time. */
  created: number;
  /** Learners marked as having left (now LEFT). */
  left: number;
  /** Active learners of the class according to the platform. */
  active: number;
}

/** The next page's URL from a Link header (RFC 8288), or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (m && /(^|;)\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2])) return m[1];
  }
  return null;
}

export class RosterSync {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly lti: LtiService,
    private readonly tokens: ServiceTokens,
    private readonly fetcher: Fetch = fetch,
  ) {}

  /** Whether the class can be synced (bound to a context whose platform offered NRPS). */
  async available(classroomId: string): Promise<boolean> {
    return (await this.serviceOf(classroomId)) !== null;
  }

  private async serviceOf(classroomId: string) {
    const contexts = await this.db.getRepository(LtiContextRow).findBy({ classroomId });
    if (contexts.length === 0) return null;
    const links = await this.db.getRepository(LtiLinkRow).find({ where: { classroomId }, order: { updatedAt: "DESC" } });
    const link = links.find((l) => l.membershipsUrl && contexts.some((c) => c.platformId === l.platformId && c.deploymentId === l.deploymentId && c.contextId === l.contextId));
    return link ?? null;
  }

  async sync(classroomId: string, opts: { rlid?: string } = {}): Promise<RosterSyncResult> {
    const link = await this.serviceOf(classroomId);
    if (!link?.membershipsUrl) throw new AppError("lti/no_roster_service", "This class is not bound to a learning platform that offers its roster.");
    const platform = await this.lti.registry.byId(link.platformId);
    if (!platform) throw new AppError("lti/no_roster_service", "The class's learning platform is no longer registered.");
    const members = await this.fetchAll(platform, link.membershipsUrl, opts.rlid);
    const now = this.clock.now();
    return this.writes.run(async (em) => {
      const room = await em.findOneBy(ClassroomRow, { id: classroomId });
      if (!room) throw new AppError("classroom/not_found", "No such class.");
      const result: RosterSyncResult = { listed: members.length, added: 0, created: 0, left: 0, active: 0 };
      const activeLearners = new Set<string>();
      const goneLearners = new Set<string>();
      for (const m of members) {
        if (typeof m.user_id !== "string" || !m.user_id || m.user_id.length > 255) continue;
        const role = contextRole(Array.isArray(m.roles) ? m.roles.filter((r): r is string => typeof r === "string") : []);
        const active = m.status === undefined || m.status === "Active";
        const known = await em.findOneBy(LtiUserRow, { issuer: platform.issuer, sub: m.user_id });
        if (!known && !active) continue;
        const userId = await this.lti.linkUser(em, platform.issuer, m.user_id, role, { name: memberName(m), locale: Locale.AR }, now);
        if (!known) result.created++;
        if (role !== "LEARNER") continue;
        if (!active) {
          goneLearners.add(userId);
          continue;
        }
        activeLearners.add(userId);
        if (room.instructorId !== userId && !(await em.findOneBy(ClassroomMemberRow, { classroomId, userId }))) {
          await em.insert(ClassroomMemberRow, { classroomId, userId, joinedAt: now });
          await applyLearner(em, userId, classroomId, 1);
          await applyLearnerToClass(em, userId, classroomId, 1);
          result.added++;
        }
      }
      // Absent from the full roster: left. With an rlid filter, absence only means "cannot see this link".
      if (!opts.rlid) {
        const memberIds = (await em.findBy(ClassroomMemberRow, { classroomId })).map((r) => r.userId);
        const linked = memberIds.length ? await em.findBy(LtiUserRow, { issuer: platform.issuer, userId: In(memberIds) }) : [];
        for (const l of linked) if (!activeLearners.has(l.userId) && !(await this.teaches(em, l.userId))) goneLearners.add(l.userId);
      }
      for (const userId of activeLearners) await upsertRoster(em, classroomId, userId, "ACTIVE", now);
      for (const userId of goneLearners) {
        if (!(await em.findOneBy(ClassroomMemberRow, { classroomId, userId }))) continue;
        const before = await em.findOneBy(LtiRosterRow, { classroomId, userId });
        if (before?.status !== "LEFT") result.left++;
        await upsertRoster(em, classroomId, userId, "LEFT", now);
      }
      result.active = activeLearners.size;
      return result;
    });
  }

  /** A member whose account teaches (a teaching assistant, a further instructor) is never a leaver here. */
  private async teaches(em: EntityManager, userId: string): Promise<boolean> {
    const user = await em.findOneBy(UserRow, { id: userId });
    return !!user && user.role !== Role.LEARNER;
  }

  private async fetchAll(platform: NonNullable<Awaited<ReturnType<LtiService["registry"]["byId"]>>>, first: string, rlid?: string): Promise<NrpsMember[]> {
    const url = new URL(first);
    if (rlid) url.searchParams.set("rlid", rlid);
    const members: NrpsMember[] = [];
    let next: string | null = url.href;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const token = await this.tokens.token(platform, [NRPS_SCOPE]);
      let res: Response;
      try {
        res = await this.fetcher(next, { headers: { authorization: `Bearer ${token}`, accept: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json" }, signal: AbortSignal.timeout(10_000) });
      } catch (e) {
        throw unavailable(new ServiceError((e as Error).message, null, true));
      }
      if (res.status === 401) this.tokens.forget(platform, [NRPS_SCOPE]);
      if (!res.ok) throw unavailable(new ServiceError(`memberships answered ${res.status}`, res.status, false));
      const body = (await res.json().catch(() => null)) as { members?: unknown } | null;
      if (!body || !Array.isArray(body.members)) throw unavailable(new ServiceError("memberships answered no members list", res.status, false));
      members.push(...(body.members as NrpsMember[]));
      next = nextLink(res.headers.get("link"));
    }
    return members;
  }
}

function unavailable(e: ServiceError): AppError {
  return new AppError("lti/platform_unavailable", "The learning platform did not give the roster; try again later.", { detail: e.message.slice(0, 200) });
}

async function upsertRoster(em: EntityManager, classroomId: string, userId: string, status: "ACTIVE" | "LEFT", now: Date): Promise<void> {
  const found = await em.findOneBy(LtiRosterRow, { classroomId, userId });
  if (found) await em.update(LtiRosterRow, { classroomId, userId }, { status, syncedAt: now });
  else await em.insert(LtiRosterRow, { classroomId, userId, status, syncedAt: now });
}

function memberName(m: NrpsMember): string {
  const name = [m.name, [m.given_name, m.family_name].filter((s) => typeof s === "string").join(" ")].find((s): s is string => typeof s === "string" && s.trim().length > 0)?.trim();
  return (name ?? "—").slice(0, 80);
}
