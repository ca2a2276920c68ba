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
import { emitResults, ensureBuilt, loadNote, log, type ResultRow } from './lib/common.js';
import { queryDatabase, snapshot } from './lib/query-db.js';
import { startServer } from './lib/server.js';

const FINDINGS = Number(process.env.BENCH_QUERY_FINDINGS ?? 5_000_000);
const PROJECTS = Number(process.env.BENCH_QUERY_PROJECTS ?? 2000);
const SAMPLES = Number(process.env.BENCH_QUERY_SAMPLES ?? 40);
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

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  ensureBuilt();
  const databaseUrl = await queryDatabase(FINDINGS, PROJECTS);
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
