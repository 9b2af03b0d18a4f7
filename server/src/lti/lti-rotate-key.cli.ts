/**
 * `npm run lti:rotate-key -- [--overlap-days N]`
 * Makes a new signing key for the tool. The previous key stays in the published JWK Set for N days (default 7)
 * so that platforms which cached the old set still verify what it signed; keys whose overlap has ended are
 * deleted. Safe while the server runs: every instance reads the signing key from the database.
 */
import { parseArgs } from "node:util";
import { readConfig } from "../config.js";
import { openDatabase } from "../database.js";
import { WriteQueue } from "../db/write-queue.js";
import { systemClock } from "../shared/clock.js";
import { DEFAULT_OVERLAP_MS, ToolKeys } from "./lti-keys.js";

const USAGE = "usage: npm run lti:rotate-key -- [--overlap-days N]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({ options: { "overlap-days": { type: "string" } } });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
})();
const rawDays = values["overlap-days"];
const days = rawDays === undefined ? DEFAULT_OVERLAP_MS / 86_400_000 : Number(rawDays);
if (!Number.isFinite(days) || days < 0 || days > 365) fail(`--overlap-days must be a number of days from 0 to 365, got "${rawDays}"\n${USAGE}`);

const config = readConfig();
const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
try {
  const keys = new ToolKeys(db, new WriteQueue(db), systemClock);
  const { kid, published, removed } = await keys.rotate(days * 86_400_000);
  console.log(`New signing key ${kid}. Published keys: ${published.join(", ")}.${removed.length ? ` Removed: ${removed.join(", ")}.` : ""}`);
} finally {
  await db.destroy();
}
