import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../analyse.js';
import { type IacResource, type IacValue, isUnknown, lineOf, Unknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import type { SourceFile } from '../parser.js';
import { MAX_INSTANCES } from './expand.js';
import { terraformParser } from './index.js';
import { loadTerraform } from './loader.js';

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/iac/terraform');

/** Every file under a fixture folder, with paths relative to it (as the scanner gives them). */
function fixture(name: string): SourceFile[] {
  const root = join(FIXTURES, name);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
    );
  return walk(root).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));
}

function load(text: string, path = 'main.tf') {
  return loadTerraform([{ path, text }]);
}

function resources(text: string): IacResource[] {
  const r = load(text);
  expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  return r.documents.flatMap((d) => d.resources);
}

const byAddress = (list: IacResource[], address: string) => {
  const r = list.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${list.map((x) => x.address).join(', ')}`);
  return r;
};

describe('terraform parser', () => {
  it('claims .tf and .tfvars files', () => {
    expect(
      ['a/main.tf', 'x.tfvars', 'a.auto.tfvars', 'plan.json', 'main.tf.bak'].map(terraformParser.claims),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('Terraform resources', () => {
  it('makes resources, data sources, providers and module calls', () => {
    const list = resources(
      [
        'provider "aws" {\n  region = "eu-west-1"\n}',
        'provider "aws" {\n  alias  = "us"\n  region = "us-east-1"\n}',
        'data "aws_iam_policy_document" "p" {\n  statement {\n    actions = ["s3:*"]\n  }\n}',
        'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}',
        'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  cidr   = "10.0.0.0/16"\n}',
      ].join('\n'),
    );
    expect(list.map((r) => [r.kind, r.type, r.name, r.address])).toEqual([
      ['provider', 'aws', 'aws', 'provider.aws'],
      ['provider', 'aws', 'us', 'provider.aws.us'],
      ['data', 'aws_iam_policy_document', 'p', 'data.aws_iam_policy_document.p'],
      ['resource', 'aws_s3_bucket', 'logs', 'aws_s3_bucket.logs'],
      ['module', 'module', 'vpc', 'module.vpc'],
    ]);
    expect(list.every((r) => r.platform === 'terraform' && r.path === 'main.tf')).toBe(true);
    expect(byAddress(list, 'data.aws_iam_policy_document.p').value).toEqual({
      statement: [{ actions: ['s3:*'] }],
    });
    expect(byAddress(list, 'module.vpc').value).toEqual({
      source: 'terraform-aws-modules/vpc/aws',
      cidr: '10.0.0.0/16',
    });
  });

  it('leaves out attributes set to null, as Terraform does, keeping their line', () => {
    const [r] = resources('resource "a" "b" {\n  x = 1\n  acl = 2 > 1 ? null : "private"\n}\n');
    expect(r!.value).toEqual({ x: 1 });
    expect(lineOf(r!, ['acl'])).toBe(3);
  });

  it('puts nested blocks in arrays under their type, in source order', () => {
    const [r] = resources(
      'resource "aws_security_group" "sg" {\n  ingress {\n    from_port = 22\n  }\n  name = "x"\n  ingress {\n    from_port = 443\n  }\n  egress {}\n}\n',
    );
    expect(r!.value).toEqual({ ingress: [{ from_port: 22 }, { from_port: 443 }], name: 'x', egress: [{}] });
  });

  it('records the resource lines and the line of every attribute, block and item', () => {
    const text = [
      'resource "aws_security_group" "sg" {', // 1
      '  name = var.name', // 2
      '  tags = {', // 3
      '    Team = "a"', // 4
      '  }', // 5
      '  ingress {', // 6
      '    cidr_blocks = [', // 7
      '      "10.0.0.0/8",', // 8
      '      "0.0.0.0/0",', // 9
      '    ]', // 10
      '  }', // 11
      '}', // 12
      'variable "name" {', // 13
      '  default = "sg"', // 14
      '}', // 15
    ].join('\n');
    const r = byAddress(resources(text), 'aws_security_group.sg');
    expect([r.line, r.endLine]).toEqual([1, 12]);
    expect(lineOf(r, ['name'])).toBe(2);
    expect(lineOf(r, ['tags', 'Team'])).toBe(4);
    expect(lineOf(r, ['ingress'])).toBe(6);
    expect(lineOf(r, ['ingress', 0])).toBe(6);
    expect(lineOf(r, ['ingress', 0, 'cidr_blocks', 1])).toBe(9);
    expect(lineOf(r, ['ingress', 0, 'from_port'])).toBe(6);
    expect(lineOf(r, ['egress', 0, 'from_port'])).toBe(1);
  });

  it('gives a value from a variable the line of the attribute, not of the variable', () => {
    const text =
      'variable "t" {\n  default = {\n    a = "b"\n  }\n}\nresource "x" "y" {\n  tags = var.t\n}\n';
    const r = byAddress(resources(text), 'x.y');
    expect(r.value.tags).toEqual({ a: 'b' });
    expect(lineOf(r, ['tags', 'a'])).toBe(7);
  });
});

describe('Terraform count and for_each', () => {
  it('makes one instance per count, none for count = 0', () => {
    const list = resources(
      'resource "aws_instance" "web" {\n  count = 3\n  name = "web-${count.index}"\n}\nresource "aws_instance" "off" {\n  count = 0\n}\n',
    );
    expect(list.map((r) => [r.address, r.value.name])).toEqual([
      ['aws_instance.web[0]', 'web-0'],
      ['aws_instance.web[1]', 'web-1'],
      ['aws_instance.web[2]', 'web-2'],
    ]);
    expect(list[0]!.value.count).toBeUndefined();
  });

  it('makes one instance per for_each key, with each.key and each.value', () => {
    const list = resources(
      'resource "aws_s3_bucket" "b" {\n  for_each = { logs = "private", site = "public-read" }\n  bucket = each.key\n  acl = each.value\n}\nresource "aws_iam_user" "u" {\n  for_each = toset(["bob", "al"])\n  name = each.value\n}\n',
    );
    expect(list.map((r) => [r.address, r.value.bucket ?? r.value.name, r.value.acl])).toEqual([
      ['aws_s3_bucket.b["logs"]', 'logs', 'private'],
      ['aws_s3_bucket.b["site"]', 'site', 'public-read'],
      ['aws_iam_user.u["al"]', 'al', undefined],
      ['aws_iam_user.u["bob"]', 'bob', undefined],
    ]);
  });

  it('keeps one unexpanded instance when count or for_each is not known', () => {
    const list = resources(
      'variable "n" {}\nresource "a" "c" {\n  count = var.n\n  i = count.index\n}\nresource "a" "f" {\n  for_each = data.x.y.ids\n  k = each.key\n}\n',
    );
    expect(list.map((r) => r.address)).toEqual(['a.c', 'a.f']);
    expect(isUnknown(list[0]!.value.i!)).toBe(true);
    expect((list[1]!.value.k as Unknown).refs).toEqual(['data.x.y']);
  });

  it(`caps instances at ${MAX_INSTANCES} with a diagnostic`, () => {
    const r = load('resource "a" "b" {\n  count = 100000000\n}\n');
    expect(r.documents[0]!.resources).toHaveLength(MAX_INSTANCES);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'terraform-instance-limit', line: 1 }),
    );
  });
});

describe('Terraform dynamic blocks', () => {
  const sg = (forEach: string) =>
    resources(
      `variable "unset" {}\nresource "aws_security_group" "sg" {\n  ingress {\n    from_port = 1\n  }\n  dynamic "ingress" {\n    for_each = ${forEach}\n    iterator = rule\n    content {\n      from_port = rule.value.port\n      to_port   = rule.key\n      dynamic "cidr" {\n        for_each = rule.value.cidrs\n        content {\n          block = cidr.value\n        }\n      }\n    }\n  }\n}\n`,
    )[0]!;

  it('expands a dynamic block per element, iterator and nested dynamic blocks included', () => {
    const r = sg('[{ port = 22, cidrs = ["a", "b"] }, { port = 443, cidrs = [] }]');
    expect(r.value.ingress).toEqual([
      { from_port: 1 },
      { from_port: 22, to_port: 0, cidr: [{ block: 'a' }, { block: 'b' }] },
      { from_port: 443, to_port: 1 },
    ]);
    expect(lineOf(r, ['ingress', 1])).toBe(6);
    expect(lineOf(r, ['ingress', 1, 'from_port'])).toBe(10);
    expect(lineOf(r, ['ingress', 1, 'cidr', 0, 'block'])).toBe(15);
  });

  it('leaves blocks of an unknown collection unknown, so no rule reads them as missing', () => {
    const r = sg('var.unset');
    const ingress = r.value.ingress as IacValue[];
    expect(ingress[0]).toEqual({ from_port: 1 });
    expect(isUnknown(ingress[1]!)).toBe(true);
    const alone = resources(
      'resource "x" "y" {\n  dynamic "rule" {\n    for_each = aws_x.y.list\n    content {}\n  }\n}\n',
    )[0]!;
    expect((alone.value.rule as Unknown).refs).toEqual(['aws_x.y']);
  });
});

describe('Terraform files and modules', () => {
  it('reports a syntax error with its file and line, and still loads the other files of the module', () => {
    const r = loadTerraform([
      { path: 'm/a.tf', text: 'resource "x" "ok" {\n  v = local.l\n}\n' },
      { path: 'm/b.tf', text: 'locals {\n  l = 1\n}\nresource "x" "broken" {\n  v = [1 2]\n}\n' },
      { path: 'm/c.tf', text: 'locals {\n  other = 2\n}\n' },
    ]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'syntax-error', path: 'm/b.tf', line: 5 }),
    ]);
    expect(r.documents.map((d) => [d.path, d.resources.map((x) => x.address)])).toEqual([['m', ['x.ok']]]);
    expect(isUnknown(r.documents[0]!.resources[0]!.value.v!)).toBe(true);
  });

  it('makes one document per directory; a root file is in directory "."', () => {
    const r = loadTerraform([
      { path: 'main.tf', text: 'resource "a" "root" {}\n' },
      { path: 'env/prod/main.tf', text: 'resource "a" "prod" {}\n' },
    ]);
    expect(r.documents.map((d) => [d.path, d.resources[0]!.address, d.resources[0]!.path])).toEqual([
      ['.', 'a.root', 'main.tf'],
      ['env/prod', 'a.prod', 'env/prod/main.tf'],
    ]);
  });

  it('keeps the first of two resources with the same address, with a diagnostic', () => {
    const r = loadTerraform([
      { path: 'a.tf', text: 'resource "x" "y" {\n  n = 1\n}\n' },
      { path: 'b.tf', text: '\nresource "x" "y" {\n  n = 2\n}\n' },
    ]);
    expect(r.documents[0]!.resources.map((x) => x.value.n)).toEqual([1]);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'terraform-duplicate', path: 'b.tf', line: 2 }),
    );
  });

  it('reads local modules through their callers, with inputs, outputs, addresses and files', () => {
    const r = loadTerraform(fixture('modules'));
    expect(r.documents.map((d) => d.path)).toEqual(['.']);
    const list = r.documents[0]!.resources;
    expect(list.map((x) => x.address)).toEqual([
      'module.net',
      'module.net.aws_vpc.this',
      'module.net.aws_subnet.a[0]',
      'module.net.aws_subnet.a[1]',
      'module.net.module.sg',
      'module.net.module.sg.aws_security_group.this',
      'module.buckets["data"]',
      'module.buckets["data"].aws_s3_bucket.this',
      'module.buckets["data"].aws_s3_bucket_versioning.this[0]',
      'module.buckets["logs"]',
      'module.buckets["logs"].aws_s3_bucket.this',
      'module.remote',
      'module.outside',
      'aws_instance.app',
    ]);
    const vpc = byAddress(list, 'module.net.aws_vpc.this');
    expect(vpc.value).toEqual({ cidr_block: '10.9.0.0/16', tags: { Name: 'core' } });
    expect([vpc.path, vpc.line, lineOf(vpc, ['cidr_block'])]).toEqual(['modules/network/main.tf', 4, 5]);
    expect(byAddress(list, 'module.net.aws_subnet.a[1]').value.cidr_block).toBe('10.9.1.0/24');
    const sg = byAddress(list, 'module.net.module.sg.aws_security_group.this');
    expect((sg.value.vpc_id as Unknown).refs).toEqual(['module.net.aws_vpc.this']);
    const versioning = byAddress(list, 'module.buckets["data"].aws_s3_bucket_versioning.this[0]');
    expect((versioning.value.bucket as Unknown).refs).toEqual(['module.buckets["data"].aws_s3_bucket.this']);
    const app = byAddress(list, 'aws_instance.app').value;
    expect((app.subnet_id as Unknown).refs).toEqual(['module.net.aws_subnet.a']);
    expect((app.subnet_id as Unknown).expr).toBe('module.net.subnet_cidrs[1]');
    expect(((app.vpc_security_group_ids as IacValue[])[0] as Unknown).refs).toEqual([
      'module.net.module.sg.aws_security_group.this',
    ]);
    expect(app.tags).toEqual({ Bucket: 'acme-logs', Vpc: expect.any(Unknown) });
    expect(((app.tags as Record<string, IacValue>).Vpc as Unknown).refs).toEqual(['module.remote']);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        level: 'info',
        code: 'terraform-module-outside-root',
        path: 'main.tf',
        line: 23,
      }),
    ]);
  });

  it('refuses modules that call themselves, directly or in a cycle, and still reads each once', () => {
    const r = loadTerraform(fixture('recursion'));
    expect(r.documents.map((d) => [d.path, d.resources.map((x) => x.address)])).toEqual([
      ['self', ['module.me', 'aws_s3_bucket.self']],
      ['a', ['module.b', 'module.b.module.a', 'module.b.aws_s3_bucket.b', 'aws_s3_bucket.a']],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['terraform-module-recursion', 'self/main.tf'],
      ['terraform-module-recursion', 'b/main.tf'],
    ]);
  });

  it('never throws: hostile files end as diagnostics', () => {
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_x, i) => (i * 7919) % 256)).toString('latin1');
    const deep = `locals {\n${Array.from({ length: 3000 }, (_x, i) => `  l${i} = local.l${i + 1}`).join('\n')}\n  l3000 = 1\n}\nresource "a" "b" {\n  v = local.l0\n}\n`;
    const files: SourceFile[] = [
      { path: 'g/bin.tf', text: garbage },
      { path: 'g/trunc.tf', text: 'resource "a" "b" {\n  x = "${' },
      { path: 'd/main.tf', text: deep },
      { path: 'v/terraform.tfvars', text: 'x = [' },
      { path: 'v/main.tf', text: 'variable "x" {}\nresource "a" "b" {\n  x = var.x\n}\n' },
    ];
    const r = loadTerraform(files);
    expect(r.diagnostics.filter((d) => d.code === 'syntax-error').map((d) => d.path)).toEqual([
      'g/bin.tf',
      'g/trunc.tf',
      'v/terraform.tfvars',
    ]);
    const deepValue = r.documents.find((d) => d.path === 'd')!.resources[0]!.value.v;
    expect(deepValue === 1 || isUnknown(deepValue!)).toBe(true);
    expect(isUnknown(r.documents.find((d) => d.path === 'v')!.resources[0]!.value.x!)).toBe(true);
  });

  // 2^60 values if anything expanded them: a regression never finishes, so the test timeout
  // catches it without a wall-clock assertion that a loaded machine would trip.
  it('stays fast on values that share themselves exponentially', { timeout: 60_000 }, () => {
    const doubling = Array.from({ length: 60 }, (_x, i) => `  l${i + 1} = [local.l${i}, local.l${i}]`).join(
      '\n',
    );
    const copy = (depth: number): string => (depth === 0 ? 'x' : `[for x in x : ${copy(depth - 1)}]`);
    const attrs = [
      'j = jsonencode(local.l60)',
      'd = distinct(local.l60)',
      'f = flatten(local.l60)',
      's = toset(local.l60)',
      'e = local.l60 == [local.l59, [local.l58, local.l58]]',
      `c = [for x in local.l60 : ${copy(59)}]`,
    ];
    const locals = (l0: string) => `locals {\n  l0 = ${l0}\n${doubling}\n}\n`;
    for (const l0 of ['["x", "y"]', '["x", aws_x.y.id]']) {
      const v = resources(
        `${locals(l0)}resource "a" "b" {\n  ${attrs.join('\n  ')}\n  n = length(local.l60)\n}\n`,
      )[0]!.value;
      for (const k of ['j', 'd', 'f', 's', 'e', 'c']) expect(isUnknown(v[k]!), `${k} of ${l0}`).toBe(true);
      expect(v.n).toBe(2);
    }
  });

  it('stops modules multiplying instances beyond the document budget', () => {
    const r = loadTerraform([
      { path: 'main.tf', text: 'module "m" {\n  source = "./m"\n  count  = 1000\n}\n' },
      { path: 'm/main.tf', text: 'resource "a" "b" {\n  count = 1000\n}\n' },
    ]);
    const n = r.documents[0]!.resources.length;
    expect(n).toBeGreaterThan(1000);
    expect(n).toBeLessThanOrEqual(52_000);
    expect(r.diagnostics.map((d) => d.code)).toContain('terraform-resource-limit');
  });
});

describe('Terraform JSON syntax', () => {
  const json = JSON.stringify(
    {
      '//': 'generated',
      variable: { env: { default: '${not-a-template}' }, port: { type: 'number' } },
      locals: { prefix: '${var.env}-app' },
      provider: { aws: [{ region: 'eu-west-1' }, { alias: 'us', region: 'us-east-1' }] },
      resource: {
        aws_s3_bucket: {
          logs: {
            bucket: '${local.prefix}-logs',
            versioning: [{ enabled: true }],
            tags: { Port: '${var.port}' },
          },
        },
        aws_security_group: {
          sg: {
            count: 2,
            name: 'sg-${count.index}',
            dynamic: {
              ingress: {
                for_each: '${[22, 443]}',
                iterator: 'rule',
                content: { from_port: '${rule.value}' },
              },
            },
          },
        },
      },
      data: {
        aws_iam_policy_document: { p: { statement: [{ resources: ['${aws_s3_bucket.logs.arn}/*'] }] } },
      },
    },
    null,
    2,
  );

  it('reads .tf.json as .tf: blocks by label, templates in strings, count, dynamic blocks, tfvars.json', () => {
    const r = loadTerraform([
      { path: 'main.tf.json', text: json },
      { path: 'terraform.tfvars.json', text: '{"port": "8080"}' },
    ]);
    expect(r.diagnostics).toEqual([]);
    const list = r.documents[0]!.resources;
    expect(list.map((x) => x.address)).toEqual([
      'provider.aws',
      'provider.aws.us',
      'aws_s3_bucket.logs',
      'aws_security_group.sg[0]',
      'aws_security_group.sg[1]',
      'data.aws_iam_policy_document.p',
    ]);
    const bucket = byAddress(list, 'aws_s3_bucket.logs');
    expect(bucket.value).toEqual({
      bucket: '${not-a-template}-app-logs',
      versioning: [{ enabled: true }],
      tags: { Port: 8080 },
    });
    expect(json.split('\n')[bucket.line - 1]).toContain('"logs"');
    expect(json.split('\n')[lineOf(bucket, ['versioning', 0, 'enabled']) - 1]).toContain('"enabled": true');
    expect(byAddress(list, 'aws_security_group.sg[1]').value).toEqual({
      name: 'sg-1',
      ingress: [{ from_port: 22 }, { from_port: 443 }],
    });
    const statement = (
      byAddress(list, 'data.aws_iam_policy_document.p').value.statement as IacValue[]
    )[0] as Record<string, IacValue>;
    const resource = (statement.resources as IacValue[])[0] as Unknown;
    expect([resource.expr, resource.refs]).toEqual(['${aws_s3_bucket.logs.arn}/*', ['aws_s3_bucket.logs']]);
  });

  it('reports invalid JSON and invalid templates with their line', () => {
    const r = loadTerraform([
      { path: 'a.tf.json', text: '{\n  "resource": {\n    "x": \n' },
      { path: 'b.tf.json', text: '{\n  "locals": {\n    "a": "${1 +}"\n  }\n}' },
      { path: 'c.tf.json', text: '[1]' },
    ]);
    expect(r.diagnostics.map((d) => [d.path, d.line, d.code])).toEqual([
      ['a.tf.json', 4, 'syntax-error'],
      ['b.tf.json', 3, 'syntax-error'],
      ['c.tf.json', 1, 'syntax-error'],
    ]);
  });
});

describe('Terraform through the IaC scan', () => {
  it('reports a rule violation on the line of the offending attribute, or of the resource when missing', async () => {
    const rule: IacRule = {
      id: 'iac/test-bucket-acl',
      title: 'test rule for the terraform loader',
      description: 'reports public ACLs and buckets without tags, to check lines end to end',
      severity: 'high',
      platform: 'terraform',
      resourceTypes: ['aws_s3_bucket'],
      cis: [],
      nist: ['AC-3'],
      remediation: 'set acl = "private"',
      references: [],
      *check(r) {
        if (r.value.acl === 'public-read') yield { message: 'public', at: ['acl'] };
        if (r.value.tags === undefined) yield { message: 'untagged', at: ['tags', 'Owner'] };
      },
    };
    const text =
      'locals {\n  acl = "public-read"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = local.acl\n}\n';
    const { drafts, diagnostics } = await analyse(
      [{ path: 'infra/main.tf', text }],
      [rule],
      [terraformParser],
    );
    expect(diagnostics).toEqual([]);
    expect(drafts.map((d) => [d.location.path, d.location.startLine, d.message])).toEqual([
      ['infra/main.tf', 6, 'aws_s3_bucket.b: public'],
      ['infra/main.tf', 4, 'aws_s3_bucket.b: untagged'],
    ]);
  });
});
