/**
 * Platforms registered with the tool and their deployments (LTI 1.3 §3.1.3: a tool knows each platform by
 * issuer and client_id, and each platform may deploy the tool several times, each deployment by its id).
 * Registration by the CLI (`npm run lti:register`) goes through `register`, which is idempotent: registering
 * the same (issuer, client_id) again updates its URLs and adds deployments.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { WriteQueue } from "../db/write-queue.js";
import type { Clock } from "../shared/clock.js";
import { LtiDeploymentRow, LtiPlatformRow } from "./lti.entity.js";

export interface PlatformRegistration {
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  /** Origins that may frame launched pages; default: the origins of the issuer and the authorization URL. */
  frameOrigins?: string[];
}

export interface Platform {
  id: string;
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  frameOrigins: string[];
  deploymentIds: string[];
}

/** A registration's problems in words, or [] when it is sound. */
export function registrationProblems(r: PlatformRegistration, deploymentRequired = true): string[] {
  const problems: string[] = [];
  const httpsUrl = (name: string, value: string, insecureOk: boolean) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${name} is not a URL: "${value}"`);
      return;
    }
    const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
    if (url.protocol !== "https:" && !(insecureOk && url.protocol === "http:" && local)) problems.push(`${name} must be an https URL (http only on localhost), got "${value}"`);
  };
  // Security Framework §5.1.2: the issuer is a case-sensitive https URL; http is accepted for local testing only.
  httpsUrl("--issuer", r.issuer, true);
  httpsUrl("--auth-url", r.authUrl, true);
  httpsUrl("--token-url", r.tokenUrl, true);
  httpsUrl("--jwks-url", r.jwksUrl, true);
  for (const o of r.frameOrigins ?? []) {
    try {
      if (new URL(o).origin !== o) problems.push(`--frame-origin must be an origin (scheme://host[:port], no path), got "${o}"`);
    } catch {
      problems.push(`--frame-origin is not a URL: "${o}"`);
    }
  }
  if (!r.clientId.trim() || r.clientId.length > 255) problems.push("--client-id needs 1 to 255 characters");
  if (r.issuer.length > 255) problems.push("--issuer may have at most 255 characters");
  if (deploymentRequired && r.deploymentIds.length === 0) problems.push("at least one --deployment-id is required");
  for (const d of r.deploymentIds) if (!d.trim() || d.length > 255) problems.push(`a deployment id needs 1 to 255 characters, got "${d}"`);
  return problems;
}

const defaultFrameOrigins = (r: PlatformRegistration) => [...new Set([new URL(r.issuer).origin, new URL(r.authUrl).origin])];

export class PlatformRegistry {
  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  /** `deploymentRequired: false` for Dynamic Registration, where the platform may name its deployment later. */
  async register(r: PlatformRegistration, deploymentRequired = true): Promise<Platform> {
    const problems = registrationProblems(r, deploymentRequired);
    if (problems.length) throw new Error(problems.join("\n"));
    const now = this.clock.now();
    const frameOrigins = JSON.stringify(r.frameOrigins?.length ? r.frameOrigins : defaultFrameOrigins(r));
    const id = await this.writes.run(async (em) => {
      const found = await em.findOneBy(LtiPlatformRow, { issuer: r.issuer, clientId: r.clientId });
      const platformId = found?.id ?? randomUUID();
      const fields = { authUrl: r.authUrl, tokenUrl: r.tokenUrl, jwksUrl: r.jwksUrl, frameOrigins };
      if (found) await em.update(LtiPlatformRow, { id: platformId }, fields);
      else await em.insert(LtiPlatformRow, { id: platformId, issuer: r.issuer, clientId: r.clientId, ...fields, createdAt: now });
      for (const deploymentId of new Set(r.deploymentIds)) {
        if (!(await em.findOneBy(LtiDeploymentRow, { platformId, deploymentId }))) await em.insert(LtiDeploymentRow, { platformId, deploymentId, createdAt: now });
      }
      return platformId;
    });
    return (await this.byId(id))!;
  }

  async byId(id: string): Promise<Platform | null> {
    const row = await this.db.getRepository(LtiPlatformRow).findOneBy({ id });
    return row ? this.withDeployments(row) : null;
  }

  /**
   * The platforms of an issuer, optionally narrowed by client_id (login initiation may omit it when the
   * issuer has one registration; Security Framework §5.1.1.1 makes client_id optional).
   */
  async find(issuer: string, clientId?: string): Promise<Platform[]> {
    const rows = await this.db.getRepository(LtiPlatformRow).findBy(clientId === undefined ? { issuer } : { issuer, clientId });
    return Promise.all(rows.map((r) => this.withDeployments(r)));
  }

  async all(): Promise<Platform[]> {
    const rows = await this.db.getRepository(LtiPlatformRow).find({ order: { createdAt: "ASC" } });
    return Promise.all(rows.map((r) => this.withDeployments(r)));
  }

  private async withDeployments(row: LtiPlatformRow): Promise<Platform> {
    const deployments = await this.db.getRepository(LtiDeploymentRow).find({ where: { platformId: row.id }, order: { createdAt: "ASC" } });
    return {
      id: row.id,
      issuer: row.issuer,
      clientId: row.clientId,
      authUrl: row.authUrl,
      tokenUrl: row.tokenUrl,
      jwksUrl: row.jwksUrl,
      frameOrigins: JSON.parse(row.frameOrigins) as string[],
      deploymentIds: deployments.map((d) => d.deploymentId),
    };
  }
}
