// bench: gatehouse dast on a 200-page site at 20 requests/s (target < 60 s), crawl and passive checks
/**
 * Serves the generated bench site of the DAST fixture (`test/fixtures/dast/app`, `--bench-only`:
 * BENCH_DAST_PAGES interlinked pages with forms, scripts and headers) in a child process on
 * loopback, and times `node dist/cli/main.js dast URL --rate 20/s --format json`: the crawl,
 * the passive rules on every response and the file probes. ZAP's baseline scan (the anchor: one
 * minute of spidering, then a passive phase of 10–20 minutes) needs a JVM and ZAP itself, which
 * are not installable here, so it is not run side by side.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  CLI,
  emitResults,
  ensureBuilt,
  loadNote,
  log,
  ROOT,
  readFindings,
  timed,
  workDir,
} from './lib/common.js';

const PAGES = Number(process.env.BENCH_DAST_PAGES ?? 200);
const RATE = process.env.BENCH_DAST_RATE ?? '20/s';
const TARGET_S = 60;

function serve(): Promise<{ url: string; child: ChildProcess }> {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const script = join(ROOT, 'test', 'fixtures', 'dast', 'app', 'serve.ts');
  const child = spawn(process.execPath, [tsx, script, '--bench-only', '--pages', String(PAGES)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve({ url: d.toString().split('\n')[0]!.trim(), child }));
    child.once('exit', (code) => reject(new Error(`the bench site exited (${code})`)));
  });
}

async function main(): Promise<void> {
  ensureBuilt();
  const { url, child } = await serve();
  try {
    const out = join(workDir('reports'), 'gatehouse-dast.json');
    const r = timed(
      process.execPath,
      [CLI, 'dast', url, '--rate', RATE, '--format', 'json', '--output', out, '--fail-on', 'none'],
      {
        timeoutMs: 300_000,
      },
    );
    if (r.status !== 0) throw new Error(`gatehouse dast exited ${r.status}: ${r.stderr}`);
    const report = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')) as {
      scanners: { files: number; status: string }[];
    };
    const requests = report.scanners[0]?.files ?? 0;
    const s = r.ms / 1000;
    log(`  ${requests} requests in ${s.toFixed(1)} s, ${loadNote()}`);
    emitResults('dast-crawl', [
      {
        case: `gatehouse dast: ${PAGES}-page site at ${RATE}`,
        seconds: s,
        cpuSeconds: r.cpuMs / 1000,
        findings: readFindings(out).length,
        note: `${requests} requests, status ${report.scanners[0]?.status}; target < ${TARGET_S} s: ${s < TARGET_S ? 'met' : 'MISSED'}`,
      },
    ]);
  } finally {
    child.kill('SIGINT');
  }
}

await main();
