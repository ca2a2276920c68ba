import { describe, expect, it } from 'vitest';
import { Unknown } from '../model.js';
import { parsePolicy } from './parse.js';

describe('parsePolicy', () => {
  it('reads a list of statements with the path of every element', () => {
    const p = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
          { Effect: 'deny', NotAction: 'iam:*', NotResource: ['arn:aws:s3:::x'] },
        ],
      },
      ['PolicyDocument'],
    );
    expect(p.statements).toHaveLength(2);
    const [a, b] = p.statements;
    expect(a).toMatchObject({
      index: 0,
      sid: 'Read',
      effect: 'Allow',
      at: ['PolicyDocument', 'Statement', 0],
    });
    expect(a!.action!.items).toEqual([
      { value: 's3:GetObject', at: ['PolicyDocument', 'Statement', 0, 'Action', 0] },
      { value: 's3:ListBucket', at: ['PolicyDocument', 'Statement', 0, 'Action', 1] },
    ]);
    expect(a!.resource!.items).toEqual([{ value: '*', at: ['PolicyDocument', 'Statement', 0, 'Resource'] }]);
    expect(a!.conditions).toEqual([]);
    expect(b).toMatchObject({ effect: 'Deny', action: undefined, resource: undefined });
    expect(b!.notAction!.items[0]!.value).toBe('iam:*');
    expect(b!.notResource!.items[0]!.at).toEqual(['PolicyDocument', 'Statement', 1, 'NotResource', 0]);
  });

  it('reads a single statement object', () => {
    const p = parsePolicy({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }, []);
    expect(p.statements.map((s) => s.at)).toEqual([['Statement']]);
  });

  it.each([
    ['"*"', '*', [{ type: '*', value: '*' }]],
    ['{AWS: "*"}', { AWS: '*' }, [{ type: 'AWS', value: '*' }]],
    [
      '{AWS: [arn, "*"], Service: s}',
      { AWS: ['arn:aws:iam::1:root', '*'], Service: 'ec2.amazonaws.com' },
      [
        { type: 'AWS', value: 'arn:aws:iam::1:root' },
        { type: 'AWS', value: '*' },
        { type: 'Service', value: 'ec2.amazonaws.com' },
      ],
    ],
    ['an unknown', new Unknown('!Ref P'), [{ type: '*', value: null }]],
    ['{Federated: unknown}', { Federated: new Unknown('x') }, [{ type: 'Federated', value: null }]],
  ])('reads Principal %s', (_name, principal, want) => {
    const [s] = parsePolicy(
      { Statement: [{ Effect: 'Allow', Principal: principal, Action: 'x' }] },
      [],
    ).statements;
    expect(s!.principal!.entries.map(({ type, value }) => ({ type, value }))).toEqual(want);
  });

  it('reads conditions, and an unknown condition block as unknown', () => {
    const [known, unknown, partly] = parsePolicy(
      {
        Statement: [
          {
            Effect: 'Allow',
            Condition: {
              StringEquals: { 'aws:SourceAccount': ['1', '2'], 'aws:PrincipalOrgID': 'o-1' },
              Bool: { x: true },
            },
          },
          { Effect: 'Allow', Condition: new Unknown('var.c') },
          { Effect: 'Allow', Condition: { StringEquals: new Unknown('local.c') } },
        ],
      },
      [],
    ).statements;
    expect(known!.conditions).toEqual([
      { operator: 'StringEquals', key: 'aws:SourceAccount', values: ['1', '2'] },
      { operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-1'] },
      { operator: 'Bool', key: 'x', values: ['true'] },
    ]);
    expect(unknown!.conditions).toBeNull();
    expect(partly!.conditions).toBeNull();
  });

  it('treats references and unresolved interpolations as unknown values', () => {
    const [s] = parsePolicy(
      {
        Statement: [
          { Effect: new Unknown('var.e'), Action: ['${var.action}', new Unknown('x'), 's3:GetObject'] },
        ],
      },
      [],
    ).statements;
    expect(s!.effect).toBeNull();
    expect(s!.action!.items.map((i) => i.value)).toEqual([null, null, 's3:GetObject']);
  });

  it('skips statements that are not objects and documents that are not known', () => {
    expect(
      parsePolicy({ Statement: [new Unknown('x'), 'junk', { Effect: 'Allow' }] }, []).statements,
    ).toHaveLength(1);
    expect(parsePolicy(new Unknown('data.x.json'), []).statements).toEqual([]);
    expect(parsePolicy({ Version: '2012-10-17' }, []).statements).toEqual([]);
  });
});
