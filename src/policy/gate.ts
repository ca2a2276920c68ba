import type { FindingDecision, FindingStatus, GateDecision, Verdict } from '../core/decision.js';
import type { Finding } from '../core/finding.js';
import { exceptedSentence, expiredSentence, howToPass } from './advice.js';
import type { CelStatus } from './cel.js';
import { isExpired, type PolicyException } from './exceptions.js';
import { baselineNotes, exceptionNotes } from './notes.js';
import type { CompiledPolicy } from './policy.js';
import { ruleStep } from './rules.js';
import { confidenceStep, type StepDecision, severityStep } from './thresholds.js';

export interface GateOptions {
  /** Fingerprints of a previous report; findings in it are 'existing' and do not gate. */
  baseline?: ReadonlySet<string>;
  /** Names the baseline in reasons and notes, e.g. `baseline.json`. */
  baselineFile?: string;
  /** Injected so exception expiry is testable and one run uses one instant throughout. */
  now: Date;
}

/**
 * Decides every finding (first match wins: active exception, baseline, gate rules,
 * min_confidence, severity thresholds), then the verdict. Throws UserError only when a
 * gate rule cannot be evaluated for a finding.
 */
export function evaluateGate(
  findings: readonly Finding[],
  policy: CompiledPolicy,
  opts: GateOptions,
): GateDecision {
  const matched = new Map<PolicyException, number>();
  const decisions = findings.map((f) => decideFinding(f, policy, opts, matched));
  const decision: GateDecision = {
    verdict: verdictOf(decisions),
    findings: decisions,
    counts: countDecisions(decisions),
    exceptionsFile: policy.exceptionsFile,
    notes: [
      ...exceptionNotes(policy.exceptions, matched, opts.now),
      ...baselineNotes(findings, decisions, {
        baseline: opts.baseline,
        baselineFile: opts.baselineFile,
        newOnly: policy.gate.new_only,
      }),
    ],
  };
  if (opts.baseline)
    decision.baseline = { file: opts.baselineFile ?? 'baseline', fingerprints: opts.baseline.size };
  return decision;
}

function decideFinding(
  finding: Finding,
  policy: CompiledPolicy,
  opts: GateOptions,
  matched: Map<PolicyException, number>,
): FindingDecision {
  // Every exception that matches counts as used, so only truly unused ones are called stale.
  const hits = policy.exceptions.filter((e) => e.matches(finding));
  for (const e of hits) matched.set(e, (matched.get(e) ?? 0) + 1);
  const active = hits.find((e) => !isExpired(e, opts.now));
  if (active) return excepted(finding, active);
  const status: CelStatus = opts.baseline?.has(finding.fingerprint) ? 'existing' : 'new';
  const step =
    status === 'existing'
      ? baselineStep(opts.baselineFile)
      : (ruleStep(finding, status, policy.rules) ??
        confidenceStep(finding, policy.gate) ??
        severityStep(finding, policy.gate));
  return withReason(finding, step, status, hits[0], policy.exceptionsFile);
}

function excepted(finding: Finding, exception: PolicyException): FindingDecision {
  return {
    fingerprint: finding.fingerprint,
    action: 'ignore',
    status: 'excepted',
    policyRule: `exceptions[${exception.id}]`,
    reason: exceptedSentence(exception),
    exception: exceptionRef(exception, false),
  };
}

function baselineStep(file: string | undefined): StepDecision {
  return {
    action: 'report',
    policyRule: 'gate.new_only',
    why: `present in the baseline (${file ?? 'the given baseline'}); only new findings gate`,
  };
}

/** The step's why, then what to do: an expired exception says renew, a failure says how to pass. */
function withReason(
  finding: Finding,
  step: StepDecision,
  status: FindingStatus,
  expired: PolicyException | undefined,
  exceptionsFile: string,
): FindingDecision {
  const sentences = [`${step.why.charAt(0).toUpperCase()}${step.why.slice(1)}.`];
  if (expired) sentences.push(expiredSentence(expired));
  else if (step.action === 'fail') sentences.push(howToPass(finding, exceptionsFile));
  const decision: FindingDecision = {
    fingerprint: finding.fingerprint,
    action: step.action,
    status,
    policyRule: step.policyRule,
    reason: sentences.join(' '),
  };
  if (expired) decision.exception = exceptionRef(expired, true);
  return decision;
}

function exceptionRef(e: PolicyException, expired: boolean): NonNullable<FindingDecision['exception']> {
  const ref: NonNullable<FindingDecision['exception']> = {
    id: e.id,
    reason: e.spec.reason,
    approver: e.spec.approver,
    expired,
  };
  if (e.spec.expires) ref.expires = e.spec.expires;
  return ref;
}

function verdictOf(decisions: readonly FindingDecision[]): Verdict {
  if (decisions.some((d) => d.action === 'fail')) return 'fail';
  return decisions.some((d) => d.action === 'warn') ? 'warn' : 'pass';
}

function countDecisions(decisions: readonly FindingDecision[]): GateDecision['counts'] {
  const counts = { fail: 0, warn: 0, report: 0, ignore: 0, excepted: 0, existing: 0 };
  for (const d of decisions) {
    counts[d.action]++;
    if (d.status === 'excepted') counts.excepted++;
    if (d.status === 'existing') counts.existing++;
  }
  return counts;
}
