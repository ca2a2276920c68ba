import { z } from 'zod';
import { SEVERITIES } from '../../core/severity.js';
import type { FindingDetail } from '../../store/finding-detail.js';
import { FINDING_SORTS } from '../../store/findings-cursor.js';
import type { FindingSummaryRow } from '../../store/findings-query.js';
import type { FindingState } from '../../store/schema.js';
import { SLA_STATES, slaState } from '../../store/sla-state.js';

/** The findings API's shapes (validation and the OpenAPI document) and row-to-answer mapping. */

export const FINDING_STATES = [
  'open',
  'confirmed',
  'in_progress',
  'false_positive',
  'risk_accepted',
  'fixed',
  'closed',
] as const satisfies readonly FindingState[];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `a,b` or `x=a&x=b` (or both): a list of values, each checked by `item`. */
export function listOf<T extends z.ZodType<unknown, string>>(item: T, max = 100) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .pipe(z.array(item).max(max, `at most ${max} values`));
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A date (a whole UTC day) or a date-time with its zone; `end` makes a date mean its last instant. */
export function isoInstant(end: boolean) {
  return z
    .string()
    .regex(ISO, 'an ISO 8601 date (2026-01-31) or date-time with zone (2026-01-31T12:00:00Z)')
    .refine((s) => !Number.isNaN(Date.parse(s)), 'not a calendar date')
    .transform((s) => Date.parse(s) + (end && s.length === 10 ? 86_400_000 - 1 : 0));
}

const name = z.string().min(1).max(300);

