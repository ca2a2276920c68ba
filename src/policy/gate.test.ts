import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config.js';
import type { Finding } from '../core/finding.js';
import { evaluateGate } from './gate.js';
import { compilePolicy } from './policy.js';

const NOW = new Date('2025-06-15T12:00:00Z');
let serial = 0;

/** Each finding gets its own fingerprint unless one is given. */
function finding(over: Partial<Finding> = {}): Finding {
  serial++;
  return {
    fingerprint: serial.toString(16).padStart(32, 'f'),
    scanner: 'secrets',
    ruleId: 'secrets/aws-access-key-id',
    title: 'AWS access key',
    message: 'AWS access key AKIA…',
    severity: 'high',
    confidence: 'high',
    location: { path: 'src/app.js', startLine: 3 },
    cwe: ['CWE-798'],
    references: [],
    remediation: 'rotate the key',
    controls: [],
    ...over,
  };
}

// min_confidence is pinned: these tests are about the gate's order, not about defaults.
function policy(raw: Record<string, unknown> = {}) {
  const gate = { min_confidence: 'low', ...(raw.gate as object) };
  return compilePolicy(parseConfig({ ...raw, gate }, 'gatehouse.yml'));
}

function decide(f: Finding, raw: Record<string, unknown> = {}, baseline?: Set<string>) {
  const decision = evaluateGate([f], policy(raw), { baseline, baselineFile: 'baseline.json', now: NOW });
  return { ...decision.findings[0]!, notes: decision.notes, verdict: decision.verdict };
}

const exception = (over: object) => ({ reason: 'test fixture', approver: 'alice', ...over });

describe('a. exceptions', () => {
  it('an active exception ignores the finding and quotes reason, approver and expiry', () => {
    const f = finding();
    const d = decide(f, {
      exceptions: [exception({ id: 'EXC-7', fingerprint: f.fingerprint, expires: '2025-12-31' })],
    });
    expect(d).toMatchObject({
      action: 'ignore',
      status: 'excepted',
      policyRule: 'exceptions[EXC-7]',
      exception: {
        id: 'EXC-7',
        reason: 'test fixture',
        approver: 'alice',
        expires: '2025-12-31',
        expired: false,
      },
      verdict: 'pass',
    });
    expect(d.reason).toBe(
      'Excepted by EXC-7 (gatehouse.yml: exceptions[0]), approved by alice until 2025-12-31: test fixture',
    );
  });

  it('an exception expiring today still applies', () => {
    const f = finding();
    const late = new Date('2025-06-15T23:59:59Z');
    const p = policy({ exceptions: [exception({ fingerprint: f.fingerprint, expires: '2025-06-15' })] });
    const d = evaluateGate([f], p, { now: late });
    expect(d.findings[0]).toMatchObject({ action: 'ignore', status: 'excepted' });
    expect(d.notes).toEqual([expect.stringMatching(/expires on 2025-06-15 \(today is its last day\)/)]);
  });

  it('an expired exception no longer applies and the decision says so', () => {
    const f = finding();
    const d = decide(f, {
      exceptions: [exception({ id: 'EXC-1', fingerprint: f.fingerprint, expires: '2025-06-14' })],
    });
    expect(d).toMatchObject({
      action: 'fail',
      status: 'new',
      policyRule: 'gate.fail_on: high',
      exception: { id: 'EXC-1', approver: 'alice', expires: '2025-06-14', expired: true },
      verdict: 'fail',
    });
    expect(d.reason).toBe(
      'Severity high is at or above gate.fail_on (high). Exception EXC-1 (approved by alice) expired on 2025-06-14 ' +
        'and no longer covers it: renew it in gatehouse.yml: exceptions[0] with a later expires date, or fix the finding.',
    );
    expect(d.notes).toEqual([
      'Exception EXC-1 (gatehouse.yml: exceptions[0]) expired on 2025-06-14 (approved by alice); 1 finding it covered gate again: renew it with a later expires date, or fix them.',
    ]);
  });

  it('a later active exception wins over an earlier expired one', () => {
    const f = finding();
    const d = decide(f, {
      exceptions: [
        exception({ id: 'old', rule: 'secrets/*', expires: '2020-01-01' }),
        exception({ id: 'new', fingerprint: f.fingerprint.slice(0, 8) }),
      ],
    });
    expect(d).toMatchObject({
      status: 'excepted',
      policyRule: 'exceptions[new]',
      exception: { expired: false },
    });
  });

  it('a glob rule exception with a path covers only that path', () => {
    const raw = { exceptions: [exception({ id: 'fixtures', rule: 'secrets/*', path: 'test/**' })] };
    expect(decide(finding({ location: { path: 'test/fixtures/.env' } }), raw).status).toBe('excepted');
    expect(decide(finding({ location: { path: 'src/app.js' } }), raw).action).toBe('fail');
    expect(
      decide(finding({ ruleId: 'iac/open-sg', scanner: 'iac', location: { path: 'test/a.tf' } }), raw).action,
    ).toBe('fail');
  });

  it('an exception wins over the baseline and over gate rules', () => {
    const f = finding();
    const raw = {
      exceptions: [exception({ fingerprint: f.fingerprint })],
      gate: { rules: [{ name: 'all', when: 'true', action: 'fail' }] },
    };
    expect(decide(f, raw, new Set([f.fingerprint])).status).toBe('excepted');
  });

  it('notes an exception that matches nothing as stale', () => {
    const d = decide(finding(), { exceptions: [exception({ id: 'unused', rule: 'sast/*' })] });
    expect(d.notes).toEqual([
      'Exception unused (gatehouse.yml: exceptions[0]) matches no finding (stale): if the problem was fixed, remove it.',
    ]);
  });
});

