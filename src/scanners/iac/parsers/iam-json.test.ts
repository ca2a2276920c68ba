import { describe, expect, it } from 'vitest';
import { lineOf } from '../model.js';
import { iamJsonParser as parser } from './iam-json.js';
import type { ParseResult } from './parser.js';

const parse = (text: string, path = 'policies/admin.json') => parser.parse([{ path, text }]) as ParseResult;

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject"],
      "Resource": "*"
    }
  ]
}`;

describe('iam-json parser', () => {
  it('accepts JSON policies but not CloudFormation templates or other JSON', () => {
    expect(parser.claims('trust.json')).toBe(true);
    expect(parser.claims('trust.yaml')).toBe(false);
    expect(parser.accepts?.(POLICY, 'a.json')).toBe(true);
    expect(parser.accepts?.('{"Statement": [{"Effect": "Allow", "NotAction": "iam:*"}]}', 'a.json')).toBe(
      true,
    );
    expect(parser.accepts?.('{"name": "app", "version": "1.0.0"}', 'package.json')).toBe(false);
    const template =
      '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*"}]}}}}}';
    expect(parser.accepts?.(template, 'stack.json')).toBe(false);
  });

  it('makes the document a resource with the line of every element', () => {
    const r = parse(POLICY);
    expect(r.diagnostics).toEqual([]);
    const [res] = r.documents[0]!.resources;
    expect(res).toMatchObject({
      platform: 'iam',
      type: 'aws-iam-policy-document',
      address: 'admin.json',
      path: 'policies/admin.json',
      line: 1,
      endLine: 7,
    });
    expect(lineOf(res!, ['Statement', 0, 'Action', 0])).toBe(6);
    expect(lineOf(res!, ['Statement', 0, 'Resource'])).toBe(7);
  });

  it('finds documents wrapped in AWS CLI output', () => {
    const text = `{
  "PolicyVersion": {
    "Document": {
      "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*" }
    },
    "VersionId": "v2"
  }
}`;
    const [res] = parse(text, 'out.json').documents[0]!.resources;
    expect(res!.address).toBe('out.json#PolicyVersion.Document');
    expect(res!.line).toBe(3);
    expect(lineOf(res!, ['Statement', 'Action'])).toBe(4);
  });

  it('reports broken JSON and makes no document of JSON without a policy', () => {
    const broken = parse('{"Statement": [{"Effect": "Allow", "Action": "*"', 'bad.json');
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['syntax-error']);
    expect(parse('{"Statement": "see docs", "Effect": 1, "Action": 2}').documents).toEqual([]);
  });
});
