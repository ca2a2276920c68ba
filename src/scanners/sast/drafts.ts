import type { FindingDraft } from '../../core/finding.js';
import { redactLine } from '../../core/redact.js';
import type { PlainMatch } from './file-scan.js';

/**
 * Layout does not change what the code is: whitespace, line breaks and trailing commas are left
 * out, so reformatting (or moving) the code keeps the fingerprint.
 */
const normalise = (code: string) => code.replace(/\s+/g, '').replace(/,(?=[)\]}])/g, '');

export function toDraft(m: PlainMatch, path: string): FindingDraft {
  const draft: FindingDraft = {
    ruleId: m.ruleId,
    // Quoted code may set a credential on the same line as the flaw (`jwt.verify(t, 'k3y…')`).
    message: redactLine(m.message),
    location: { path, ...m.span, snippet: m.snippet === undefined ? undefined : redactLine(m.snippet) },
    fingerprintContent: normalise(m.matchedText),
  };
  if (m.flow)
    draft.trace = m.flow.map((s) => ({
      path,
      line: s.line,
      column: s.column,
      message: redactLine(s.message),
    }));
  return draft;
}
