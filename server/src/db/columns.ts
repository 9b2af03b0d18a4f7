/**
 * Column helpers that behave the same on SQLite and PostgreSQL. Timestamps are stored as ISO-8601 text
 * (UTC, millisecond precision): portable, sortable, and readable in a SQL shell.
 */
import type { ValueTransformer } from "typeorm";

export const isoDate: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.toISOString()),
  from: (value: string | null) => (value == null ? null : new Date(value)),
};
