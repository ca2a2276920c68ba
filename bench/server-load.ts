// bench: server under load: 50 concurrent uploads of 1,000 findings and 200 concurrent readers for 60 s on SQLite and PostgreSQL, then the database checked against a serial replay
/**
 * For each engine (BENCH_LOAD_ENGINES, default sqlite,postgres), BENCH_LOAD_RUNS times (default
 * 2, engines alternating), on a fresh database:
 *   1. seeds BENCH_LOAD_PROJECTS projects (default 200) and two hot ones through the API, each
 *      branch with BENCH_LOAD_SEED_SCANS scans (default 2) of BENCH_LOAD_FINDINGS findings;
 *   2. opens every connection while the server is idle (the readers ask /healthz until all 200
 *      are answered, at most BENCH_LOAD_WARMUP_S, default 120 s; see lib/load-readers.ts), then
 *      for BENCH_LOAD_SECONDS (default 60): 50 uploaders, each uploading scan after scan (40 to
 *      projects of their own in turn, 5 to the main branch of one hot project at once, 5 to the
 *      main and release branches of another), every scan keeping most of its branch's previous
 *      findings, dropping some, bringing back some dropped earlier and adding new ones, with a
 *      pipeline id of its own; and 200 autocannon connections reading (finding lists with filters,
 *      sorts and cursor pages, finding details, projects, metrics, the gate). Requests sent in
 *      the window are all waited for and counted, however late their answer;
 *   3. stops the server and compares the database with a replay of the accepted uploads in
 *      scan-id order (lib/load-verify.ts), read-only, without migrating it.
 * Any non-2xx answer, socket error or timeout (BENCH_LOAD_TIMEOUT_S, default 60 s), or any
 * difference from the replay makes the benchmark exit 1. The server is `gatehouse serve` in its
 * own process, as in production (dist/, or BENCH_SERVER_CLI: lib/server.ts); the load generator
 * shares the machine with it. Target (issue #6): no error, no lost or duplicated finding, p95
 * reported.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, emitResults, ensureBuilt, log, type ResultRow } from './lib/common.js';
import { openWritten } from './lib/load-db.js';
import { type LoadPlan, type LoadShape, loadPlan } from './lib/load-plan.js';
import { READER_CONNECTIONS, type ReaderResult, startReaders } from './lib/load-readers.js';
import { failures, non2xx, probeRow, readRows, uploadRow, verdictRow } from './lib/load-report.js';
import { type Attempt, runUploaders, seedStreams, type Target, warmConnections } from './lib/load-upload.js';
import { verifyLoad } from './lib/load-verify.js';
import { type PgWaits, samplePgWaits } from './lib/pg-waits.js';
import { startProbe } from './lib/probe.js';
import {
  cliToken,
  dropDatabase,
  freshDatabase,
  type RunningServer,
  SERVER_CLI,
  startServer,
} from './lib/server.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 2);
const SEED_SCANS = Number(process.env.BENCH_LOAD_SEED_SCANS ?? 2);
const TIMEOUT_S = Number(process.env.BENCH_LOAD_TIMEOUT_S ?? 60);
const ENGINES = (process.env.BENCH_LOAD_ENGINES ?? 'sqlite,postgres').split(',');
const WARMUP_S = Number(process.env.BENCH_LOAD_WARMUP_S ?? 120);
const SEED_CONCURRENCY = 8;
const DB = 'gatehouse_bench_load';
const SHAPE: LoadShape = {
  projects: Number(process.env.BENCH_LOAD_PROJECTS ?? 200),
  distinctUploaders: 40,
  sameBranchUploaders: 5,
  twoBranchUploaders: 5,
  findingsPerScan: Number(process.env.BENCH_LOAD_FINDINGS ?? 1000),
  prefix: 'load-',
};

interface Store {
  env: NodeJS.ProcessEnv;
  /** Deletes the database; kept when the run failed, for a look at it. */
  dispose(keep: boolean): Promise<void>;
}

async function freshStore(engine: string): Promise<Store> {
  if (engine === 'postgres')
    return {
      env: { DATABASE_URL: await freshDatabase(DB) },
      dispose: async (keep) => (keep ? log(`kept database ${DB}`) : dropDatabase(DB)),
    };
  const home = mkdtempSync(join(tmpdir(), 'gatehouse-bench-load-'));
  return {
    env: { GATEHOUSE_HOME: home, DATABASE_URL: '' },
    dispose: async (keep) => (keep ? log(`kept ${home}`) : rmSync(home, { recursive: true, force: true })),
  };
}

