import { z } from 'zod';
import {
  AGE_BUCKETS,
  burndown,
  coverage,
  gateReport,
  mttd,
  mttr,
  PERIODS,
  ruleNoise,
  secretsReport,
  slaReport,
} from '../../store/metrics/index.js';
import { DAY_MS } from '../../store/sla.js';
import type { Principal } from '../auth.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, RouteSpec, ServerContext } from '../route.js';
import { daysParam, project, scanner, scopeOf, windowed, windowOf } from './metrics-query.js';

/** Definitions of every number: docs/metrics.md. */
const DOCS = 'Definitions: docs/metrics.md.';
const MAX_PERIODS = 400;

const iso = (ms: number) => new Date(ms).toISOString();
const Window = z.object({ from: z.string(), to: z.string() });
const bySeverity = <T extends z.ZodType>(t: T) =>
  z.object({ critical: t, high: t, medium: t, low: t, info: t });
const Stats = z.object({
  count: z.number(),
  meanDays: z.number().nullable(),
  medianDays: z.number().nullable(),
});
const Durations = z.object({ all: Stats, bySeverity: bySeverity(Stats) });
const percent = z.number().nullable();
const Compliance = z.object({
  met: z.number(),
  late: z.number(),
  openOverdue: z.number(),
  resolvedInTimePercent: percent,
  compliancePercent: percent,
});
const GateCounts = z.object({
  scans: z.number(),
  pass: z.number(),
  warn: z.number(),
  fail: z.number(),
  overridden: z.number(),
  passRate: percent,
  failRate: percent,
  overrideRate: percent,
});

/** A metric: a GET any reader may call, its query typed for the handler. */
function route<Q extends z.ZodType>(
  r: Omit<RouteSpec<Q, z.ZodType, z.ZodType>, 'method' | 'tag' | 'action'>,
): AnyRoute {
  return { method: 'GET', tag: 'metrics', action: 'read', ...r, summary: `${r.summary} ${DOCS}` } as AnyRoute;
}

