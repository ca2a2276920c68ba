import { z } from 'zod';
import { formatIssues } from '../../core/config.js';
import { UserError } from '../../core/errors.js';

const regexString = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression' },
);

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === null ? [] : v), z.array(item)).default([]);

export const secretsOptionsSchema = z.strictObject({
  /** Detector ids (with or without the `secrets/` prefix) to turn off. */
  disable: list(z.string()),
  /** Name-based detection of passwords and keys without a provider format. */
  generic: z.boolean().default(true),
  /** Values matching one of these regular expressions are never reported (e.g. known test keys). */
  allow_values: list(regexString),
});

export type SecretsOptions = z.output<typeof secretsOptionsSchema>;

export function parseSecretsOptions(raw: unknown, file = 'gatehouse.yml'): SecretsOptions {
  const r = secretsOptionsSchema.safeParse(raw ?? {});
  if (!r.success) throw new UserError(formatIssues(file, r.error.issues, 'secrets'));
  return r.data;
}
