import { z } from 'zod';
import { severityRank } from '../../core/severity.js';
import type { ExceptionRow } from '../../store/exception-match.js';
import {
  approveException,
  coveredFindings,
  type DecisionResult,
  EXCEPTION_STATES,
  type ExceptionView,
  getException,
  listExceptions,
  type NewException,
  rejectException,
  requestException,
  revokeException,
} from '../../store/exceptions.js';
import { DAY_MS } from '../../store/sla.js';
import type { Principal } from '../auth.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';
import {
  checkGlob,
  DecisionBody,
  Exception,
  expiryInstant,
  IdParams,
  MAX_DAYS_AHEAD,
  RequestBody,
  view,
} from './exception-contract.js';
import { projectByName } from './projects.js';

const SHOWN_FINDINGS = 50;

/** Where the exception applies. Wider than one project is the security team's call. */
async function scopeOf(ctx: ServerContext, p: Principal, body: z.infer<typeof RequestBody>) {
  if (body.project) return { projectId: (await projectByName(ctx, p, body.project)).id, teamId: null };
  if (p.projectId !== null)
    throw new ApiError(
      'forbidden',
      'a project-scoped credential may only request exceptions for its own project: give project',
    );
  if (p.role !== 'security' && p.role !== 'admin')
    throw new ApiError(
      'forbidden',
      'only the security and admin roles may request exceptions for a team or for every project: give project',
    );
  if (!body.team) return { projectId: null, teamId: null };
  const team = await ctx.store.db
    .selectFrom('teams')
    .select('id')
    .where('name', '=', body.team)
    .executeTakeFirst();
  if (!team) throw new ApiError('not_found', `no team named ${body.team}`);
  return { projectId: null, teamId: team.id };
}

/** The exception, if the credential may see it: scoped credentials see their project's only. */
async function visibleException(ctx: ServerContext, p: Principal, id: number): Promise<ExceptionView> {
  const e = await getException(ctx.store.db, id);
  if (!e || (p.projectId !== null && e.project_id !== p.projectId))
    throw new ApiError('not_found', `no exception #${id}`);
  return e;
}

/** Four eyes: whoever asked for the exception cannot also decide it. */
function checkDecider(e: ExceptionView, p: Principal, verb: string, now: number): void {
  if (e.requested_by === p.actor)
    throw new ApiError(
      'conflict',
      `${p.actor} requested exception #${e.id} and so cannot ${verb} it: another person with the security or admin role must decide`,
    );
  if (e.status !== 'pending')
    throw new ApiError(
      'conflict',
      `exception #${e.id} is ${e.status}; only pending exceptions can be decided`,
    );
  if (verb === 'approve' && e.expires_at !== null && e.expires_at <= now)
    throw new ApiError('conflict', `exception #${e.id} expired before it was approved; request a new one`);
}

function decided(r: DecisionResult, id: number): number {
  if (!r.ok)
    throw new ApiError('conflict', `exception #${id} is ${r.status} now (decided by someone else meanwhile)`);
  return r.findings;
}

