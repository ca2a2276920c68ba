import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config.js';
import { type GateConfig, gateSchema } from '../core/config-schema.js';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { evaluateGate } from './gate.js';
import { compilePolicy } from './policy.js';
import { compileRules, ruleStep } from './rules.js';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    fingerprint: '0123456789abcdef0123456789abcdef',
    scanner: 'secrets',
    ruleId: 'secrets/aws-access-key-id',
    title: 'AWS access key',
    message: 'found',
    severity: 'high',
    confidence: 'high',
    location: { path: 'src/app.js', startLine: 3 },
    cwe: ['CWE-798'],
    references: [],
    remediation: '',
    controls: [],
    ...over,
  };
}

function gate(rules: object[]): GateConfig {
  return gateSchema.parse({ rules, min_confidence: 'low' });
}

const RULES = [
  { name: 'tests-ok', when: 'finding.path.startsWith("test/")', action: 'ignore', message: 'test code.' },
  {
    name: 'live-secrets',
    when: 'finding.scanner == "secrets" && finding.confidence == "high"',
    action: 'fail',
  },
  { name: 'cwe-798', when: '"CWE-798" in finding.cwe', action: 'warn', message: 'hard-coded credential' },
  { name: 'minor', when: 'finding.severity in ["low", "info"]', action: 'report' },
  { name: 'old', when: 'finding.status == "existing"', action: 'warn' },
];

describe('compileRules', () => {
  it('keeps name, action and message, in order', () => {
    const rules = compileRules(gate(RULES), 'gatehouse.yml');
    expect(rules.map((r) => [r.name, r.action, r.message])).toEqual([
      ['tests-ok', 'ignore', 'test code.'],
      ['live-secrets', 'fail', undefined],
      ['cwe-798', 'warn', 'hard-coded credential'],
      ['minor', 'report', undefined],
      ['old', 'warn', undefined],
    ]);
    expect('message' in rules[1]!).toBe(false);
  });

  it('refuses two rules with one name', () => {
    const twice = gate([
      { name: 'r', when: 'true', action: 'fail' },
      { name: 'r', when: 'false', action: 'warn' },
    ]);
    expect(() => compileRules(twice, 'gatehouse.yml')).toThrow(
      new UserError("gatehouse.yml: gate.rules[r]: another rule already has the name 'r'"),
    );
  });

  it('names the file and rule of a bad expression', () => {
    const bad = gate([
      { name: 'block-live-secrets', when: 'finding.scanner == "a" &&& true', action: 'fail' },
    ]);
    expect(() => compileRules(bad, 'ci/gatehouse.yml')).toThrow(
      'ci/gatehouse.yml: gate.rules[block-live-secrets].when: syntax error at column 26: Unexpected character: &',
    );
  });
});

describe('ruleStep', () => {
  const rules = compileRules(gate(RULES), 'gatehouse.yml');

  it('lets the first rule that holds decide', () => {
    expect(ruleStep(finding({ location: { path: 'test/a.js' } }), 'new', rules)).toEqual({
      action: 'ignore',
      policyRule: 'gate.rules[tests-ok]',
      why: 'test code',
    });
    expect(ruleStep(finding(), 'new', rules)?.policyRule).toBe('gate.rules[live-secrets]');
  });

  it('quotes the expression when the rule has no message', () => {
    expect(ruleStep(finding(), 'new', rules)?.why).toBe(
      'matched gate rule live-secrets (finding.scanner == "secrets" && finding.confidence == "high")',
    );
  });

  it('passes the status to the expression', () => {
    const sast = finding({ scanner: 'sast', cwe: [], severity: 'high' });
    expect(ruleStep(sast, 'new', rules)).toBeUndefined();
    expect(ruleStep(sast, 'existing', rules)?.policyRule).toBe('gate.rules[old]');
  });

  it('returns undefined when there are no rules', () => {
    expect(ruleStep(finding(), 'new', [])).toBeUndefined();
  });
});

describe('gate rules inside the gate', () => {
  const decide = (f: Finding, extra: object = {}) => {
    const config = parseConfig(
      { gate: { rules: RULES, min_confidence: 'medium', ...extra } },
      'gatehouse.yml',
    );
    return evaluateGate([f], compilePolicy(config), { now: new Date('2025-01-01') }).findings[0]!;
  };

  it('decide before min_confidence and thresholds', () => {
    expect(decide(finding({ location: { path: 'test/a.js' }, severity: 'critical' }))).toMatchObject({
      action: 'ignore',
      status: 'new',
      policyRule: 'gate.rules[tests-ok]',
      reason: 'Test code.',
    });
    const lowConfidence = finding({ scanner: 'sast', confidence: 'low', severity: 'low', cwe: [] });
    expect(decide(lowConfidence).policyRule).toBe('gate.rules[minor]');
  });

  it('a failing rule says how to pass', () => {
    const f = finding({ severity: 'low' });
    expect(decide(f).reason).toBe(
      'Matched gate rule live-secrets (finding.scanner == "secrets" && finding.confidence == "high"). ' +
        `To pass the gate: fix it, or add an exception for fingerprint ${f.fingerprint} to gatehouse.yml with a reason, an approver and an expiry date.`,
    );
  });

  it('can lower a finding to warn', () => {
    expect(decide(finding({ confidence: 'medium', severity: 'critical' }))).toMatchObject({
      action: 'warn',
      policyRule: 'gate.rules[cwe-798]',
      reason: 'Hard-coded credential.',
    });
  });

  it('leave the thresholds to decide when none holds', () => {
    const d = decide(finding({ scanner: 'sast', cwe: [], severity: 'medium' }));
    expect(d).toMatchObject({ action: 'warn', policyRule: 'gate.warn_on: medium' });
  });

  it('a rule that cannot be evaluated for a finding is a UserError naming the rule', () => {
    const rules = [{ name: 'verified', when: 'finding.properties.verified', action: 'fail' }];
    const config = parseConfig({ gate: { rules } }, 'gatehouse.yml');
    const run = (f: Finding) => evaluateGate([f], compilePolicy(config), { now: new Date() });
    expect(() => run(finding())).toThrow(UserError);
    expect(() => run(finding())).toThrow(/gatehouse.yml: gate.rules\[verified\].when: cannot evaluate/);
    expect(run(finding({ properties: { verified: true } })).verdict).toBe('fail');
  });
});
