import { describe, expect, it } from 'vitest';
import { type GateConfig, gateSchema } from '../core/config-schema.js';
import type { Finding } from '../core/finding.js';
import { confidenceStep, severityStep, thresholdsFor } from './thresholds.js';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    fingerprint: '0123456789abcdef0123456789abcdef',
    scanner: 'sast',
    ruleId: 'sast/sql-injection',
    title: 'SQL injection',
    message: 'query built from input',
    severity: 'high',
    confidence: 'high',
    location: { path: 'src/db.js', startLine: 9 },
    cwe: [],
    references: [],
    remediation: '',
    controls: [],
    ...over,
  };
}

function gate(raw: object = {}): GateConfig {
  return gateSchema.parse(raw);
}

describe('severityStep with the defaults (fail_on high, warn_on medium)', () => {
  it('fails critical and high', () => {
    for (const severity of ['critical', 'high'] as const) {
      expect(severityStep(finding({ severity }), gate())).toEqual({
        action: 'fail',
        policyRule: 'gate.fail_on: high',
        why: `severity ${severity} is at or above gate.fail_on (high)`,
      });
    }
  });

  it('warns on medium', () => {
    expect(severityStep(finding({ severity: 'medium' }), gate())).toEqual({
      action: 'warn',
      policyRule: 'gate.warn_on: medium',
      why: 'severity medium is at or above gate.warn_on (medium)',
    });
  });

  it('reports low and info', () => {
    expect(severityStep(finding({ severity: 'low' }), gate())).toEqual({
      action: 'report',
      policyRule: 'gate.warn_on: medium',
      why: 'severity low is below gate.fail_on (high) and gate.warn_on (medium), so it is reported only',
    });
    expect(severityStep(finding({ severity: 'info' }), gate()).action).toBe('report');
  });
});

describe("'none' turns a level off", () => {
  it('never fails with fail_on: none', () => {
    const d = severityStep(finding({ severity: 'critical' }), gate({ fail_on: 'none' }));
    expect(d).toMatchObject({ action: 'warn', policyRule: 'gate.warn_on: medium' });
  });

  it('only reports with both none, and says so', () => {
    expect(
      severityStep(finding({ severity: 'critical' }), gate({ fail_on: 'none', warn_on: 'none' })),
    ).toEqual({
      action: 'report',
      policyRule: 'gate.warn_on: none',
      why: 'gate.fail_on and gate.warn_on are both none, so it is reported only',
    });
  });

  it('names only the live threshold when one is none', () => {
    const d = severityStep(finding({ severity: 'low' }), gate({ warn_on: 'none' }));
    expect(d.why).toBe('severity low is below gate.fail_on (high), so it is reported only');
  });
});

describe('per-scanner thresholds', () => {
  const g = gate({ scanners: { secrets: { fail_on: 'medium' }, iac: { fail_on: 'none', warn_on: 'high' } } });

  it('override the global ones for their scanner', () => {
    expect(severityStep(finding({ scanner: 'secrets', severity: 'medium' }), g)).toMatchObject({
      action: 'fail',
      policyRule: 'gate.scanners.secrets.fail_on: medium',
      why: 'severity medium is at or above gate.scanners.secrets.fail_on (medium)',
    });
    expect(severityStep(finding({ scanner: 'iac', severity: 'critical' }), g)).toMatchObject({
      action: 'warn',
      policyRule: 'gate.scanners.iac.warn_on: high',
    });
    expect(severityStep(finding({ scanner: 'iac', severity: 'medium' }), g).action).toBe('report');
  });

  it('fall back to the global level the scanner does not set', () => {
    expect(severityStep(finding({ scanner: 'secrets', severity: 'low' }), g).policyRule).toBe(
      'gate.warn_on: medium',
    );
    expect(severityStep(finding({ scanner: 'sast', severity: 'medium' }), g).policyRule).toBe(
      'gate.warn_on: medium',
    );
  });

  it('ignore inherited object keys as scanner names', () => {
    expect(thresholdsFor(g, 'constructor').fail).toEqual({ value: 'high', key: 'gate.fail_on' });
    expect(thresholdsFor(g, '__proto__').warn).toEqual({ value: 'medium', key: 'gate.warn_on' });
  });
});

describe('confidenceStep', () => {
  it('lets everything through at min_confidence: low', () => {
    expect(confidenceStep(finding({ confidence: 'low' }), gate({ min_confidence: 'low' }))).toBeUndefined();
  });

  it('reports a finding below min_confidence', () => {
    const g = gate({ min_confidence: 'medium' });
    expect(confidenceStep(finding({ confidence: 'low' }), g)).toEqual({
      action: 'report',
      policyRule: 'gate.min_confidence: medium',
      why: 'confidence low is below gate.min_confidence (medium), so it is reported but does not gate',
    });
    expect(confidenceStep(finding({ confidence: 'medium' }), g)).toBeUndefined();
    expect(confidenceStep(finding({ confidence: 'medium' }), gate({ min_confidence: 'high' }))?.action).toBe(
      'report',
    );
  });
});
