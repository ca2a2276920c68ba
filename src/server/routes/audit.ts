import { z } from 'zod';
import { listAudit } from '../../store/audit-query.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, Handled, ServerContext } from '../route.js';
import { isoInstant } from './finding-contract.js';
import { projectByName } from './projects.js';

const AuditQuery = z.object({
  actor: z.string().min(1).max(300).optional().describe('exactly: `token:<name>` or a user e-mail'),
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('exactly: scan.ingest, finding.triage, exception.approve, …'),
  project: z.string().min(1).max(300).optional(),
  targetType: z
    .string()
    .regex(
      /^[a-z_]{1,40}$/,
      'a target type: finding, exception, scan, project, user, token, team, webhook, sla_policy',
    )
    .optional()
    .describe(
      'what the events are about: finding, exception, scan, project, user, token, team, webhook, sla_policy',
    ),
  targetId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('with targetType: one of them, by id (a finding id, an exception id, …)'),
  from: isoInstant(false).optional(),
  to: isoInstant(true).optional().describe('inclusive; a date means the whole day (UTC)'),
  cursor: z.string().max(200).optional().describe('`next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const AuditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  project: z.string().nullable(),
  detail: z.unknown().describe('what the action changed, as recorded'),
});

/** Opaque to clients: base64url of the last id shown. */
const encode = (id: number) => Buffer.from(JSON.stringify({ i: id })).toString('base64url');

function decode(cursor: string): number {
  try {
    const { i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Number.isSafeInteger(i) && i > 0) return i;
  } catch {}
  throw new ApiError(
    'bad_request',
    'query.cursor: not a cursor of the audit log (pass `next` of the previous page unchanged)',
  );
}

function parseDetail(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function auditRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/audit',
      tag: 'audit',
      summary:
        "The append-only audit log, newest first, a page at a time (pass `next` back as `cursor`). Project-scoped credentials see their project's events only.",
      action: 'audit.read',
      query: AuditQuery,
      response: z.object({ events: z.array(AuditEvent), next: z.string().nullable() }),
      async handler({ query, principal }: Handled<z.infer<typeof AuditQuery>, unknown, unknown>) {
        const projectId = query.project
          ? (await projectByName(ctx, principal, query.project)).id
          : (principal.projectId ?? undefined);
        const before = query.cursor === undefined ? undefined : decode(query.cursor);
        const { actor, action, targetType, targetId, from, to } = query;
        if (targetId !== undefined && targetType === undefined)
          throw new ApiError(
            'bad_request',
            'query.targetId: give targetType with it (finding, exception, …)',
          );
        const page = await listAudit(
          ctx.store.db,
          { actor, action, targetType, targetId, projectId, from, to },
          query.limit,
          before,
        );
        return {
          events: page.rows.map((r) => ({
            id: r.id,
            at: new Date(r.at).toISOString(),
            actor: r.actor,
            action: r.action,
            targetType: r.target_type,
            targetId: r.target_id,
            project: r.project_name,
            detail: parseDetail(r.detail),
          })),
          next: page.more ? encode(page.rows.at(-1)!.id) : null,
        };
      },
    },
  ];
}
