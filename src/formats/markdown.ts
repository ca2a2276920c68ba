import type { Report } from '../core/report.js';
import { exceptionItems, expiredText, secretText, suppressionText } from './finding-text.js';
import type { Format } from './format.js';
import { mdCode, mdFence, mdLines, mdText } from './markdown-escape.js';
import {
  type FindingView,
  locationText,
  type ReportView,
  verdictSummary,
  viewReport,
} from './report-view.js';
import { clip, firstLines, mebibytes, plural } from './text.js';

/** GitHub refuses comments over 65,536 characters; stay well under it. */
export const MARKDOWN_LIMIT = 60_000;
const MAX_RULES_TO_FIX = 20;
const MAX_EXCEPTION_ENTRIES = 10;
const MAX_ERRORS_LISTED = 20;
const MESSAGE_CHARS = 300;
/** Kept free for the "N more findings not shown" lines and the joins between sections. */
const RESERVE = 1_000;

interface Budget {
  left: number;
}

/** A PR comment or job summary: what blocks, how to fix or accept it, the rest folded away. */
export function renderMarkdown(report: Report): string {
  const view = viewReport(report);
  const fixed = {
    head: headline(report, view),
    fix: howToFix(view),
    accept: howToAccept(view),
    scanners: scannersSection(report),
  };
  const fixedLength = Object.values(fixed).reduce((n, lines) => n + lines.join('\n').length + 2, 0);
  const budget: Budget = { left: MARKDOWN_LIMIT - fixedLength - RESERVE };
  const blocking = view.blocking.length
    ? ['### Blocking findings', '', ...table(BLOCKING, view.blocking, budget)]
    : [];
  const warnings = details(`Warnings (${view.warnings.length})`, table(WARNING, view.warnings, budget));
  const others = [...view.reported, ...view.suppressed];
  const rest = details(
    `Other findings (${others.length}): reported, existing, excepted or ignored`,
    table(OTHER, others, budget),
  );
  const sections = [fixed.head, blocking, fixed.fix, fixed.accept, warnings, rest, fixed.scanners];
  return `${sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n'))
    .join('\n\n')}\n`;
}