export function exceptionRoutes(ctx: ServerContext): AnyRoute[] {
  const db = ctx.store.db;
  const decisionRoute = (
    verb: 'approve' | 'reject' | 'revoke',
    summary: string,
    count: 'accepted' | 'reopened' | undefined,
    run: typeof approveException,
  ): AnyRoute => ({
    method: 'POST',
    url: `/exceptions/:id/${verb}`,
    tag: 'exceptions',
    summary,
    action: 'exception.decide',
    params: IdParams,
    body: DecisionBody,
    response: z.object({ exception: Exception, ...(count ? { [count]: z.number() } : {}) }),
    async handler({ params, body, principal }) {
      const now = Date.now();
      const e = await visibleException(ctx, principal, params.id);
      if (verb === 'revoke') {
        if (e.status !== 'approved')
          throw new ApiError(
            'conflict',
            `exception #${e.id} is ${e.status}; only approved exceptions can be revoked`,
          );
      } else checkDecider(e, principal, verb, now);
      const n = decided(
        await run(ctx.store, e.id, { actor: principal.actor, comment: body.comment || null, now }),
        e.id,
      );
      const exception = view((await getException(db, e.id))!);
      return count ? { exception, [count]: n } : { exception };
    },
  });
  return [
    {
      method: 'POST',
      url: '/exceptions',
      tag: 'exceptions',
      summary:
        'Request an exception (pending until someone else approves it): by fingerprint, rule (+ path glob) or advisory (+ package), for a project, a team or everything. expiresAt is required when it covers a high or critical finding now, and for rule/advisory exceptions on every project.',
      action: 'exception.request',
      body: RequestBody,
      status: 201,
      response: z.object({
        exception: Exception,
        covers: z
          .object({ findings: z.number(), highOrCritical: z.number() })
          .describe('live findings it would cover now'),
      }),
      async handler({ body, principal }) {
        const now = Date.now();
        checkGlob(body.pathGlob);
        const scope = await scopeOf(ctx, principal, body);
        const draft: NewException = {
          kind: body.kind,
          project_id: scope.projectId,
          team_id: scope.teamId,
          fingerprint: body.fingerprint ?? null,
          rule_id: body.rule ?? null,
          path_glob: body.pathGlob ?? null,
          advisory_id: body.advisory ?? null,
          package_name: body.package ?? null,
          reason: body.reason,
          requested_by: principal.actor,
          requested_at: now,
          expires_at: body.expiresAt ? expiryInstant(body.expiresAt, now) : null,
        };
        const covered = await coveredFindings(db, {
          ...draft,
          id: 0,
          status: 'pending',
          decided_by: null,
          decided_at: null,
          decision_comment: null,
        } as ExceptionRow);
        const serious = covered.filter((f) => f.severityRank >= severityRank('high')).length;
        if (draft.expires_at === null && serious > 0)
          throw new ApiError(
            'bad_request',
            `body.expiresAt: required, because the exception covers ${serious} high or critical finding(s) now`,
          );
        if (
          draft.expires_at === null &&
          body.kind !== 'fingerprint' &&
          scope.projectId === null &&
          scope.teamId === null
        )
          throw new ApiError(
            'bad_request',
            `body.expiresAt: required for ${body.kind} exceptions that apply to every project`,
          );
        const row = await requestException(ctx.store, draft);
        return {
          exception: view((await getException(db, row.id))!),
          covers: { findings: covered.length, highOrCritical: serious },
        };
      },
    },
    {
      method: 'GET',
      url: '/exceptions',
      tag: 'exceptions',
      summary:
        'Exceptions, newest first; project-scoped credentials see their project’s only. Page with `after` = the previous answer’s `next`.',
      action: 'read',
      query: z.object({
        status: z.enum(EXCEPTION_STATES).optional(),
        project: z.string().min(1).max(200).optional(),
        expiringWithinDays: z.coerce
          .number()
          .int()
          .min(1)
          .max(MAX_DAYS_AHEAD)
          .optional()
          .describe('approved exceptions that expire within this many days'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        after: z.coerce.number().int().min(1).optional(),
      }),
      response: z.object({ exceptions: z.array(Exception), next: z.string().nullable() }),
      async handler({ query, principal }) {
        const now = Date.now();
        const projectId = query.project
          ? (await projectByName(ctx, principal, query.project)).id
          : (principal.projectId ?? undefined);
        const rows = await listExceptions(db, {
          status: query.status,
          projectId,
          expiringBefore: query.expiringWithinDays ? now + query.expiringWithinDays * DAY_MS : undefined,
          now,
          before: query.after,
          limit: query.limit,
        });
        const page = rows.slice(0, query.limit);
        return {
          exceptions: page.map(view),
          next: rows.length > query.limit ? String(page.at(-1)!.id) : null,
        };
      },
    },
    {
      method: 'GET',
      url: '/exceptions/:id',
      tag: 'exceptions',
      summary: 'One exception, with the live findings it covers now (count and the first 50 ids).',
      action: 'read',
      params: IdParams,
      response: z.object({
        exception: Exception,
        findings: z.object({ count: z.number(), ids: z.array(z.number()) }),
      }),
      async handler({ params, principal }) {
        const e = await visibleException(ctx, principal, params.id);
        const covered = await coveredFindings(db, e);
        return {
          exception: view(e),
          findings: { count: covered.length, ids: covered.slice(0, SHOWN_FINDINGS).map((f) => f.id) },
        };
      },
    },
    decisionRoute(
      'approve',
      'Approve a pending exception (not its requester): every open, confirmed or in-progress finding it covers becomes risk_accepted, in one transaction.',
      'accepted',
      approveException,
    ),
    decisionRoute('reject', 'Reject a pending exception (not its requester).', undefined, rejectException),
    decisionRoute(
      'revoke',
      'Revoke an approved exception: the findings it accepted are open again.',
      'reopened',
      revokeException,
    ),
  ];
}
