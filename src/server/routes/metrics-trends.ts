import { z } from 'zod';
import { SEVERITIES } from '../../core/severity.js';
import { gateReport, mttr, PERIODS } from '../../store/metrics/index.js';
import { DAY_MS } from '../../store/sla.js';
import type { AnyRoute, Handled, ServerContext } from '../route.js';
import { project, scanner, scopeOf } from './metrics-query.js';

const Stats = z.object({
  count: z.number(),
  meanDays: z.number().nullable(),
  medianDays: z.number().nullable(),
});
const Durations = z.object({
  all: Stats,
  bySeverity: z.object(
    Object.fromEntries(SEVERITIES.map((s) => [s, Stats])) as Record<
      (typeof SEVERITIES)[number],
      typeof Stats
    >,
  ),
});
const percent = z.number().nullable();
const Gate = z.object({
  scans: z.number(),
  pass: z.number(),
  warn: z.number(),
  fail: z.number(),
  overridden: z.number(),
  passRate: percent,
  failRate: percent,
  overrideRate: percent,
});

const TrendQuery = z.object({
  project,
  scanner,
  period: z.enum(Object.keys(PERIODS) as ['day', 'week']).default('week'),
  periods: z.coerce.number().int().min(1).max(53).default(12),
});

/** Periods computed at once: the trend's queries share the pool with every other request. */
const PARALLEL = 3;

/**
 * `count` periods of `length` ms ending now, oldest first. Boundaries fall on UTC midnight, so
 * every period but the last is made of whole days, which the daily snapshots answer; the last
 * one ends now.
 */
export function trendWindows(now: number, length: number, count: number): { from: number; to: number }[] {
  const end = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
  return Array.from({ length: count }, (_, k) => ({
    from: end - (count - k) * length,
    to: Math.min(end - (count - 1 - k) * length, now),
  }));
}

async function inBatches<T, R>(items: readonly T[], run: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL)
    out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(run))));
  return out;
}

export function trendRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/metrics/trends',
      tag: 'metrics',
      summary:
        'MTTR (findings fixed by a scan) per severity and gate verdicts, per day or week, for the last `periods` periods: each period is exactly what GET /metrics/mttr and GET /metrics/gate answer for its window. `scanner` narrows MTTR only. Definitions: docs/metrics.md.',
      action: 'read',
      query: TrendQuery,
      response: z.object({
        project: z.string().nullable(),
        scanner: z.string().nullable(),
        period: z.string(),
        asOf: z.string(),
        periods: z.array(z.object({ from: z.string(), to: z.string(), mttr: Durations, gate: Gate })),
      }),
      async handler({ query, principal }: Handled<z.infer<typeof TrendQuery>, unknown, unknown>) {
        const scope = await scopeOf(ctx, principal, query.project);
        const now = Date.now();
        const windows = trendWindows(now, PERIODS[query.period], query.periods);
        const periods = await inBatches(windows, async (w) => {
          const s = { projectId: scope.projectId, ...w };
          const [m, g] = await Promise.all([
            mttr(ctx.store, query.scanner ? { ...s, scanner: query.scanner } : s),
            gateReport(ctx.store, s),
          ]);
          return {
            from: new Date(w.from).toISOString(),
            to: new Date(w.to).toISOString(),
            mttr: m.fixed,
            gate: g.totals,
          };
        });
        return {
          project: scope.project,
          scanner: query.scanner ?? null,
          period: query.period,
          asOf: new Date(now).toISOString(),
          periods,
        };
      },
    },
  ];
}
