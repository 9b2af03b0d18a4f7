/** `npm run migrate`: applies pending migrations to the configured database and lists what ran. */
import { readConfig } from "../config.js";
import { createDataSource, migrateOnce } from "../database.js";

const config = readConfig();
const db = createDataSource({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
await db.initialize();
const ran = await migrateOnce(db);
console.log(ran.length === 0 ? "Database is up to date." : `Applied ${ran.length} migration(s):\n${ran.map((m) => `  ${m.name}`).join("\n")}`);
await db.destroy();
