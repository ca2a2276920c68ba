import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config.js';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { compilePolicy } from './policy.js';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(rel: string, text: string): string {
  const path = join(dir, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function config(raw: object) {
  return parseConfig(raw, 'gatehouse.yml');
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

const secret: Finding = {
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
};

describe('compilePolicy', () => {
  it('compiles gate rules once, keeping name, action and message', () => {
    const policy = compilePolicy(
      config({
        gate: {
          rules: [
            { name: 'live', when: 'finding.scanner == "secrets"', action: 'fail', message: 'live secret' },
          ],
        },
      }),
    );
    expect(policy.rules).toHaveLength(1);
    expect(policy.rules[0]).toMatchObject({ name: 'live', action: 'fail', message: 'live secret' });
    expect(policy.rules[0]!.when.test(secret, 'new')).toBe(true);
    expect(policy.exceptionsFile).toBe('gatehouse.yml');
    expect(policy.baselinePath).toBeUndefined();
  });

  it('names the config file and rule in a CEL error', () => {
    const bad = config({
      gate: { rules: [{ name: 'block-live-secrets', when: 'finding.scanner == ', action: 'fail' }] },
    });
    expect(errorOf(() => compilePolicy(bad, '/repo/gatehouse.yml')).message).toBe(
      '/repo/gatehouse.yml: gate.rules[block-live-secrets].when: syntax error at column 20: Unexpected token: EOF',
    );
    const unknown = config({ gate: { rules: [{ name: 'r', when: 'finding.tags == []', action: 'fail' }] } });
    expect(errorOf(() => compilePolicy(unknown)).message).toMatch(
      /^gatehouse.yml: gate.rules\[r\].when: unknown field at column 9: No such key: tags$/,
    );
  });

  it('labels config exceptions with the config file and index', () => {
    const policy = compilePolicy(
      config({ exceptions: [{ id: 'E1', rule: 'secrets/*', reason: 'r', approver: 'a' }] }),
      '/repo/gatehouse.yml',
    );
    expect(policy.exceptions.map((e) => [e.id, e.source])).toEqual([
      ['E1', '/repo/gatehouse.yml: exceptions[0]'],
    ]);
  });

  it('reads exceptions_file relative to the config file, after the config exceptions', () => {
    const cfgPath = file('repo/gatehouse.yml', '');
    const excPath = file(
      'repo/security/exceptions.yml',
      '- id: F1\n  fingerprint: 0123456789abcdef\n  reason: r\n  approver: a\n',
    );
    const policy = compilePolicy(
      config({
        exceptions_file: 'security/exceptions.yml',
        exceptions: [{ id: 'C1', rule: 'x', reason: 'r', approver: 'a' }],
      }),
      cfgPath,
    );
    expect(policy.exceptions.map((e) => e.id)).toEqual(['C1', 'F1']);
    expect(policy.exceptions[1]!.source).toBe(`${excPath}: exceptions[0]`);
    expect(policy.exceptionsFile).toBe(excPath);
  });

  it('reads exceptions_file relative to the scan root when there is no config file', () => {
    const excPath = file('root/exc.yml', 'exceptions:\n  - rule: x\n    reason: r\n    approver: a\n');
    const policy = compilePolicy(config({ exceptions_file: 'exc.yml' }), undefined, {
      root: join(dir, 'root'),
    });
    expect(policy.exceptions).toHaveLength(1);
    expect(policy.exceptionsFile).toBe(excPath);
  });

  it('says when exceptions_file does not exist', () => {
    const e = errorOf(() =>
      compilePolicy(config({ exceptions_file: 'missing.yml' }), join(dir, 'gatehouse.yml')),
    );
    expect(e.message).toBe(
      `${join(dir, 'gatehouse.yml')}: exceptions_file: ${join(dir, 'missing.yml')} does not exist`,
    );
  });

  it('names the exceptions file and key when it has a bad key', () => {
    const excPath = file('bad/exc.yml', '- rule: secrets/*\n  reason: r\n  approved_by: bob\n');
    const e = errorOf(() =>
      compilePolicy(config({ exceptions_file: 'exc.yml' }), join(dir, 'bad/gatehouse.yml')),
    );
    expect(e.message).toContain(`${excPath}: exceptions[0]: unknown key(s) 'approved_by'`);
    expect(e.message).toContain(`${excPath}: exceptions[0].approver:`);
  });

  it('refuses the same id in the config and the exceptions file', () => {
    file('dup/exc.yml', '- id: E1\n  rule: y\n  reason: r\n  approver: a\n');
    const cfg = config({
      exceptions_file: 'exc.yml',
      exceptions: [{ id: 'E1', rule: 'x', reason: 'r', approver: 'a' }],
    });
    expect(errorOf(() => compilePolicy(cfg, join(dir, 'dup/gatehouse.yml'))).message).toMatch(
      /dup\/exc\.yml: exceptions\[0\]: exception id 'E1' is already used by .*dup\/gatehouse\.yml: exceptions\[0\]$/,
    );
  });

  it('resolves gate.baseline next to the config file', () => {
    const policy = compilePolicy(config({ gate: { baseline: 'ci/baseline.json' } }), '/repo/gatehouse.yml');
    expect(policy.baselinePath).toBe('/repo/ci/baseline.json');
  });
});
