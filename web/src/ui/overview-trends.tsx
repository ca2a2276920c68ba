import { lazy, Suspense, useMemo } from 'react';
import { formatCount, formatDate, formatDays, formatPercent } from '../format';
import { findingsUrl, ratio, type TrendsAnswer } from './overview-data';
import { type Covers, Tile, TileEmpty } from './overview-tile';
import type { TimeChartProps } from './time-chart';

// The chart code (uPlot) is in its own chunk: the numbers paint without waiting for it.
let chartModule: Promise<typeof import('./time-chart')> | undefined;
const loadChart = () => {
  chartModule ??= import('./time-chart');
  return chartModule;
};
const LazyChart = lazy(() => loadChart().then((m) => ({ default: m.TimeChart })));

/**
 * Fetches the chart code beside the overview's data requests. Only the overview asks: the other
 * pages (whose code shares the first bundle with it) never download uPlot.
 */
export function preloadTimeChart(): void {
  void loadChart();
}

/** The chart once its code is there; until then its summary sentence, which says the same. */
function TimeChart(props: TimeChartProps) {
  return (
    <Suspense fallback={<p className="ov-note">{props.summary}</p>}>
      <LazyChart {...props} />
    </Suspense>
  );
}

const CHARTED = ['critical', 'high', 'medium', 'low'] as const;

export function trendCovers(t: TrendsAnswer): Covers | undefined {
  const first = t.periods[0];
  const last = t.periods.at(-1);
  if (!first || !last) return undefined;
  return { from: first.from, to: last.to, label: `Last ${t.periods.length} ${t.period}s` };
}

/** The period's mean days per severity in the latest period that fixed anything, as a sentence. */
function latestMttr(t: TrendsAnswer): string {
  const p = t.periods.findLast((x) => x.mttr.all.count > 0);
  if (!p) return '';
  const parts = CHARTED.filter((s) => p.mttr.bySeverity[s].count > 0).map(
    (s) => `${s} ${formatDays(p.mttr.bySeverity[s].meanDays)}`,
  );
  return ` In the ${t.period} from ${formatDate(p.from)}, the mean time to fix was ${parts.join(', ')}.`;
}

export function MttrTrendTile({ trends }: { trends: TrendsAnswer }) {
  const fixed = trends.periods.reduce((a, p) => a + p.mttr.all.count, 0);
  const chart = useMemo(
    () => ({
      x: trends.periods.map((p) => p.from),
      series: CHARTED.map((s) => ({
        label: s,
        color: `--${s}`,
        values: trends.periods.map((p) => p.mttr.bySeverity[s].meanDays),
      })),
    }),
    [trends],
  );
  return (
    <Tile
      title="Mean time to remediate"
      covers={trendCovers(trends)}
      more={{ to: findingsUrl({ status: ['fixed'] }), label: 'Fixed findings' }}
      size="half"
    >
      {fixed === 0 ? (
        <TileEmpty>
          No finding was fixed in this window. The trend appears once a complete scan no longer finds a
          finding it found before.
        </TileEmpty>
      ) : (
        <TimeChart
          title={`Mean days from first detection to fix, per ${trends.period} and severity`}
          x={chart.x}
          series={chart.series}
          format={formatDays}
          summary={`${formatCount(fixed)} findings fixed by a scan, mean days to fix per ${trends.period} by severity.${latestMttr(trends)}`}
        />
      )}
    </Tile>
  );
}

/** Verdict counts added over every period: the rates of the whole window. */
export function gateTotals(t: TrendsAnswer) {
  const sum = (k: 'scans' | 'pass' | 'warn' | 'fail' | 'overridden') =>
    t.periods.reduce((a, p) => a + p.gate[k], 0);
  const scans = sum('scans');
  const rate = (n: number) => (scans === 0 ? null : n / scans);
  return {
    scans,
    passRate: rate(sum('pass') + sum('warn')),
    failRate: rate(sum('fail')),
    overrideRate: rate(sum('overridden')),
  };
}

export function GateTrendTile({ trends }: { trends: TrendsAnswer }) {
  const totals = gateTotals(trends);
  const chart = useMemo(
    () => ({
      x: trends.periods.map((p) => p.from),
      series: [
        { label: 'passed', color: '--ok', values: trends.periods.map((p) => p.gate.passRate) },
        { label: 'overridden', color: '--medium', values: trends.periods.map((p) => p.gate.overrideRate) },
      ],
    }),
    [trends],
  );
  return (
    <Tile
      title="Gate pass rate"
      covers={trendCovers(trends)}
      more={{ to: '/projects', label: 'Projects' }}
      size="half"
    >
      {totals.scans === 0 ? (
        <TileEmpty>
          No scan reported a gate verdict in this window. Pipelines that run{' '}
          <code>gatehouse scan --upload</code> with the gate report one.
        </TileEmpty>
      ) : (
        <TimeChart
          title={`Share of scans whose gate passed, and of those passed by an override, per ${trends.period}`}
          x={chart.x}
          series={chart.series}
          format={(v) => formatPercent(ratio(v))}
          yRange={[0, 100]}
          summary={`${formatCount(totals.scans)} scans with a gate verdict: ${formatPercent(totals.passRate)} passed, ${formatPercent(totals.failRate)} failed, ${formatPercent(totals.overrideRate)} passed only after an override.`}
        />
      )}
    </Tile>
  );
}
