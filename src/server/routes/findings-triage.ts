import { z } from 'zod';
import { SEVERITIES } from '../../core/severity.js';
import { findingDetail } from '../../store/finding-detail.js';
import { TriageError, type TriageRequest, triage } from '../../store/triage.js';
import type { Principal } from '../auth.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, Handled, ServerContext } from '../route.js';
import { FINDING_STATES, FindingSummary, IdParams, summary } from './finding-contract.js';

const Comment = z.string().trim().min(1).max(4000);

const PatchBody = z.strictObject({
  status: z
    .enum(FINDING_STATES)
    .optional()
    .describe('open, confirmed, in_progress, false_positive (with a comment) or closed'),
  severity: z.enum(SEVERITIES).optional(),
  comment: Comment.optional(),
});

const BulkBody = z.strictObject({
  ids: z.array(z.number().int().min(1)).min(1).max(1000),
  status: z.enum(FINDING_STATES).optional(),
  comment: Comment.optional(),
});

const BulkResponse = z.object({
  changed: z.array(z.number()).describe('findings whose status changed'),
  unchanged: z.array(z.number()).describe('findings already in that status (a comment was still recorded)'),
});

async function run(
  ctx: ServerContext,
  p: Principal,
  req: Omit<TriageRequest, 'actor' | 'projectId' | 'now'>,
) {
  try {
    return await triage(ctx.store, { ...req, actor: p.actor, projectId: p.projectId, now: Date.now() });
  } catch (e) {
    if (e instanceof TriageError) throw new ApiError(e.code, e.message);
    throw e;
  }
}

export function findingTriageRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'PATCH',
      url: '/findings/:id',
      tag: 'findings',
      summary:
        'Triage one finding: its status (open, confirmed, in_progress, false_positive, closed), severity, or a comment. risk_accepted comes only from an approved exception (POST /exceptions), fixed only from scans.',
      action: 'triage',
      params: IdParams,
      body: PatchBody,
      response: z.object({ finding: FindingSummary, changed: z.boolean() }),
      async handler({
        params,
        body,
        principal,
      }: Handled<unknown, z.infer<typeof IdParams>, z.infer<typeof PatchBody>>) {
        const r = await run(ctx, principal, { ids: [params.id], ...body });
        const d = await findingDetail(ctx.store.db, params.id);
        return { finding: summary(d!.finding, d!.project, Date.now()), changed: r.changed.length > 0 };
      },
    },
    {
      method: 'POST',
      url: '/findings/bulk',
      tag: 'findings',
      summary:
        'Triage up to 1,000 findings at once, all or nothing: one status and/or one comment for all. Unknown ids (or ids of other projects for a scoped credential) fail the whole request.',
      action: 'triage',
      body: BulkBody,
      response: BulkResponse,
      async handler({ body, principal }: Handled<unknown, unknown, z.infer<typeof BulkBody>>) {
        return run(ctx, principal, { ...body, bulk: true });
      },
    },
  ];
}
