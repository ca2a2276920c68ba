import { createHash } from 'node:crypto';
import type { CommitInfo, FindingDraft, Location } from '../../core/finding.js';
import { secretInfo } from '../../core/redact.js';
import type { Detector } from './detector.js';
import { isTestLikePath } from './engine/filters.js';
import type { RawMatch } from './engine/matcher.js';
import { ruleId } from './rules.js';

/** Where a match lies in a file; its snippet is already redacted by the matcher. */
export function matchLocation(m: RawMatch, path: string): Location {
  return {
    path,
    startLine: m.line,
    endLine: m.endLine,
    startColumn: m.column,
    endColumn: m.endColumn,
    snippet: m.snippet,
  };
}

export interface DraftPolicy {
  detectors: ReadonlyMap<string, Detector>;
  allowValues: readonly RegExp[];
}

/**
 * Turns a raw match into a finding draft, or drops it: allow-listed values, and name-based
 * guesses in tests and docs (where fake credentials live). Provider-format secrets there are
 * kept at low confidence: real keys get committed to tests too.
 */
export function toDraft(
  m: RawMatch,
  path: string,
  policy: DraftPolicy,
  commit?: CommitInfo,
): FindingDraft | undefined {
  const d = policy.detectors.get(m.detectorId);
  if (!d || policy.allowValues.some((re) => re.test(m.secret))) return undefined;
  const testLike = isTestLikePath(path);
  if (testLike && d.generic) return undefined;
  const info = secretInfo(m.secret);
  const draft: FindingDraft = {
    ruleId: ruleId(d.id),
    message: `${d.title} ${info.redacted} (sha256:${info.hash}) is written in the file`,
    location: { ...matchLocation(m, path), ...(commit ? { commit } : {}) },
    fingerprintContent: createHash('sha256').update(m.secret).digest('hex'),
    secret: info,
    properties: { provider: d.provider },
  };
  const confidence = testLike ? 'low' : m.confidence;
  if (confidence) draft.confidence = confidence;
  if (testLike) draft.properties = { ...draft.properties, testPath: true };
  return draft;
}
