import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Finding, HttpEvidence, Location, TraceStep } from '../core/finding.js';
import { FINGERPRINT_KEY } from '../core/fingerprint.js';
import type { Report } from '../core/report.js';
import type { ScanTarget } from '../core/result.js';
import type { Rule } from '../core/rule.js';
import type { Format } from './format.js';
import { type FindingView, type ReportView, viewReport } from './report-view.js';
import { SARIF_LEVEL, type SarifLevel, sarifRule } from './sarif-rule.js';
import { wellFormed } from './text.js';

type Json = Record<string, unknown>;

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** SARIF 2.1.0, one run; the shape GitHub code scanning and most viewers read. */
export function toSarif(report: Report): Json {
  const view = viewReport(report);
  const rules = rulesWithResults(view);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const run: Json = {
    tool: { driver: { name: 'Gatehouse', version: report.tool.version, rules: rules.map(sarifRule) } },
    invocations: [invocation(report)],
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri(report.result.target.root) } },
    results: view.findings.map((v) => result(v, ruleIndex.get(v.rule.id)!, view.baselineUsed)),
    // Location columns are UTF-16 code units throughout Gatehouse (see core/finding.ts).
    columnKind: 'utf16CodeUnits',
  };
  const vcs = versionControl(report.result.target);
  if (vcs) run.versionControlProvenance = [vcs];
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** Only the rules that have at least one result, sorted by id. */
function rulesWithResults(view: ReportView): Rule[] {
  const byId = new Map<string, Rule>();
  for (const v of view.findings) if (!byId.has(v.rule.id)) byId.set(v.rule.id, v.rule);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function result(v: FindingView, ruleIndex: number, baselineUsed: boolean): Json {
  const f = v.finding;
  const out: Json = {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: f.http ? webLocation(f.location) : physicalLocation(f.location) }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
  };
  if (f.trace) out.codeFlows = [codeFlow(f.trace)];
  if (f.http) Object.assign(out, webExchange(f.http));
  const suppression = suppressionOf(v);
  if (suppression) out.suppressions = [suppression];
  if (baselineUsed) out.baselineState = v.decision.status === 'existing' ? 'unchanged' : 'new';
  out.properties = resultProperties(v);
  return out;
}

/** SARIF §3.46/§3.47: bodies are artifactContent objects, headers a name-to-value map. */
function webExchange(h: HttpEvidence): Json {
  const { body, ...request } = h.request;
  const out: Json = { webRequest: { ...request, ...(body !== undefined ? { body: { text: body } } : {}) } };
  if (h.response) {
    const { body: responseBody, ...response } = h.response;
    out.webResponse = {
      ...response,
      ...(responseBody !== undefined ? { body: { text: responseBody } } : {}),
    };
  }
  return out;
}

/** A web finding's place is an absolute URL, not a file under the source root. */
function webLocation(l: Location): Json {
  return { artifactLocation: { uri: l.path } };
}

function physicalLocation(l: Location): Json {
  const out: Json = { artifactLocation: { uri: pathToUri(l.path), uriBaseId: SRCROOT } };
  if (!l.startLine) return out;
  const region: Json = { startLine: l.startLine };
  if (l.startColumn) region.startColumn = l.startColumn;
  if (l.endLine && l.endLine >= l.startLine) region.endLine = l.endLine;
  if (l.endColumn) region.endColumn = l.endColumn;
  if (l.snippet !== undefined) region.snippet = { text: l.snippet };
  out.region = region;
  return out;
}

/** A dataflow trace as one thread of locations, source first, sink last. */
function codeFlow(trace: readonly TraceStep[]): Json {
  const locations = trace.map((t) => {
    const region: Json = { startLine: t.line };
    if (t.column) region.startColumn = t.column;
    return {
      location: {
        physicalLocation: { artifactLocation: { uri: pathToUri(t.path), uriBaseId: SRCROOT }, region },
        message: { text: t.message },
      },
    };
  });
  return { threadFlows: [{ locations }] };
}

/** Excepted findings, and those a gate rule ignores, are suppressed (not hidden) in SARIF. */
function suppressionOf(v: FindingView): Json | undefined {
  const d = v.decision;
  if (v.group !== 'suppressed') return undefined;
  const e = d.exception;
  if (d.status === 'excepted' && e) {
    const until = e.expires ? `, expires ${e.expires}` : '';
    return {
      kind: 'external',
      status: 'accepted',
      justification: `${e.reason} (exception ${e.id}, approved by ${e.approver}${until})`,
      properties: { exceptionId: e.id, approver: e.approver, ...(e.expires ? { expires: e.expires } : {}) },
    };
  }
  return { kind: 'external', status: 'accepted', justification: `ignored by ${d.policyRule}: ${d.reason}` };
}

function resultProperties(v: FindingView): Json {
  const f = v.finding;
  const d = v.decision;
  const gate: Json = { action: d.action, status: d.status, policyRule: d.policyRule, reason: d.reason };
  if (d.exception) gate.exception = { ...d.exception };
  const out: Json = { severity: f.severity, confidence: f.confidence, gate };
  if (f.location.commit) {
    const c = f.location.commit;
    out.commit = { sha: c.sha, author: c.author, date: c.date };
  }
  if (f.secret) out.secret = { redacted: f.secret.redacted, hash: f.secret.hash };
  if (f.vulnerability) out.vulnerability = vulnerability(f);
  if (f.properties)
    out.details = Object.fromEntries(Object.entries(f.properties).sort(([a], [b]) => (a < b ? -1 : 1)));
  return out;
}

function vulnerability(f: Finding): Json {
  const vuln = f.vulnerability!;
  const out: Json = {
    id: vuln.id,
    aliases: vuln.aliases,
    package: { ...vuln.package },
    fixedVersions: vuln.fixedVersions,
  };
  if (vuln.cvss) out.cvss = { ...vuln.cvss };
  return out;
}

function invocation(report: Report): Json {
  const r = report.result;
  return {
    executionSuccessful: !r.scanners.some((s) => s.status === 'failed'),
    startTimeUtc: r.startedAt,
    endTimeUtc: r.finishedAt,
    toolExecutionNotifications: r.diagnostics.map(notification),
    properties: {
      scanners: [...r.scanners].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => ({ ...s })),
    },
  };
}

const NOTIFICATION_LEVEL: Record<Diagnostic['level'], SarifLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function notification(d: Diagnostic): Json {
  const out: Json = {
    level: NOTIFICATION_LEVEL[d.level],
    message: { text: d.message },
    descriptor: { id: d.code },
  };
  if (d.path)
    out.locations = [
      { physicalLocation: { artifactLocation: { uri: pathToUri(d.path), uriBaseId: SRCROOT } } },
    ];
  if (d.scanner) out.properties = { scanner: d.scanner };
  return out;
}

/** A repository URL SARIF accepts (an absolute URI); scp-style `git@host:path` is left out. */
function versionControl(t: ScanTarget): Json | undefined {
  if (!t.repository || !/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(t.repository)) return undefined;
  const out: Json = { repositoryUri: t.repository };
  if (t.commit) out.revisionId = t.commit;
  if (t.branch) out.branch = t.branch;
  return out;
}

/** A relative POSIX path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return wellFormed(path).split('/').map(encodeURIComponent).join('/');
}

function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function renderSarif(report: Report): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}

export const sarifFormat: Format = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  extension: 'sarif',
  render: renderSarif,
};
