import type { GateConfig } from '../core/config-schema.js';
import type { FindingAction } from '../core/decision.js';
import type { Finding } from '../core/finding.js';
import { atLeast, confidenceRank, type Severity } from '../core/severity.js';

/** What one step of the gate decided, before the gate adds status and advice. */
export interface StepDecision {
  action: FindingAction;
  /** e.g. `gate.fail_on: high`: the key a developer looks up in gatehouse.yml. */
  policyRule: string;
  /** Why, in plain words, without the how-to-get-past advice (the gate adds that). */
  why: string;
}

interface Threshold {
  value: Severity | 'none';
  /** The config key that set it, so the reader knows which line of gatehouse.yml to change. */
  key: string;
}

/** A finding the scanner is unsure of is shown but never gates. */
export function confidenceStep(finding: Finding, gate: GateConfig): StepDecision | undefined {
  if (confidenceRank(finding.confidence) >= confidenceRank(gate.min_confidence)) return undefined;
  return {
    action: 'report',
    policyRule: `gate.min_confidence: ${gate.min_confidence}`,
    why: `confidence ${finding.confidence} is below gate.min_confidence (${gate.min_confidence}), so it is reported but does not gate`,
  };
}

/** The per-scanner threshold wins over the global one; `none` turns a level off. */
export function thresholdsFor(gate: GateConfig, scanner: string): { fail: Threshold; warn: Threshold } {
  const own = Object.hasOwn(gate.scanners, scanner) ? gate.scanners[scanner] : undefined;
  const pick = (level: 'fail_on' | 'warn_on'): Threshold => {
    const value = own?.[level];
    return value === undefined
      ? { value: gate[level], key: `gate.${level}` }
      : { value, key: `gate.scanners.${scanner}.${level}` };
  };
  return { fail: pick('fail_on'), warn: pick('warn_on') };
}

export function severityStep(finding: Finding, gate: GateConfig): StepDecision {
  const { fail, warn } = thresholdsFor(gate, finding.scanner);
  const sev = finding.severity;
  if (reaches(sev, fail)) return { action: 'fail', policyRule: rule(fail), why: atOrAbove(sev, fail) };
  if (reaches(sev, warn)) return { action: 'warn', policyRule: rule(warn), why: atOrAbove(sev, warn) };
  return { action: 'report', policyRule: rule(warn), why: belowBoth(sev, fail, warn) };
}

function atOrAbove(sev: Severity, t: Threshold): string {
  return `severity ${sev} is at or above ${t.key} (${t.value})`;
}

function reaches(sev: Severity, t: Threshold): boolean {
  return t.value !== 'none' && atLeast(sev, t.value);
}

function rule(t: Threshold): string {
  return `${t.key}: ${t.value}`;
}

function belowBoth(sev: Severity, fail: Threshold, warn: Threshold): string {
  const levels = [fail, warn].filter((t) => t.value !== 'none');
  if (levels.length === 0) return `${fail.key} and ${warn.key} are both none, so it is reported only`;
  return `severity ${sev} is below ${levels.map((t) => `${t.key} (${t.value})`).join(' and ')}, so it is reported only`;
}
