import { describe, expect, it } from 'vitest';
import {
  isEveryAction,
  isReadOnly,
  isServiceWildcard,
  matchesAction,
  needsScopedResource,
  serviceOf,
} from './actions.js';

describe('IAM action patterns', () => {
  it.each([
    ['*', 'iam:PassRole', true],
    ['*:*', 'iam:PassRole', true],
    ['iam:*', 'iam:PassRole', true],
    ['IAM:passrole', 'iam:PassRole', true],
    ['iam:Pass*', 'iam:PassRole', true],
    ['iam:*Role', 'iam:PassRole', true],
    ['iam:?assRole', 'iam:PassRole', true],
    ['iam:Attach*Policy', 'iam:AttachRolePolicy', true],
    [' iam:PassRole ', 'iam:PassRole', true],
    ['iam:PassRoles', 'iam:PassRole', false],
    ['iam:Get*', 'iam:PassRole', false],
    ['s3:*', 'iam:PassRole', false],
    ['iam:PassRole.', 'iam:PassRoleX', false],
    ['iam:Pass(Role)', 'iam:PassRole', false],
  ])('%s covers %s: %s', (pattern, action, want) => {
    expect(matchesAction(pattern, action)).toBe(want);
  });

  it.each([
    ['*', true, false, undefined],
    ['*:*', true, false, undefined],
    ['s3:*', false, true, 's3'],
    ['S3:*', false, true, 's3'],
    ['s3:Get*', false, false, 's3'],
    ['iam:PassRole', false, false, 'iam'],
  ])('%s: every action %s, service wildcard %s, service %s', (p, every, service, name) => {
    expect(isEveryAction(p)).toBe(every);
    expect(isServiceWildcard(p)).toBe(service);
    expect(serviceOf(p)).toBe(name);
  });

  it.each([
    ['s3:GetObject', true, false],
    ['s3:Get*', true, false],
    ['ec2:Describe*', true, false],
    ['s3:ListAllMyBuckets', true, false],
    ['dynamodb:Query', true, false],
    ['dynamodb:BatchGetItem', true, false],
    ['s3:PutObject', false, true],
    ['s3:G*', false, true],
    ['s3:*', false, true],
    ['*', false, true],
    ['secretsmanager:GetSecretValue', false, true],
    ['secretsmanager:Get*', false, true],
    ['ssm:GetParameters', false, true],
    ['ec2:GetPasswordData', false, true],
    ['cloudwatch:PutMetricData', false, false],
    ['xray:PutTraceSegments', false, false],
  ])('%s: read-only %s, needs a scoped resource %s', (p, read, scoped) => {
    expect(isReadOnly(p)).toBe(read);
    expect(needsScopedResource(p)).toBe(scoped);
  });
});
