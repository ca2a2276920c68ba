import picomatch from 'picomatch';
import { z } from 'zod';
import { EXCEPTION_KINDS, EXCEPTION_STATES, type ExceptionView } from '../../store/exceptions.js';
import { DAY_MS } from '../../store/sla.js';
import { ApiError } from '../errors.js';

/** The exceptions API's shapes (validation and the OpenAPI document) and its date and glob checks. */

export const MAX_DAYS_AHEAD = 365;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const Exception = z.object({
  id: z.number(),
  kind: z.enum(EXCEPTION_KINDS),
  status: z.enum(EXCEPTION_STATES),
  project: z.string().nullable().describe('null for a team-wide or global exception'),
  team: z.string().nullable(),
  fingerprint: z.string().nullable(),
  rule: z.string().nullable(),
  pathGlob: z.string().nullable(),
  advisory: z.string().nullable(),
  package: z.string().nullable(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export function view(e: ExceptionView): z.infer<typeof Exception> {
  return {
    id: e.id,
    kind: e.kind as z.infer<typeof Exception>['kind'],
    status: e.status,
    project: e.project_name,
    team: e.team_name,
    fingerprint: e.fingerprint,
    rule: e.rule_id,
    pathGlob: e.path_glob,
    advisory: e.advisory_id,
    package: e.package_name,
    reason: e.reason,
    requestedBy: e.requested_by,
    requestedAt: iso(e.requested_at)!,
    decidedBy: e.decided_by,
    decidedAt: iso(e.decided_at),
    decisionComment: e.decision_comment,
    expiresAt: iso(e.expires_at),
  };
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** Fields that belong to each kind; anything else given is a mistake worth saying. */
const FIELDS: Record<(typeof EXCEPTION_KINDS)[number], { required: string[]; allowed: string[] }> = {
  fingerprint: { required: ['fingerprint'], allowed: ['fingerprint'] },
  rule: { required: ['rule'], allowed: ['rule', 'pathGlob'] },
  advisory: { required: ['advisory'], allowed: ['advisory', 'package'] },
};

export const RequestBody = z
  .strictObject({
    kind: z.enum(EXCEPTION_KINDS),
    project: text(200)
      .optional()
      .describe('project name; omit project and team for every project (security/admin only)'),
    team: text(200).optional().describe('team name: every project of the team (security/admin only)'),
    fingerprint: text(200).optional(),
    rule: text(300).optional(),
    pathGlob: text(500).optional().describe('picomatch glob over the finding path, e.g. `test/**`'),
    advisory: text(200).optional().describe('advisory id as findings carry it (GHSA-…, CVE-…, PYSEC-…)'),
    package: text(300).optional().describe('package name as the finding names it'),
    reason: z
      .string()
      .trim()
      .min(10, 'must say why the risk is acceptable, in at least 10 characters')
      .max(4000),
    expiresAt: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })])
      .optional()
      .describe('ISO 8601; a date alone applies through that whole day (UTC), like gatehouse.yml `expires`'),
  })
  .superRefine((b, ctx) => {
    const f = FIELDS[b.kind];
    for (const k of f.required)
      if (b[k as keyof typeof b] === undefined)
        ctx.addIssue({ code: 'custom', path: [k], message: `is required for kind ${b.kind}` });
    for (const k of ['fingerprint', 'rule', 'pathGlob', 'advisory', 'package'])
      if (!f.allowed.includes(k) && b[k as keyof typeof b] !== undefined)
        ctx.addIssue({ code: 'custom', path: [k], message: `does not apply to kind ${b.kind}` });
    if (b.project && b.team)
      ctx.addIssue({ code: 'custom', path: ['team'], message: 'give a project or a team, not both' });
  });

export const DecisionBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
export const IdParams = z.object({ id: z.coerce.number().int().min(1) });

/** Midnight UTC after a date-only expiry, as the CLI reads `expires: 2025-06-30`. */
export function expiryInstant(value: string, now: number): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = dateOnly ? Date.parse(`${value}T00:00:00Z`) + DAY_MS : Date.parse(value);
  if (at <= now) throw new ApiError('bad_request', 'body.expiresAt: must be in the future');
  if (at > now + (MAX_DAYS_AHEAD + (dateOnly ? 1 : 0)) * DAY_MS)
    throw new ApiError(
      'bad_request',
      `body.expiresAt: must be at most ${MAX_DAYS_AHEAD} days ahead (renew it then)`,
    );
  return at;
}

export function checkGlob(glob: string | undefined): void {
  if (glob === undefined) return;
  try {
    picomatch.makeRe(glob, { dot: true });
  } catch (e) {
    throw new ApiError('bad_request', `body.pathGlob: invalid glob: ${(e as Error).message}`);
  }
}
