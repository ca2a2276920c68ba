import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCount, formatDays, formatPercent } from '../format';
import { OpenByScannerTile, OpenBySeverityTile, SecretsTile, SlaTile } from './overview-backlog';
import type {
  CoverageAnswer,
  NoiseAnswer,
  OpenAnswer,
  RankingAnswer,
  SlaAnswer,
  TrendsAnswer,
} from './overview-data';
import { findingsUrl } from './overview-data';
import { CoverageTile, NoisyRulesTile, RiskiestTile } from './overview-tables';
import { GateTrendTile, MttrTrendTile } from './overview-trends';

afterEach(cleanup);

const show = (ui: ReactNode) => render(<MemoryRouter>{ui}</MemoryRouter>);
const tile = (name: string) => screen.getByRole('region', { name });
const hrefOf = (el: HTMLElement) => el.closest('a')!.getAttribute('href');

const sevs = <T,>(f: (s: string) => T) =>
  Object.fromEntries(['critical', 'high', 'medium', 'low', 'info'].map((s) => [s, f(s)])) as Record<
    'critical' | 'high' | 'medium' | 'low' | 'info',
    T
  >;
const compliance = { met: 0, late: 0, openOverdue: 0, resolvedInTimePercent: null, compliancePercent: null };

function sla(open: Record<string, [number, number]>, over: Partial<SlaAnswer['compliance']> = {}): SlaAnswer {
  const bySeverity = sevs((s) => ({ open: open[s]?.[0] ?? 0, overdue: open[s]?.[1] ?? 0 }));
  const total = Object.values(bySeverity).reduce((a, c) => a + c.open, 0);
  const overdue = Object.values(bySeverity).reduce((a, c) => a + c.overdue, 0);
  return {
    window: { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
    project: null,
    scanner: null,
    asOf: '2026-04-01T00:00:00.000Z',
    compliance: { ...compliance, ...over, bySeverity: sevs(() => compliance) },
    open: { total, overdue, bySeverity, byAge: [] },
  };
}

const open = (byScanner: OpenAnswer['byScanner'], soon: Record<string, number> = {}): OpenAnswer => ({
  project: null,
  asOf: '2026-04-01T00:00:00.000Z',
  byScanner,
  dueSoon: { total: Object.values(soon).reduce((a, b) => a + b, 0), bySeverity: sevs((s) => soon[s] ?? 0) },
});

describe('open findings tiles', () => {
  it('formats each severity count and links it to exactly the findings it counts', () => {
    show(<OpenBySeverityTile sla={sla({ critical: [12_345, 3], high: [7, 0] })} />);
    const t = tile('Open findings by severity');
    const critical = within(t).getByText(formatCount(12_345));
    expect(hrefOf(critical)).toBe('/findings?severity=critical');
    expect(hrefOf(within(t).getByText('info'))).toBe('/findings?severity=info');
    expect(within(t).getByText(/^Now \(as of/)).toBeTruthy();
    expect(within(t).getByRole('link', { name: `All ${formatCount(12_352)} open findings` })).toBeTruthy();
  });

  it('says what to do when nothing is open', () => {
    show(
      <>
        <OpenBySeverityTile sla={sla({})} />
        <OpenByScannerTile open={open([])} />
      </>,
    );
    for (const name of ['Open findings by severity', 'Open findings by scanner'])
      expect(within(tile(name)).getByText(/Nothing is open/).textContent).toMatch(/gatehouse scan --upload/);
  });

  it('lists scanners most first, each linking to its open findings', () => {
    show(
      <OpenByScannerTile
        open={open([
          { scanner: 'sca', open: 40 },
          { scanner: 'sast', open: 2 },
        ])}
      />,
    );
    const links = within(tile('Open findings by scanner')).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['sca40', '/findings?scanner=sca'],
      ['sast2', '/findings?scanner=sast'],
    ]);
  });
});

describe('SLA tile', () => {
  it('links past-due and due-soon totals and severities, and shows compliance as a percentage', () => {
    show(
      <SlaTile
        sla={sla(
          { critical: [4, 3], low: [9, 1] },
          { met: 7, late: 1, openOverdue: 4, compliancePercent: 58.3 },
        )}
        open={open([], { high: 2 })}
      />,
    );
    const t = tile('SLA');
    expect(hrefOf(within(t).getByText('4'))).toBe('/findings?sla=overdue');
    expect(hrefOf(within(t).getByText('2', { selector: '.ov-big' }))).toBe('/findings?sla=due_soon');
    const overdueCritical = within(t)
      .getAllByRole('link')
      .find((l) => l.textContent === 'critical 3');
    expect(overdueCritical?.getAttribute('href')).toBe('/findings?severity=critical&sla=overdue');
    expect(within(t).getByText(formatPercent(0.583))).toBeTruthy();
    expect(t.textContent).toContain('last 90 days');
    expect(t.textContent).toContain('7 resolved in time, 1 late, 4 open past due');
  });

  it('shows no percentage when nothing was due, never 0 %', () => {
    show(<SlaTile sla={sla({})} open={open([])} />);
    const t = tile('SLA');
    expect(within(t).getByText('—')).toBeTruthy();
    expect(t.textContent).toMatch(/nothing was due/);
  });
});