export const ListQuery = z.object({
  project: listOf(name).optional().describe('project names: repeat the parameter or separate with commas'),
  scanner: listOf(name).optional(),
  severity: listOf(z.enum(SEVERITIES)).optional(),
  status: listOf(z.enum([...FINDING_STATES, 'all']))
    .optional()
    .describe('default: open, confirmed, in_progress; `all` for every status'),
  rule: listOf(name).optional(),
  text: z
    .string()
    .min(1)
    .max(200)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters')
    .optional()
    .describe('case-insensitive substring of the title, message, path or rule id'),
  firstSeenFrom: isoInstant(false).optional(),
  firstSeenTo: isoInstant(true).optional().describe('inclusive; a date means the whole day (UTC)'),
  sla: z
    .enum(SLA_STATES)
    .optional()
    .describe('due_soon: within 7 days; none: no SLA runs (no due date, or not open)'),
  sort: z.enum(FINDING_SORTS).default('severity'),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .describe('default: severity, first_seen, last_seen desc; sla_due, rule, path asc'),
  cursor: z.string().max(4096).optional().describe('`next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const CountQuery = ListQuery.omit({ sort: true, order: true, cursor: true, limit: true });

export const IdParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const FindingSummary = z.object({
  id: z.number(),
  project: z.string(),
  projectId: z.number(),
  scanner: z.string(),
  rule: z.string(),
  title: z.string(),
  message: z.string(),
  severity: z.enum(SEVERITIES),
  confidence: z.string(),
  status: z.enum(FINDING_STATES),
  path: z.string(),
  line: z.number().nullable(),
  advisory: z.string().nullable(),
  purl: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  slaDueAt: z.string().nullable(),
  sla: z.enum(SLA_STATES),
  fixedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopenedCount: z.number(),
  exceptionId: z.number().nullable(),
});

export type FindingSummaryOut = z.infer<typeof FindingSummary>;

export function summary(r: FindingSummaryRow, project: string, now: number): FindingSummaryOut {
  return {
    id: r.id,
    project,
    projectId: r.project_id,
    scanner: r.scanner,
    rule: r.rule_id,
    title: r.title,
    message: r.message,
    severity: r.severity as FindingSummaryOut['severity'],
    confidence: r.confidence,
    status: r.status,
    path: r.path,
    line: r.start_line,
    advisory: r.advisory_id,
    purl: r.package_purl,
    firstSeenAt: iso(r.first_seen_at)!,
    lastSeenAt: iso(r.last_seen_at)!,
    slaDueAt: iso(r.sla_due_at),
    sla: slaState(r.status, r.sla_due_at, now),
    fixedAt: iso(r.fixed_at),
    closedAt: iso(r.closed_at),
    reopenedCount: r.reopened_count,
    exceptionId: r.exception_id,
  };
}

const Location = z.object({
  path: z.string(),
  startLine: z.number().optional(),
  endLine: z.number().optional(),
  startColumn: z.number().optional(),
  endColumn: z.number().optional(),
  snippet: z.string().optional().describe('secret values are redacted'),
  commit: z.object({ sha: z.string(), author: z.string(), email: z.string(), date: z.string() }).optional(),
});

const Vulnerability = z.object({
  id: z.string(),
  aliases: z.array(z.string()),
  package: z.object({
    ecosystem: z.string(),
    name: z.string(),
    version: z.string(),
    purl: z.string().optional(),
  }),
  fixedVersions: z.array(z.string()),
  cvss: z.object({ version: z.string(), vector: z.string(), score: z.number() }).optional(),
});

const TraceStep = z.object({
  path: z.string(),
  line: z.number(),
  column: z.number().optional(),
  message: z.string(),
});

export const FindingFull = FindingSummary.extend({
  fingerprint: z.string(),
  location: Location,
  cwe: z.array(z.string()),
  references: z.array(z.string()),
  remediation: z.string(),
  controls: z.array(z.string()),
  vulnerability: Vulnerability.optional(),
  secret: z.object({ redacted: z.string(), hash: z.string() }).optional(),
  trace: z.array(TraceStep).optional(),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export const HistoryEvent = z.object({
  at: z.string(),
  actor: z.string(),
  kind: z.string().describe('created, reopened, fixed, status, exception, severity, comment'),
  from: z.string().nullable().describe('the status before (the severity before, for a severity event)'),
  to: z.string().nullable(),
  comment: z.string().nullable(),
  scanId: z.number().nullable(),
});

export const Occurrence = z.object({
  scanId: z.number(),
  branch: z.string(),
  commit: z.string().nullable(),
  path: z.string(),
  line: z.number().nullable(),
  at: z.string(),
});

export const DetailResponse = z.object({
  finding: FindingFull,
  history: z.array(HistoryEvent).describe('oldest first (the latest 1,000)'),
  occurrences: z.array(Occurrence).describe('the latest 20 scans that reported it, newest first'),
});

/** The stored report JSON: what a scanner said, already redacted. A damaged one reads as empty. */
function storedData(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export function detail(d: FindingDetail, now: number): z.infer<typeof DetailResponse> {
  const f = d.finding;
  const data = storedData(f.data);
  const location = (typeof data.location === 'object' && data.location) || {
    path: f.path,
    ...(f.start_line === null ? {} : { startLine: f.start_line }),
  };
  return {
    finding: {
      ...summary(f, d.project, now),
      fingerprint: f.fingerprint,
      location: location as z.infer<typeof Location>,
      cwe: strings(data.cwe),
      references: strings(data.references),
      remediation: typeof data.remediation === 'string' ? data.remediation : '',
      controls: strings(data.controls),
      ...(data.vulnerability ? { vulnerability: data.vulnerability as z.infer<typeof Vulnerability> } : {}),
      ...(data.secret ? { secret: data.secret as { redacted: string; hash: string } } : {}),
      ...(Array.isArray(data.trace) ? { trace: data.trace as z.infer<typeof TraceStep>[] } : {}),
      ...(data.properties
        ? { properties: data.properties as Record<string, string | number | boolean> }
        : {}),
    },
    history: d.history.map((e) => ({
      at: iso(e.at)!,
      actor: e.actor,
      kind: e.kind,
      from: e.from_status,
      to: e.to_status,
      comment: e.comment,
      scanId: e.scan_id,
    })),
    occurrences: d.occurrences.map((o) => ({
      scanId: o.scan_id,
      branch: o.branch,
      commit: o.commit_sha,
      path: o.path,
      line: o.start_line,
      at: iso(o.received_at)!,
    })),
  };
}