describe('b. baseline', () => {
  it('a finding in the baseline is existing and only reported', () => {
    const f = finding({ severity: 'critical' });
    const d = decide(f, { gate: { new_only: true } }, new Set([f.fingerprint]));
    expect(d).toMatchObject({
      action: 'report',
      status: 'existing',
      policyRule: 'gate.new_only',
      verdict: 'pass',
    });
    expect(d.reason).toBe('Present in the baseline (baseline.json); only new findings gate.');
    // A baseline given (by flag) applies even when new_only is off.
    expect(decide(f, {}, new Set([f.fingerprint])).status).toBe('existing');
  });

  it('a finding not in the baseline is new and gates', () => {
    const d = decide(finding(), { gate: { new_only: true } }, new Set(['aaaaaaaaaaaaaaaa']));
    expect(d).toMatchObject({ action: 'fail', status: 'new' });
    expect(d.notes).toEqual([
      'Baseline baseline.json: 0 of its 1 fingerprint(s) are in this scan (1 gone); 1 finding is new.',
    ]);
  });

  it('an expired exception on a baseline finding is still recorded', () => {
    const f = finding();
    const raw = { exceptions: [exception({ id: 'E', fingerprint: f.fingerprint, expires: '2025-01-01' })] };
    const d = decide(f, raw, new Set([f.fingerprint]));
    expect(d).toMatchObject({ status: 'existing', action: 'report', exception: { id: 'E', expired: true } });
    expect(d.reason).toContain('Exception E (approved by alice) expired on 2025-01-01');
  });

  it('new_only without a baseline gates everything and says why', () => {
    const d = decide(finding(), { gate: { new_only: true } });
    expect(d.action).toBe('fail');
    expect(d.notes[0]).toMatch(/gate.new_only is true but no baseline was given/);
  });
});

describe('d. min_confidence', () => {
  it('a finding below min_confidence is only reported', () => {
    const d = decide(finding({ confidence: 'low', severity: 'critical' }), {
      gate: { min_confidence: 'medium' },
    });
    expect(d).toMatchObject({ action: 'report', policyRule: 'gate.min_confidence: medium', verdict: 'pass' });
  });
});

describe('e. severity thresholds', () => {
  it('per-scanner thresholds override the global ones', () => {
    const raw = { gate: { scanners: { secrets: { fail_on: 'medium' } } } };
    const d = decide(finding({ severity: 'medium' }), raw);
    expect(d).toMatchObject({ action: 'fail', policyRule: 'gate.scanners.secrets.fail_on: medium' });
    expect(decide(finding({ scanner: 'sast', severity: 'medium' }), raw).action).toBe('warn');
  });

  it("'none' never fails or warns", () => {
    const d = decide(finding({ severity: 'critical' }), { gate: { fail_on: 'none', warn_on: 'none' } });
    expect(d).toMatchObject({ action: 'report', policyRule: 'gate.warn_on: none', verdict: 'pass' });
  });

  it('a blocking finding says why and how to pass; a warning only says why', () => {
    const f = finding({ severity: 'critical' });
    expect(decide(f).reason).toBe(
      'Severity critical is at or above gate.fail_on (high). ' +
        `To pass the gate: fix it, or add an exception for fingerprint ${f.fingerprint} to gatehouse.yml with a reason, an approver and an expiry date.`,
    );
    expect(decide(finding({ severity: 'medium' })).reason).toBe(
      'Severity medium is at or above gate.warn_on (medium).',
    );
  });
});

describe('verdict and counts', () => {
  it('passes with no findings', () => {
    expect(evaluateGate([], policy(), { now: NOW })).toEqual({
      verdict: 'pass',
      findings: [],
      counts: { fail: 0, warn: 0, report: 0, ignore: 0, excepted: 0, existing: 0 },
      notes: [],
      exceptionsFile: 'gatehouse.yml',
    });
  });

  it('records the baseline it compared with', () => {
    const d = evaluateGate([], policy(), {
      now: NOW,
      baseline: new Set(['ab', 'cd']),
      baselineFile: 'base.json',
    });
    expect(d.baseline).toEqual({ file: 'base.json', fingerprints: 2 });
  });

  it('is warn with warnings only, and fail as soon as one finding fails', () => {
    const verdict = (...sevs: Finding['severity'][]) =>
      evaluateGate(
        sevs.map((severity) => finding({ severity })),
        policy(),
        { now: NOW },
      ).verdict;
    expect(verdict('medium', 'low')).toBe('warn');
    expect(verdict('low', 'high')).toBe('fail');
  });

  it('counts actions and statuses, keeping the findings in order', () => {
    const excepted = finding({ severity: 'critical' });
    const existing = finding({ severity: 'critical' });
    const findings = [
      finding({ severity: 'critical' }),
      finding({ severity: 'medium' }),
      finding({ severity: 'info' }),
      excepted,
      existing,
    ];
    const p = policy({ exceptions: [exception({ fingerprint: excepted.fingerprint })] });
    const d = evaluateGate(findings, p, { baseline: new Set([existing.fingerprint]), now: NOW });
    expect(d.findings.map((x) => x.fingerprint)).toEqual(findings.map((f) => f.fingerprint));
    expect(d.counts).toEqual({ fail: 1, warn: 1, report: 2, ignore: 1, excepted: 1, existing: 1 });
    expect(d.verdict).toBe('fail');
    expect(d.notes).toEqual([
      'Baseline the given baseline: 1 of its 1 fingerprint(s) are in this scan (0 gone); 3 findings are new.',
    ]);
  });
});
