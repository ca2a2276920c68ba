import { z } from 'zod';
import { formatIssues } from '../../core/config.js';
import { UserError } from '../../core/errors.js';

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === null ? [] : v), z.array(item)).default([]);

const database = z.strictObject({
  /** Older than this (by the newest advisory's import time), the database is stale. */
  max_age_days: z.number().int().positive().default(7),
  /** What a stale or empty database does: a warning in the report, or a finding that blocks. */
  stale: z.enum(['warn', 'fail']).default('warn'),
});

const licenses = z.strictObject({
  /** SPDX ids; when set, a license expression must be satisfiable from this list. */
  allow: list(z.string()),
  deny: list(z.string()),
  /** Packages whose license is missing or not an SPDX expression. */
  unknown: z.enum(['report', 'ignore']).default('report'),
});

const risk = z.strictObject({
  typosquat: z.boolean().default(true),
  /** Registry look-ups (package exists, publish date, install scripts); `--online` turns them on too. */
  online: z.boolean().default(false),
  newer_than_days: z.number().int().positive().default(7),
  registries: z
    .strictObject({ npm: z.url().optional(), pypi: z.url().optional(), crates: z.url().optional() })
    .default({}),
});

export const scaOptionsSchema = z.strictObject({
  /** Report vulnerabilities in development-only dependencies too (they are marked `dev`). */
  dev: z.boolean().default(true),
  database: database.default(() => database.parse({})),
  licenses: licenses.default(() => licenses.parse({})),
  risk: risk.default(() => risk.parse({})),
});

export type ScaOptions = z.output<typeof scaOptionsSchema>;

export function parseScaOptions(raw: unknown, file = 'gatehouse.yml'): ScaOptions {
  const r = scaOptionsSchema.safeParse(raw ?? {});
  if (!r.success) throw new UserError(formatIssues(file, r.error.issues, 'sca'));
  return r.data;
}
