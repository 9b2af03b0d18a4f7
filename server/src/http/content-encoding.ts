/**
 * Content negotiation for the built client's precompressed files. `npm run build` writes, beside each text
 * file (JS, CSS, HTML, SVG, JSON, the web manifest), a `.br` and a `.gz` copy when they are smaller
 * (client/build/precompress.ts); the server picks one by the request's Accept-Encoding (RFC 9110 §12.5.3):
 * the highest q-value wins, brotli before gzip at equal q, `*` stands for any coding not named, q=0 refuses.
 * identity is always acceptable unless refused (by `identity;q=0`, or `*;q=0` without naming it); when
 * every coding is refused the plain file is still sent, as most servers do, rather than a 406.
 */

export type Coding = "br" | "gzip";
export type Encoding = Coding | "identity";

/** Preference order at equal q-value: smaller first. */
const PREFERENCE: Coding[] = ["br", "gzip"];

/** File extensions served with precompressed copies (and so with `Vary: Accept-Encoding`). */
export const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".webmanifest", ".txt", ".map"]);

/** The q-value of each coding named in an Accept-Encoding header (lower-cased; a bad q-value counts as 0). */
export function parseAcceptEncoding(header: string | undefined): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split("=").map((s) => s.trim());
      if (k.toLowerCase() === "q") q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(v ?? "") ? Number(v) : 0;
    }
    // "x-gzip" is gzip (RFC 9110 §8.4.1.3).
    weights.set(coding === "x-gzip" ? "gzip" : coding, q);
  }
  return weights;
}

/**
 * The coding to send, given the header and the codings that exist for the file. Without an Accept-Encoding
 * header any coding is acceptable in theory, but a client that sends none is usually a tool that cannot
 * decode: it gets the plain file.
 */
export function chooseEncoding(header: string | undefined, available: readonly Coding[]): Encoding {
  if (header === undefined || header.trim() === "") return "identity";
  const weights = parseAcceptEncoding(header);
  const star = weights.get("*");
  // identity not named: acceptable, below any compressed coding the client accepts (unless `*;q=0` refuses it).
  const q = (c: string) => weights.get(c) ?? (c === "identity" ? (star === 0 ? 0 : 0.001) : (star ?? 0));
  let best: Encoding = "identity";
  let bestQ = q("identity");
  for (const coding of PREFERENCE) {
    if (!available.includes(coding)) continue;
    const cq = q(coding);
    // At equal q a compressed coding beats identity (fewer bytes, same representation), and brotli beats gzip.
    if (cq > 0 && (cq > bestQ || (cq === bestQ && best === "identity"))) {
      best = coding;
      bestQ = cq;
    }
  }
  return best;
}
