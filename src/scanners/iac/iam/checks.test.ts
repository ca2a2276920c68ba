import { describe, expect, it } from 'vitest';
import { type IacObject, type IacValue, Unknown } from '../model.js';
import { IAM_CHECKS, inferKind, parsePolicy, statementLabel } from './index.js';

type Stmt = Record<string, IacValue>;

const policy = (...statements: Stmt[]) =>
  parsePolicy({ Version: '2012-10-17', Statement: statements } as IacObject, []);

/** The labels of the statements a check reports, with the last key of the path it points at. */
function run(check: keyof typeof IAM_CHECKS, ...statements: Stmt[]): string[] {
  return IAM_CHECKS[check]
    .run(policy(...statements))
    .map((i) => `${statementLabel(i.statement)}@${i.at.join('.')}`);
}

const allow = (extra: Stmt): Stmt => ({ Effect: 'Allow', ...extra });

describe('wildcard-action', () => {
  it.each<[string, Stmt, string[]]>([
    ['"*"', allow({ Action: '*', Resource: '*' }), ['statement 0@Statement.0.Action']],
    [
      '"*:*" in a list',
      allow({ Action: ['s3:GetObject', '*:*'], Resource: '*' }),
      ['statement 0@Statement.0.Action.1'],
    ],
    ['with a Sid', allow({ Sid: 'Admin', Action: ['*'] }), ['statement Admin@Statement.0.Action.0']],
    ['in a Deny', { Effect: 'Deny', Action: '*', Resource: '*' }, []],
    ['a service wildcard', allow({ Action: 's3:*' }), []],
    ['an unknown action', allow({ Action: new Unknown('var.a') }), []],
    ['an unknown effect', { Effect: new Unknown('var.e'), Action: '*' }, []],
    ['no Effect', { Action: '*' }, []],
  ])('%s', (_name, s, want) => {
    expect(run('wildcard-action', s)).toEqual(want);
  });

  it('suggests actions of the service the resources belong to', () => {
    const [issue] = IAM_CHECKS['wildcard-action'].run(
      policy(allow({ Action: '*', Resource: 'arn:aws:sqs:us-east-1:1:q' })),
    );
    expect(issue!.message).toContain('"sqs:SendMessage"');
  });
});

