/** Setup file of the `pg` project: after each test file, drop the databases it kept for server restarts. */
import { afterAll } from "vitest";
import { dropKeptDatabases } from "./test-server.js";

afterAll(dropKeptDatabases);
