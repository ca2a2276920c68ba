import { sql } from 'kysely';
import pg from 'pg';
import { snapshotMetrics } from '../../src/server/jobs/snapshot-metrics.js';
import { openStore } from '../../src/store/connect.js';
import { log, type ResultRow } from './common.js';
import { seedFindings } from './seed-findings.js';
import { freshDatabase, startServer } from './server.js';

/** The large database the query and dashboard benchmarks share (kept between runs). */
export const QUERY_DB = process.env.BENCH_QUERY_DB || 'gatehouse_bench_queries';
const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

async function seeded(url: string, findings: number): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query('SELECT count(*)::bigint AS n FROM findings');
    return Number(r.rows[0].n) === findings;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * The URL of QUERY_DB holding `findings` findings in `projects` projects: seeded through
 * `gatehouse serve`'s own migrations when it is missing, has another size, or BENCH_RESEED=1.
 */
export async function queryDatabase(findings: number, projects: number): Promise<string> {
  const url = new URL(ADMIN);
  url.pathname = `/${QUERY_DB}`;
  if (process.env.BENCH_RESEED !== '1' && (await seeded(url.toString(), findings))) return url.toString();
  const fresh = await freshDatabase(QUERY_DB, ADMIN);
  const migrate = await startServer({ DATABASE_URL: fresh });
  await migrate.stop();
  log(`seeding ${findings} findings in ${projects} projects`);
  await seedFindings(fresh, projects, findings, log);
  return fresh;
}

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
export async function snapshot(databaseUrl: string): Promise<ResultRow> {
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
