import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH = join(ROOT, 'bench');
/** Everything a benchmark writes: generated trees, repositories, reports, peer installs. Gitignored. */
export const WORK = join(BENCH, '.work');
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
export const MiB = 1024 * 1024;

export function workDir(...parts: string[]): string {
  const dir = join(WORK, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Builds dist/ when the CLI is missing; `force` rebuilds (benchmarks measure the current source). */
export function ensureBuilt(force = false): void {
  if (!force && existsSync(CLI)) return;
  log(`building dist/ (npm run build)`);
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

export interface Timed {
  ms: number;
  status: number | null;
  /** User + system CPU time of the command and its children: what wall time would be on an idle machine, times the cores used. */
  cpuMs: number;
  /** Killed after `timeoutMs`: `ms` is then a lower bound. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and measures its wall time. */
export function timed(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Timed {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 512 * MiB,
    ...(opts.timeoutMs ? { timeout: Math.ceil(opts.timeoutMs), killSignal: 'SIGKILL' as const } : {}),
  });
  const ms = performance.now() - t0;
  const timedOut = r.signal === 'SIGKILL' && opts.timeoutMs !== undefined && ms >= opts.timeoutMs;
  if (r.error && !timedOut) throw r.error;
  return {
    ms,
    cpuMs: childrenCpuMs() - cpu0,
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut,
  };
}

/** CPU time of this process's waited-for children (Linux: cutime + cstime in /proc/self/stat), ms. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** 1-minute load average: on a shared 2-core machine, a number above 2 means the wall times are inflated. */
export function loadNote(): string {
  return `load ${loadavg()[0]!.toFixed(1)}`;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function commandExists(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Progress and notes go to stderr; stdout carries the results. */
export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

/** One line of a benchmark's result table. Numbers are printed with units by the runner. */
export interface ResultRow {
  case: string;
  /** Wall time, seconds. */
  seconds?: number;
  /** CPU time (user + system, all threads), seconds. */
  cpuSeconds?: number;
  mib?: number;
  mibPerSec?: number;
  findings?: number;
  /** Our time over theirs is their ratio; "x faster" is theirs / ours. */
  ratio?: string;
  note?: string;
}

const MARKER = '@@bench-result ';

/** Prints the rows for bench/run.ts to collect (one marked JSON line) and as a table for people. */
export function emitResults(benchmark: string, rows: readonly ResultRow[]): void {
  process.stdout.write(`\n${formatTable(rows.map((r) => ({ benchmark, ...r })))}\n`);
  process.stdout.write(`${MARKER}${JSON.stringify({ benchmark, rows })}\n`);
}

export function parseResults(stdout: string): { benchmark: string; rows: ResultRow[] }[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(MARKER))
    .map((l) => JSON.parse(l.slice(MARKER.length)) as { benchmark: string; rows: ResultRow[] });
}

const COLUMNS: [keyof ResultRow | 'benchmark', string, (v: unknown) => string][] = [
  ['benchmark', 'benchmark', String],
  ['case', 'case', String],
  ['seconds', 'wall', (v) => `${(v as number).toFixed(2)} s`],
  ['cpuSeconds', 'cpu', (v) => `${(v as number).toFixed(2)} s`],
  ['mib', 'size', (v) => `${(v as number).toFixed(1)} MiB`],
  ['mibPerSec', 'throughput', (v) => `${(v as number).toFixed(1)} MiB/s`],
  ['findings', 'findings', String],
  ['ratio', 'ratio', String],
  ['note', 'note', String],
];

export function formatTable(rows: readonly (ResultRow & { benchmark: string })[]): string {
  const cols = COLUMNS.filter(([k]) => rows.some((r) => r[k] !== undefined));
  const cells = rows.map((r) => cols.map(([k, , f]) => (r[k] === undefined ? '' : f(r[k]))));
  const widths = cols.map(([, h], i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(cols.map(([, h]) => h)), sep, ...cells.map(line)].join('\n');
}

/** The JSON report the CLI wrote, reduced to what the benchmarks read. */
export interface ReportFinding {
  ruleId: string;
  confidence: string;
  location: { path: string; startLine?: number; commit?: { sha: string } };
  secret?: { redacted: string; hash: string };
  properties?: Record<string, string | number | boolean>;
}

export function readFindings(reportPath: string): ReportFinding[] {
  return (JSON.parse(readFileSync(reportPath, 'utf8')) as { findings: ReportFinding[] }).findings;
}

/**
 * Runs `gatehouse scan` the way a user would, secrets scanner only (whatever the default set
 * becomes); exit 0 (pass) and 1 (blocked) are both a finished scan.
 */
export function runGatehouse(target: string, out: string, extra: readonly string[] = []): Timed {
  const r = timed(process.execPath, [
    CLI,
    'scan',
    target,
    '--scanners',
    'secrets',
    '--format',
    'json',
    '--output',
    out,
    ...extra,
  ]);
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`gatehouse scan exited ${r.status}: ${r.stderr.trim().slice(0, 2000)}`);
  }
  return r;
}
