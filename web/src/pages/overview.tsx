import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { client, ok } from '../api/client';
import { formatDateTime } from '../format';
import { useDocumentTitle } from '../ui/document-title';
import { OpenByScannerTile, OpenBySeverityTile, SecretsTile, SlaTile } from '../ui/overview-backlog';
import { CoverageTile, NoisyRulesTile, RiskiestTile } from '../ui/overview-tables';
import { Tile, type TileSize } from '../ui/overview-tile';
import { GateTrendTile, MttrTrendTile, preloadTimeChart } from '../ui/overview-trends';
import { QueryState } from '../ui/query-state';

/** Trend granularity: twelve weeks, long enough to see a direction, short enough to act on. */
const TREND = { period: 'week', periods: 12 } as const;
const RISKIEST = 10;

/**
 * Secrets are counted from midnight UTC 90 days ago: the findings page filters first detection
 * by whole days, so its list then holds exactly the secrets the tile counts.
 */
const secretsFrom = () => new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
const NOISIEST = 10;

/**
 * Every request the overview makes, started together when the page mounts: the tiles paint as
 * their answers arrive, none waits for another.
 */
function useOverview() {
  const key = (name: string) => ['overview', name];
  return {
    sla: useQuery({ queryKey: key('sla'), queryFn: () => ok(client.GET('/api/v1/metrics/sla')) }),
    open: useQuery({ queryKey: key('open'), queryFn: () => ok(client.GET('/api/v1/metrics/open')) }),
    trends: useQuery({
      queryKey: key('trends'),
      queryFn: () => ok(client.GET('/api/v1/metrics/trends', { params: { query: TREND } })),
    }),
    coverage: useQuery({
      queryKey: key('coverage'),
      queryFn: () => ok(client.GET('/api/v1/metrics/coverage', { params: { query: { days: 30 } } })),
    }),
    secrets: useQuery({
      queryKey: key('secrets'),
      queryFn: () =>
        ok(client.GET('/api/v1/metrics/secrets', { params: { query: { from: secretsFrom() } } })),
    }),
    noise: useQuery({
      queryKey: key('noise'),
      queryFn: () => ok(client.GET('/api/v1/metrics/noise', { params: { query: { limit: NOISIEST } } })),
    }),
    ranking: useQuery({
      queryKey: key('ranking'),
      queryFn: () =>
        ok(client.GET('/api/v1/metrics/projects', { params: { query: { sort: 'risk', limit: RISKIEST } } })),
    }),
  };
}

/** A tile's frame while its answer loads or when it failed; the tile itself once it is there. */
function Loadable<T>({
  title,
  query,
  children,
  size,
}: {
  title: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  size?: TileSize;
}) {
  if (query.isSuccess) return <>{children(query.data)}</>;
  return (
    <Tile title={title} covers={undefined} size={size}>
      <QueryState query={query} what={title.toLowerCase()}>
        {() => null}
      </QueryState>
    </Tile>
  );
}

function Both<A, B>({
  title,
  a,
  b,
  children,
}: {
  title: string;
  a: UseQueryResult<A>;
  b: UseQueryResult<B>;
  children: (a: A, b: B) => ReactNode;
}) {
  return (
    <Loadable title={title} query={a}>
      {(x) => (
        <Loadable title={title} query={b}>
          {(y) => children(x, y)}
        </Loadable>
      )}
    </Loadable>
  );
}

export function Overview() {
  useDocumentTitle('Overview');
  preloadTimeChart();
  const q = useOverview();
  const scope = q.sla.data?.project;
  return (
    <>
      <div className="ov-title">
        <h1>Overview</h1>
        <p className="muted">
          {scope ? `Project ${scope}` : 'All projects'}
          {q.sla.data && ` · as of ${formatDateTime(q.sla.data.asOf)}`}
        </p>
      </div>
      <div className="ov-grid">
        <Loadable title="Open findings by severity" query={q.sla}>
          {(sla) => <OpenBySeverityTile sla={sla} />}
        </Loadable>
        <Loadable title="Open findings by scanner" query={q.open}>
          {(open) => <OpenByScannerTile open={open} />}
        </Loadable>
        <Both title="SLA" a={q.sla} b={q.open}>
          {(sla, open) => <SlaTile sla={sla} open={open} />}
        </Both>
        <Loadable title="Secrets" query={q.secrets}>
          {(secrets) => <SecretsTile secrets={secrets} />}
        </Loadable>
        <Loadable title="Mean time to remediate" size="half" query={q.trends}>
          {(trends) => <MttrTrendTile trends={trends} />}
        </Loadable>
        <Loadable title="Gate pass rate" size="half" query={q.trends}>
          {(trends) => <GateTrendTile trends={trends} />}
        </Loadable>
        <Loadable title="Riskiest projects" size="half" query={q.ranking}>
          {(ranking) => (
            <RiskiestTile ranking={ranking} asOf={new Date(q.ranking.dataUpdatedAt).toISOString()} />
          )}
        </Loadable>
        <Loadable title="Noisiest rules" size="half" query={q.noise}>
          {(noise) => <NoisyRulesTile noise={noise} />}
        </Loadable>
        <Loadable title="Pipeline coverage" size="full" query={q.coverage}>
          {(coverage) => <CoverageTile coverage={coverage} />}
        </Loadable>
      </div>
    </>
  );
}
