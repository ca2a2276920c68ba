import type { Report } from '../core/report.js';
import { commitText, decisionText, expiredText, secretText } from './finding-text.js';
import type { Format } from './format.js';
import { type FindingView, verdictSummary, viewReport } from './report-view.js';
import { firstLines, safeText, wellFormed } from './text.js';

const COMMAND = { fail: 'error', warn: 'warning', report: 'notice' } as const;

/** Workflow command data: `%`, CR and LF encoded, so a message cannot start a command of its own. */
export function escapeData(s: string): string {
  return wellFormed(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property values: as data, plus `:` and `,`, which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations: `::error` for blocking findings, `::warning` for warnings,
 * `::notice` for reported ones; excepted and ignored findings get none. A closing `::notice::`
 * states the verdict.
 */
export function renderGithub(report: Report): string {
  const view = viewReport(report);
  const lines: string[] = [];
  for (const v of view.findings) {
    if (v.group === 'suppressed') continue;
    lines.push(annotation(v));
  }
  lines.push(
    `::notice::${escapeData(`Gatehouse ${report.gate.verdict.toUpperCase()}: ${verdictSummary(view)}`)}`,
  );
  return `${lines.join('\n')}\n`;
}

function annotation(v: FindingView): string {
  const f = v.finding;
  const l = f.location;
  const props: [string, string | number | undefined][] = [['file', l.path]];
  if (l.startLine) {
    props.push(
      ['line', l.startLine],
      ['endLine', l.endLine],
      ['col', l.startColumn],
      ['endColumn', l.endColumn],
    );
  }
  props.push(['title', `${f.severity}: ${f.title} (${f.ruleId})`]);
  const list = props
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([k, value]) => `${k}=${escapeProperty(String(value))}`)
    .join(',');
  const command = COMMAND[v.decision.action as keyof typeof COMMAND] ?? 'notice';
  return `::${command} ${list}::${escapeData(messageOf(v))}`;
}

function messageOf(v: FindingView): string {
  const f = v.finding;
  const lines = [safeText(f.message)];
  const secret = secretText(f);
  if (secret) lines.push(`Secret: ${secret}`);
  if (f.location.commit) lines.push(`In git history: ${commitText(f.location.commit)}`);
  lines.push(`Gate: ${decisionText(v.decision)}`);
  const expired = expiredText(v.decision);
  if (expired) lines.push(`Note: ${expired}`);
  if (v.group === 'blocking') {
    lines.push(...firstLines(v.rule.remediation, 2).map((line) => `Fix: ${line}`));
    lines.push(`Fingerprint: ${f.fingerprint}`);
  }
  return lines.join('\n');
}

export const githubFormat: Format = {
  name: 'github',
  description: 'GitHub Actions workflow commands: an annotation per finding on the changed files',
  extension: 'txt',
  render: renderGithub,
};
