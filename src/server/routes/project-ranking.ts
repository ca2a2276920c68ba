import { z } from 'zod';
import { SEVERITIES } from '../../core/severity.js';
import { PROJECT_SORTS, type ProjectSort, RISK_WEIGHTS, rankProjects } from '../../store/project-ranking.js';
import { TIERS } from '../../store/sla.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, Handled, ServerContext } from '../route.js';
import { likePattern } from './projects.js';

const counts = <T extends z.ZodType>(keys: readonly string[], t: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, t])) as Record<string, T>);

const Ranked = z.object({
  id: z.number(),
  name: z.string(),
  repository: z.string().nullable(),
  defaultBranch: z.string().nullable(),
  tier: z.enum(TIERS),
  team: z.object({ id: z.number(), name: z.string() }).nullable(),
  open: z.object({
    critical: z.number(),
    high: z.number(),
    medium: z.number(),
    low: z.number(),
    info: z.number(),
  }),
  risk: z.number().describe('tier weight × Σ open findings × severity weight (see `weights`)'),
  lastScanAt: z.string().nullable(),
});

/** Ranks and orders that read naturally: worst, newest and most critical first; names A to Z. */
const DEFAULT_ORDER: Record<ProjectSort, 'asc' | 'desc'> = {
  risk: 'desc',
  name: 'asc',
  tier: 'desc',
  critical: 'desc',
  high: 'desc',
  last_scan: 'desc',
};

/** The cursor is opaque to clients: the sort, and the last row's key and name. */
const encodeCursor = (sort: ProjectSort, key: string | number, name: string) =>
  Buffer.from(JSON.stringify([sort, key, name])).toString('base64url');

function decodeCursor(text: string, sort: ProjectSort): { key: string | number; name: string } {
  try {
    const [s, key, name] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const keyType = sort === 'name' ? 'string' : 'number';
    if (s === sort && typeof key === keyType && typeof name === 'string') return { key, name };
  } catch {
    // answered below
  }
  throw new ApiError(
    'bad_request',
    'query.cursor: not a cursor of this sort (pass `next` of the previous page unchanged, with the same sort)',
  );
}

const RankingQuery = z.object({
  sort: z.enum(PROJECT_SORTS).default('risk'),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .describe('default: name asc, the others desc (highest risk, tier, count, newest scan first)'),
  q: z.string().max(200).optional().describe('substring of the project name'),
  team: z.string().min(1).max(200).optional().describe('owner team name'),
  tier: z.enum(TIERS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(2000).optional(),
});

export function projectRankingRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/metrics/projects',
      tag: 'metrics',
      summary:
        'Projects ranked by risk (open findings weighted by severity and project tier), or sorted by name, tier, open critical or high findings, or last scan; filtered like GET /projects, a page at a time (pass `next` back as `cursor`). Definitions: docs/metrics.md.',
      action: 'read',
      query: RankingQuery,
      response: z.object({
        sort: z.enum(PROJECT_SORTS),
        order: z.enum(['asc', 'desc']),
        weights: z.object({
          severity: counts(SEVERITIES, z.number()),
          tier: counts(TIERS, z.number()),
        }),
        projects: z.array(Ranked),
        next: z.string().nullable(),
      }),
      async handler({ query, principal }: Handled<z.infer<typeof RankingQuery>, unknown, unknown>) {
        const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort);
        const order = query.order ?? DEFAULT_ORDER[query.sort];
        const { rows, more } = await rankProjects(ctx.store, {
          sort: query.sort,
          order,
          projectId: principal.projectId,
          ...(query.q ? { namePattern: likePattern(query.q) } : {}),
          ...(query.tier ? { tier: query.tier } : {}),
          ...(query.team ? { team: query.team } : {}),
          limit: query.limit,
          ...(after ? { after } : {}),
        });
        const last = rows.at(-1);
        return {
          sort: query.sort,
          order,
          weights: RISK_WEIGHTS,
          projects: rows.map(({ key: _key, lastScanAt, ...p }) => ({
            ...p,
            lastScanAt: lastScanAt === null ? null : new Date(lastScanAt).toISOString(),
          })),
          next: more && last ? encodeCursor(query.sort, last.key, last.name) : null,
        };
      },
    },
  ];
}
