/**
 * `npm run lti:register -- --issuer I --client-id C --auth-url A --token-url T --jwks-url J --deployment-id D
 *   [--deployment-id D2 …] [--frame-origin O …]`
 * Registers a platform (an LMS) with the tool, or updates it and adds deployments when (issuer, client id) is
 * already registered. Prints what the platform needs in return: the tool's login, launch and JWKS URLs
 * (LTI_TOOL_URL). `npm run lti:register -- --list` lists the registered platforms. `npm run lti:register --
 * --dynamic [--days N]` prints a one-time registration URL (LTI Dynamic Registration) to paste into a platform.
 * Runs migrations first.
 */
import { parseArgs } from "node:util";
import { readConfig } from "../config.js";
import { openDatabase } from "../database.js";
import { WriteQueue } from "../db/write-queue.js";
import { systemClock } from "../shared/clock.js";
import { PlatformRegistry } from "./lti-registry.js";
import { DynamicRegistration, INVITE_TTL_MS } from "./lti-dynamic.js";

const USAGE =
  "usage: npm run lti:register -- --issuer URL --client-id ID --auth-url URL --token-url URL --jwks-url URL --deployment-id ID [--deployment-id ID …] [--frame-origin ORIGIN …]\n" +
  "       npm run lti:register -- --list\n" +
  "       npm run lti:register -- --dynamic [--days N]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        issuer: { type: "string" },
        "client-id": { type: "string" },
        "auth-url": { type: "string" },
        "token-url": { type: "string" },
        "jwks-url": { type: "string" },
        "deployment-id": { type: "string", multiple: true },
        "frame-origin": { type: "string", multiple: true },
        list: { type: "boolean" },
        dynamic: { type: "boolean" },
        days: { type: "string" },
      },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
})();

const config = readConfig();
const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
try {
  const registry = new PlatformRegistry(db, new WriteQueue(db), systemClock);
  if (values.dynamic) {
    const days = values.days === undefined ? INVITE_TTL_MS / 86_400_000 : Number(values.days);
    if (!Number.isFinite(days) || days <= 0 || days > 90) fail(`--days must be a number of days from 1 to 90, got "${values.days}"\n${USAGE}`);
    if (!config.ltiToolUrl) fail("Set LTI_TOOL_URL (the tool's public base URL) first: the registration URL is built from it.");
    const base = new URL(config.ltiToolUrl);
    const code = await new DynamicRegistration(db, new WriteQueue(db), systemClock, registry, () => base).invite(days * 86_400_000);
    console.log(`Registration URL, valid once for ${days} day(s): ${new URL(`lti/register?invite=${code}`, base).href}`);
  } else if (values.list) {
    const all = await registry.all();
    if (all.length === 0) console.log("No platform is registered.");
    for (const p of all) console.log(`${p.issuer}  client ${p.clientId}  deployments ${p.deploymentIds.join(", ")}  frame origins ${p.frameOrigins.join(" ")}`);
  } else {
    const need = (name: "issuer" | "client-id" | "auth-url" | "token-url" | "jwks-url") => values[name] ?? fail(`--${name} is required\n${USAGE}`);
    const platform = await registry
      .register({
        issuer: need("issuer"),
        clientId: need("client-id"),
        authUrl: need("auth-url"),
        tokenUrl: need("token-url"),
        jwksUrl: need("jwks-url"),
        deploymentIds: values["deployment-id"] ?? [],
        frameOrigins: values["frame-origin"],
      })
      .catch((e: Error) => fail(`${e.message}\n${USAGE}`));
    console.log(`Registered ${platform.issuer} (client ${platform.clientId}); deployments: ${platform.deploymentIds.join(", ")}`);
    const base = config.ltiToolUrl ?? "https://<LTI_TOOL_URL>/";
    console.log(`Give the platform: login URL ${base}lti/login  redirect (launch) URL ${base}lti/launch  public keyset URL ${base}lti/jwks`);
  }
} finally {
  await db.destroy();
}
