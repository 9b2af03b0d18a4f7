/**
 * Password hashing with scrypt (node:crypto), a memory-hard function. Production parameters follow OWASP's
 * Password Storage Cheat Sheet: N = 2^17, r = 8, p = 1 (128 MiB). The cost is configurable so that tests,
 * factories, demo and bench data stay fast; a hash made with weaker parameters than the current ones is
 * replaced at the next successful sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

export const PRODUCTION_PARAMS: ScryptParams = { logN: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** PASSWORD_HASH_LOG_N lowers the cost outside production (tests, demo data); never below 10. */
export function paramsFromEnv(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  const raw = env.PASSWORD_HASH_LOG_N;
  if (!raw) return PRODUCTION_PARAMS;
  const logN = Number(raw);
  if (!Number.isInteger(logN) || logN < 10 || logN > 20) throw new Error(`PASSWORD_HASH_LOG_N must be an integer 10–20, got "${raw}"`);
  return { ...PRODUCTION_PARAMS, logN };
}

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    // maxmem must exceed 128·N·r bytes, or node refuses N = 2^17 (its default cap is 32 MiB).
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.logN}$${params.r}$${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export function parseHash(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  return { logN, r, p, salt: Buffer.from(parts[4], "base64url"), key: Buffer.from(parts[5], "base64url") };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when the stored hash used weaker parameters than `current`. */
export function needsRehash(stored: string, current: ScryptParams): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.logN < current.logN || parsed.r < current.r || parsed.p < current.p;
}
