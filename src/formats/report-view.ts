import type { FindingAction, FindingDecision } from '../core/decision.js';
import type { Finding, Location } from '../core/finding.js';
import type { Report } from '../core/report.js';
import type { Rule } from '../core/rule.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import { compareFindings } from '../core/sort.js';

/** A finding with the gate's decision about it and the rule it points at. */
export interface FindingView {
  finding: Finding;
  decision: FindingDecision;
  rule: Rule;
  group: FindingGroup;
}

/**
 * Where a finding goes in a report: `blocking` (action fail), `warning`, `reported`, or
 * `suppressed` (excepted, or ignored by a gate rule). A failing finding is never suppressed.
 */
export type FindingGroup = 'blocking' | 'warning' | 'reported' | 'suppressed';

/** What every format reads: the findings joined to their decisions and rules, counted once. */
export interface ReportView {
  findings: FindingView[];
  blocking: FindingView[];
  warnings: FindingView[];
  reported: FindingView[];
  suppressed: FindingView[];
  /** Findings whose exception has expired (they count again). */
  expired: FindingView[];
  bySeverity: Record<Severity, number>;
  byAction: Record<FindingAction, number>;
  excepted: number;
  existing: number;
  /** Where a new exception belongs (gatehouse.yml or its exceptions_file). */
  exceptionsFile: string;
  /** A baseline took part in the decision. */
  baselineUsed: boolean;
}

export function viewReport(report: Report): ReportView {
  const decisions = new Map(report.gate.findings.map((d) => [d.fingerprint, d]));
  const rules = new Map(report.result.rules.map((r) => [r.id, r]));
  const findings = [...report.result.findings].sort(compareFindings).map((finding): FindingView => {
    const decision = decisions.get(finding.fingerprint) ?? missingDecision(finding);
    const rule = rules.get(finding.ruleId) ?? ruleFromFinding(finding);
    return { finding, decision, rule, group: groupOf(decision) };
  });
  const view: ReportView = {
    findings,
    blocking: [],
    warnings: [],
    reported: [],
    suppressed: [],
    expired: [],
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    byAction: { fail: 0, warn: 0, report: 0, ignore: 0 },
    excepted: 0,
    existing: 0,
    baselineUsed: report.gate.baseline !== undefined,
    exceptionsFile: report.gate.exceptionsFile,
  };
  for (const v of findings) count(view, v);
  return view;
}

function count(view: ReportView, v: FindingView): void {
  GROUP_LIST[v.group](view).push(v);
  if (v.decision.exception?.expired) view.expired.push(v);
  view.bySeverity[v.finding.severity]++;
  view.byAction[v.decision.action]++;
  if (v.decision.status === 'excepted') view.excepted++;
  if (v.decision.status === 'existing') {
    view.existing++;
  }
}

const GROUP_LIST: Record<FindingGroup, (v: ReportView) => FindingView[]> = {
  blocking: (v) => v.blocking,
  warning: (v) => v.warnings,
  reported: (v) => v.reported,
  suppressed: (v) => v.suppressed,
};

function groupOf(d: FindingDecision): FindingGroup {
  if (d.action === 'fail') return 'blocking';
  if (d.status === 'excepted' || d.action === 'ignore') return 'suppressed';
  return d.action === 'warn' ? 'warning' : 'reported';
}

/** A finding the gate did not decide about (a bug upstream): shown, never hidden or blocking. */
function missingDecision(f: Finding): FindingDecision {
  return {
    fingerprint: f.fingerprint,
    action: 'report',
    status: 'new',
    policyRule: 'none',
    reason: 'the gate recorded no decision for this finding',
  };
}

/** Findings of rules the report does not list (e.g. ingested from another tool) carry enough. */
function ruleFromFinding(f: Finding): Rule {
  return {
    id: f.ruleId,
    scanner: f.scanner,
    title: f.title,
    description: f.title,
    severity: f.severity,
    confidence: f.confidence,
    cwe: f.cwe,
    controls: f.controls,
    remediation: f.remediation,
    references: f.references,
    tags: [],
  };
}

/** `path:line` (or just the path), as people and editors read it. */
export function locationText(loc: Location): string {
  return loc.startLine ? `${loc.path}:${loc.startLine}` : loc.path;
}

/** "1 warning, 2 reported, 1 excepted or ignored": the non-blocking tally, zeros left out. */
function tallyText(view: ReportView): string {
  const parts: string[] = [];
  if (view.warnings.length)
    parts.push(`${view.warnings.length} warning${view.warnings.length === 1 ? '' : 's'}`);
  if (view.reported.length) parts.push(`${view.reported.length} reported`);
  if (view.suppressed.length) parts.push(`${view.suppressed.length} excepted or ignored`);
  return parts.join(', ');
}

/** "3 blocking findings" or "no blocking findings", then the rest of the tally. */
export function verdictSummary(view: ReportView): string {
  const n = view.blocking.length;
  const head = n === 0 ? 'no blocking findings' : `${n} blocking finding${n === 1 ? '' : 's'}`;
  const tally = tallyText(view);
  return tally ? `${head}; ${tally}` : head;
}
