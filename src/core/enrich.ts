import type { Finding, FindingDraft } from './finding.js';
import { fingerprint } from './fingerprint.js';
import type { Rule } from './rule.js';

/** Completes a scanner's draft from its rule; the one place a fingerprint is made. */
export function enrich(draft: FindingDraft, rule: Rule): Finding {
  const finding: Finding = {
    fingerprint: fingerprint(rule.id, draft.location.path, draft.fingerprintContent),
    scanner: rule.scanner,
    ruleId: rule.id,
    title: rule.title,
    message: draft.message,
    severity: draft.severity ?? rule.severity,
    confidence: draft.confidence ?? rule.confidence,
    location: draft.location,
    cwe: rule.cwe,
    references: rule.references,
    remediation: rule.remediation,
    controls: rule.controls,
  };
  if (draft.secret) finding.secret = draft.secret;
  if (draft.vulnerability) finding.vulnerability = draft.vulnerability;
  if (draft.properties) finding.properties = draft.properties;
  if (draft.trace) finding.trace = draft.trace;
  if (draft.http) finding.http = draft.http;
  return finding;
}
