import type { FindingDecision, Verdict } from '../core/decision.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type {
  Finding,
  HttpEvidence,
  Location,
  PropertyValue,
  SecretInfo,
  TraceStep,
  Vulnerability,
} from '../core/finding.js';
import { REPORT_SCHEMA_VERSION, type Report } from '../core/report.js';
import type { ScannerRun, ScanTarget } from '../core/result.js';
import type { Rule } from '../core/rule.js';
import type { Severity } from '../core/severity.js';
import type { Format } from './format.js';
import { type FindingView, type ReportView, viewReport } from './report-view.js';

/** The JSON report, documented field by field in docs/report-format.md. */
export interface JsonReport {
  schemaVersion: string;
  tool: { name: string; version: string };
  target: ScanTarget;
  startedAt: string;
  finishedAt: string;
  verdict: Verdict;
  summary: JsonSummary;
  notes: string[];
  findings: JsonFinding[];
  scanners: ScannerRun[];
  diagnostics: Diagnostic[];
  rules: Rule[];
}

export interface JsonSummary {
  findings: number;
  blocking: number;
  bySeverity: Record<Severity, number>;
  byAction: Record<FindingDecision['action'], number>;
  excepted: number;
  existing: number;
  expiredExceptions: number;
  discovery: { files: number; bytes: number; skipped: number };
}

export type JsonFinding = Finding & { gate: Omit<FindingDecision, 'fingerprint'> };

/**
 * Every object is rebuilt field by field: the key order is fixed whatever order the producer
 * used, and nothing a producer attached outside the types reaches the report.
 */
export function toJsonReport(report: Report): JsonReport {
  const view = viewReport(report);
  const r = report.result;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: report.tool.name, version: report.tool.version },
    target: pick(r.target, ['root', 'repository', 'branch', 'commit']),
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    verdict: report.gate.verdict,
    summary: summary(view, report),
    notes: [...report.gate.notes],
    findings: view.findings.map(jsonFinding),
    scanners: [...r.scanners]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((s) => pick(s, ['name', 'status', 'durationMs', 'files', 'bytes', 'findings', 'error'])),
    diagnostics: r.diagnostics.map((d) => pick(d, ['level', 'code', 'message', 'scanner', 'path'])),
    rules: [...r.rules].sort((a, b) => (a.id < b.id ? -1 : 1)).map(jsonRule),
  };
}

function summary(view: ReportView, report: Report): JsonSummary {
  const d = report.result.discovery;
  return {
    findings: view.findings.length,
    blocking: view.blocking.length,
    bySeverity: { ...view.bySeverity },
    byAction: { ...view.byAction },
    excepted: view.excepted,
    existing: view.existing,
    expiredExceptions: view.expired.length,
    discovery: { files: d.files, bytes: d.bytes, skipped: d.skipped },
  };
}

function jsonFinding(v: FindingView): JsonFinding {
  const f = v.finding;
  const out: Finding = {
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    scanner: f.scanner,
    title: f.title,
    message: f.message,
    severity: f.severity,
    confidence: f.confidence,
    location: jsonLocation(f.location),
    cwe: [...f.cwe],
    controls: [...f.controls],
    references: [...f.references],
    remediation: f.remediation,
  };
  if (f.secret) out.secret = pick<SecretInfo>(f.secret, ['redacted', 'hash']);
  if (f.vulnerability) out.vulnerability = jsonVulnerability(f.vulnerability);
  if (f.properties) out.properties = sortedProperties(f.properties);
  if (f.trace) out.trace = f.trace.map((t) => pick<TraceStep>(t, ['path', 'line', 'column', 'message']));
  if (f.http) out.http = jsonHttp(f.http);
  return { ...out, gate: jsonDecision(v.decision) };
}

function jsonHttp(h: HttpEvidence): HttpEvidence {
  const request = pick(h.request, ['method', 'target', 'headers', 'body']);
  return h.response
    ? { request, response: pick(h.response, ['statusCode', 'headers', 'body']) }
    : { request };
}

function jsonLocation(l: Location): Location {
  const out = pick(l, ['path', 'startLine', 'endLine', 'startColumn', 'endColumn', 'snippet']);
  if (l.commit) out.commit = pick(l.commit, ['sha', 'author', 'email', 'date']);
  return out;
}

function jsonDecision(d: FindingDecision): JsonFinding['gate'] {
  const out: JsonFinding['gate'] = pick(d, ['action', 'status', 'policyRule', 'reason']);
  if (d.exception) out.exception = pick(d.exception, ['id', 'reason', 'approver', 'expires', 'expired']);
  return out;
}

function jsonVulnerability(v: Vulnerability): Vulnerability {
  const out: Vulnerability = {
    id: v.id,
    aliases: [...v.aliases],
    package: pick(v.package, ['ecosystem', 'name', 'version', 'purl']),
    fixedVersions: [...v.fixedVersions],
  };
  if (v.cvss) out.cvss = pick(v.cvss, ['version', 'vector', 'score']);
  if (v.published) out.published = v.published;
  return out;
}

function jsonRule(r: Rule): Rule {
  return pick(r, [
    'id',
    'scanner',
    'title',
    'description',
    'severity',
    'confidence',
    'cwe',
    'controls',
    'remediation',
    'references',
    'tags',
  ]);
}

function sortedProperties(p: Record<string, PropertyValue>): Record<string, PropertyValue> {
  return Object.fromEntries(Object.entries(p).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The listed keys of `o` in that order, leaving out the ones that are undefined. */
function pick<T extends object>(o: T, keys: readonly (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const k of keys) {
    const value = o[k];
    if (value !== undefined) out[k] = Array.isArray(value) ? ([...value] as T[keyof T]) : value;
  }
  return out as T;
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

export const jsonFormat: Format = {
  name: 'json',
  description: `the whole report as versioned JSON (schema ${REPORT_SCHEMA_VERSION}, docs/report-format.md)`,
  extension: 'json',
  render: renderJson,
};
