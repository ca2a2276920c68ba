import { describe, expect, it } from 'vitest';
import { analyse } from '../../analyse.js';
import { IAM_RULES } from './index.js';

async function findings(path: string, text: string, ...ids: string[]) {
  const rules = IAM_RULES.filter((r) => ids.includes(r.id));
  expect(rules).toHaveLength(ids.length);
  const { drafts } = await analyse([{ path, text }], rules);
  return drafts.map(
    (d) => `${d.ruleId.replace('iac/aws-iam-', '')} ${d.location.startLine} ${d.properties?.resource}`,
  );
}

describe('policies in Terraform', () => {
  it('judges a policy document data source by what uses it', async () => {
    const text = `
data "aws_iam_policy_document" "open" {
  statement {
    actions = ["sts:AssumeRole", "s3:PutObject"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.open.json
}
`;
    // Used as a trust policy: neither an identity grant nor a resource policy.
    expect(
      await findings(
        'main.tf',
        text,
        'iac/aws-iam-trust-any-account',
        'iac/aws-iam-wildcard-resource',
        'iac/aws-iam-public-resource-policy',
      ),
    ).toEqual(['trust-any-account 8 data.aws_iam_policy_document.open']);
  });

  it('judges an unused or module-passed policy document by its content', async () => {
    const text = `
data "aws_iam_policy_document" "passed" {
  statement {
    actions   = ["s3:DeleteObject"]
    resources = ["*"]
  }
}
module "app" {
  source = "./app"
  policy = data.aws_iam_policy_document.passed.json
}
`;
    expect(await findings('main.tf', text, 'iac/aws-iam-wildcard-resource')).toEqual([
      'wildcard-resource 5 data.aws_iam_policy_document.passed',
    ]);
  });

  it('does not analyse a reference twice: the data source reports, the consumer does not', async () => {
    const text = `
data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "a" {
  policy = data.aws_iam_policy_document.admin.json
}
resource "aws_iam_policy" "b" {
  policy = data.aws_iam_policy_document.admin.json
}
`;
    expect(await findings('main.tf', text, 'iac/aws-iam-wildcard-action')).toEqual([
      'wildcard-action 4 data.aws_iam_policy_document.admin',
    ]);
  });

  it('ignores policy strings that are not JSON', async () => {
    const text = 'resource "aws_iam_policy" "p" {\n  policy = "not json"\n}\n';
    expect(await findings('main.tf', text, 'iac/aws-iam-wildcard-action')).toEqual([]);
  });
});

describe('policies in CloudFormation', () => {
  it('reads SAM inline policies and skips managed policy names and SAM policy templates', async () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy: { BucketName: data }
        - Statement:
            - Effect: Allow
              Action: dynamodb:*
              Resource: "*"
`;
    expect(await findings('t.yaml', text, 'iac/aws-iam-service-wildcard-cfn')).toEqual([
      'service-wildcard-cfn 14 Fn',
    ]);
  });

  it('reads a policy written as a JSON string, pointing at its property', async () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Domain:
    Type: AWS::OpenSearchService::Domain
    Properties:
      AccessPolicies: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*"}]}'
`;
    expect(await findings('t.yaml', text, 'iac/aws-iam-public-resource-policy-cfn')).toEqual([
      'public-resource-policy-cfn 6 Domain',
    ]);
  });
});
