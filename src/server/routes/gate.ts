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
        'The gate decision for a project’s branch (default: that of its latest scan) or commit: over every finding present on the branch (or seen by the commit’s scans), open high and critical findings fail, so do findings past their SLA; approved exceptions and triage decisions count. `scanId` is the latest scan considered.',
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
          .select(['id', 'branch'])
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
        const rows = await gateFindings(ctx, project.id, scan.branch, query.commit);
        return decide(scan.id, rows, Date.now());
      },
    },
  ];
}

type Row = { status: string; severity_rank: number; sla_due_at: number | null };

/**
 * The findings the gate weighs. For a commit: every finding its scans saw (a pipeline that
 * uploads from several jobs, or an SBOM beside the scan, has several scans of one commit). For a
 * branch: every finding present on it now, whichever upload last reported it, so a later SBOM or
 * a job running only some scanners cannot hide what the others found.
 */
async function gateFindings(
  ctx: ServerContext,
  projectId: number,
  branch: string,
  commit?: string,
): Promise<Row[]> {
  const columns = ['findings.status', 'findings.severity_rank', 'findings.sla_due_at'] as const;
  if (commit !== undefined)
    return ctx.store.db
      .selectFrom('findings')
      .select(columns)
      .where('findings.id', 'in', (eb) =>
        eb
          .selectFrom('occurrences')
          .innerJoin('scans', 'scans.id', 'occurrences.scan_id')
          .select('occurrences.finding_id')
          .where('scans.project_id', '=', projectId)
          .where('scans.branch', '=', branch)
          .where('scans.commit_sha', '=', commit),
      )
      .execute();
  return ctx.store.db
    .selectFrom('finding_presence')
    .innerJoin('findings', 'findings.id', 'finding_presence.finding_id')
    .select(columns)
    .where('finding_presence.project_id', '=', projectId)
    .where('finding_presence.branch', '=', branch)
    .where('finding_presence.present', '=', 1)
    .execute();
}

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
