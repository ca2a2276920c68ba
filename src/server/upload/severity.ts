import type { Confidence, Severity } from '../../core/severity.js';

/** CVSS qualitative ratings (v3/v4): 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low, 0 none. */
export function severityFromScore(score: number): Severity | undefined {
  if (!Number.isFinite(score) || score < 0) return undefined;
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return score > 0 ? 'low' : 'info';
}

/** A score written as a number or a numeric string (GitHub's `security-severity` is a string). */
export function scoreOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

const WORDS: ReadonlyMap<string, Severity> = new Map([
  ['critical', 'critical'],
  ['high', 'high'],
  ['important', 'high'],
  ['medium', 'medium'],
  ['moderate', 'medium'],
  ['low', 'low'],
  ['info', 'info'],
  ['informational', 'info'],
  ['information', 'info'],
  ['negligible', 'info'],
  ['none', 'info'],
]);

/** Severity words as tools write them: `HIGH`, `Moderate`, `informational`… `unknown` is not one. */
export function severityFromWord(value: unknown): Severity | undefined {
  return typeof value === 'string' ? WORDS.get(value.trim().toLowerCase()) : undefined;
}

const LEVELS: ReadonlyMap<string, Severity> = new Map([
  ['error', 'high'],
  ['warning', 'medium'],
  ['note', 'low'],
  ['none', 'info'],
]);

/** SARIF `level`: the problem's importance to the tool, the weakest of the signals. */
export function severityFromLevel(value: unknown): Severity | undefined {
  return typeof value === 'string' ? LEVELS.get(value) : undefined;
}

const CONFIDENCE: ReadonlyMap<string, Confidence> = new Map([
  ['very-high', 'high'],
  ['high', 'high'],
  ['medium', 'medium'],
  ['low', 'low'],
]);

/** SARIF rule `precision` (CodeQL, Semgrep, Trivy) or a confidence word (Bandit `HIGH`). */
export function confidenceFromWord(value: unknown): Confidence | undefined {
  return typeof value === 'string' ? CONFIDENCE.get(value.trim().toLowerCase()) : undefined;
}
