import { describe, expect, it } from 'vitest';
import { type IacResource, lineOf, Unknown } from '../model.js';
import { cloudformationParser as parser } from './cloudformation.js';
import type { ParseResult } from './parser.js';

const parse = (text: string, path = 'template.yaml') => parser.parse([{ path, text }]) as ParseResult;

function resources(text: string, path?: string): Record<string, IacResource> {
  const r = parse(text, path);
  return Object.fromEntries(r.documents.flatMap((d) => d.resources).map((x) => [x.address, x]));
}

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  Env:
    Type: String
    Default: prod
  Subnets:
    Type: CommaDelimitedList
    Default: "subnet-a, subnet-b"
  Secret:
    Type: String
    NoEcho: true
Mappings:
  Sizes:
    prod: { disk: 100 }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Logs:
    Type: AWS::S3::Bucket
    DependsOn: Key
    Condition: IsProd
    Metadata: { owner: platform }
    DeletionPolicy: Retain
    Properties:
      BucketName: !Sub "\${Env}-logs"
      Tags:
        - Key: env
          Value: !Ref Env
  Key:
    Type: AWS::KMS::Key
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
`;

describe('cloudformation parser', () => {
  it('claims template names and accepts templates by content only', () => {
    for (const p of ['a.yaml', 'b.yml', 'c.json', 'stack.template']) expect(parser.claims(p)).toBe(true);
    expect(parser.claims('main.tf')).toBe(false);
    expect(parser.accepts?.('AWSTemplateFormatVersion: "2010-09-09"\n', 'a.yaml')).toBe(true);
    expect(parser.accepts?.('Resources:\n  B:\n    Type: AWS::S3::Bucket\n', 'a.yaml')).toBe(true);
    expect(parser.accepts?.('{"Resources": {"B": {"Type": "AWS::SQS::Queue"}}}', 'a.json')).toBe(true);
    expect(parser.accepts?.('apiVersion: v1\nkind: Pod\nresources: {}\n', 'pod.yaml')).toBe(false);
  });

  it('makes one resource per logical id with its properties as value', () => {
    const r = resources(TEMPLATE);
    expect(Object.keys(r)).toEqual(['Logs', 'Key', 'Fn']);
    expect(r.Logs).toMatchObject({
      platform: 'cloudformation',
      type: 'AWS::S3::Bucket',
      kind: 'resource',
      name: 'Logs',
      path: 'template.yaml',
      line: 19,
      endLine: 29,
    });
    // Resource attributes are not properties.
    expect(r.Logs!.value).toEqual({ BucketName: 'prod-logs', Tags: [{ Key: 'env', Value: 'prod' }] });
    expect(r.Key!.value).toEqual({});
    expect(r.Fn!.type).toBe('AWS::Serverless::Function');
  });

  it('gives each property the line it is written on, relative to Properties', () => {
    const logs = resources(TEMPLATE).Logs!;
    expect(lineOf(logs, ['BucketName'])).toBe(26);
    expect(lineOf(logs, ['Tags', 0, 'Value'])).toBe(29);
    // A missing property points at the resource.
    expect(lineOf(logs, ['VersioningConfiguration', 'Status'])).toBe(19);
  });

  it('resolves intrinsic functions that are known before deployment', () => {
    const text = `Parameters:
  Env: { Type: String, Default: prod }
  Subnets: { Type: CommaDelimitedList, Default: "subnet-a, subnet-b" }
  Open: { Type: String }
Mappings:
  Sizes: { prod: { disk: 100 } }
