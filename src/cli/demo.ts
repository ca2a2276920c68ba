import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { UserError } from '../core/errors.js';
import type { Scanner } from '../core/scanner.js';
import { allScanners } from '../scanners/index.js';
import { buildServer, DEFAULT_LIMITS } from '../server/app.js';
import { dashboardDir } from '../server/dashboard.js';
import { JOBS } from '../server/jobs/index.js';
import { type Scheduler, startScheduler } from '../server/jobs/scheduler.js';
import { openStore, type Store } from '../store/connect.js';
import { DEMO_CI_PROJECT, demoAdmin, demoCiToken, withUploadToken } from './demo-credentials.js';
import { examplesDir, scanExamples } from './demo-examples.js';
import { hasHistory, writeHistory } from './demo-history.js';
import { type DemoHome, demoHome } from './demo-home.js';
import { planHistory } from './demo-plan.js';
import { type DemoSummary, summaryText } from './demo-summary.js';
import { loadDemoVulnDb } from './demo-vulndb.js';
import type { RunState } from './program.js';

interface DemoFlags {
  host: string;
  port: string;
  home?: string;
  /** False with --no-history. */
  history: boolean;
}

export function registerDemo(program: Command, _state: RunState): void {
  program
    .command('demo')
    .description(
      'Try Gatehouse: a server on SQLite in a temporary home with the bundled examples scanned and uploaded, and six weeks of generated history; prints the URL and an admin login',
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8080')
    .option('--home <dir>', "keep the demo's data in this folder (default: a temporary one, deleted on exit)")
    .option('--no-history', 'only the example projects, without the generated history')
    .action(async (flags: DemoFlags) => {
      await runDemo(flags);
    });
}

/** Signals closer together than this are one Ctrl-C delivered twice. */
const SAME_SIGNAL_MS = 1000;

const log = (line: string) => process.stderr.write(`gatehouse demo: ${line}\n`);

/** Sets the demo up, prints how to use it, and runs until Ctrl-C; the temporary home goes with it. */
async function runDemo(flags: DemoFlags): Promise<void> {
  const port = portNumber(flags.port);
  const stop = stopOnSignal();
  const home = demoHome(flags.home);
  try {
    const demo = await setUp(flags, port, home, stop.signal);
    try {
      process.stdout.write(summaryText(demo.summary));
      await stop.stopped;
    } finally {
      await demo.close();
    }
  } catch (e) {
    // Ctrl-C during the set-up: what was started is closed; that is a clean stop, not an error.
    if (!stop.signal.aborted) throw e;
  } finally {
    stop.dispose();
    home.remove();
  }
}

interface RunningDemo {
  summary: DemoSummary;
  close(): Promise<void>;
}

async function setUp(
  flags: DemoFlags,
  port: number,
  home: DemoHome,
  signal: AbortSignal,
): Promise<RunningDemo> {
  if (process.env.DATABASE_URL) log('DATABASE_URL is ignored: the demo keeps its data in SQLite in its home');
  const examples = examplesDir();
  await loadDemoVulnDb(home.path, examples);
  const store = await openStore({ home: home.path });
  let app: FastifyInstance | undefined;
  let scheduler: Scheduler | undefined;
  const close = async () => {
    scheduler?.stop();
    await app?.close();
    await store.close();
  };
  try {
    // As `serve` builds it; request logs would drown the summary, so they are off unless asked for.
    app = await buildServer({
      store,
      baseUrl: '',
      limits: DEFAULT_LIMITS,
      jsonBodyBytes: DEFAULT_LIMITS.jsonBodyBytes,
      rateLimitPerMinute: DEFAULT_LIMITS.rateLimitPerMinute,
      logger: process.env.GATEHOUSE_LOG === 'on',
    });
    await app.listen({ host: flags.host, port }).catch((e: Error) => {
      throw new UserError(`cannot listen on ${flags.host}:${port}: ${e.message}`, 'choose another --port');
    });
    const url = localUrl(flags.host, app.server.address());
    const scanners = await allScanners();
    const history = flags.history ? await historyOf(store, scanners, signal) : undefined;
    log('scanning the example projects and uploading them…');
    const started = performance.now();
    const results = await withUploadToken(store, (token) => scanExamples(scanners, { url, token, signal }));
    log(`${results.length} example projects scanned and uploaded in ${seconds(started)}`);
    await snapshotMetrics(store);
    // As `serve` does on SQLite: the background jobs run in this process.
    scheduler = startScheduler(store);
    const summary: DemoSummary = {
      url,
      dashboard: existsSync(join(dashboardDir(), 'index.html')),
      admin: await demoAdmin(store),
      ciToken: await demoCiToken(store),
      ciProject: DEMO_CI_PROJECT,
      examples: results,
      history,
      home,
    };
    return { summary, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function historyOf(store: Store, scanners: readonly Scanner[], signal: AbortSignal) {
  if (await hasHistory(store)) return 'kept' as const;
  log('writing six weeks of generated history…');
  const started = performance.now();
  const rules = new Map(scanners.flatMap((s) => s.rules()).map((r) => [r.id, r]));
  const counts = await writeHistory(store, planHistory(Date.now(), rules), signal);
  log(`${counts.scans} generated scans written in ${seconds(started)}`);
  return counts;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Takes the daily metric snapshots now, so the first page is served from them. */
async function snapshotMetrics(store: Store): Promise<void> {
  await JOBS.find((j) => j.name === 'snapshot-metrics')?.run(store);
}

/** The URL to reach the server from this machine: a wildcard address is reached on loopback. */
function localUrl(host: string, address: AddressInfo | string | null): string {
  const port = typeof address === 'object' && address ? address.port : 0;
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const h = wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`--port ${value} is not a port number`);
  return n;
}

/**
 * Ctrl-C or SIGTERM stops the demo cleanly; another one a while later stops it at once. Under
 * `npm start` one Ctrl-C arrives twice (from the terminal, and forwarded by npm): that is one.
 */
function stopOnSignal() {
  const controller = new AbortController();
  const stopped = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  let first = 0;
  const onSignal = () => {
    // The 'exit' handler of a temporary home still deletes it.
    if (controller.signal.aborted) {
      if (Date.now() - first > SAME_SIGNAL_MS) process.exit(130);
      return;
    }
    first = Date.now();
    log('stopping…');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    stopped,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
