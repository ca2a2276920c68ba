import { z } from 'zod';

const platform = z.enum(['terraform', 'kubernetes', 'dockerfile', 'compose', 'cloudformation', 'iam']);
const severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
const strings = z.array(z.string().min(1)).default([]);

/**
 * One custom IaC rule in `.gatehouse/rules/*.yml`. A rule file may hold rules for other
 * scanners too: only entries with a `platform` are IaC rules.
 */
export const customIacRuleSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][\w.-]*(\/[\w.-]+)*$/, 'letters, digits, `.`, `_`, `-`, and `/` between parts'),
    title: z.string().min(1),
    description: z.string().optional(),
    severity,
    confidence: z.enum(['high', 'medium', 'low']).optional(),
    platform,
    /** Format-native resource types: `aws_s3_bucket`, `Deployment`, `AWS::S3::Bucket`. */
    resources: z.array(z.string().min(1)).min(1),
    /** CEL over `resource` (the parsed attributes), `address`, `name`, `resourceType`, `path`: true means a violation. */
    condition: z.string().min(1),
    /** What the finding says; defaults to the title. */
    message: z.string().optional(),
    /** Dotted attribute path the finding points at (`tags`, `spec.template.spec`); default: the resource. */
    at: z.string().optional(),
    remediation: z.string().min(1),
    references: strings,
    cis: strings,
    nist: strings,
    controls: strings,
    cwe: strings,
  })
  .transform((r) => ({ ...r, description: r.description ?? r.title }));

export type CustomIacRuleSpec = z.output<typeof customIacRuleSchema>;

export const ruleFileSchema = z.strictObject({ rules: z.array(z.record(z.string(), z.unknown())) });