export function metricRoutes(ctx: ServerContext): AnyRoute[] {
  const findingsQuery = z.object({ ...windowed, scanner });
  /** Scope and window of a findings metric, as the answer echoes them. */
  const frame = async (principal: Principal, q: z.infer<typeof findingsQuery>) => {
    const scope = await scopeOf(ctx, principal, q.project);
    const w = windowOf(q, Date.now());
    const metric = {
      projectId: scope.projectId,
      from: w.from,
      to: w.to,
      ...(q.scanner ? { scanner: q.scanner } : {}),
    };
    return {
      metric,
      echo: {
        window: { from: iso(w.from), to: iso(w.to) },
        project: scope.project,
        scanner: q.scanner ?? null,
      },
    };
  };
  const echoed = { window: Window, project: z.string().nullable(), scanner: z.string().nullable() };
  return [
    route({
      url: '/metrics/mttr',
      summary:
        'Mean and median time to remediate per severity, over findings fixed (and over all resolved) in the window.',
      query: findingsQuery,
      response: z.object({ ...echoed, fixed: Durations, resolved: Durations }),
      async handler({ query, principal }) {
        const { metric, echo } = await frame(principal, query);
        return { ...echo, ...(await mttr(ctx.store, metric)) };
      },
    }),
    route({
      url: '/metrics/mttd',
      summary:
        'Mean and median time to detect dependency findings first seen in the window: first seen minus the advisory publication.',
      query: findingsQuery,
      response: z.object({ ...echoed, ...Durations.shape, undated: z.number() }),
      async handler({ query, principal }) {
        const { metric, echo } = await frame(principal, query);
        return { ...echo, ...(await mttd(ctx.store, metric)) };
      },
    }),
    route({
      url: '/metrics/sla',
      summary:
        'SLA compliance of findings resolved in the window (and open past due now), and the open backlog by severity and age.',
      query: findingsQuery,
      response: z.object({
        ...echoed,
        asOf: z.string(),
        compliance: Compliance.extend({ bySeverity: bySeverity(Compliance) }),
        open: z.object({
          total: z.number(),
          overdue: z.number(),
          bySeverity: bySeverity(z.object({ open: z.number(), overdue: z.number() })),
          byAge: z.array(
            z.object({ bucket: z.enum(AGE_BUCKETS), open: z.number(), bySeverity: bySeverity(z.number()) }),
          ),
        }),
      }),
      async handler({ query, principal }) {
        const { metric, echo } = await frame(principal, query);
        const now = Date.now();
        return { ...echo, asOf: iso(now), ...(await slaReport(ctx.store, metric, now)) };
      },
    }),
    route({
      url: '/metrics/burndown',
      summary:
        'Unresolved findings at the end of each of the last `days` UTC days (today: now), with the day’s arrivals and resolutions.',
      query: z.object({ project, scanner, days: daysParam(90) }),
      response: z.object({
        project: z.string().nullable(),
        scanner: z.string().nullable(),
        asOf: z.string(),
        days: z.array(
          z.object({ date: z.string(), open: z.number(), opened: z.number(), resolved: z.number() }),
        ),
      }),
      async handler({ query, principal }) {
        const scope = await scopeOf(ctx, principal, query.project);
        const now = Date.now();
        const s = { projectId: scope.projectId, ...(query.scanner ? { scanner: query.scanner } : {}) };
        const days = await burndown(ctx.store, s, query.days, now);
        return { project: scope.project, scanner: query.scanner ?? null, asOf: iso(now), days };
      },
    }),
    route({
      url: '/metrics/gate',
      summary:
        'Gate verdicts of scans received in the window per project, stage and policy version; passes that followed a failure of the same commit and stage are overrides.',
      query: z.object(windowed),
      response: z.object({
        window: Window,
        project: z.string().nullable(),
        totals: GateCounts,
        byProject: z.array(GateCounts.extend({ project: z.string() })),
        byStage: z.array(GateCounts.extend({ stage: z.string().nullable() })),
        byPolicyVersion: z.array(GateCounts.extend({ policyVersion: z.string().nullable() })),
      }),
      async handler({ query, principal }) {
        const { metric, echo } = await frame(principal, query);
        return { window: echo.window, project: echo.project, ...(await gateReport(ctx.store, metric)) };
      },
    }),
    route({
      url: '/metrics/coverage',
      summary:
        'Pipeline coverage: which scanners each project ran in the last `days` days, and the projects with no scan.',
      query: z.object({ project, days: daysParam(30) }),
      response: z.object({
        project: z.string().nullable(),
        since: z.string(),
        asOf: z.string(),
        scanners: z.array(z.string()),
        byScanner: z.array(z.object({ scanner: z.string(), projects: z.number() })),
        projects: z.array(
          z.object({
            project: z.string(),
            scans: z.number(),
            lastScanAt: z.string(),
            scanners: z.array(
              z.object({ scanner: z.string(), runs: z.number(), failed: z.number(), lastRunAt: z.string() }),
            ),
          }),
        ),
        notScanned: z.array(z.object({ project: z.string(), lastScanAt: z.string().nullable() })),
      }),
      async handler({ query, principal }) {
        const scope = await scopeOf(ctx, principal, query.project);
        const now = Date.now();
        const since = now - query.days * DAY_MS;
        const r = await coverage(ctx.store, scope.projectId, since, now);
        return {
          project: scope.project,
          since: iso(since),
          asOf: iso(now),
          scanners: r.scanners,
          byScanner: r.byScanner,
          projects: r.projects.map((p) => ({
            ...p,
            lastScanAt: iso(p.lastScanAt),
            scanners: p.scanners.map((s) => ({ ...s, lastRunAt: iso(s.lastRunAt) })),
          })),
          notScanned: r.notScanned.map((p) => ({
            ...p,
            lastScanAt: p.lastScanAt === null ? null : iso(p.lastScanAt),
          })),
        };
      },
    }),
    route({
      url: '/metrics/secrets',
      summary:
        'Secrets detected (secret findings first seen) and blocked (failed gates whose scan found secrets), per day or week of the window.',
      query: z.object({
        ...windowed,
        period: z.enum(Object.keys(PERIODS) as ['day', 'week']).default('week'),
      }),
      response: z.object({
        window: Window,
        project: z.string().nullable(),
        period: z.string(),
        totals: z.object({ detected: z.number(), stillOpen: z.number(), blocked: z.number() }),
        periods: z.array(
          z.object({ start: z.string(), detected: z.number(), stillOpen: z.number(), blocked: z.number() }),
        ),
      }),
      async handler({ query, principal }) {
        const { metric, echo } = await frame(principal, query);
        if ((metric.to - metric.from) / PERIODS[query.period] > MAX_PERIODS)
          throw new ApiError(
            'bad_request',
            `more than ${MAX_PERIODS} periods: shorten the window or use a longer period`,
          );
        const periods = await secretsReport(ctx.store, metric, query.period);
        const sum = (k: 'detected' | 'stillOpen' | 'blocked') => periods.reduce((a, p) => a + p[k], 0);
        return {
          window: echo.window,
          project: echo.project,
          period: query.period,
          totals: { detected: sum('detected'), stillOpen: sum('stillOpen'), blocked: sum('blocked') },
          periods: periods.map((p) => ({ ...p, start: iso(p.start) })),
        };
      },
    }),
    route({
      url: '/metrics/noise',
      summary:
        'False-positive rate per rule from triage decisions made in the window, worst first: the rules to tune.',
      query: findingsQuery.extend({
        minTriaged: z.coerce
          .number()
          .int()
          .min(1)
          .max(100_000)
          .default(5)
          .describe('Leave out rules with fewer triaged findings'),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: z.object({
        ...echoed,
        minTriaged: z.number(),
        rules: z.array(
          z.object({
            scanner: z.string(),
            ruleId: z.string(),
            triaged: z.number(),
            falsePositives: z.number(),
            falsePositiveRate: z.number(),
          }),
        ),
      }),
      async handler({ query, principal }) {
        const { metric, echo } = await frame(principal, query);
        const rules = await ruleNoise(ctx.store, metric, {
          minTriaged: query.minTriaged,
          limit: query.limit,
        });
        return { ...echo, minTriaged: query.minTriaged, rules };
      },
    }),
  ];
}
