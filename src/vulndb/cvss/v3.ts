import { type Metrics, parseVector } from './vector.js';

/**
 * CVSS v3.0 and v3.1 base scores, by the formulas of the FIRST specifications (v3.1 section
 * 7.1, v3.0 section 8.1). Temporal and environmental metrics are accepted in the vector but
 * not applied: the base score is what advisories publish and compare.
 */
const X = 'X';
const ALLOWED: Record<string, readonly string[]> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
  E: [X, 'U', 'P', 'F', 'H'],
  RL: [X, 'O', 'T', 'W', 'U'],
  RC: [X, 'U', 'R', 'C'],
  CR: [X, 'L', 'M', 'H'],
  IR: [X, 'L', 'M', 'H'],
  AR: [X, 'L', 'M', 'H'],
  MAV: [X, 'N', 'A', 'L', 'P'],
  MAC: [X, 'L', 'H'],
  MPR: [X, 'N', 'L', 'H'],
  MUI: [X, 'N', 'R'],
  MS: [X, 'U', 'C'],
  MC: [X, 'N', 'L', 'H'],
  MI: [X, 'N', 'L', 'H'],
  MA: [X, 'N', 'L', 'H'],
};
const BASE = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'];

const AV: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Record<string, number> = { L: 0.77, H: 0.44 };
const PR_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const UI: Record<string, number> = { N: 0.85, R: 0.62 };
const CIA: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };

export function parseV3(vector: string): { version: '3.0' | '3.1'; metrics: Metrics } | undefined {
  const version = /^CVSS:3\.1\//.test(vector) ? '3.1' : '3.0';
  const metrics = parseVector(vector, /^CVSS:3\.[01]\//, ALLOWED, BASE);
  return metrics ? { version, metrics } : undefined;
}

export function baseScoreV3(vector: string): number | undefined {
  const parsed = parseV3(vector);
  if (!parsed) return undefined;
  const m = parsed.metrics;
  const roundUp = parsed.version === '3.1' ? roundUp31 : roundUp30;
  const changed = m.S === 'C';
  const iss = 1 - (1 - CIA[m.C!]!) * (1 - CIA[m.I!]!) * (1 - CIA[m.A!]!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const pr = (changed ? PR_CHANGED : PR_UNCHANGED)[m.PR!]!;
  const exploitability = 8.22 * AV[m.AV!]! * AC[m.AC!]! * pr * UI[m.UI!]!;
  if (impact <= 0) return 0;
  return roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
}

/** v3.1 Appendix A: rounds up to one decimal, immune to floating-point noise such as 4.000000001. */
function roundUp31(x: number): number {
  const i = Math.round(x * 100_000);
  return i % 10_000 === 0 ? i / 100_000 : (Math.floor(i / 10_000) + 1) / 10;
}

/** v3.0's Roundup: the smallest number, to one decimal, equal to or higher than its input. */
function roundUp30(x: number): number {
  return Math.ceil(x * 10) / 10;
}
