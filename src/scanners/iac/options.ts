import { z } from 'zod';
import { formatIssues } from '../../core/config.js';
import { UserError } from '../../core/errors.js';

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === null ? [] : v), z.array(item)).default([]);

/** The `iac:` section of gatehouse.yml. */
export const iacOptionsSchema = z.strictObject({
  /** Rule ids (built-in or the repository's own, with or without the `iac/` prefix) to turn off. */
  disable: list(z.string().min(1)),
});

export type IacOptions = z.output<typeof iacOptionsSchema>;

export function parseIacOptions(raw: unknown, file = 'gatehouse.yml'): IacOptions {
  const r = iacOptionsSchema.safeParse(raw ?? {});
  if (!r.success) throw new UserError(formatIssues(file, r.error.issues, 'iac'));
  return r.data;
}

/** Whether `id` is turned off by one of the `disable` entries. */
export function isDisabled(id: string, disable: readonly string[]): boolean {
  return disable.some((d) => d === id || `iac/${d}` === id);
}
