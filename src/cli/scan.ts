import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { loadConfig } from '../core/config.js';
import type { Config } from '../core/config-schema.js';
import { UserError } from '../core/errors.js';
import { shouldShowProgress, silentProgress, terminalProgress } from '../core/progress.js';
import type { Report } from '../core/report.js';
import type { ScanResult } from '../core/result.js';
import { runScan } from '../core/scan.js';
import { isSeverity, SEVERITIES } from '../core/severity.js';
import { toolVersion } from '../core/version.js';
import { formatNames, getFormat } from '../formats/index.js';
import { renderJson } from '../formats/json.js';
import { loadBaseline } from '../policy/baseline.js';
import { evaluateGate } from '../policy/gate.js';
import { compilePolicy } from '../policy/policy.js';
import { DEFAULT_SCANNERS, loadScanners } from '../scanners/index.js';
import { changesSince, keepChangedLines, onlyChangedFiles } from './changed-since.js';
import { writeOutput } from './output.js';
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS, type RunState } from './program.js';
import { readStdinTarget, relabelStdin, STDIN_TARGET } from './stdin.js';
import { checkTarget } from './target.js';
import { uploadReport } from './upload.js';
import {
  addUploadOptions,
  reportUploaded,
  type UploadFlags,
  type UploadTarget,
  uploadContext,
  uploadTarget,
} from './upload-flags.js';

interface ScanFlags extends UploadFlags {
  scanners?: string;
  format: string;
  output?: string;
  baseline?: string;
  config?: string;
  failOn?: string;
  gitHistory?: boolean;
  exclude?: string[];
  color?: boolean;
  sbom?: string;
  online?: boolean;
  changedSince?: string;
  allLines?: boolean;
  partial?: boolean;
}

export function registerScan(program: Command, state: RunState): void {
  const cmd = program
    .command('scan')
    .description('Scan a directory, apply the policy gate, and report')
    .argument('[path]', 'directory (or file) to scan; - reads manifests from standard input', '.')
    .option(
      '-s, --scanners <list>',
      `comma-separated scanners to run (default: ${DEFAULT_SCANNERS.join(',')})`,
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames()).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--baseline <file>', 'a previous JSON or SARIF report: only findings not in it gate')
    .option('-c, --config <file>', 'policy file (default: gatehouse.yml at the scanned path, if present)')
    .option(
      '--fail-on <severity>',
      `lowest severity that blocks: ${SEVERITIES.join('|')}|none (overrides gate.fail_on)`,
    )
    .option('--git-history', 'scan every blob in the git history for secrets instead of the working tree')
    .option('--exclude <glob...>', 'extra paths to leave out (globs, relative to the scanned path)')
    .option(
      '--sbom <file>',
      'scan the packages of a CycloneDX or SPDX JSON SBOM instead of the lockfiles (implies --scanners sca)',
    )
    .option(
      '--online',
      'allow registry look-ups for package risk (package exists, publish date, install scripts)',
    )
    .option(
      '--changed-since <ref>',
      'analyse only files changed since the merge base with this git ref, and report only findings on changed lines',
    )
    .option('--all-lines', 'with --changed-since: report every finding in the changed files')
    .option('--no-color', 'no ANSI colours in the table');
  addUploadOptions(cmd, 'JSON report')
    .option(
      '--partial',
      'with --upload: this scan covers only part of the project (split jobs, ad hoc excludes), so the server marks nothing fixed',
    )
    .action(async (path: string, flags: ScanFlags) => {
      state.exitCode = await scanCommand(path, flags);
    });
}

