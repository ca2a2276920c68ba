import type { Finding } from '../../core/finding.js';
import type { ScannerStatus } from '../../core/result.js';
import type { ScanContext, ScanUpload } from '../../store/upload.js';
import { withDefaults } from './context.js';
import { UploadError } from './errors.js';
import { boundFinding } from './limits.js';
import { separateDuplicates } from './sarif-fingerprint.js';
import { UriResolver } from './sarif-location.js';
import { type RunContext, readResult } from './sarif-result.js';
import { RuleIndex } from './sarif-rules.js';
import { bag, index, type Json, key, Shape, text } from './shape.js';

export function isSarif(doc: Json): boolean {
  const schema = text(doc.$schema) ?? '';
  return (
    Array.isArray(doc.runs) || /sarif/i.test(schema) || (typeof doc.version === 'string' && 'runs' in doc)
  );
}

interface RunRead {
  tool: string;
  version: string | undefined;
  failed: boolean;
  findings: Finding[];
  startedAt: string | undefined;
  finishedAt: string | undefined;
  /** Scanners a Gatehouse SARIF lists in its invocation (src/formats/sarif.ts). */
  scanners: { name: string; status: ScannerStatus }[];
  vcs: { commit?: string; repository?: string };
}

/**
 * SARIF 2.1.0 from any tool. Each run's tool is one scanner, `sarif:<tool name>`, `ok` unless
 * an invocation says it did not execute successfully (then `failed`: its absent findings are
 * not closed). A Gatehouse SARIF keeps Gatehouse's scanner names, so it dedups and closes like
 * the JSON report of the same scan.
 */
export function readSarif(doc: Json, context: ScanContext, digest: string, complete: boolean): ScanUpload {
  const shape = new Shape('SARIF');
  const version = shape.optString(doc.version, 'version');
  if (version !== undefined && !version.startsWith('2.1.0'))
    throw new UploadError(
      'unsupported_format',
      `SARIF version "${version.slice(0, 20)}" is not supported (2.1.0 is)`,
    );
  const runs = shape.objects(doc.runs, 'runs').map(({ item, path }) => readRun(shape, item, path));
  const findings = runs.flatMap((r) => r.findings);
  separateDuplicates(findings);
  const tools = [...new Set(runs.map((r) => r.tool))];
  const firstVcs = runs.find((r) => r.vcs.commit || r.vcs.repository)?.vcs ?? {};
  const upload: ScanUpload = {
    context: withDefaults(context, firstVcs),
    source: `sarif:${tools.join('+') || 'unknown'}`,
    digest,
    complete,
    scanners: scannersOf(runs, findings),
    findings: findings.map(boundFinding),
  };
  const toolVersion = versionOf(runs);
  if (toolVersion) upload.toolVersion = toolVersion;
  const times = span(runs);
  if (times.startedAt) upload.startedAt = times.startedAt;
  if (times.finishedAt) upload.finishedAt = times.finishedAt;
  return upload;
}

function readRun(shape: Shape, run: Json, path: string): RunRead {
  const toolPath = key(path, 'tool');
  const tool = shape.object(run.tool, toolPath);
  const driver = shape.object(tool.driver, key(toolPath, 'driver'));
  const name = shape.optString(driver.name, key(toolPath, 'driver.name'));
  if (name === undefined)
    shape.fail(key(toolPath, 'driver.name'), 'missing: the tool that wrote the run must be named');
  const ctx: RunContext = {
    shape,
    tool: toolName(name),
    rules: new RuleIndex(shape, tool, toolPath),
    uris: new UriResolver(shape, run, path),
    artifacts: shape.optArray(run.artifacts, key(path, 'artifacts')),
    globalStrings: bag(driver.globalMessageStrings),
    facts: new Map(),
  };
  const findings: Finding[] = [];
  shape.optArray(run.results, key(path, 'results')).forEach((value, i) => {
    const where = index(key(path, 'results'), i);
    const finding = readResult(ctx, shape.object(value, where), where);
    if (finding) findings.push(finding);
  });
  const invocations = shape.objects(run.invocations, key(path, 'invocations')).map((i) => i.item);
  return {
    tool: ctx.tool,
    version: text(driver.semanticVersion) ?? text(driver.version),
    failed: invocations.some((i) => i.executionSuccessful === false),
    findings,
    startedAt: earliest(invocations.map((i) => text(i.startTimeUtc))),
    finishedAt: latest(invocations.map((i) => text(i.endTimeUtc))),
    scanners: ctx.tool === 'gatehouse' ? gatehouseScanners(invocations) : [],
    vcs: provenance(run),
  };
}

