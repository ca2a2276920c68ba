import type { Config } from './config-schema.js';
import type { Diagnostic } from './diagnostic.js';
import { discover } from './discover.js';
import { enrich } from './enrich.js';
import type { Finding } from './finding.js';
import { gitTarget } from './git-info.js';
import type { ProgressDisplay } from './progress.js';
import type { ScannerRun, ScanResult } from './result.js';
import type { Rule } from './rule.js';
import type { FileEntry, Scanner, ScanOptions } from './scanner.js';
import { compareFindings, dedupe } from './sort.js';

export interface RunScanInput {
  root: string;
  scanners: readonly Scanner[];
  config: Config;
  scan: ScanOptions;
  /** Extra exclude globs from flags, on top of the config's. */
  exclude?: readonly string[];
  makeProgress?: (totalFiles: number, totalBytes: number) => ProgressDisplay;
  signal?: AbortSignal;
}

/** discover -> scanners in parallel -> enrich; a failing scanner is reported, the rest finish. */
export async function runScan(input: RunScanInput): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  for (const s of input.scanners) s.prepare?.(scannerOptions(input.config, s.name), input.scan);
  const discovery = discover(input.root, {
    exclude: [...input.config.exclude, ...(input.exclude ?? [])],
    maxFileSize: input.scan.maxFileSize,
    respectGitignore: true,
  });
  const projectRules = input.scanners.map((s) => s.projectRules?.(input.root) ?? []);
  const wanted = input.scanners.map((s) => discovery.files.filter((f) => s.wants(f)));
  const progress = input.makeProgress?.(
    wanted.reduce((n, fs) => n + fs.length, 0),
    wanted.reduce((n, fs) => n + fs.reduce((b, f) => b + f.size, 0), 0),
  );
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];
  const signal = input.signal ?? new AbortController().signal;
  let runs: { run: ScannerRun; findings: Finding[] }[];
  try {
    runs = await Promise.all(
      input.scanners.map((s, i) =>
        runOne(s, wanted[i]!, projectRules[i]!, input, {
          signal,
          diagnostics,
          progress: progress ?? { advance() {} },
        }),
      ),
    );
  } finally {
    progress?.stop();
  }
  const rules: Rule[] = input.scanners
    .flatMap((s, i) => [...s.rules(), ...projectRules[i]!])
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    target: gitTarget(input.root),
    startedAt,
    finishedAt: new Date().toISOString(),
    findings: dedupe(runs.flatMap((r) => r.findings)).sort(compareFindings),
    scanners: runs.map((r) => r.run),
    diagnostics: sortDiagnostics(diagnostics),
    rules,
    discovery: { files: discovery.files.length, bytes: discovery.bytes, skipped: discovery.skipped },
  };
}

interface RunShared {
  signal: AbortSignal;
  diagnostics: Diagnostic[];
  progress: { advance(f: number, b: number): void };
}

async function runOne(
  scanner: Scanner,
  files: FileEntry[],
  projectRules: readonly Rule[],
  input: RunScanInput,
  shared: RunShared,
): Promise<{ run: ScannerRun; findings: Finding[] }> {
  const t0 = performance.now();
  const rules = new Map([...scanner.rules(), ...projectRules].map((r) => [r.id, r]));
  const findings: Finding[] = [];
  let errors = 0;
  const run: ScannerRun = {
    name: scanner.name,
    status: 'ok',
    durationMs: 0,
    files: 0,
    bytes: 0,
    findings: 0,
  };
  const ctx = {
    root: input.root,
    files,
    options: scannerOptions(input.config, scanner.name),
    scan: input.scan,
    signal: shared.signal,
    progress: {
      advance(f: number, b: number) {
        run.files += f;
        run.bytes += b;
        shared.progress.advance(f, b);
      },
    },
    report(d: Omit<Diagnostic, 'scanner'>) {
      if (d.level === 'error') errors++;
      shared.diagnostics.push({ ...d, scanner: scanner.name });
    },
  };
  try {
    for await (const draft of scanner.scan(ctx)) {
      const rule = rules.get(draft.ruleId);
      if (!rule) throw new Error(`scanner ${scanner.name} raised unknown rule ${draft.ruleId}`);
      findings.push(enrich(draft, rule));
    }
    if (errors > 0) run.status = 'partial';
  } catch (e) {
    run.status = 'failed';
    run.error = e instanceof Error ? e.message : String(e);
    shared.diagnostics.push({
      level: 'error',
      code: 'scanner-failed',
      scanner: scanner.name,
      message: run.error,
    });
  }
  run.durationMs = Math.round(performance.now() - t0);
  run.findings = findings.length;
  return { run, findings };
}

function scannerOptions(config: Config, name: string): Readonly<Record<string, unknown>> {
  const opts = (config as unknown as Record<string, unknown>)[name];
  return opts && typeof opts === 'object' ? (opts as Record<string, unknown>) : {};
}

function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.path ?? ''}\0${d.scanner ?? ''}\0${d.code}\0${d.message}`;
  return ds.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