async function scanCommand(path: string, flags: ScanFlags): Promise<number> {
  const upload = uploadTarget(flags, ['partial']);
  const fromStdin = path === STDIN_TARGET;
  const root = fromStdin ? process.cwd() : checkTarget(path);
  const { config, path: configPath } = loadConfig(root, flags.config);
  applyFlags(config, flags);
  const changes = flags.changedSince ? changesSince(root, flags.changedSince) : undefined;
  const all = await loadScanners(scannerNames(flags, config));
  const scanners = changes ? onlyChangedFiles(all, changes) : all;
  const policy = compilePolicy(config, configPath, { root });
  const baselinePath = flags.baseline ? resolve(flags.baseline) : policy.baselinePath;
  const baseline = baselinePath ? loadBaseline(baselinePath) : undefined;
  const format = getFormat(flags.format);
  const stdin = fromStdin ? await readStdinTarget(config.max_file_size) : undefined;
  let result: ScanResult;
  try {
    result = await runScan({
      root: stdin?.root ?? root,
      scanners,
      config,
      exclude: flags.exclude ?? [],
      scan: {
        gitHistory: Boolean(flags.gitHistory),
        maxFileSize: config.max_file_size,
        threads: availableParallelism(),
        ...(flags.sbom ? { sbom: checkSbomFile(flags.sbom) } : {}),
        ...(flags.online ? { online: true } : {}),
      },
      makeProgress: (files, bytes) =>
        shouldShowProgress(process.stderr, process.env)
          ? terminalProgress(process.stderr, files, bytes)
          : silentProgress,
    });
  } finally {
    stdin?.remove();
  }
  if (stdin) relabelStdin(result, root);
  if (changes && !flags.allLines) result = keepChangedLines(result, changes);
  const gate = evaluateGate(result.findings, policy, {
    now: new Date(),
    ...(baseline ? { baseline, baselineFile: baselinePath } : {}),
  });
  gate.exceptionsFile = displayPath(gate.exceptionsFile, root);
  const report: Report = { tool: { name: 'gatehouse', version: toolVersion() }, result, gate };
  const color =
    flags.color !== false && !flags.output && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  writeOutput(flags.output, format.render(report, { color }));
  if (flags.output)
    process.stderr.write(`gatehouse: ${gate.verdict.toUpperCase()} — report written to ${flags.output}\n`);
  // After the local report is written: a gate that cannot report fails (exit 2), but leaves its report.
  if (upload) await uploadScan(report, upload, flags, Boolean(changes) || Boolean(flags.partial));
  return exitCode(report);
}

/** The same JSON report `--format json` writes, with where it comes from (CI variables, flags, git). */
async function uploadScan(
  report: Report,
  to: UploadTarget,
  flags: ScanFlags,
  partial: boolean,
): Promise<void> {
  const context = uploadContext(flags, report.result.target);
  reportUploaded(await uploadReport(renderJson(report), { ...to, context, complete: !partial }));
}

/** Paths inside the scanned tree are shown relative to it; the report must not depend on where CI checks out. */
function displayPath(path: string, root: string): string {
  const rel = relative(root, resolve(root, path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function checkSbomFile(path: string): string {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new UserError(`--sbom: ${path} does not exist`);
  return abs;
}

function scannerNames(flags: ScanFlags, config: Config): string[] {
  if (flags.sbom && !flags.scanners) return ['sca'];
  if (flags.scanners)
    return flags.scanners
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return config.scanners ?? DEFAULT_SCANNERS;
}

function applyFlags(config: Config, flags: ScanFlags): void {
  if (flags.failOn === undefined) return;
  if (flags.failOn !== 'none' && !isSeverity(flags.failOn)) {
    throw new UserError(
      `--fail-on: '${flags.failOn}' is not a severity`,
      `use one of ${SEVERITIES.join(', ')}, none`,
    );
  }
  config.gate.fail_on = flags.failOn as Config['gate']['fail_on'];
  for (const s of Object.values(config.gate.scanners)) delete s.fail_on;
}

/** A blocked gate is 1 even when a scanner failed; a failed scanner alone is 2: its silence is not a pass. */
function exitCode(report: Report): number {
  if (report.gate.verdict === 'fail') return EXIT_BLOCKED;
  if (report.result.scanners.some((s) => s.status === 'failed')) return EXIT_ERROR;
  return EXIT_PASS;
}
