import pc from 'picocolors';
import type { FindingAction } from '../core/decision.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Report } from '../core/report.js';
import type { ScannerRun } from '../core/result.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import { exceptionSnippet } from '../policy/advice.js';
import { commitText, decisionText, expiredText, secretText, suppressionText } from './finding-text.js';
import type { Format, RenderOptions } from './format.js';
import {
  type FindingView,
  locationText,
  type ReportView,
  verdictSummary,
  viewReport,
} from './report-view.js';
import { firstLines, mebibytes, oneLine, plural, safeText } from './text.js';

type Colors = ReturnType<typeof pc.createColors>;
type Paint = (s: string) => string;

const INDENT = '    ';

function severityPaint(c: Colors, s: Severity): Paint {
  const paints: Record<Severity, Paint> = {
    critical: (t) => c.bold(c.red(t)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
  };
  return paints[s];
}

/** For people at a terminal: what blocks, why, how to fix it or accept it; then the summary. */
export function renderTable(report: Report, opts: RenderOptions): string {
  const c = pc.createColors(opts.color);
  const view = viewReport(report);
  const out: string[] = [header(report, c), ''];
  const shown = view.findings.filter((v) => v.group !== 'suppressed');
  if (view.findings.length === 0) out.push('No findings.', '');
  for (const severity of SEVERITIES) {
    const group = shown.filter((v) => v.finding.severity === severity);
    if (group.length === 0) continue;
    out.push(severityPaint(c, severity)(`${severity.toUpperCase()}  ${plural(group.length, 'finding')}`));
    for (const v of group) out.push(...findingBlock(v, c, view.exceptionsFile), '');
  }
  if (view.suppressed.length > 0) out.push(...suppressedBlock(view, c), '');
  out.push(...summary(report, view, c), '', verdictLine(report, view, c));
  return `${out.join('\n')}\n`;
}

function header(report: Report, c: Colors): string {
  const t = report.result.target;
  const parts = [c.bold(`Gatehouse ${report.tool.version}`), oneLine(t.root)];
  if (t.branch) parts.push(`branch ${oneLine(t.branch)}`);
  if (t.commit) parts.push(`commit ${oneLine(t.commit.slice(0, 12))}`);
  return parts.join('  ');
}

const ACTION_TAG: Record<FindingAction, (c: Colors) => string> = {
  fail: (c) => c.bold(c.red('[FAIL]')),
  warn: (c) => c.yellow('[WARN]'),
  report: (c) => c.dim('[REPORT]'),
  ignore: (c) => c.dim('[IGNORE]'),
};

function findingBlock(v: FindingView, c: Colors, exceptionsFile: string): string[] {
  const f = v.finding;
  const lines = [
    `  ${ACTION_TAG[v.decision.action](c)} ${c.bold(oneLine(f.title))} ${c.dim(`(${oneLine(f.ruleId)})`)}`,
  ];
  const field = (name: string, value: string) => {
    const [first = '', ...rest] = value.split('\n');
    lines.push(
      `${INDENT}${c.dim(name.padEnd(8))}${first}`,
      ...rest.map((l) => `${INDENT}${' '.repeat(8)}${l}`),
    );
  };
  field('at', oneLine(locationText(f.location)));
  if (f.location.commit) field('history', commitText(f.location.commit));
  field('message', safeText(f.message));
  const secret = secretText(f);
  if (secret) field('secret', secret);
  if (f.vulnerability) field('package', packageText(v));
  field('gate', decisionText(v.decision));
  const expired = expiredText(v.decision);
  if (expired) field('note', c.yellow(expired));
  if (v.group === 'blocking') {
    field('fix', firstLines(v.rule.remediation, 2).join('\n') || 'see the rule documentation');
    field('accept', `add to ${exceptionsFile} and have it approved:\n${exceptionSnippet(f).trimEnd()}`);
  }
  return lines;
}

function packageText(v: FindingView): string {
  const vuln = v.finding.vulnerability!;
  const p = vuln.package;
  const fixed = vuln.fixedVersions.length
    ? `fixed in ${vuln.fixedVersions.map(oneLine).join(', ')}`
    : 'no fix yet';
  return `${oneLine(p.name)}@${oneLine(p.version)} (${oneLine(p.ecosystem)}), ${oneLine(vuln.id)}, ${fixed}`;
}

/** Listed one per line up to this many per exception or rule; beyond, a count (the JSON report has them all). */
const SUPPRESSED_SHOWN = 5;

/** Grouped by the exception or gate rule that suppressed them, so a broad exception stays one paragraph. */
function suppressedBlock(view: ReportView, c: Colors): string[] {
  const lines = [c.dim(`${plural(view.suppressed.length, 'finding')} excepted or ignored`)];
  const groups = new Map<string, FindingView[]>();
  for (const v of view.suppressed)
    groups.set(v.decision.policyRule, [...(groups.get(v.decision.policyRule) ?? []), v]);
  for (const [policyRule, members] of groups) {
    lines.push(
      c.dim(
        `  ${oneLine(policyRule)}: ${plural(members.length, 'finding')} — ${suppressionText(members[0]!.decision)}`,
      ),
    );
    for (const v of members.slice(0, SUPPRESSED_SHOWN)) {
      const f = v.finding;
      lines.push(
        c.dim(`    ${f.severity.padEnd(8)} ${oneLine(f.ruleId)}  ${oneLine(locationText(f.location))}`),
      );
    }
    if (members.length > SUPPRESSED_SHOWN)
      lines.push(c.dim(`    … and ${members.length - SUPPRESSED_SHOWN} more`));
  }
  return lines;
}

function summary(report: Report, view: ReportView, c: Colors): string[] {
  const counts = SEVERITIES.map((s) => `${view.bySeverity[s]} ${s}`).join(', ');
  const lines = [c.bold('Summary'), `  findings     ${view.findings.length}: ${counts}`];
  if (view.expired.length > 0) {
    const n = view.expired.length;
    lines.push(
      c.yellow(
        `  expired      ${plural(n, 'exception')} expired and no longer ${n === 1 ? 'applies' : 'apply'} (see above)`,
      ),
    );
  }
  lines.push(...scannerTable(report.result.scanners, c));
  lines.push(...diagnosticsSummary(report.result.diagnostics, c));
  for (const note of report.gate.notes) lines.push(`  note         ${oneLine(note)}`);
  return lines;
}

function scannerTable(runs: readonly ScannerRun[], c: Colors): string[] {
  const rows = [...runs]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((r) => [
      oneLine(r.name),
      r.status,
      String(r.files),
      mebibytes(r.bytes),
      String(r.durationMs),
      String(r.findings),
    ]);
  const head = ['name', 'status', 'files', 'MiB', 'ms', 'findings'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)));
  const statusPaint: Record<string, Paint> = { ok: c.green, partial: c.yellow, failed: c.red };
  const row = (cells: string[]) => {
    const padded = pad(cells);
    padded[1] = (statusPaint[cells[1]!] ?? String)(padded[1]!);
    return `    ${padded.join('  ')}`;
  };
  return [
    '  scanners',
    c.dim(`    ${pad(head).join('  ')}`),
    ...rows.map(row),
    ...runs.filter((r) => r.error).map((r) => c.red(`    ${oneLine(r.name)} failed: ${oneLine(r.error!)}`)),
  ];
}

