import type { Finding } from '../core/finding.js';
import type { PolicyException } from './exceptions.js';

/** Paths come from the scanned tree: a newline in one must not break the YAML comment it sits in. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}

/**
 * A YAML exception for `finding`, to paste into gatehouse.yml (or the exceptions file).
 * reason, approver and expires are left empty on purpose: pasted unchanged, the config
 * check refuses it, so nobody waives a finding without saying why and until when.
 */
export function exceptionSnippet(finding: Finding): string {
  const where = finding.location.startLine
    ? `${finding.location.path}:${finding.location.startLine}`
    : finding.location.path;
  return [
    'exceptions:',
    `  - fingerprint: ${finding.fingerprint} # ${oneLine(`${finding.ruleId} in ${where}`)}`,
    '    reason: "" # why this finding is acceptable',
    '    approver: "" # who accepted the risk',
    '    expires: "" # YYYY-MM-DD: the exception stops applying after that day (UTC)',
    '',
  ].join('\n');
}

/** The sentence a blocked developer needs: the two ways past the gate. */
export function howToPass(finding: Finding, exceptionsFile: string): string {
  return (
    `To pass the gate: fix it, or add an exception for fingerprint ${finding.fingerprint} ` +
    `to ${exceptionsFile} with a reason, an approver and an expiry date.`
  );
}

/** Why an exception that used to cover a finding no longer does, and what to do about it. */
export function expiredSentence(exception: PolicyException): string {
  return (
    `Exception ${exception.id} (approved by ${exception.spec.approver}) expired on ${exception.spec.expires} ` +
    `and no longer covers it: renew it in ${exception.source} with a later expires date, or fix the finding.`
  );
}

/** The reason shown for a finding an active exception covers. */
export function exceptedSentence(exception: PolicyException): string {
  const { reason, approver, expires } = exception.spec;
  const until = expires ? `until ${expires}` : 'with no expiry date';
  return `Excepted by ${exception.id} (${exception.source}), approved by ${approver} ${until}: ${reason}`;
}