describe('secrets tile', () => {
  const answer = (detected: number, stillOpen: number, blocked: number) => ({
    window: { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T12:00:00.000Z' },
    project: null,
    period: 'week',
    totals: { detected, stillOpen, blocked },
    periods: [],
  });

  it('links detected secrets to every secret first seen in the window, whatever its status', () => {
    show(<SecretsTile secrets={answer(5, 2, 1)} />);
    const t = tile('Secrets');
    expect(hrefOf(within(t).getByText('5'))).toBe(
      '/findings?scanner=secrets&firstSeenFrom=2026-01-01&status=all',
    );
    expect(hrefOf(within(t).getByText('2'))).toBe('/findings?scanner=secrets&firstSeenFrom=2026-01-01');
    expect(within(t).getByText(/^Last 90 days:/)).toBeTruthy();
  });

  it('says so when no secret was found', () => {
    show(<SecretsTile secrets={answer(0, 0, 0)} />);
    expect(tile('Secrets').textContent).toMatch(/No secret was detected/);
  });
});

const period = (
  from: string,
  fixed: Partial<Record<string, [number, number]>>,
  gate: [number, number, number],
) => {
  const [scans, pass, fail] = gate;
  const mttr = sevs((s) => ({
    count: fixed[s]?.[0] ?? 0,
    meanDays: fixed[s]?.[1] ?? null,
    medianDays: fixed[s]?.[1] ?? null,
  }));
  const count = Object.values(mttr).reduce((a, m) => a + m.count, 0);
  return {
    from,
    to: from,
    mttr: { all: { count, meanDays: null, medianDays: null }, bySeverity: mttr },
    gate: {
      scans,
      pass,
      warn: 0,
      fail,
      overridden: scans - pass - fail,
      passRate: scans ? (pass / scans) * 100 : null,
      failRate: scans ? (fail / scans) * 100 : null,
      overrideRate: scans ? ((scans - pass - fail) / scans) * 100 : null,
    },
  };
};
const trends = (periods: ReturnType<typeof period>[]): TrendsAnswer => ({
  project: null,
  scanner: null,
  period: 'week',
  asOf: '2026-03-20T00:00:00.000Z',
  periods,
});

describe('trend tiles', () => {
  const weeks = trends([
    period('2026-03-05T00:00:00.000Z', { critical: [2, 3.5] }, [4, 2, 1]),
    period('2026-03-12T00:00:00.000Z', { critical: [1, 6], high: [1, 12.5] }, [6, 6, 0]),
  ]);

  it('summarises MTTR in a sentence and lists every value in a table for screen readers', async () => {
    show(<MttrTrendTile trends={weeks} />);
    const t = tile('Mean time to remediate');
    expect(within(t).getByText(/^Last 2 weeks:/)).toBeTruthy();
    const table = await within(t).findByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[0]).toBe('Period fromcriticalhighmediumlow');
    expect(rows[2]).toContain(formatDays(12.5));
    expect(rows[1]).toContain('—');
    expect(within(t).getByRole('figure').textContent).toContain(
      `4 findings fixed by a scan, mean days to fix per week by severity. In the week from`,
    );
    expect(within(t).getByRole('figure').textContent).toContain(
      `critical ${formatDays(6)}, high ${formatDays(12.5)}.`,
    );
  });

  it('adds up gate verdicts over the whole window', async () => {
    show(<GateTrendTile trends={weeks} />);
    const t = tile('Gate pass rate');
    expect(t.textContent).toContain(
      `10 scans with a gate verdict: ${formatPercent(0.8)} passed, ${formatPercent(0.1)} failed, ${formatPercent(0.1)} passed only after an override.`,
    );
    expect(await within(t).findByRole('table')).toBeTruthy();
  });

  it('explains empty trends instead of drawing flat lines', () => {
    const quiet = trends([period('2026-03-05T00:00:00.000Z', {}, [0, 0, 0])]);
    show(
      <>
        <MttrTrendTile trends={quiet} />
        <GateTrendTile trends={quiet} />
      </>,
    );
    expect(tile('Mean time to remediate').textContent).toMatch(/No finding was fixed in this window/);
    expect(tile('Gate pass rate').textContent).toMatch(/No scan reported a gate verdict/);
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('table tiles', () => {
  const weights = {
    severity: { critical: 10, high: 5, medium: 2, low: 1, info: 0 },
    tier: { critical: 4, high: 3, medium: 2, low: 1 },
  };
  const project = (name: string, risk: number, critical = 0): RankingAnswer['projects'][number] => ({
    id: risk,
    name,
    repository: null,
    defaultBranch: 'main',
    tier: 'high',
    team: null,
    open: { critical, high: 0, medium: 0, low: 0, info: 0 },
    risk,
    lastScanAt: null,
  });

  it('ranks risky projects, leaves out those without risk and says how risk is computed', () => {
    show(
      <RiskiestTile
        ranking={{
          sort: 'risk',
          order: 'desc',
          weights,
          projects: [project('acme/api', 1_230, 41), project('docs', 0)],
          next: null,
        }}
        asOf="2026-04-01T00:00:00.000Z"
      />,
    );
    const t = tile('Riskiest projects');
    const rows = within(t).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(hrefOf(within(rows[1]!).getByText('acme/api'))).toBe('/projects/acme%2Fapi');
    expect(hrefOf(within(rows[1]!).getByText('41'))).toBe('/findings?project=acme%2Fapi&severity=critical');
    expect(within(rows[1]!).getByText(formatCount(1_230))).toBeTruthy();
    expect(t.textContent).toContain(
      'Risk = tier weight × (10 × critical + 5 × high + 2 × medium + 1 × low + 0 × info), counting open findings; tier weights: critical 4, high 3, medium 2, low 1.',
    );
  });

  it('says when no project carries risk', () => {
    show(
      <RiskiestTile
        ranking={{ sort: 'risk', order: 'desc', weights, projects: [project('docs', 0)], next: null }}
        asOf="2026-04-01T00:00:00.000Z"
      />,
    );
    expect(tile('Riskiest projects').textContent).toMatch(/No project has open findings/);
  });

  const noise = (rules: NoiseAnswer['rules']): NoiseAnswer => ({
    window: { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
    project: null,
    scanner: null,
    minTriaged: 5,
    rules,
  });

  it('shows the noisiest rules worst first with their false-positive rate, linking to the false positives', () => {
    show(
      <NoisyRulesTile
        noise={noise([
          { scanner: 'sast', ruleId: 'js/eval', triaged: 8, falsePositives: 6, falsePositiveRate: 75 },
        ])}
      />,
    );
    const t = tile('Noisiest rules');
    expect(within(t).getByText(formatPercent(0.75))).toBeTruthy();
    expect(within(t).getByText('6 / 8')).toBeTruthy();
    expect(hrefOf(within(t).getByText('js/eval'))).toBe(
      '/findings?scanner=sast&rule=js%2Feval&status=false_positive',
    );
  });

  it('explains an empty noise list with the threshold', () => {
    show(<NoisyRulesTile noise={noise([])} />);
    expect(tile('Noisiest rules').textContent).toMatch(/No rule has 5 or more triaged findings/);
  });

  const coverage = (
    projects: CoverageAnswer['projects'],
    notScanned: CoverageAnswer['notScanned'],
  ): CoverageAnswer => ({
    project: null,
    since: '2026-03-01T00:00:00.000Z',
    asOf: '2026-03-31T00:00:00.000Z',
    scanners: ['sast', 'secrets'],
    byScanner: [
      { scanner: 'sast', projects: 1 },
      { scanner: 'secrets', projects: 0 },
    ],
    projects,
    notScanned,
  });

  it('shows which scanners each project ran, gaps in words, and the projects not scanned', () => {
    const at = '2026-03-30T00:00:00.000Z';
    show(
      <CoverageTile
        coverage={coverage(
          [
            {
              project: 'web',
              scans: 3,
              lastScanAt: at,
              scanners: [
                { scanner: 'sast', runs: 3, failed: 0, lastRunAt: at },
                { scanner: 'secrets', runs: 2, failed: 2, lastRunAt: at },
              ],
            },
          ],
          [{ project: 'old', lastScanAt: null }],
        )}
      />,
    );
    const t = tile('Pipeline coverage');
    expect(t.textContent).toContain('sast: 1 of 2 projects');
    const row = within(t).getByRole('row', { name: /web/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['✓ 3', 'failed ×2']);
    expect(hrefOf(within(t).getByText('old'))).toBe('/projects/old');
    expect(within(t).getByText(/^Last 30 days:/)).toBeTruthy();
  });

  it('says what to do when nothing was scanned', () => {
    show(<CoverageTile coverage={coverage([], [{ project: 'old', lastScanAt: null }])} />);
    expect(tile('Pipeline coverage').textContent).toMatch(/No project was scanned in this window/);
  });
});

describe('findingsUrl', () => {
  it('writes the findings page parameters, open statuses by default', () => {
    expect(findingsUrl({ project: 'a/b', severity: 'high', sla: 'overdue' })).toBe(
      '/findings?project=a%2Fb&severity=high&sla=overdue',
    );
    expect(findingsUrl({ status: ['fixed', 'closed'] })).toBe('/findings?status=fixed%2Cclosed');
  });
});