Resources:
  Other:
    Type: AWS::SQS::Queue
  R:
    Type: AWS::Test::Thing
    Properties:
      Default: !Ref Env
      NoDefault: !Ref Open
      Resource: !Ref Other
      Pseudo: !Ref AWS::Region
      Attribute: !GetAtt Other.Arn
      AttributeList: { "Fn::GetAtt": [Other, QueueName] }
      Sub: !Sub "arn:aws:s3:::\${Env}-data/*"
      SubVars: !Sub ["\${A}-\${B}", { A: x, B: !Ref Env }]
      SubLiteral: !Sub "\${!Literal}-\${Env}"
      SubUnknown: !Sub "\${Other.Arn}/\${AWS::AccountId}"
      Join: !Join [":", [a, !Ref Env, 3]]
      JoinUnknown: !Join ["", [!GetAtt Other.Arn, "/*"]]
      Select: !Select [1, !Ref Subnets]
      Split: !Split [",", "a,b"]
      Map: !FindInMap [Sizes, !Ref Env, disk]
      MapMissing: !FindInMap [Sizes, dev, disk]
      Base64: !Base64 hello
      Import: !ImportValue shared-vpc
      IfSame: !If [IsProd, same, same]
      IfDiffers: !If [IsProd, !Ref Other, b]
      IfNoValue: !If [IsProd, x, !Ref AWS::NoValue]
      Dropped: !Ref AWS::NoValue
      List: [a, !Ref AWS::NoValue, b]
`;
    const v = resources(text).R!.value;
    expect(v).toMatchObject({
      Default: 'prod',
      Sub: 'arn:aws:s3:::prod-data/*',
      SubVars: 'x-prod',
      SubLiteral: '${Literal}-prod',
      Join: 'a:prod:3',
      Select: 'subnet-b',
      Split: ['a', 'b'],
      Map: 100,
      Base64: 'aGVsbG8=',
      IfSame: 'same',
      List: ['a', 'b'],
    });
    expect('Dropped' in v).toBe(false);
    const unknowns: [string, string[]][] = [
      ['NoDefault', []],
      ['Resource', ['Other']],
      ['Pseudo', []],
      ['Attribute', ['Other']],
      ['AttributeList', ['Other']],
      ['SubUnknown', ['Other']],
      ['JoinUnknown', ['Other']],
      ['MapMissing', []],
      ['Import', []],
      ['IfDiffers', ['Other']],
      ['IfNoValue', []],
    ];
    for (const [k, refs] of unknowns) {
      expect(v[k], k).toBeInstanceOf(Unknown);
      expect((v[k] as Unknown).refs, k).toEqual(refs);
    }
  });

  it('reads JSON templates with lines', () => {
    const text = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Queue": {
      "Type": "AWS::SQS::Queue",
      "Properties": {
        "KmsMasterKeyId": { "Ref": "Key" },
        "DelaySeconds": 5
      }
    },
    "Key": { "Type": "AWS::KMS::Key" }
  }
}`;
    const q = resources(text, 't.json').Queue!;
    expect(q.line).toBe(4);
    expect(q.value.DelaySeconds).toBe(5);
    expect((q.value.KmsMasterKeyId as Unknown).refs).toEqual(['Key']);
    expect(lineOf(q, ['DelaySeconds'])).toBe(8);
  });

  it('reports malformed templates and resources, and keeps the rest', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  NoType:
    Properties: { A: 1 }
  NotAMap: just-a-string
  BadProps:
    Type: AWS::SQS::Queue
    Properties: [1, 2]
  Good:
    Type: AWS::SNS::Topic
`;
    const r = parse(text);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['missing-resource-type', 3],
      ['missing-resource-type', 5],
      ['invalid-properties', 6],
    ]);
    expect(r.documents[0]!.resources.map((x) => [x.address, x.value])).toEqual([
      ['BadProps', {}],
      ['Good', {}],
    ]);
  });

  it('reports a syntax error, and a declared template without resources', () => {
    const broken = parse('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [unclosed\n');
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['syntax-error']);
    expect(broken.documents).toEqual([]);
    const empty = parse('AWSTemplateFormatVersion: "2010-09-09"\nDescription: nothing\n');
    expect(empty.diagnostics.map((d) => d.code)).toEqual(['invalid-template']);
    // A file the content check guessed wrong about is silently not a template.
    expect(parse('service: api\nresources:\n  Resources:\n    T:\n      Type: AWS::SNS::Topic\n')).toEqual({
      documents: [],
      diagnostics: [],
    });
  });

  it('stops an alias bomb through the shared reader', () => {
    const rows = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Metadata:',
      '  a: &a [x, x, x, x, x, x, x, x, x, x]',
    ];
    for (let i = 0; i < 7; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      rows.push(`  ${next}: &${next} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    rows.push('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: { Tags: *h }');
    const r = parse(rows.join('\n'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
    expect(r.documents).toEqual([]);
  });
});
