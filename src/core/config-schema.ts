import { z } from 'zod';
import { SEVERITIES } from './severity.js';
import { parseSize } from './size.js';

/** A list key whose items are all commented out is YAML null: read it as an empty list. */
function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === null ? [] : v), z.array(item)).default([]);
}
const threshold = z.enum([...SEVERITIES, 'none']);
const scannerOptions = z.preprocess((v) => v ?? {}, z.record(z.string(), z.unknown())).default({});
// Date.parse rolls 2025-02-30 over to March 2, so a real date is one that reads back the same.
// `abort` keeps a malformed date to one message instead of two.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');
const size = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = parseSize(v);
  if (n === undefined)
    ctx.addIssue({ code: 'custom', message: 'must be a size such as 10MiB, 512KiB or 1048576' });
  return n ?? 0;
});

export const exceptionSchema = z
  .strictObject({
    id: z.string().min(1).optional(),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{8,64}$/, 'must be a finding fingerprint (hex)')
      .optional(),
    rule: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    reason: z.string().min(1, 'must say why the exception is acceptable'),
    approver: z.string().min(1, 'must name who approved the exception'),
    expires: isoDate.optional(),
  })
  .refine((e) => e.fingerprint || e.rule, {
    message: 'needs a fingerprint, or a rule (optionally with a path glob)',
  });

export const gateRuleSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, dots, dashes or underscores'),
  when: z.string().min(1, 'must be a CEL expression over `finding`'),
  action: z.enum(['fail', 'warn', 'report', 'ignore']),
  message: z.string().optional(),
});

const scannerGate = z.strictObject({ fail_on: threshold.optional(), warn_on: threshold.optional() });

export const gateSchema = z.strictObject({
  fail_on: threshold.default('high'),
  warn_on: threshold.default('medium'),
  min_confidence: z.enum(['high', 'medium', 'low']).default('medium'),
  scanners: z.record(z.string(), scannerGate).default({}),
  new_only: z.boolean().default(false),
  baseline: z.string().optional(),
  rules: list(gateRuleSchema),
});

export const configSchema = z.strictObject({
  version: z.literal(1, { message: 'must be 1 (the only config version so far)' }).default(1),
  scanners: z.array(z.string()).optional(),
  exclude: list(z.string()),
  max_file_size: size.default(10 * 1024 * 1024),
  // Each scanner validates its own options (see its options.ts), so their errors name the key too.
  secrets: scannerOptions,
  sca: scannerOptions,
  iac: scannerOptions,
  sast: scannerOptions,
  gate: gateSchema.default(() => gateSchema.parse({})),
  exceptions: list(exceptionSchema),
  exceptions_file: z.string().optional(),
});

export type Config = z.output<typeof configSchema>;
export type GateConfig = Config['gate'];
export type GateRuleConfig = z.output<typeof gateRuleSchema>;
export type ExceptionConfig = z.output<typeof exceptionSchema>;
