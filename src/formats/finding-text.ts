import type { FindingDecision } from '../core/decision.js';
import type { CommitInfo, Finding } from '../core/finding.js';
import { exceptionSnippet } from '../policy/advice.js';
import { oneLine } from './text.js';

/** The only things of a secret a report may show: its redacted prefix and its hash. */
export function secretText(f: Finding): string | undefined {
  return f.secret ? `${oneLine(f.secret.redacted)} (sha256 ${oneLine(f.secret.hash)})` : undefined;
}

export function commitText(c: CommitInfo): string {
  return `commit ${c.sha.slice(0, 12)} by ${oneLine(c.author)} on ${oneLine(c.date)}`;
}

/** "fail (gate.fail_on: high): reason": the action, the policy rule that chose it, and why. */
export function decisionText(d: FindingDecision): string {
  const existing = d.status === 'existing' ? ', existing in the baseline' : '';
  return `${d.action}${existing} (${oneLine(d.policyRule)}): ${oneLine(d.reason)}`;
}

/** Marks a finding whose exception has run out (the gate's reason says what to do about it). */
export function expiredText(d: FindingDecision): string | undefined {
  const e = d.exception;
  if (!e?.expired) return undefined;
  const when = e.expires ? ` on ${oneLine(e.expires)}` : '';
  return `exception ${oneLine(e.id)} expired${when} and no longer applies`;
}

/** Why an excepted or ignored finding does not count: the gate's reason, or the rule that ignored it. */
export function suppressionText(d: FindingDecision): string {
  return d.status === 'excepted'
    ? oneLine(d.reason)
    : `ignored by ${oneLine(d.policyRule)}: ${oneLine(d.reason)}`;
}

/** The `exceptions:` list items accepting `f`, as policy writes them (without the list key). */
export function exceptionItems(f: Finding): string[] {
  return exceptionSnippet(f)
    .split('\n')
    .filter((line) => line.trim() !== '' && line !== 'exceptions:');
}
