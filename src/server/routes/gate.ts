import { z } from 'zod';
import { severityRank } from '../../core/severity.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { projectByName } from './projects.js';

const OPEN_LIKE = new Set(['open', 'confirmed', 'in_progress']);
/** The server's gate: what blocks a pipeline once the program is tracking the project. */
const FAIL_AT = severityRank('high');
const WARN_AT = severityRank('medium');

const Reason = z.object({ rule: z.string(), message: z.string(), findings: z.number() });

export function gateRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/gate',
      tag: 'gate',
      summary:
        'The gate decision for the latest scan of a project (branch, commit): open high and critical findings fail, so do findings past their SLA; approved exceptions and triage decisions count.',
      action: 'upload',
      query: z.object({
        project: z.string().min(1),
        branch: z.string().optional(),
        commit: z.string().optional(),
      }),
      response: z.object({
        verdict: z.enum(['pass', 'warn', 'fail']),
        scanId: z.number().nullable(),
        reasons: z.array(Reason),
        counts: z.object({
          findings: z.number(),
          blocking: z.number(),
          overdue: z.number(),
          warning: z.number(),
          excepted: z.number(),
          falsePositive: z.number(),
        }),
      }),
      async handler({ query, principal }) {
        const project = await projectByName(ctx, principal, query.project);
        let scans = ctx.store.db
          .selectFrom('scans')
          .select('id')
          .where('project_id', '=', project.id)
          .orderBy('id', 'desc')
          .limit(1);
        if (query.branch) scans = scans.where('branch', '=', query.branch);
        if (query.commit) scans = scans.where('commit_sha', '=', query.commit);
        const scan = await scans.executeTakeFirst();
        if (!scan)
          throw new ApiError(
            'not_found',
            `no scan of ${query.project}${query.branch ? ` on ${query.branch}` : ''}${query.commit ? ` at ${query.commit}` : ''}: upload one first`,
          );
        const rows = await ctx.store.db
          .selectFrom('occurrences')
          .innerJoin('findings', 'findings.id', 'occurrences.finding_id')
          .select(['findings.status', 'findings.severity_rank', 'findings.sla_due_at'])
          .where('occurrences.scan_id', '=', scan.id)
          .execute();
        return decide(scan.id, rows, Date.now());
      },
    },
  ];
}

type Row = { status: string; severity_rank: number; sla_due_at: number | null };

export function decide(scanId: number, rows: readonly Row[], now: number) {
  const counts = {
    findings: rows.length,
    blocking: 0,
    overdue: 0,
    warning: 0,
    excepted: 0,
    falsePositive: 0,
  };
  for (const r of rows) {
    if (r.status === 'risk_accepted') counts.excepted++;
    if (r.status === 'false_positive') counts.falsePositive++;
    if (!OPEN_LIKE.has(r.status)) continue;
    if (r.severity_rank >= FAIL_AT) counts.blocking++;
    else if (r.sla_due_at !== null && r.sla_due_at < now) counts.overdue++;
    else if (r.severity_rank >= WARN_AT) counts.warning++;
  }
  const reasons: z.infer<typeof Reason>[] = [];
  if (counts.blocking)
    reasons.push({
      rule: 'server.fail_on: high',
      message: 'open high or critical findings (fix them, or triage / request an exception on the server)',
      findings: counts.blocking,
    });
  if (counts.overdue)
    reasons.push({
      rule: 'server.sla_overdue',
      message: 'open findings past their SLA due date',
      findings: counts.overdue,
    });
  if (counts.warning)
    reasons.push({
      rule: 'server.warn_on: medium',
      message: 'open medium findings',
      findings: counts.warning,
    });
  const verdict = counts.blocking || counts.overdue ? 'fail' : counts.warning ? 'warn' : 'pass';
  return { verdict, scanId, reasons, counts } as const;
}
