import type { FindingDraft } from '../../core/finding.js';
import type { PlainMatch } from './file-scan.js';

/**
 * Layout does not change what the code is: whitespace, line breaks and trailing commas are left
 * out, so reformatting (or moving) the code keeps the fingerprint.
 */
const normalise = (code: string) => code.replace(/\s+/g, '').replace(/,(?=[)\]}])/g, '');

export function toDraft(m: PlainMatch, path: string): FindingDraft {
  const draft: FindingDraft = {
    ruleId: m.ruleId,
    message: m.message,
    location: { path, ...m.span, snippet: m.snippet },
    fingerprintContent: normalise(m.matchedText),
  };
  if (m.flow) draft.trace = m.flow.map((s) => ({ path, line: s.line, column: s.column, message: s.message }));
  return draft;
}
