/**
 * The address a request comes from, for sign-in throttling. Behind a load balancer every request arrives
 * from the balancer, so all learners would share one address's budget of failures. With TRUSTED_PROXIES set
 * to the balancers' addresses, a request that arrives from one of them is taken to come from the address the
 * proxies recorded in X-Forwarded-For: the rightmost entry that is not itself a trusted proxy (entries further
 * left were written by the client and prove nothing). Without TRUSTED_PROXIES the header is ignored.
 */
import type { IncomingMessage } from "node:http";

/** "::ffff:10.0.0.1" (an IPv4 address on an IPv6 socket) and "10.0.0.1" are the same address. */
export const normalizeAddress = (a: string): string => a.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();

/** Parses TRUSTED_PROXIES: comma-separated IP addresses. */
export function parseTrustedProxies(raw: string | undefined): string[] {
  if (!raw) return [];
  const list = raw.split(",").map(normalizeAddress).filter(Boolean);
  for (const a of list) if (!/^[0-9a-f:.]+$/.test(a)) throw new Error(`TRUSTED_PROXIES must list IP addresses separated by commas, got "${a}"`);
  return list;
}

export function clientAddress(req: Pick<IncomingMessage, "headers" | "socket">, trusted: ReadonlySet<string>): string {
  const peer = normalizeAddress(req.socket.remoteAddress ?? "unknown");
  if (!trusted.has(peer)) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map(normalizeAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return hops[0] ?? peer;
}
