import { z } from 'zod';
import { formatIssues } from '../../core/config.js';
import { UserError } from '../../core/errors.js';
import { parseSize } from '../../core/size.js';

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === null ? [] : v), z.array(item)).default([]);

const size = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = parseSize(v);
  if (n === undefined) ctx.addIssue({ code: 'custom', message: 'must be a size such as 1MiB or 524288' });
  return n ?? 0;
});

/** The `sast:` section of gatehouse.yml. */
export const sastOptionsSchema = z.strictObject({
  /** Rule ids (built-in or the repository's own) to turn off. */
  disable: list(z.string().min(1)),
  /** Time allowed to analyse one file; past it the file's findings so far are kept, with a warning. */
  file_budget_ms: z.number().int().min(100).max(600_000).default(2000),
  /** Larger source files are skipped (with a diagnostic): they are almost always generated. */
  max_file_size: size.default(1024 * 1024),
});

export type SastOptions = z.output<typeof sastOptionsSchema>;

export function parseSastOptions(raw: unknown, file = 'gatehouse.yml'): SastOptions {
  const r = sastOptionsSchema.safeParse(raw ?? {});
  if (!r.success) throw new UserError(formatIssues(file, r.error.issues, 'sast'));
  return r.data;
}