function headline(report: Report, view: ReportView): string[] {
  const t = report.result.target;
  const lines = [
    `## Gatehouse: ${report.gate.verdict.toUpperCase()}`,
    '',
    `**${mdText(verdictSummary(view))}**`,
  ];
  const where: string[] = [];
  if (t.branch) where.push(`branch ${mdCode(t.branch)}`);
  if (t.commit) where.push(`commit ${mdCode(t.commit.slice(0, 12))}`);
  where.push(
    `${plural(view.findings.length, 'finding')} in ${plural(report.result.discovery.files, 'file')}`,
  );
  const sentence = where.join(', ');
  lines.push('', `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
  if (report.gate.notes.length > 0) lines.push('', ...report.gate.notes.map((n) => `- ${mdText(n)}`));
  return lines;
}

interface Column {
  title: string;
  cell(v: FindingView): string;
}

const severity: Column = { title: 'Severity', cell: (v) => v.finding.severity };
const rule: Column = {
  title: 'Rule',
  cell: (v) => `${mdText(v.finding.title)}<br>${mdCode(v.finding.ruleId, true)}`,
};
const location: Column = {
  title: 'Location',
  cell: (v) => {
    const c = v.finding.location.commit;
    const at = mdCode(locationText(v.finding.location), true);
    return c ? `${at}<br>in history, commit ${mdCode(c.sha.slice(0, 12), true)}` : at;
  },
};
const message: Column = {
  title: 'Message',
  cell: (v) => {
    const parts = [mdLines(clip(v.finding.message, MESSAGE_CHARS))];
    const secret = secretText(v.finding);
    if (secret) parts.push(`secret ${mdCode(secret, true)}`);
    const expired = expiredText(v.decision);
    if (expired) parts.push(`**${mdText(expired)}**`);
    return parts.join('<br>');
  },
};
const decidedBy: Column = { title: 'Decided by', cell: (v) => mdCode(v.decision.policyRule, true) };
const status: Column = {
  title: 'Status',
  cell: (v) => (v.group === 'suppressed' ? mdText(suppressionText(v.decision)) : mdText(statusWord(v))),
};

function statusWord(v: FindingView): string {
  return v.decision.status === 'existing' ? 'existing (in the baseline)' : 'reported';
}

const BLOCKING = [severity, rule, location, message];
const WARNING = [severity, rule, location, message, decidedBy];
const OTHER = [severity, rule, location, status];

/** Rows while the budget lasts; the rest is counted. Once a row does not fit, nothing more does. */
function table(columns: Column[], views: FindingView[], budget: Budget): string[] {
  if (views.length === 0) return [];
  const lines = [
    `| ${columns.map((c) => c.title).join(' | ')} |`,
    `|${columns.map(() => ' --- |').join('')}`,
  ];
  let shown = 0;
  for (const v of views) {
    const row = `| ${columns.map((c) => c.cell(v)).join(' | ')} |`;
    if (row.length + 1 > budget.left) {
      budget.left = 0;
      break;
    }
    budget.left -= row.length + 1;
    lines.push(row);
    shown++;
  }
  if (shown === 0) return [notShown(views.length)];
  if (shown < views.length) lines.push('', notShown(views.length - shown));
  return lines;
}

function notShown(n: number): string {
  return `_${n} more finding${n === 1 ? '' : 's'} not shown: see the JSON or SARIF report for all of them._`;
}

function details(summary: string, body: string[]): string[] {
  return body.length === 0
    ? []
    : ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>'];
}

function howToFix(view: ReportView): string[] {
  if (view.blocking.length === 0) return [];
  const byRule = new Map<string, FindingView[]>();
  for (const v of view.blocking) {
    const list = byRule.get(v.rule.id);
    if (list) list.push(v);
    else byRule.set(v.rule.id, [v]);
  }
  const lines = ['### How to fix', ''];
  for (const [id, vs] of [...byRule].slice(0, MAX_RULES_TO_FIX)) {
    const r = vs[0]!.rule;
    const fix = firstLines(r.remediation, 2).map(mdText).join(' ');
    lines.push(`- **${mdText(r.title)}** (${mdCode(id)}, ${plural(vs.length, 'finding')}): ${fix}`);
  }
  if (byRule.size > MAX_RULES_TO_FIX) lines.push(`- _and ${byRule.size - MAX_RULES_TO_FIX} more rules_`);
  return lines;
}

function howToAccept(view: ReportView): string[] {
  if (view.blocking.length === 0) return [];
  const entries = view.blocking.slice(0, MAX_EXCEPTION_ENTRIES).flatMap((v) => exceptionItems(v.finding));
  const more = view.blocking.length - MAX_EXCEPTION_ENTRIES;
  if (more > 0) entries.push(`  # ... and ${more} more: every fingerprint is in the JSON and SARIF reports`);
  return [
    '### How to request an exception',
    '',
    `If the risk is acceptable, add an exception to ${mdCode(view.exceptionsFile)} with the reason, the approver and an expiry date, and get the change reviewed:`,
    '',
    ...mdFence('yaml', ['exceptions:', ...entries]),
  ];
}

function scannersSection(report: Report): string[] {
  const lines = [
    '### Scanners',
    '',
    '| Scanner | Status | Files | MiB | Time (ms) | Findings |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const s of [...report.result.scanners].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const st = s.error ? `${s.status}: ${mdText(clip(s.error, MESSAGE_CHARS))}` : s.status;
    lines.push(
      `| ${mdText(s.name)} | ${st} | ${s.files} | ${mebibytes(s.bytes)} | ${s.durationMs} | ${s.findings} |`,
    );
  }
  return [...lines, ...diagnosticsLines(report)];
}

function diagnosticsLines(report: Report): string[] {
  const ds = report.result.diagnostics;
  if (ds.length === 0) return [];
  const byCode = new Map<string, number>();
  for (const d of ds) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  const codes = [...byCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, n]) => `${n} ${mdCode(c)}`);
  const lines = ['', `**Diagnostics:** ${ds.length} (${codes.join(', ')})`];
  const errors = ds.filter((d) => d.level === 'error');
  if (errors.length > 0) lines.push('');
  for (const d of errors.slice(0, MAX_ERRORS_LISTED)) {
    const where = d.path ? `${mdCode(d.path)} ` : '';
    const who = d.scanner ? `(${mdText(d.scanner)}) ` : '';
    lines.push(`- error ${where}${who}${mdText(clip(d.message, MESSAGE_CHARS))}`);
  }
  if (errors.length > MAX_ERRORS_LISTED)
    lines.push(`- _and ${errors.length - MAX_ERRORS_LISTED} more errors_`);
  return lines;
}

export const markdownFormat: Format = {
  name: 'markdown',
  description: 'a pull-request comment or GitHub job summary, under 60,000 characters',
  extension: 'md',
  render: renderMarkdown,
};
