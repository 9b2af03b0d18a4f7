/**
 * Column helpers that behave the same on SQLite and PostgreSQL. Timestamps are stored as ISO-8601 text
 * (UTC, millisecond precision): portable, sortable, and readable in a SQL shell.
 */
import type { ValueTransformer } from "typeorm";

export const isoDate: ValueTransformer = {
  // Anything not a Date (null, or a FindOperator such as IsNull() or LessThan(date)) passes through.
  to: (value: unknown) => (value instanceof Date ? value.toISOString() : value),
  from: (value: string | null) => (value == null ? null : new Date(value)),
};
