import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { loadConfig } from '../core/config.js';
import type { Config } from '../core/config-schema.js';
import { UserError } from '../core/errors.js';
import { shouldShowProgress, silentProgress, terminalProgress } from '../core/progress.js';
import type { ScanResult } from '../core/result.js';
import { runScan } from '../core/scan.js';
import { SEVERITIES } from '../core/severity.js';
import { formatNames } from '../formats/index.js';
import { DEFAULT_SCANNERS, loadScanners } from '../scanners/index.js';
import { changesSince, keepChangedLines, onlyChangedFiles } from './changed-since.js';
import { finishScan, type GateFlags, loadGatePolicy } from './finish-scan.js';
import type { RunState } from './program.js';
import { readStdinTarget, relabelStdin, STDIN_TARGET } from './stdin.js';
import { checkTarget } from './target.js';
import { addUploadOptions, uploadTarget } from './upload-flags.js';

interface ScanFlags extends GateFlags {
  scanners?: string;
  gitHistory?: boolean;
  exclude?: string[];
  sbom?: string;
  online?: boolean;
  changedSince?: string;
  allLines?: boolean;
  partial?: boolean;
  image?: string;
  platform?: string;
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
    .option('--image <image>', 'scan a container image instead of a directory (as `gatehouse image`)')
    .option('--platform <platform>', 'with --image: which platform of a multi-platform image')
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

/** Flags that choose what a directory scan reads: an image scan has its own answer to each. */
const DIRECTORY_ONLY = [
  'scanners',
  'gitHistory',
  'exclude',
  'sbom',
  'online',
  'changedSince',
  'allLines',
  'partial',
] as const;

async function scanCommand(path: string, flags: ScanFlags): Promise<number> {
  if (flags.image) return scanImageFlags(path, flags);
  if (flags.platform) throw new UserError('--platform is only used with --image');
  const upload = uploadTarget(flags, ['partial']);
  const fromStdin = path === STDIN_TARGET;
  const root = fromStdin ? process.cwd() : checkTarget(path);
  const { config, path: configPath } = loadConfig(root, flags.config);
  const gatePolicy = loadGatePolicy(config, configPath, root, flags);
  const changes = flags.changedSince ? changesSince(root, flags.changedSince) : undefined;
  const all = await loadScanners(scannerNames(flags, config));
  const scanners = changes ? onlyChangedFiles(all, changes) : all;
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
  const partial = Boolean(changes) || Boolean(flags.partial);
  return finishScan(result, gatePolicy, root, flags, upload ? { to: upload, partial } : undefined);
}

async function scanImageFlags(path: string, flags: ScanFlags): Promise<number> {
  const stray = DIRECTORY_ONLY.find((k) => flags[k] !== undefined);
  if (path !== '.' || stray)
    throw new UserError(
      `--image scans an image, not ${stray ? `with --${kebab(stray)}` : `the path ${path}`}`,
      'run `gatehouse image IMAGE` with the image options, or leave --image out',
    );
  return (await import('./image.js')).imageScanCommand(flags.image!, flags);
}

const kebab = (flag: string) => flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

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
