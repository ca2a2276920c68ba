import { sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../auth.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';

const OPEN_LIKE = ['open', 'confirmed', 'in_progress'] as const;

const Project = z.object({
  id: z.number(),
  name: z.string(),
  repository: z.string().nullable(),
  defaultBranch: z.string().nullable(),
  tier: z.string(),
  open: z.object({
    critical: z.number(),
    high: z.number(),
    medium: z.number(),
    low: z.number(),
    info: z.number(),
  }),
  lastScanAt: z.string().nullable(),
});

type ProjectOut = z.infer<typeof Project>;

async function openCounts(ctx: ServerContext, ids: number[]) {
  if (!ids.length) return new Map<number, ProjectOut['open']>();
  const rows = await ctx.store.db
    .selectFrom('findings')
    .select(['project_id', 'severity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', 'in', ids)
    .where('status', 'in', OPEN_LIKE)
    .groupBy(['project_id', 'severity'])
    .execute();
  const out = new Map<number, ProjectOut['open']>();
  for (const r of rows) {
    const c = out.get(r.project_id) ?? { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    if (r.severity in c) c[r.severity as keyof typeof c] = Number(r.n);
    out.set(r.project_id, c);
  }
  return out;
}

async function lastScans(ctx: ServerContext, ids: number[]) {
  if (!ids.length) return new Map<number, number>();
  const rows = await ctx.store.db
    .selectFrom('scans')
    .select(['project_id', (eb) => eb.fn.max('received_at').as('at')])
    .where('project_id', 'in', ids)
    .groupBy('project_id')
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.at)]));
}

export function projectRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/projects',
      tag: 'projects',
      summary:
        'Projects the credential can see, with open findings by severity and the time of the last scan.',
      action: 'read',
      query: z.object({
        q: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        after: z.coerce.number().int().min(0).optional(),
      }),
      response: z.object({ projects: z.array(Project), next: z.string().nullable() }),
      async handler({ query, principal }) {
        let q = ctx.store.db
          .selectFrom('projects')
          .selectAll()
          .orderBy('id')
          .limit(query.limit + 1);
        if (principal.projectId !== null) q = q.where('id', '=', principal.projectId);
        if (query.q) q = q.where(sql<boolean>`name LIKE ${likePattern(query.q)} ESCAPE '\\'`);
        if (query.after !== undefined) q = q.where('id', '>', query.after);
        const rows = await q.execute();
        const page = rows.slice(0, query.limit);
        const ids = page.map((p) => p.id);
        const [counts, scans] = await Promise.all([openCounts(ctx, ids), lastScans(ctx, ids)]);
        return {
          projects: page.map((p) => ({
            id: p.id,
            name: p.name,
            repository: p.repository,
            defaultBranch: p.default_branch,
            tier: p.tier,
            open: counts.get(p.id) ?? { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
            lastScanAt: scans.has(p.id) ? new Date(scans.get(p.id)!).toISOString() : null,
          })),
          next: rows.length > query.limit ? String(page.at(-1)!.id) : null,
        };
      },
    },
  ];
}

/** The project with this name, if the credential may see it (otherwise: not found, not forbidden). */
export async function projectByName(ctx: ServerContext, principal: Principal, name: string) {
  const p = await ctx.store.db.selectFrom('projects').selectAll().where('name', '=', name).executeTakeFirst();
  if (!p || (principal.projectId !== null && principal.projectId !== p.id))
    throw new ApiError('not_found', `no project named ${name}`);
  return p;
}

/** `%text%` with LIKE's wildcards in the text taken literally (escape character: backslash). */
export function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c: string) => `\\${c}`)}%`;
}
