import type { OsvRecord, OsvSeverity } from '../osv.js';
import { baseScoreV3, parseV3 } from './v3.js';
import { scoreV4 } from './v4.js';
import { type CvssSeverity, ratingOf } from './vector.js';

export type { CvssSeverity } from './vector.js';

export interface CvssScore {
  version: '3.0' | '3.1' | '4.0';
  vector: string;
  score: number;
  severity: CvssSeverity;
}

/** The score of a CVSS v3.0, v3.1 or v4.0 vector; undefined for anything else, never a throw. */
export function scoreCvss(vector: string): CvssScore | undefined {
  if (typeof vector !== 'string') return undefined;
  const v = vector.trim();
  if (v.startsWith('CVSS:4.0/')) {
    const score = scoreV4(v);
    return score === undefined ? undefined : { version: '4.0', vector: v, score, severity: ratingOf(score) };
  }
  const parsed = parseV3(v);
  const score = parsed && baseScoreV3(v);
  if (!parsed || score === undefined) return undefined;
  return { version: parsed.version, vector: v, score, severity: ratingOf(score) };
}

export function isValidCvss(vector: string): boolean {
  return scoreCvss(vector) !== undefined;
}

/** How severe an advisory is, and from what: a CVSS vector, or the database's own rating. */
export interface AdvisorySeverity {
  severity: CvssSeverity;
  source: 'cvss' | 'database';
  /** For `cvss`: the vector's base score, the vector and its CVSS version. */
  score?: number;
  vector?: string;
  version?: CvssScore['version'];
}

const PREFERENCE: Record<string, number> = { '4.0': 0, '3.1': 1, '3.0': 2 };

/**
 * An advisory's severity: its newest valid CVSS vector (v4.0, then v3.1, then v3.0; the
 * record's own, else its packages'), else the database's rating (GitHub's LOW / MODERATE /
 * HIGH / CRITICAL), else undefined.
 */
export function severityOf(record: OsvRecord): AdvisorySeverity | undefined {
  const best = vectors(record)
    .map((s) => scoreCvss(s.score))
    .filter((s): s is CvssScore => s !== undefined)
    .sort((a, b) => PREFERENCE[a.version]! - PREFERENCE[b.version]!)[0];
  if (best) {
    const { severity, score, vector, version } = best;
    return { severity, source: 'cvss', score, vector, version };
  }
  const rating = databaseRating(record.database_specific?.severity);
  return rating ? { severity: rating, source: 'database' } : undefined;
}

function vectors(record: OsvRecord): OsvSeverity[] {
  const own = (record.severity ?? []).filter(isCvss);
  return own.length > 0 ? own : (record.affected ?? []).flatMap((a) => (a.severity ?? []).filter(isCvss));
}

const isCvss = (s: OsvSeverity) =>
  (s.type === 'CVSS_V3' || s.type === 'CVSS_V4') && typeof s.score === 'string';

const RATINGS: Record<string, CvssSeverity> = {
  NONE: 'none',
  LOW: 'low',
  MODERATE: 'medium',
  MEDIUM: 'medium',
  HIGH: 'high',
  CRITICAL: 'critical',
};

function databaseRating(value: unknown): CvssSeverity | undefined {
  return typeof value === 'string' ? RATINGS[value.trim().toUpperCase()] : undefined;
}