/** Ids of findings that exist, from the list itself, for the detail readers. */
async function findingIds(url: string, token: string): Promise<number[]> {
  const ids = new Set<number>();
  for (const sort of ['severity', 'path', 'rule', 'first_seen']) {
    const res = await fetch(`${url}/api/v1/findings?status=all&sort=${sort}&limit=500`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as { findings: { id: number }[] };
    for (const f of page.findings) ids.add(f.id);
  }
  return [...ids];
}

interface Window {
  loaded: Attempt[];
  reads: ReaderResult;
  /** From the window's opening to the last upload's answer. */
  seconds: number;
  connected: number;
  /** 1-minute load average as the window opened. */
  load: number;
  /** PostgreSQL only: how the server's sessions spent the window. */
  waits?: PgWaits;
  /** Latencies of /healthz through the window: the server's event-loop delay. */
  probe: number[];
}

/** The measured window: readers connected first, then uploaders and readers together. */
async function loadWindow(
  env: NodeJS.ProcessEnv,
  server: RunningServer,
  target: Target,
  reader: string,
  plan: LoadPlan,
  run: number,
): Promise<Window> {
  const ids = await findingIds(server.url, reader);
  // one more for the event-loop probe
  await warmConnections(server.url, plan.uploaders.length + 1);
  const projects = plan.streams.map((s) => s.project);
  const readers = startReaders(
    { url: server.url, token: reader, projects, findingIds: ids, timeoutSeconds: TIMEOUT_S },
    WARMUP_S,
  );
  let reads: ReaderResult | undefined;
  try {
    const connected = await readers.connected;
    const load = loadavg()[0]!;
    log(
      `${connected} of ${READER_CONNECTIONS} reader connections in; window of ${SECONDS} s opens (load ${load.toFixed(1)})`,
    );
    readers.open();
    const waits = env.DATABASE_URL ? samplePgWaits(env.DATABASE_URL) : undefined;
    const probe = startProbe(server.url);
    const t0 = performance.now();
    const end = t0 + SECONDS * 1000;
    const closed = new Promise((r) => setTimeout(r, SECONDS * 1000)).then(async () => {
      reads = await readers.close(TIMEOUT_S);
    });
    const [loaded] = await Promise.all([
      runUploaders(target, plan, run, () => performance.now() < end),
      closed,
    ]);
    const seconds = (performance.now() - t0) / 1000;
    const probed = await probe.stop();
    return { loaded, reads: reads!, seconds, connected, load, waits: await waits?.stop(), probe: probed };
  } finally {
    if (!reads) await readers.close(0);
  }
}

async function oneRun(engine: string, run: number): Promise<{ rows: ResultRow[]; ok: boolean }> {
  const name = `${engine} #${run}`;
  const store = await freshStore(engine);
  const server = await startServer(store.env, 'ci');
  const reader = cliToken(server.env, 'security', 'bench-reader');
  const target = { url: server.url, token: server.token };
  const load = loadavg()[0]!;
  const plan = loadPlan(SHAPE);
  let seeded: Attempt[];
  let seedSeconds: number;
  let window: Window;
  try {
    const t0 = performance.now();
    seeded = await seedStreams(target, plan, SEED_SCANS, SEED_CONCURRENCY, run);
    seedSeconds = (performance.now() - t0) / 1000;
    log(`${name}: seeded ${seeded.length} scans in ${seedSeconds.toFixed(0)} s`);
    window = await loadWindow(store.env, server, target, reader, plan, run);
  } finally {
    await server.stop();
  }
  const { loaded, reads } = window;
  const refused = [...failures(seeded), ...failures(loaded)];
  for (const f of refused.slice(0, 10)) log(`${name}: refused ${f}`);
  const t2 = performance.now();
  const db = openWritten(store.env);
  const verdict = await verifyLoad(db, [...seeded, ...loaded]).finally(() => db.destroy());
  for (const p of verdict.problems) log(`${name}: ${p.kind} ×${p.count}: ${p.examples.join(' | ')}`);
  const readErrors =
    reads.errors + reads.unanswered + reads.buckets.reduce((n, b) => n + non2xx(b.statuses), 0);
  const ok =
    verdict.ok && refused.length === 0 && readErrors === 0 && window.connected === READER_CONNECTIONS;
  await store.dispose(!ok);
  return {
    ok,
    rows: [
      {
        case: `${name}: seed, ${seeded.length} scans`,
        seconds: seedSeconds,
        note: `${SEED_CONCURRENCY} uploads at a time; load before ${load.toFixed(1)}`,
      },
      uploadRow(name, loaded, { ...window, findingsPerScan: SHAPE.findingsPerScan }),
      ...readRows(name, reads, SECONDS),
      probeRow(name, window.probe),
      verdictRow(name, verdict, (performance.now() - t2) / 1000),
    ],
  };
}

async function main(): Promise<void> {
  if (SERVER_CLI === CLI) ensureBuilt();
  const built = statSync(SERVER_CLI).mtimeMs;
  log(`server: ${SERVER_CLI}, built ${new Date(built).toISOString()}`);
  const rows: ResultRow[] = [];
  let ok = true;
  for (let run = 1; run <= RUNS; run++)
    for (const engine of ENGINES) {
      const r = await oneRun(engine, run);
      rows.push(...r.rows);
      ok &&= r.ok;
    }
  if (statSync(SERVER_CLI).mtimeMs !== built) {
    log(`${SERVER_CLI} was rebuilt during the benchmark: runs may have measured different servers`);
    ok = false;
  }
  rows.push({ case: 'verdict', note: ok ? 'no error, nothing lost or duplicated' : 'FAILED (see the log)' });
  emitResults('server-load', rows);
  process.exitCode = ok ? 0 : 1;
}

await main();