describe('wildcard-resource', () => {
  it.each<[string, Stmt, string[]]>([
    [
      'writes on "*"',
      allow({ Action: ['s3:PutObject'], Resource: '*' }),
      ['statement 0@Statement.0.Resource'],
    ],
    [
      '"*" among ARNs',
      allow({ Action: 'iam:PassRole', Resource: ['arn:aws:iam::1:role/a', '*'] }),
      ['statement 0@Statement.0.Resource.1'],
    ],
    [
      'a secret read on "*"',
      allow({ Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
      ['statement 0@Statement.0.Resource'],
    ],
    ['reads on "*"', allow({ Action: ['s3:Get*', 'ec2:DescribeInstances'], Resource: '*' }), []],
    [
      'writes without resource-level permissions',
      allow({ Action: 'cloudwatch:PutMetricData', Resource: '*' }),
      [],
    ],
    ['writes on an ARN', allow({ Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' }), []],
    ['writes on an unknown resource', allow({ Action: 's3:PutObject', Resource: new Unknown('x') }), []],
    ['a Deny', { Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }, []],
  ])('%s', (_name, s, want) => {
    expect(run('wildcard-resource', s)).toEqual(want);
  });
});

describe('service-wildcard', () => {
  it.each<[string, Stmt, string[]]>([
    ['iam:*', allow({ Action: 'iam:*' }), ['statement 0@Statement.0.Action']],
    [
      'one finding for several',
      allow({ Action: ['sqs:SendMessage', 'KMS:*', 's3:*'] }),
      ['statement 0@Statement.0.Action.1'],
    ],
    ['a service outside the list', allow({ Action: 'cloudwatch:*' }), []],
    ['a verb wildcard', allow({ Action: 's3:Get*' }), []],
    ['every action', allow({ Action: '*' }), []],
    ['a Deny', { Effect: 'Deny', Action: 'organizations:*' }, []],
  ])('%s', (_name, s, want) => {
    expect(run('service-wildcard', s)).toEqual(want);
  });
});

describe('allow-not', () => {
  it.each<[string, Stmt, string[]]>([
    ['NotAction', allow({ NotAction: 'iam:*', Resource: '*' }), ['statement 0@Statement.0.NotAction']],
    [
      'NotResource',
      allow({ Action: 's3:GetObject', NotResource: 'arn:aws:s3:::x/*' }),
      ['statement 0@Statement.0.NotResource'],
    ],
    [
      'both: one finding',
      allow({ NotAction: 'iam:*', NotResource: 'x' }),
      ['statement 0@Statement.0.NotAction'],
    ],
    ['NotAction in a Deny', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*' }, []],
    ['Action and Resource', allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*' }), []],
  ])('%s', (_name, s, want) => {
    expect(run('allow-not', s)).toEqual(want);
  });
});

describe('privilege-escalation', () => {
  it.each<[string, Stmt[], string[]]>([
    [
      'an IAM action alone',
      [allow({ Action: 'iam:CreatePolicyVersion', Resource: '*' })],
      ['statement 0@Statement.0.Action'],
    ],
    [
      'through a wildcard',
      [allow({ Action: ['iam:Get*', 'iam:Put*Policy'] })],
      ['statement 0@Statement.0.Action.1'],
    ],
    [
      'PassRole and RunInstances in two statements',
      [allow({ Action: 'ec2:RunInstances' }), allow({ Sid: 'Pass', Action: 'iam:PassRole', Resource: '*' })],
      ['statement Pass@Statement.1.Action'],
    ],
    ['PassRole alone', [allow({ Action: 'iam:PassRole', Resource: '*' })], []],
    [
      'lambda:CreateFunction without a trigger',
      [allow({ Action: ['iam:PassRole', 'lambda:CreateFunction'] })],
      [],
    ],
    [
      'lambda:CreateFunction with an event source mapping',
      [allow({ Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'] })],
      ['statement 0@Statement.0.Action.0'],
    ],
    ['every action', [allow({ Action: '*', Resource: '*' })], ['statement 0@Statement.0.Action']],
    [
      'NotAction leaving IAM allowed',
      [allow({ NotAction: 's3:*', Resource: '*' })],
      ['statement 0@Statement.0.NotAction'],
    ],
    [
      'NotAction excluding IAM and the rest',
      [allow({ NotAction: ['iam:*', 'lambda:*', 'sts:*', 'glue:*'] })],
      [],
    ],
    [
      'sts:AssumeRole on every role',
      [allow({ Action: 'sts:AssumeRole', Resource: '*' })],
      ['statement 0@Statement.0.Action'],
    ],
    [
      'sts:AssumeRole on any account',
      [allow({ Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/*' })],
      ['statement 0@Statement.0.Action'],
    ],
    [
      'sts:AssumeRole on one role',
      [allow({ Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::1:role/r' })],
      [],
    ],
    [
      'taken back by an unconditional Deny',
      [allow({ Action: 'iam:CreateAccessKey' }), { Effect: 'Deny', Action: 'iam:*', Resource: '*' }],
      [],
    ],
    [
      'not taken back by a conditional Deny',
      [
        allow({ Action: 'iam:CreateAccessKey' }),
        {
          Effect: 'Deny',
          Action: 'iam:*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ],
      ['statement 0@Statement.0.Action'],
    ],
    ['an unknown action', [allow({ Action: new Unknown('var.actions') })], []],
  ])('%s', (_name, statements, want) => {
    expect(run('privilege-escalation', ...statements)).toEqual(want);
  });

  it('lists every path a statement opens', () => {
    const [issue] = IAM_CHECKS['privilege-escalation'].run(policy(allow({ Action: 'iam:*', Resource: '*' })));
    expect(issue!.message).toMatch(/iam:CreatePolicyVersion .*and \d+ more/);
  });
});

describe('public-principal', () => {
  const s3 = { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
  it.each<[string, Stmt, string[]]>([
    ['"*"', allow({ Principal: '*', ...s3 }), ['statement 0@Statement.0.Principal']],
    ['{AWS: "*"}', allow({ Principal: { AWS: '*' }, ...s3 }), ['statement 0@Statement.0.Principal.AWS']],
    [
      '"*" in a list',
      allow({ Principal: { AWS: ['arn:aws:iam::1:root', '*'] }, ...s3 }),
      ['statement 0@Statement.0.Principal.AWS.1'],
    ],
    [
      'any account root',
      allow({ Principal: { AWS: 'arn:aws:iam::*:root' }, ...s3 }),
      ['statement 0@Statement.0.Principal.AWS'],
    ],
    [
      'NotPrincipal',
      allow({ NotPrincipal: { AWS: 'arn:aws:iam::1:root' }, ...s3 }),
      ['statement 0@Statement.0.NotPrincipal'],
    ],
    [
      'a condition that does not narrow who',
      allow({ Principal: '*', ...s3, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      ['statement 0@Statement.0.Principal'],
    ],
    [
      'a negated condition',
      allow({ Principal: '*', ...s3, Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }),
      ['statement 0@Statement.0.Principal'],
    ],
    [
      'an IfExists condition',
      allow({ Principal: '*', ...s3, Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '1' } } }),
      ['statement 0@Statement.0.Principal'],
    ],
    [
      'a condition matching everything',
      allow({ Principal: '*', ...s3, Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }),
      ['statement 0@Statement.0.Principal'],
    ],
    [
      'narrowed to an organisation',
      allow({ Principal: '*', ...s3, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }),
      [],
    ],
    [
      'narrowed to a source',
      allow({ Principal: '*', ...s3, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:sns:*:1:t' } } }),
      [],
    ],
    [
      'narrowed to an address',
      allow({ Principal: '*', ...s3, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
      [],
    ],
    [
      'narrowed by an unknown value',
      allow({
        Principal: '*',
        ...s3,
        Condition: { StringEquals: { 'aws:SourceAccount': new Unknown('x') } },
      }),
      [],
    ],
    ['an unknown condition block', allow({ Principal: '*', ...s3, Condition: new Unknown('x') }), []],
    ['a Deny', { Effect: 'Deny', Principal: '*', ...s3 }, []],
    ['a named account', allow({ Principal: { AWS: 'arn:aws:iam::1:root' }, ...s3 }), []],
    ['a service', allow({ Principal: { Service: 'cloudtrail.amazonaws.com' }, ...s3 }), []],
    ['an unknown principal', allow({ Principal: new Unknown('x'), ...s3 }), []],
  ])('%s', (_name, s, want) => {
    expect(run('public-principal', s)).toEqual(want);
  });
});

describe('trust-any-account', () => {
  const assume = { Action: 'sts:AssumeRole' };
  it.each<[string, Stmt, string[]]>([
    ['{AWS: "*"}', allow({ Principal: { AWS: '*' }, ...assume }), ['statement 0@Statement.0.Principal.AWS']],
    [
      'any account root',
      allow({ Principal: { AWS: ['arn:aws:iam::*:root'] }, ...assume }),
      ['statement 0@Statement.0.Principal.AWS.0'],
    ],
    [
      'only an external id',
      allow({ Principal: '*', ...assume, Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }),
      ['statement 0@Statement.0.Principal'],
    ],
    [
      'narrowed by PrincipalArn',
      allow({
        Principal: '*',
        ...assume,
        Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::1:role/*' } },
      }),
      [],
    ],
    ['one account', allow({ Principal: { AWS: '123456789012' }, ...assume }), []],
    ['a service', allow({ Principal: { Service: 'lambda.amazonaws.com' }, ...assume }), []],
  ])('%s', (_name, s, want) => {
    expect(run('trust-any-account', s)).toEqual(want);
  });
});

describe('oidc-trust-unrestricted', () => {
  const GH = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
  const web = { Action: 'sts:AssumeRoleWithWebIdentity' };
  const aud = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
  const at = 'statement 0@Statement.0.Principal.Federated';
  it.each<[string, Stmt, string[]]>([
    ['GitHub without conditions', allow({ Principal: { Federated: GH }, ...web }), [at]],
    [
      'GitHub with only the audience',
      allow({ Principal: { Federated: GH }, ...web, Condition: { StringEquals: aud } }),
      [at],
    ],
    [
      'GitHub with a subject open to any owner',
      allow({
        Principal: { Federated: GH },
        ...web,
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } },
      }),
      [at],
    ],
    [
      'GitHub with one open subject among closed ones',
      allow({
        Principal: { Federated: GH },
        ...web,
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:org/a:*', '*'] } },
      }),
      [at],
    ],
    [
      'GitHub subject in a negated test',
      allow({
        Principal: { Federated: GH },
        ...web,
        Condition: { StringNotLike: { 'token.actions.githubusercontent.com:sub': 'repo:evil/*' } },
      }),
      [at],
    ],
    [
      'an unknown provider known by its condition keys',
      allow({
        Principal: { Federated: new Unknown('aws_iam_openid_connect_provider.gh.arn') },
        ...web,
        Condition: { StringEquals: aud },
      }),
      [at],
    ],
    [
      'a generic provider without conditions',
      allow({ Principal: { Federated: 'accounts.google.com' }, ...web }),
      [at],
    ],
    [
      'EKS with only the audience',
      allow({
        Principal: { Federated: 'arn:aws:iam::1:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC' },
        ...web,
        Condition: { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com' } },
      }),
      [at],
    ],
    [
      'GitHub narrowed to a repository',
      allow({
        Principal: { Federated: GH },
        ...web,
        Condition: {
          StringEquals: aud,
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' },
        },
      }),
      [],
    ],
    [
      'GitHub narrowed to an organisation',
      allow({
        Principal: { Federated: GH },
        ...web,
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/*' } },
      }),
      [],
    ],
    [
      'a generic provider with an audience',
      allow({
        Principal: { Federated: 'accounts.google.com' },
        ...web,
        Condition: { StringEquals: { 'accounts.google.com:aud': 'client-1' } },
      }),
      [],
    ],
    [
      'a SAML provider',
      allow({
        Principal: { Federated: 'arn:aws:iam::1:saml-provider/Okta' },
        Action: 'sts:AssumeRoleWithSAML',
      }),
      [],
    ],
    [
      'an unknown condition block',
      allow({ Principal: { Federated: GH }, ...web, Condition: new Unknown('x') }),
      [],
    ],
    ['an AWS principal', allow({ Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'sts:AssumeRole' }), []],
  ])('%s', (_name, s, want) => {
    expect(run('oidc-trust-unrestricted', s)).toEqual(want);
  });
});

describe('inferKind', () => {
  it.each<[string, Stmt[], string]>([
    ['no principal', [allow({ Action: 's3:GetObject' })], 'identity'],
    [
      'a principal and assume-role actions',
      [allow({ Principal: { Service: 'ec2.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] })],
      'trust',
    ],
    [
      'web identity',
      [allow({ Principal: { Federated: 'x' }, Action: 'sts:AssumeRoleWithWebIdentity' })],
      'trust',
    ],
    ['a principal and other actions', [allow({ Principal: '*', Action: 's3:GetObject' })], 'resource'],
  ])('%s: %s', (_name, statements, want) => {
    expect(inferKind(policy(...statements))).toBe(want);
  });
});
