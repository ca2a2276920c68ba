// bench: server API latency (p50/p95) for the finding list, filters, sorts, paging and metrics over 5,000,000 findings in 2,000 projects on PostgreSQL
/**
 * Seeds a fresh PostgreSQL database (BENCH_QUERY_FINDINGS findings, default 5,000,000, in
 * BENCH_QUERY_PROJECTS projects, default 2,000; kept between runs in database
 * `gatehouse_bench_queries` unless BENCH_RESEED=1) through `gatehouse serve`'s own migrations,
 * runs the daily metric snapshot job over the seeded history (as `gatehouse worker` would; timed,
 * since a server upgraded onto a large database does the same once; BENCH_RESNAPSHOT=1 drops the
 * snapshots first so a kept database is timed again), then asks `gatehouse serve` (dist/) each
 * query BENCH_QUERY_SAMPLES times (default 40) one after the other, with varying projects, and
 * reports p50 and p95 per query. Target (issue #6): < 200 ms p95 for the finding list, its
 * filters and sorts, and the main metrics.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { snapshotMetrics } from '../src/server/jobs/snapshot-metrics.js';
import { openStore } from '../src/store/connect.js';
import { emitResults, ensureBuilt, loadNote, log, type ResultRow } from './lib/common.js';
import { seedFindings } from './lib/seed-findings.js';
import { freshDatabase, startServer } from './lib/server.js';

const FINDINGS = Number(process.env.BENCH_QUERY_FINDINGS ?? 5_000_000);
const PROJECTS = Number(process.env.BENCH_QUERY_PROJECTS ?? 2000);
const SAMPLES = Number(process.env.BENCH_QUERY_SAMPLES ?? 40);
const DB = 'gatehouse_bench_queries';
const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_MS = 200;

/** Each query as a function of the sample number, so projects and filters vary. */
const QUERIES: [string, (i: number) => string][] = [
  ['findings: default list (open, worst first)', () => '/findings?limit=50'],
  ['findings: one project', (i) => `/findings?project=proj-${1 + ((i * 37) % PROJECTS)}&limit=50`],
  ['findings: severity critical, sca', () => '/findings?severity=critical&scanner=sca&limit=50'],
  ['findings: rule', (i) => `/findings?rule=sast/rule-${i % 97}&limit=50`],
  ['findings: text search', (i) => `/findings?text=module-${100 + i}/&limit=50`],
  ['findings: SLA overdue', () => '/findings?sla=overdue&limit=50'],
  ['findings: fixed, sorted by first seen', () => '/findings?status=fixed&sort=first_seen&limit=50'],
  ['findings: sorted by path', () => '/findings?sort=path&limit=50'],
  [
    'findings: first seen in a month',
    (i) => `/findings?firstSeenFrom=2026-0${1 + (i % 8)}-01&firstSeenTo=2026-0${1 + (i % 8)}-28&limit=50`,
  ],
  ['projects: first page', () => '/projects?limit=100'],
  ['metrics: MTTR', () => '/metrics/mttr'],
  ['metrics: MTTR one project', (i) => `/metrics/mttr?project=proj-${1 + i}`],
  ['metrics: MTTR scanner sca', () => '/metrics/mttr?scanner=sca'],
  ['metrics: MTTD', () => '/metrics/mttd'],
  ['metrics: SLA', () => '/metrics/sla'],
  ['metrics: SLA one project', (i) => `/metrics/sla?project=proj-${1 + i}`],
  ['metrics: noise', () => '/metrics/noise'],
  ['metrics: gate pass rate', () => '/metrics/gate'],
  ['metrics: coverage', () => '/metrics/coverage'],
  ['metrics: burndown 90 days', () => '/metrics/burndown?days=90'],
  ['metrics: burndown one project', (i) => `/metrics/burndown?days=90&project=proj-${1 + i}`],
  ['metrics: secrets', () => '/metrics/secrets'],
];

/** The snapshot tables (migration 009), emptied when BENCH_RESNAPSHOT=1 asks for the catch-up again. */
const SNAPSHOT_TABLES = [
  'metric_snapshot_days',
  'metric_daily',
  'metric_daily_bins',
  'metric_scanner_daily',
  'metric_triage_daily',
  'metric_open_findings',
  'metric_open_days',
  'metric_open_cutoff',
];

/** Runs the snapshot job in-process over the seeded history; returns its result row. */
async function snapshot(databaseUrl: string): Promise<ResultRow> {
  const store = await openStore({ databaseUrl, home: '/tmp', poolSize: 4 });
  try {
    if (process.env.BENCH_RESNAPSHOT === '1')
      for (const t of SNAPSHOT_TABLES) await sql`DELETE FROM ${sql.table(t)}`.execute(store.db);
    const t0 = performance.now();
    const run = await snapshotMetrics(store);
    const seconds = (performance.now() - t0) / 1000;
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM metric_daily`.execute(store.db);
    const bins = await sql<{ n: number }>`SELECT count(*) AS n FROM metric_daily_bins`.execute(store.db);
    const size = await sql<{ mb: number }>`SELECT sum(pg_total_relation_size(c.oid)) / 1048576 AS mb
      FROM pg_class c WHERE c.relname LIKE 'metric_%' AND c.relkind IN ('r', 'p')`.execute(store.db);
    const note = `${run.days.length} days taken, open backlog ${run.openRebuilt ? 'retaken' : 'kept'}; ${rows.rows[0]!.n} metric_daily and ${bins.rows[0]!.n} bin rows, ${Math.round(Number(size.rows[0]!.mb))} MB with indexes`;
    log(`snapshot-metrics: ${seconds.toFixed(1)} s, ${note}`);
    return { case: 'snapshot job over the seeded history', seconds, note };
  } finally {
    await store.close();
  }
}

async function seeded(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query('SELECT count(*)::bigint AS n FROM findings');
    return Number(r.rows[0].n) === FINDINGS;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  ensureBuilt();
  const url = new URL(ADMIN);
  url.pathname = `/${DB}`;
  let databaseUrl = url.toString();
  if (process.env.BENCH_RESEED === '1' || !(await seeded(databaseUrl))) {
    databaseUrl = await freshDatabase(DB, ADMIN);
    const migrate = await startServer({ DATABASE_URL: databaseUrl });
    await migrate.stop();
    log(`seeding ${FINDINGS} findings in ${PROJECTS} projects`);
    await seedFindings(databaseUrl, PROJECTS, FINDINGS, log);
  }
  const rows: ResultRow[] = [await snapshot(databaseUrl)];
  const server = await startServer({ DATABASE_URL: databaseUrl });
  try {
    for (const [name, path] of QUERIES) {
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/v1${path(i)}`, {
          headers: { authorization: `Bearer ${server.token}` },
        });
        await res.arrayBuffer();
        times.push(performance.now() - t0);
        status = res.status;
      }
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      log(`${name}: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (HTTP ${status})`);
      rows.push({
        case: name,
        seconds: p95 / 1000,
        note: `p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; target p95 < ${TARGET_MS} ms: ${status !== 200 ? `HTTP ${status}` : p95 < TARGET_MS ? 'met' : 'NOT met'}`,
      });
    }
  } finally {
    await server.stop();
  }
  rows.push({ case: 'machine', note: loadNote() });
  emitResults('server-queries', rows);
}

await main();
