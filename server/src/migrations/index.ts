import { ContentTables1764370000000 } from "./1764370000000-ContentTables.js";

/** Every migration, oldest first. */
export const MIGRATIONS = [ContentTables1764370000000];
