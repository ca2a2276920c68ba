import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../core/config.js';
import { compilePolicy } from '../policy/policy.js';
import { blocks, type IacResource } from '../scanners/iac/model.js';
import type { IacRule } from '../scanners/iac/rule.js';
import { AdmissionDecider } from './decide.js';
import type { AdmissionRequest } from './review.js';

/** Two rules of our own, so this test does not depend on the built-in pack's wording. */
const rule = (id: string, severity: IacRule['severity'], field: string): IacRule => ({
  id,
  title: `Container sets ${field}`,
  description: `A container with ${field} set is what this test rule looks for.`,
  severity,
  platform: 'kubernetes',
  resourceTypes: ['Pod'],
  cis: [],
  nist: ['CM-6'],
  remediation: `Remove ${field}.\n\nMore text that the denial leaves out.`,
  references: [],
  *check(r: IacResource) {
    for (const c of blocks(r.value.spec, 'containers'))
      if (c[field] === true)
        yield { message: `container ${c.name} sets ${field}`, subject: `container ${c.name}` };
  },
});

const RULES = [rule('test/privileged', 'high', 'privileged'), rule('test/debug', 'low', 'debug')];

function pod(container: Record<string, unknown>, namespace = 'payments'): AdmissionRequest {
  return {
    uid: 'u-1',
    kind: { group: '', version: 'v1', kind: 'Pod' },
    namespace,
    name: 'api',
    operation: 'CREATE',
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'api', namespace },
      spec: { containers: [{ name: 'app', image: 'x', ...container }] },
    },
  };
}

function decider(mode: 'enforce' | 'audit' = 'enforce', config = defaultConfig()) {
  return new AdmissionDecider({
    policy: compilePolicy(config),
    rules: RULES,
    mode,
    excludeNamespaces: new Set(['kube-system']),
  });
}

describe('AdmissionDecider', () => {
  it('allows a compliant object without warnings', () => {
    expect(decider().decide(pod({}))).toEqual({ uid: 'u-1', allowed: true });
  });

  it('denies what the gate fails, naming the rule, the fix and how to get an exception', () => {
    const r = decider().decide(pod({ privileged: true, debug: true }));
    expect(r.allowed).toBe(false);
    expect(r.status?.code).toBe(403);
    expect(r.status?.message).toContain('Gatehouse denied Pod payments/api: 1 failed rule(s)');
    expect(r.status?.message).toContain(
      '- test/privileged (high): Pod/payments/api/container app: container app sets privileged',
    );
    expect(r.status?.message).toContain('fix: Remove privileged.');
    expect(r.status?.message).not.toContain('More text');
    expect(r.status?.message).toMatch(/fingerprint: [0-9a-f]{32}/);
    expect(r.status?.message).toContain('gatehouse.yml');
    expect(r.warnings).toEqual([expect.stringContaining('test/debug (low)')]);
  });

  it('allows with warnings when only non-blocking findings remain', () => {
    const r = decider().decide(pod({ debug: true }));
    expect(r.allowed).toBe(true);
    expect(r.warnings).toHaveLength(1);
  });

  it('never denies in audit mode, but says what it would have denied', () => {
    const r = decider('audit').decide(pod({ privileged: true }));
    expect(r.allowed).toBe(true);
    expect(r.warnings?.[0]).toMatch(/^\[audit: would deny\] gatehouse test\/privileged/);
    expect(r.auditAnnotations).toEqual({ 'gatehouse.dev/would-deny': 'test/privileged' });
  });

  it('follows the gate policy: thresholds and exceptions', () => {
    const lenient = parseConfig({ gate: { fail_on: 'critical' } }, 'gatehouse.yml');
    expect(decider('enforce', lenient).decide(pod({ privileged: true })).allowed).toBe(true);
    const excepted = parseConfig(
      {
        exceptions: [
          {
            rule: 'test/privileged',
            path: 'admission/payments/**',
            reason: 'agent needs it',
            approver: 'sec',
          },
        ],
      },
      'gatehouse.yml',
    );
    expect(decider('enforce', excepted).decide(pod({ privileged: true })).allowed).toBe(true);
    expect(decider('enforce', excepted).decide(pod({ privileged: true }, 'web')).allowed).toBe(false);
  });

  it('skips excluded namespaces and deletions', () => {
    expect(decider().decide(pod({ privileged: true }, 'kube-system')).allowed).toBe(true);
    expect(decider().decide({ ...pod({ privileged: true }), operation: 'DELETE' }).allowed).toBe(true);
  });

  it('caps the number and length of warnings', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({
      name: `c${i}`.padEnd(300, 'x'),
      image: 'x',
      debug: true,
    }));
    const req = pod({});
    (req.object as { spec: { containers: unknown[] } }).spec.containers = many;
    const r = decider().decide(req);
    expect(r.warnings).toHaveLength(11);
    expect(r.warnings?.every((w) => w.length <= 240)).toBe(true);
    expect(r.warnings?.[10]).toBe('gatehouse: 5 more findings');
  });
});
