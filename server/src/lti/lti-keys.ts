/**
 * The tool's own RSA keys (LTI 1.3 §6.1 / Security Framework §6: the tool publishes its public keys as a JWK
 * Set and signs with RS256, naming the key by `kid`). A key is generated on the first start and stored in the
 * database, so every instance signs with the same key and a restart keeps it. Rotation (`npm run lti:rotate-key`)
 * adds a new signing key and keeps the old one published for an overlap, so platforms that cached the old
 * JWKS still verify messages signed just before; after the overlap the old key is removed. Private keys never
 * leave the server: only `publicJwk` is ever served.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8 } from "jose";
import type { JWK, CryptoKey as JoseKey } from "jose";
import type { WriteQueue } from "../db/write-queue.js";
import type { Clock } from "../shared/clock.js";
import { LtiToolKeyRow } from "./lti.entity.js";

/** How long a retired key stays published unless the rotation says otherwise. */
export const DEFAULT_OVERLAP_MS = 7 * 24 * 3600 * 1000;

export interface SigningKey {
  kid: string;
  key: JoseKey;
}

async function newKeyRow(now: Date): Promise<LtiToolKeyRow> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return Object.assign(new LtiToolKeyRow(), { kid, publicJwk: JSON.stringify(jwk), privateKey: await exportPKCS8(privateKey), createdAt: now, retiredAt: null, removeAfter: null });
}

export class ToolKeys {
  private signing: { kid: string; key: Promise<JoseKey> } | undefined;
  /** The first key's making, started at start and awaited by whatever needs a key; forgotten if it failed. */
  private ready: Promise<void> | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes the first key when there is none (whoever comes first among instances). The app starts it before
   * importing the content and awaits it last (an RSA key takes 50-250 ms to generate on the thread pool: up
   * to a fifth of a cold start); `signingKey` and `jwks` await it too, so nothing is signed or published
   * before the key is stored. A failure (a full disk) reaches the caller, and the next call tries again.
   */
  ensureKey(): Promise<void> {
    this.ready ??= this.makeFirstKey().catch((e: unknown) => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  private async makeFirstKey(): Promise<void> {
    if (await this.current()) return;
    const row = await newKeyRow(this.clock.now());
    await this.writes.run(async (em) => {
      if ((await em.countBy(LtiToolKeyRow, {})) === 0) await em.insert(LtiToolKeyRow, row);
    });
  }

  /** The key that signs: the newest one not retired. */
  private async current(): Promise<LtiToolKeyRow | null> {
    const rows = await this.db.getRepository(LtiToolKeyRow).find({ order: { createdAt: "DESC" } });
    return rows.find((r) => !r.retiredAt) ?? null;
  }

  async signingKey(): Promise<SigningKey> {
    await this.ensureKey();
    const row = await this.current();
    if (!row) throw new Error("The LTI tool has no signing key; start the server once or run npm run lti:rotate-key");
    if (this.signing?.kid !== row.kid) this.signing = { kid: row.kid, key: importPKCS8(row.privateKey, "RS256") };
    return { kid: row.kid, key: await this.signing.key };
  }

  /** The public JWK Set: the signing key and retired keys still inside their overlap. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.ensureKey();
    const now = this.clock.now().getTime();
    const rows = await this.db.getRepository(LtiToolKeyRow).find({ order: { createdAt: "DESC" } });
    return { keys: rows.filter((r) => !r.removeAfter || r.removeAfter.getTime() > now).map((r) => JSON.parse(r.publicJwk) as JWK) };
  }

  /**
   * A new signing key; the previous one stays published for `overlapMs`, and keys whose overlap has ended are
   * deleted. Returns the new kid and the kids still published.
   */
  async rotate(overlapMs = DEFAULT_OVERLAP_MS): Promise<{ kid: string; published: string[]; removed: string[] }> {
    const now = this.clock.now();
    const row = await newKeyRow(now);
    const removed = await this.writes.run(async (em) => {
      const all = await em.find(LtiToolKeyRow, {});
      const gone: string[] = [];
      for (const old of all) {
        if (!old.retiredAt) await em.update(LtiToolKeyRow, { kid: old.kid }, { retiredAt: now, removeAfter: new Date(now.getTime() + overlapMs) });
        else if (old.removeAfter && old.removeAfter.getTime() <= now.getTime()) {
          await em.delete(LtiToolKeyRow, { kid: old.kid });
          gone.push(old.kid);
        }
      }
      await em.insert(LtiToolKeyRow, row);
      return gone;
    });
    return { kid: row.kid, published: (await this.jwks()).keys.map((k) => String(k.kid)), removed };
  }
}
