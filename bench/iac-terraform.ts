// bench: iac scan of 1,000 generated Terraform files
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadTerraform } from '../src/scanners/iac/parsers/terraform/loader.js';
import {
  CLI,
  emitResults,
  ensureBuilt,
  loadNote,
  log,
  MiB,
  median,
  type ResultRow,
  ROOT,
  readFindings,
  timed,
  WORK,
  workDir,
} from './lib/common.js';
import { ensureTerraformTree } from './lib/terraform-gen.js';

const SERVICES = Number(process.env.BENCH_TF_SERVICES ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The target: 1,000 realistic Terraform files scanned in under 10 s. */
const TARGET_S = 10;

function files(dir: string): { path: string; text: string }[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => ({ path: relative(dir, p), text: readFileSync(p, 'utf8') }));
}

/** Parsing and evaluation alone, in this process (warm): the share of the scan that is ours. */
function inProcess(dir: string, lines: number): ResultRow {
  const input = files(dir);
  loadTerraform(input);
  const times: number[] = [];
  let resources = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = loadTerraform(input);
    times.push(performance.now() - t0);
    resources = r.documents.reduce((n, d) => n + d.resources.length, 0);
  }
  const ms = median(times);
  return {
    case: 'parse + evaluate (in process)',
    seconds: ms / 1000,
    note: `${resources} resources; ${((ms / lines) * 100).toFixed(3)} ms per 100 lines; median of ${RUNS}`,
  };
}

function main(): void {
  // A dist/ built before the Terraform parser existed would measure nothing.
  ensureBuilt(!existsSync(join(ROOT, 'dist/scanners/iac/parsers/terraform/index.js')));
  const dir = join(WORK, `terraform-${SERVICES}`);
  const m = ensureTerraformTree(dir, SERVICES);
  log(`scanning ${dir}: ${m.files} files, ${m.lines} lines, ${(m.bytes / MiB).toFixed(1)} MiB, ${RUNS} runs`);
  const out = join(workDir('reports'), `gatehouse-iac-terraform-${SERVICES}.json`);
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timed(process.execPath, [
      CLI,
      'scan',
      dir,
      '--scanners',
      'iac',
      '--format',
      'json',
      '--output',
      out,
    ]);
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`gatehouse scan exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
    times.push(r.ms);
    cpus.push(r.cpuMs);
    log(
      `  run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s cpu, ${loadNote()}`,
    );
  }
  const ms = median(times);
  const rows: ResultRow[] = [
    {
      case: `gatehouse scan --scanners iac (${m.files} .tf files)`,
      seconds: ms / 1000,
      cpuSeconds: median(cpus) / 1000,
      mib: m.bytes / MiB,
      findings: readFindings(out).length,
      note: `${m.lines} lines; median of ${RUNS}; target < ${TARGET_S} s`,
    },
    inProcess(dir, m.lines),
  ];
  emitResults('iac-terraform', rows);
}

main();
