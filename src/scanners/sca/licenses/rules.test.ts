import { describe, expect, it } from 'vitest';
import { evaluateLicense, licensePolicyProblems } from './evaluate.js';
import { LICENSE_DENIED_RULE, LICENSE_RULE_EXAMPLES, LICENSE_RULES, LICENSE_UNKNOWN_RULE } from './rules.js';

const VERDICT = { [LICENSE_DENIED_RULE.id]: 'denied', [LICENSE_UNKNOWN_RULE.id]: 'unknown' } as const;

describe('license rules', () => {
  it.each(LICENSE_RULES.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, rule) => {
    expect(rule.scanner).toBe('sca');
    expect(rule.id.startsWith('sca/')).toBe(true);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.description.length).toBeGreaterThan(50);
    expect(rule.remediation.length).toBeGreaterThan(50);
    expect(rule.controls).toEqual(expect.arrayContaining(['nist-800-53:SA-4', 'nist-800-53:SR-3']));
    expect(rule.cwe).toEqual([]);
  });

  it('rates a denied license high and an unknown one low', () => {
    expect(LICENSE_DENIED_RULE.severity).toBe('high');
    expect(LICENSE_UNKNOWN_RULE.severity).toBe('low');
  });

  it.each(LICENSE_RULES.map((r) => [r.id] as const))(
    '%s ships positive and negative examples that hold',
    (id) => {
      const example = LICENSE_RULE_EXAMPLES[id]!;
      expect(licensePolicyProblems(example.policy)).toEqual([]);
      expect(example.positive.length).toBeGreaterThan(0);
      expect(example.negative.length).toBeGreaterThan(0);
      for (const license of example.positive)
        expect(evaluateLicense(license, example.policy), license).toBe(VERDICT[id]);
      for (const license of example.negative) {
        expect(evaluateLicense(license, example.policy), license).not.toBe(VERDICT[id]);
      }
    },
  );
});
