/**
 * `npm run user:create -- --email E --password P --role instructor [--name N]`
 * Creates an account of any role (sign-up only makes learners). Runs migrations first; safe while the server
 * runs (SQLite WAL, busy timeout). The password may come from USER_PASSWORD instead of the command line.
 */
import { parseArgs } from "node:util";
import { LocalBus } from "../shared/cluster-bus.js";
import { readConfig } from "../config.js";
import { openDatabase } from "../database.js";
import { WriteQueue } from "../db/write-queue.js";
import { AppError } from "../errors.js";
import { systemClock } from "../shared/clock.js";
import { AccountService } from "./account.service.js";
import { paramsFromEnv, PasswordHasher } from "./password.js";
import { Role } from "../shared/role.enum.js";

const USAGE = "usage: npm run user:create -- --email E --password P --role learner|instructor|admin [--name N]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({ options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } } });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
})();
const email = values.email ?? fail(`--email is required\n${USAGE}`);
const password = values.password ?? process.env.USER_PASSWORD ?? fail(`--password (or USER_PASSWORD) is required\n${USAGE}`);
const roleName = (values.role ?? fail(`--role is required\n${USAGE}`)).toUpperCase();
if (!(roleName in Role)) fail(`--role must be learner, instructor or admin, got "${values.role}"`);
const role = Role[roleName as keyof typeof Role];

const config = readConfig();
const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
try {
  const accounts = new AccountService(db, new WriteQueue(db), systemClock, new PasswordHasher(paramsFromEnv()), new LocalBus());
  const user = await accounts.createUser({ email, password, displayName: values.name ?? email.split("@")[0], role });
  console.log(`Created ${user.role.toLowerCase()} ${user.email} (${user.id})`);
} catch (e) {
  if (e instanceof AppError) fail(e.message);
  throw e;
} finally {
  await db.destroy();
}
