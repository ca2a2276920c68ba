import { afterEach, describe, expect, it } from 'vitest';
import { makeTree } from '../../../../test/tmp.js';
import { UserError } from '../../../core/errors.js';
import { type IacObject, type IacResource, Positions, Unknown } from '../model.js';
import type { RuleContext } from '../rule.js';
import { loadCustomRules } from './load.js';

let cleanup = () => {};
afterEach(() => cleanup());

function rulesFrom(yaml: string, builtin: string[] = []) {
  const tree = makeTree({ '.gatehouse/rules/acme.yml': yaml });
  cleanup = tree.cleanup;
  return loadCustomRules(tree.root, new Set(builtin));
}

function bucket(value: IacObject): IacResource {
  const positions = new Positions();
  positions.set(['tags'], 4);
  return {
    platform: 'terraform',
    type: 'aws_s3_bucket',
    kind: 'resource',
    name: 'logs',
    address: 'aws_s3_bucket.logs',
    path: 'main.tf',
    line: 2,
    endLine: 9,
    value,
    positions,
  };
}

const ctx = {} as RuleContext;

const OWNER_TAG = `
rules:
  - id: acme/s3-owner-tag
    title: S3 buckets carry an owner tag
    severity: medium
    platform: terraform
    resources: [aws_s3_bucket]
    condition: '!has(resource.tags) || !("owner" in resource.tags)'
    at: tags
    remediation: 'Add tags = { owner = "team-x" }'
    nist: [CM-8]
  - id: acme/query-rule
    languages: [python]
    anything: goes
`;

describe('custom IaC rules', () => {
  it('loads a rule, ignores SAST entries, and reports where the condition holds', () => {
    const rules = rulesFrom(OWNER_TAG);
    expect(rules.map((r) => r.id)).toEqual(['acme/s3-owner-tag']);
    const rule = rules[0]!;
    expect([...rule.check(bucket({ tags: { owner: 'payments' } }), ctx)]).toEqual([]);
    expect([...rule.check(bucket({ tags: { team: 'payments' } }), ctx)]).toEqual([
      { message: 'S3 buckets carry an owner tag', at: ['tags'] },
    ]);
    expect([...rule.check(bucket({}), ctx)]).toHaveLength(1);
  });

  it('never reports when the answer depends on a value known only at apply time', () => {
    const rule = rulesFrom(OWNER_TAG)[0]!;
    expect([...rule.check(bucket({ tags: new Unknown('var.tags') }), ctx)]).toEqual([]);
    expect([...rule.check(bucket({ tags: { owner: new Unknown('var.owner') } }), ctx)]).toEqual([]);
  });

  it('compares whole numbers as CEL ints', () => {
    const rule = rulesFrom(
      OWNER_TAG.replace(`'!has(resource.tags) || !("owner" in resource.tags)'`, 'resource.port == 22'),
    )[0]!;
    expect([...rule.check(bucket({ port: 22 }), ctx)]).toHaveLength(1);
    expect([...rule.check(bucket({ port: 443 }), ctx)]).toHaveLength(0);
  });

  it.each([
    [
      'a CEL syntax error',
      OWNER_TAG.replace('!has(resource.tags) ||', '!has(resource.tags) ||| '),
      /rules\[0\] \(acme\/s3-owner-tag\)\.condition: syntax error/,
    ],
    [
      'an unknown key',
      OWNER_TAG.replace('    at: tags', '    att: tags'),
      /rules\[0\]: unknown key\(s\) 'att'/,
    ],
    [
      'a bad severity',
      OWNER_TAG.replace('severity: medium', 'severity: urgent'),
      /rules\[0\]\.severity: must be one of/,
    ],
    ['no platform', OWNER_TAG.replace('    platform: terraform\n', ''), /rules\[0\]: say which scanner/],
    [
      'a non-boolean condition',
      OWNER_TAG.replace(`'!has(resource.tags) || !("owner" in resource.tags)'`, `'"yes"'`),
      /must be true or false/,
    ],
    ['no rules list', 'rule: []', /unknown key|rules/],
    ['invalid YAML', 'rules: [', /invalid YAML/],
  ])('rejects %s with the file and the key', (_what, yaml, message) => {
    const err = (() => {
      try {
        rulesFrom(yaml);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('acme.yml');
    expect((err as Error).message).toMatch(message);
  });

  it('rejects an id that a built-in rule already has', () => {
    expect(() => rulesFrom(OWNER_TAG, ['acme/s3-owner-tag'])).toThrow(/already used/);
  });

  it('has no rules when the folder is absent', () => {
    const tree = makeTree({ 'main.tf': '' });
    cleanup = tree.cleanup;
    expect(loadCustomRules(tree.root, new Set())).toEqual([]);
  });
});
