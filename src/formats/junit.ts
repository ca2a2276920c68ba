import type { Diagnostic } from '../core/diagnostic.js';
import type { Report } from '../core/report.js';
import type { ScannerRun } from '../core/result.js';
import type { Rule } from '../core/rule.js';
import { commitText, decisionText, expiredText, secretText } from './finding-text.js';
import type { Format } from './format.js';
import { type FindingView, locationText, viewReport } from './report-view.js';
import { oneLine, wellFormed } from './text.js';

/** Characters XML 1.0 forbids even as references: C0 controls but tab, LF and CR; U+FFFE/U+FFFF. */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text content: illegal characters (and lone surrogates) become U+FFFD; CR survives as a reference. */
export function xmlText(s: string): string {
  return wellFormed(s)
    .replace(XML_ILLEGAL, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values: quotes escaped, and tab/CR/LF as references so parsers keep them. */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

interface Case {
  rule: Rule;
  findings: FindingView[];
}

interface Suite {
  name: string;
  run?: ScannerRun;
  cases: Map<string, Case>;
  diagnostics: Diagnostic[];
}

/** One suite per scanner, one test case per rule that ran, a failure per blocking finding. */
export function renderJunit(report: Report): string {
  const suites = buildSuites(report);
  const body = suites.map(renderSuite);
  const totals = suites.map(suiteCounts);
  const sum = (k: 'tests' | 'failures' | 'errors') => totals.reduce((n, t) => n + t[k], 0);
  const time = suites.reduce((ms, s) => ms + (s.run?.durationMs ?? 0), 0);
  const head = `<testsuites name="Gatehouse" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" time="${seconds(time)}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...body, '</testsuites>', ''].join('\n');
}

function buildSuites(report: Report): Suite[] {
  const suites = new Map<string, Suite>();
  const suite = (name: string) => {
    const found = suites.get(name);
    if (found) return found;
    const created: Suite = { name, cases: new Map(), diagnostics: [] };
    suites.set(name, created);
    return created;
  };
  for (const run of report.result.scanners) suite(run.name).run = run;
  for (const rule of report.result.rules) suite(rule.scanner).cases.set(rule.id, { rule, findings: [] });
  for (const v of viewReport(report).findings) {
    const cases = suite(v.finding.scanner).cases;
    const c = cases.get(v.rule.id) ?? { rule: v.rule, findings: [] };
    cases.set(v.rule.id, c);
    c.findings.push(v);
  }
  for (const d of report.result.diagnostics) if (d.scanner) suite(d.scanner).diagnostics.push(d);
  return [...suites.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function suiteCounts(s: Suite): { tests: number; failures: number; errors: number } {
  const failed = s.run?.status === 'failed' ? 1 : 0;
  const failures = [...s.cases.values()].filter((c) => c.findings.some((v) => v.group === 'blocking')).length;
  return { tests: s.cases.size + failed, failures, errors: failed };
}

function renderSuite(s: Suite): string {
  const n = suiteCounts(s);
  const time = seconds(s.run?.durationMs ?? 0);
  const lines = [
    `  <testsuite name="${xmlAttr(s.name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="0" time="${time}">`,
  ];
  const cases = [...s.cases.values()].sort((a, b) => (a.rule.id < b.rule.id ? -1 : 1));
  for (const c of cases) lines.push(...renderCase(s.name, c));
  if (s.run?.status === 'failed') {
    lines.push(
      `    <testcase classname="${xmlAttr(s.name)}" name="${xmlAttr(`${s.name}: scanner run`)}">`,
      `      <error message="${xmlAttr(oneLine(s.run.error ?? 'scanner failed'))}" type="scanner-failed"/>`,
      '    </testcase>',
    );
  }
  if (s.diagnostics.length > 0) {
    const text = s.diagnostics.map((d) => `${d.level} ${d.code}${d.path ? ` ${d.path}` : ''}: ${d.message}`);
    lines.push(`    <system-err>${xmlText(text.join('\n'))}</system-err>`);
  }
  lines.push('  </testsuite>');
  return lines.join('\n');
}

function renderCase(scanner: string, c: Case): string[] {
  const open = `    <testcase classname="${xmlAttr(scanner)}" name="${xmlAttr(`${c.rule.id}: ${c.rule.title}`)}"`;
  const failures = c.findings.filter((v) => v.group === 'blocking');
  const warnings = c.findings.filter((v) => v.group === 'warning');
  if (failures.length === 0 && warnings.length === 0) return [`${open}/>`];
  const lines = [`${open}>`];
  for (const v of failures) {
    const f = v.finding;
    const message = `${locationText(f.location)} ${f.message}`;
    lines.push(
      `      <failure message="${xmlAttr(oneLine(message))}" type="${f.severity}">${xmlText(failureBody(v))}</failure>`,
    );
  }
  if (warnings.length > 0) {
    const text = warnings.map(
      (v) => `WARN ${v.finding.severity} ${locationText(v.finding.location)}: ${v.finding.message}`,
    );
    lines.push(`      <system-out>${xmlText(text.map(oneLine).join('\n'))}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines;
}

function failureBody(v: FindingView): string {
  const f = v.finding;
  const lines = [`${f.title} (${f.ruleId}), severity ${f.severity}`, `at ${locationText(f.location)}`];
  if (f.location.commit) lines.push(`in git history: ${commitText(f.location.commit)}`);
  lines.push(f.message);
  const secret = secretText(f);
  if (secret) lines.push(`secret: ${secret}`);
  lines.push(`gate: ${decisionText(v.decision)}`);
  const expired = expiredText(v.decision);
  if (expired) lines.push(`note: ${expired}`);
  lines.push(`fingerprint: ${f.fingerprint}`, '', 'How to fix:', v.rule.remediation);
  return lines.join('\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

export const junitFormat: Format = {
  name: 'junit',
  description:
    'JUnit XML for Jenkins and GitLab test reports: a test case per rule, a failure per blocking finding',
  extension: 'xml',
  render: renderJunit,
};
