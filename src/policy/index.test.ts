import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';
import type { Finding } from '../core/finding.js';
import { FINGERPRINT_KEY } from '../core/fingerprint.js';
import { compilePolicy, evaluateGate, exceptionSnippet, loadBaseline } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-gate-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function finding(fingerprint: string, over: Partial<Finding> = {}): Finding {
  return {
    fingerprint,
    scanner: 'secrets',
    ruleId: 'secrets/aws-access-key-id',
    title: 'AWS access key',
    message: 'found',
    severity: 'high',
    confidence: 'high',
    location: { path: 'src/app.js', startLine: 1 },
    cwe: ['CWE-798'],
    references: [],
    remediation: '',
    controls: [],
    ...over,
  };
}

const OLD = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const FIXTURE = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const LAPSED = 'cccccccccccccccccccccccccccccccc';
const FRESH = 'dddddddddddddddddddddddddddddddd';

describe('policy from gatehouse.yml to decision', () => {
  it('reads the config, exceptions file and SARIF baseline, and decides each finding', () => {
    writeFileSync(
      join(dir, 'gatehouse.yml'),
      [
        'gate:',
        '  fail_on: high',
        '  new_only: true',
        '  baseline: previous.sarif',
        '  rules:',
        '    - name: docs-are-fine',
        '      when: finding.path.startsWith("docs/")',
        '      action: report',
        'exceptions_file: exceptions.yml',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'exceptions.yml'),
      [
        '- id: fixtures',
        `  fingerprint: ${FIXTURE.slice(0, 12)}`,
        '  reason: fake key used by tests',
        '  approver: security@example.com',
        '  expires: 2025-12-31',
        '- id: lapsed',
        `  fingerprint: ${LAPSED}`,
        '  reason: waiting on vendor',
        '  approver: bob',
        '  expires: 2025-01-31',
        '',
      ].join('\n'),
    );
    const sarif = {
      version: '2.1.0',
      runs: [{ results: [{ partialFingerprints: { [FINGERPRINT_KEY]: OLD } }] }],
    };
    writeFileSync(join(dir, 'previous.sarif'), JSON.stringify(sarif));

    const { config, path } = loadConfig(dir);
    const policy = compilePolicy(config, path);
    const baseline = loadBaseline(policy.baselinePath!);
    const findings = [
      finding(OLD),
      finding(FIXTURE),
      finding(LAPSED),
      finding(FRESH, { location: { path: 'docs/setup.md' } }),
    ];
    const decision = evaluateGate(findings, policy, {
      baseline,
      baselineFile: 'previous.sarif',
      now: new Date('2025-06-01T00:00:00Z'),
    });

    expect(decision.findings.map((d) => [d.action, d.status, d.policyRule])).toEqual([
      ['report', 'existing', 'gate.new_only'],
      ['ignore', 'excepted', 'exceptions[fixtures]'],
      ['fail', 'new', 'gate.fail_on: high'],
      ['report', 'new', 'gate.rules[docs-are-fine]'],
    ]);
    expect(decision.verdict).toBe('fail');
    expect(decision.findings[2]!.reason).toContain(
      'Exception lapsed (approved by bob) expired on 2025-01-31',
    );
    expect(decision.notes).toEqual([
      `Exception lapsed (${join(dir, 'exceptions.yml')}: exceptions[1]) expired on 2025-01-31 (approved by bob); 1 finding it covered gate again: renew it with a later expires date, or fix them.`,
      'Baseline previous.sarif: 1 of its 1 fingerprint(s) are in this scan (0 gone); 2 findings are new.',
    ]);
    expect(exceptionSnippet(findings[2]!)).toContain(`fingerprint: ${LAPSED}`);
  });
});
