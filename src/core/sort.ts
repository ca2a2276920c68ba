import type { Finding } from './finding.js';
import { severityRank } from './severity.js';

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The one order every output uses, so reports are deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    cmp(a.location.path, b.location.path) ||
    cmp(a.location.startLine ?? 0, b.location.startLine ?? 0) ||
    cmp(a.location.startColumn ?? 0, b.location.startColumn ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

/**
 * One finding per fingerprint: the same secret pasted twice in one file is one thing to fix.
 * The first place is kept and the count recorded.
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const byFp = new Map<string, Finding>();
  for (const f of [...findings].sort(compareFindings)) {
    const seen = byFp.get(f.fingerprint);
    if (!seen) {
      byFp.set(f.fingerprint, f);
      continue;
    }
    const n = Number(seen.properties?.occurrences ?? 1) + 1;
    seen.properties = { ...seen.properties, occurrences: n };
  }
  return [...byFp.values()].sort(compareFindings);
}
