import { z } from 'zod';
import { SEVERITIES } from '../../core/severity.js';
import { dueSoon, openByScanner } from '../../store/open-now.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { project, scopeOf } from './metrics-query.js';

const bySeverity = z.object(
  Object.fromEntries(SEVERITIES.map((s) => [s, z.number()])) as Record<
    (typeof SEVERITIES)[number],
    z.ZodNumber
  >,
);

/** The open backlog now, cut the ways `GET /metrics/sla` does not: per scanner, and due soon. */
export function openNowRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/metrics/open',
      tag: 'metrics',
      summary:
        'Open findings now (open, confirmed, in progress) per scanner, most first, and those due within 7 days per severity (what GET /findings?sla=due_soon lists). Definitions: docs/metrics.md.',
      action: 'read',
      query: z.object({ project }),
      response: z.object({
        project: z.string().nullable(),
        asOf: z.string(),
        byScanner: z.array(z.object({ scanner: z.string(), open: z.number() })),
        dueSoon: z.object({ total: z.number(), bySeverity }),
      }),
      async handler({ query, principal }) {
        const scope = await scopeOf(ctx, principal, query.project);
        const now = Date.now();
        const s = { projectId: scope.projectId };
        const [byScanner, soon] = await Promise.all([
          openByScanner(ctx.store, s),
          dueSoon(ctx.store, s, now),
        ]);
        return {
          project: scope.project,
          asOf: new Date(now).toISOString(),
          byScanner,
          dueSoon: { total: Object.values(soon).reduce((a, b) => a + b, 0), bySeverity: soon },
        };
      },
    },
  ];
}
