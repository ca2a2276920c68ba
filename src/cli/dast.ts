import { type Command, Option } from 'commander';
import { loadConfig } from '../core/config.js';
import { enrich } from '../core/enrich.js';
import { UserError } from '../core/errors.js';
import { gitTarget } from '../core/git-info.js';
import type { ScanResult } from '../core/result.js';
import { SEVERITIES } from '../core/severity.js';
import { compareFindings, dedupe } from '../core/sort.js';
import { formatNames } from '../formats/index.js';
import { type DastScan, scanDast } from '../scanners/dast/scan-dast.js';
import { patterns } from '../scanners/dast/scope.js';
import { SCANNER } from '../scanners/dast/types.js';
import { extraHeaders, parseDuration, parseRate, parseTarget } from './dast-flags.js';
import { finishScan, type GateFlags, loadGatePolicy } from './finish-scan.js';
import type { RunState } from './program.js';
import { addUploadOptions, uploadTarget } from './upload-flags.js';

export interface DastFlags extends GateFlags {
  openapi?: string;
  active?: boolean;
  authHeader?: string[];
  cookie?: string;
  include?: string[];
  exclude?: string[];
  maxDuration: string;
  rate: string;
  maxPages: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerDast(program: Command, state: RunState): void {
  const cmd = program
    .command('dast')
    .description(
      'Dynamic testing of a running web application or API: crawl it and check every response (baseline scan)',
    )
    .argument(
      '<url>',
      'the application to scan, in full (http://127.0.0.1:8080/); nothing outside its origin is requested unless --include says so',
    )
    .option(
      '--openapi <spec>',
      'an OpenAPI 3 document (file or URL): every operation is exercised with schema-valid values',
    )
    .option(
      '--active',
      'also send attack payloads (XSS, SQL injection, command injection…): only against applications you may attack',
    )
    .option(
      '--auth-header <header>',
      "sent with every request, e.g. 'Authorization: Bearer …' (repeatable)",
      collect,
    )
    .option('--cookie <cookies>', 'the Cookie header sent with every request (name=value; other=value)')
    .option(
      '--include <regex>',
      'scan exactly the URLs this matches (repeatable; default: the target origin)',
      collect,
    )
    .option(
      '--exclude <regex>',
      'never request URLs this matches (repeatable); log-out links are never followed',
      collect,
    )
    .option('--max-duration <duration>', 'time budget; the report is marked partial when it runs out', '5m')
    .option('--rate <rate>', 'requests per second (or 600/m)', '20/s')
    .option('--max-pages <n>', 'stop crawling after this many requests', '2000')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames()).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--baseline <file>', 'a previous JSON or SARIF report: only findings not in it gate')
    .option(
      '-c, --config <file>',
      'policy file (default: gatehouse.yml in the current directory, if present)',
    )
    .option(
      '--fail-on <severity>',
      `lowest severity that blocks: ${SEVERITIES.join('|')}|none (overrides gate.fail_on)`,
    )
    .option('--no-color', 'no ANSI colours in the table');
  addUploadOptions(cmd, 'JSON report').action(async (url: string, flags: DastFlags) => {
    state.exitCode = await dastCommand(url, flags);
  });
}

export async function dastCommand(url: string, flags: DastFlags): Promise<number> {
  const target = parseTarget(url);
  const maxPages = Number(flags.maxPages);
  if (!Number.isInteger(maxPages) || maxPages < 1)
    throw new UserError(`--max-pages ${flags.maxPages}: give a whole number of requests`);
  const options = {
    target,
    active: flags.active === true,
    headers: extraHeaders(flags.authHeader, flags.cookie),
    include: regexes(flags.include, '--include'),
    exclude: regexes(flags.exclude, '--exclude'),
    maxDurationMs: parseDuration(flags.maxDuration),
    rate: parseRate(flags.rate),
    maxPages,
    ...(flags.openapi ? { openapi: flags.openapi } : {}),
  };
  const upload = uploadTarget(flags);
  const root = process.cwd();
  const { config, path: configPath } = loadConfig(root, flags.config);
  const gatePolicy = loadGatePolicy(config, configPath, root, flags);
  const startedAt = new Date();
  const scan = await scanDast({ ...options, ...progress() });
  const result = dastScanResult(scan, target, startedAt);
  return finishScan(
    result,
    gatePolicy,
    root,
    flags,
    upload ? { to: upload, partial: scan.partial } : undefined,
  );
}

function regexes(values: string[] | undefined, flag: string): RegExp[] {
  try {
    return patterns(values, flag);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

/** On a terminal, one line that says how far the crawl is; in CI, nothing. */
function progress(): { onProgress?: (phase: string, done: number, queued: number) => void } {
  if (!process.stderr.isTTY || process.env.CI) return {};
  let last = 0;
  return {
    onProgress: (phase, done, queued) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      process.stderr.write(`\r${phase}: ${done} requests, ${queued} queued   `);
    },
  };
}

export function dastScanResult(scan: DastScan, target: URL, startedAt: Date): ScanResult {
  const rules = new Map(scan.rules.map((r) => [r.id, r]));
  const findings = dedupe(
    scan.drafts.map((d) => {
      const rule = rules.get(d.ruleId);
      if (!rule) throw new Error(`the DAST scan raised unknown rule ${d.ruleId}`);
      return enrich(d, rule);
    }),
  ).sort(compareFindings);
  return {
    target: { ...gitTarget(process.cwd()), root: process.cwd() },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    findings,
    scanners: [
      {
        name: SCANNER,
        status: scan.partial ? 'partial' : 'ok',
        durationMs: scan.durationMs,
        files: scan.requests,
        bytes: 0,
        findings: findings.length,
      },
    ],
    diagnostics: [
      { level: 'info', code: 'dast-summary', scanner: SCANNER, message: summary(scan, target) },
      ...scan.diagnostics,
    ],
    rules: [...scan.rules].sort((a, b) => (a.id < b.id ? -1 : 1)),
    discovery: { files: scan.requests, bytes: 0, skipped: scan.outOfScope },
  };
}

function summary(scan: DastScan, target: URL): string {
  const via = Object.entries(scan.crawl.byVia)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return `${target.origin}: ${scan.requests} requests in ${(scan.durationMs / 1000).toFixed(1)} s (${via}); ${scan.outOfScope} out-of-scope URLs left alone`;
}