/** `Semgrep OSS` -> `semgrep-oss`. Names are not merged: `Snyk Code` and `Snyk Open Source` close different findings. */
export function toolName(name: string): string {
  const normal = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return normal || 'unknown';
}

const STATUSES: ReadonlySet<string> = new Set(['ok', 'partial', 'failed']);

function gatehouseScanners(invocations: Json[]): { name: string; status: ScannerStatus }[] {
  const listed = invocations.flatMap((i) => {
    const scanners = bag(i.properties)?.scanners;
    return Array.isArray(scanners) ? scanners : [];
  });
  return listed.flatMap((s) => {
    const name = text(bag(s)?.name);
    const status = text(bag(s)?.status);
    return name && status && STATUSES.has(status) ? [{ name, status: status as ScannerStatus }] : [];
  });
}

/** Worst status per scanner across runs; each finding's scanner is listed even if no run named it. */
function scannersOf(runs: RunRead[], findings: Finding[]): ScanUpload['scanners'] {
  const rank: Record<ScannerStatus, number> = { ok: 0, partial: 1, failed: 2 };
  const statuses = new Map<string, ScannerStatus>();
  const note = (name: string, status: ScannerStatus) => {
    const before = statuses.get(name);
    if (!before || rank[status] > rank[before]) statuses.set(name, status);
  };
  for (const run of runs) {
    if (run.tool === 'gatehouse') for (const s of run.scanners) note(s.name, s.status);
    else note(`sarif:${run.tool}`, run.failed ? 'failed' : 'ok');
  }
  // A scanner the run does not list: when the run failed, it may be the one that failed.
  const unlisted: ScannerStatus = runs.some((r) => r.failed) ? 'partial' : 'ok';
  const counts = new Map<string, number>();
  for (const f of findings) {
    counts.set(f.scanner, (counts.get(f.scanner) ?? 0) + 1);
    if (!statuses.has(f.scanner)) note(f.scanner, unlisted);
  }
  return [...statuses].map(([name, status]) => ({ name, status, findings: counts.get(name) ?? 0 }));
}

function provenance(run: Json): { commit?: string; repository?: string } {
  const vcs = Array.isArray(run.versionControlProvenance) ? bag(run.versionControlProvenance[0]) : undefined;
  const out: { commit?: string; repository?: string } = {};
  const commit = text(vcs?.revisionId);
  const repository = text(vcs?.repositoryUri);
  if (commit) out.commit = commit;
  if (repository) out.repository = repository;
  return out;
}

function versionOf(runs: RunRead[]): string | undefined {
  const versions = [...new Set(runs.filter((r) => r.version).map((r) => `${r.tool}@${r.version}`))];
  if (versions.length === 0) return undefined;
  const tools = new Set(runs.map((r) => r.tool));
  return tools.size === 1 && versions.length === 1
    ? runs.find((r) => r.version)!.version
    : versions.join(', ');
}

function span(runs: RunRead[]): { startedAt?: string; finishedAt?: string } {
  const startedAt = earliest(runs.map((r) => r.startedAt));
  const finishedAt = latest(runs.map((r) => r.finishedAt));
  return { ...(startedAt ? { startedAt } : {}), ...(finishedAt ? { finishedAt } : {}) };
}

function earliest(times: (string | undefined)[]): string | undefined {
  return valid(times).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

function latest(times: (string | undefined)[]): string | undefined {
  return valid(times).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}

function valid(times: (string | undefined)[]): string[] {
  return times.filter((t): t is string => t !== undefined && t.length < 64 && !Number.isNaN(Date.parse(t)));
}
