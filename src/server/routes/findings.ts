import { z } from 'zod';
import { severityRank } from '../../core/severity.js';
import { findingDetail } from '../../store/finding-detail.js';
import { DEFAULT_ORDER, decodeCursor, encodeCursor, type FindingSort } from '../../store/findings-cursor.js';
import type { FindingFilter } from '../../store/findings-filter.js';
import { countFindings, listFindings } from '../../store/findings-query.js';
import { OPEN_LIKE } from '../../store/sla-state.js';
import type { Principal } from '../auth.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, Handled, ServerContext } from '../route.js';
import {
  CountQuery,
  DetailResponse,
  detail,
  FINDING_STATES,
  FindingSummary,
  IdParams,
  ListQuery,
  summary,
} from './finding-contract.js';
import { findingTriageRoutes } from './findings-triage.js';

type CountQueryIn = z.infer<typeof CountQuery>;
type ListQueryIn = z.infer<typeof ListQuery>;
type Id = z.infer<typeof IdParams>;

/**
 * The projects a request reads: those it names (each must exist and be visible, else not found,
 * so a scoped credential learns nothing of other projects), or the credential's own, or all.
 */
async function projectIds(
  ctx: ServerContext,
  p: Principal,
  names: string[] | undefined,
): Promise<number[] | undefined> {
  if (!names?.length) return p.projectId === null ? undefined : [p.projectId];
  const rows = await ctx.store.db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('name', 'in', names)
    .execute();
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  for (const name of names) {
    const id = byName.get(name);
    if (id === undefined || (p.projectId !== null && id !== p.projectId))
      throw new ApiError('not_found', `no project named ${name}`);
  }
  return [...new Set(byName.values())];
}

async function toFilter(ctx: ServerContext, p: Principal, q: CountQueryIn): Promise<FindingFilter> {
  const statuses = q.status?.length ? q.status : [...OPEN_LIKE];
  return {
    projectIds: await projectIds(ctx, p, q.project),
    scanners: q.scanner,
    severityRanks: q.severity?.map(severityRank),
    statuses: statuses.includes('all')
      ? [...FINDING_STATES]
      : [...new Set(statuses as (typeof FINDING_STATES)[number][])],
    rules: q.rule,
    text: q.text,
    firstSeenFrom: q.firstSeenFrom,
    firstSeenTo: q.firstSeenTo,
    sla: q.sla,
  };
}

async function projectNames(ctx: ServerContext, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.store.db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function findingRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/findings',
      tag: 'findings',
      summary:
        'Findings the credential can see, filtered and sorted, a page at a time: pass `next` back as `cursor` for the following page (stable under concurrent changes; no page is slower than the first).',
      action: 'read',
      query: ListQuery,
      response: z.object({ findings: z.array(FindingSummary), next: z.string().nullable() }),
      async handler({ query, principal }: Handled<ListQueryIn, unknown, unknown>) {
        const now = Date.now();
        const sort: FindingSort = { key: query.sort, order: query.order ?? DEFAULT_ORDER[query.sort] };
        const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort);
        if (query.cursor !== undefined && !after)
          throw new ApiError(
            'bad_request',
            'query.cursor: not a cursor of this list and sort (pass `next` of the previous page unchanged, with the same sort and order)',
          );
        const filter = await toFilter(ctx, principal, query);
        const page = await listFindings(ctx.store, { filter, sort, limit: query.limit, after, now });
        const names = await projectNames(
          ctx,
          page.rows.map((r) => r.project_id),
        );
        return {
          findings: page.rows.map((r) => summary(r, names.get(r.project_id) ?? '', now)),
          next: page.next ? encodeCursor(page.next) : null,
        };
      },
    },
    {
      method: 'GET',
      url: '/findings/count',
      tag: 'findings',
      summary: 'How many findings the same filters as GET /findings select, in total and per status.',
      action: 'read',
      query: CountQuery,
      response: z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()) }),
      async handler({ query, principal }: Handled<CountQueryIn, unknown, unknown>) {
        const byStatus = await countFindings(ctx.store, await toFilter(ctx, principal, query), Date.now());
        return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
      },
    },
    {
      method: 'GET',
      url: '/findings/:id',
      tag: 'findings',
      summary:
        'One finding: what the scanner reported (location, snippet, trace, vulnerability, CWE, remediation), its SLA state, its history oldest first and the latest scans that saw it.',
      action: 'read',
      params: IdParams,
      response: DetailResponse,
      async handler({ params, principal }: Handled<unknown, Id, unknown>) {
        const d = await findingDetail(ctx.store.db, params.id);
        if (!d || (principal.projectId !== null && d.finding.project_id !== principal.projectId))
          throw new ApiError('not_found', `no finding ${params.id}`);
        return detail(d, Date.now());
      },
    },
    ...findingTriageRoutes(ctx),
  ];
}