function diagnosticsSummary(diagnostics: readonly Diagnostic[], c: Colors): string[] {
  if (diagnostics.length === 0) return ['  diagnostics  none'];
  const byCode = new Map<string, number>();
  for (const d of diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  const codes = [...byCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, n]) => `${n} ${oneLine(code)}`);
  const lines = [`  diagnostics  ${diagnostics.length}: ${codes.join(', ')}`];
  for (const d of diagnostics.filter((x) => x.level === 'error')) {
    const where = [d.scanner, d.path]
      .filter(Boolean)
      .map((s) => oneLine(s!))
      .join(' ');
    lines.push(c.red(`    error ${oneLine(d.code)}${where ? ` ${where}` : ''}: ${oneLine(d.message)}`));
  }
  return lines;
}

function verdictLine(report: Report, view: ReportView, c: Colors): string {
  const paint: Record<string, Paint> = { pass: c.green, warn: c.yellow, fail: c.red };
  const verdict = report.gate.verdict;
  return `${c.bold(paint[verdict]!(verdict.toUpperCase()))}  ${verdictSummary(view)}`;
}

export const tableFormat: Format = {
  name: 'table',
  description: 'for people at a terminal: findings by severity, how to fix or accept them, a summary',
  extension: 'txt',
  render: renderTable,
};
