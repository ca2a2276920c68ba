import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type IacResource, type IacValue, isUnknown, lineOf, type Unknown } from '../../model.js';
import type { ParseResult } from '../parser.js';
import { terraformPlanParser } from './index.js';
import { parseJsonWithLines } from './json-lines.js';

const PLAN = readFileSync(
  join(import.meta.dirname, '../../../../../test/fixtures/iac/terraform/plan/plan.json'),
  'utf8',
);

const parse = (text: string, path = 'plan.json') =>
  terraformPlanParser.parse([{ path, text }]) as ParseResult;

function resources(): IacResource[] {
  const r = parse(PLAN);
  expect(r.diagnostics).toEqual([]);
  return r.documents[0]!.resources;
}

const byAddress = (address: string) => resources().find((r) => r.address === address)!;

describe('terraform-plan parser', () => {
  it('claims JSON files and accepts only plans', () => {
    expect(terraformPlanParser.claims('out/plan.json')).toBe(true);
    expect(terraformPlanParser.claims('main.tf')).toBe(false);
    expect(terraformPlanParser.accepts!(PLAN, 'plan.json')).toBe(true);
    expect(terraformPlanParser.accepts!('{"format_version": "1.0", "values": {}}', 'state.json')).toBe(false);
    expect(terraformPlanParser.accepts!('{"Resources": {}}', 'template.json')).toBe(false);
  });

  it('reads the resources of the root module and of nested child modules, with the plan addresses', () => {
    const r = parse(PLAN);
    expect(r.documents.map((d) => [d.platform, d.path])).toEqual([['terraform', 'plan.json']]);
    expect(resources().map((x) => [x.kind, x.type, x.name, x.address])).toEqual([
      ['resource', 'aws_s3_bucket', 'logs', 'aws_s3_bucket.logs'],
      ['resource', 'aws_s3_bucket_public_access_block', 'logs', 'aws_s3_bucket_public_access_block.logs'],
      ['resource', 'aws_security_group', 'web', 'aws_security_group.web[0]'],
      ['data', 'aws_iam_policy_document', 'read', 'data.aws_iam_policy_document.read'],
      ['resource', 'aws_vpc', 'this', 'module.net.aws_vpc.this'],
      ['resource', 'aws_flow_log', 'this', 'module.net.module.flow["main"].aws_flow_log.this'],
      ['provider', 'aws', 'aws', 'provider.aws'],
    ]);
  });

  it('keeps values as the plan gives them: blocks are already lists of objects', () => {
    expect(byAddress('aws_security_group.web[0]').value.ingress).toEqual([
      expect.objectContaining({ from_port: 22, cidr_blocks: ['0.0.0.0/0'] }),
    ]);
    expect(byAddress('aws_s3_bucket.logs').value.tags).toEqual({ Team: 'platform' });
  });

  it('makes values the plan marks unknown Unknown, with the references the configuration records', () => {
    const pab = byAddress('aws_s3_bucket_public_access_block.logs').value;
    expect((pab.bucket as Unknown).refs).toContain('aws_s3_bucket.logs');
    expect(isUnknown(pab.id!)).toBe(true);
    expect(pab.block_public_policy).toBe(false);
    const sg = byAddress('aws_security_group.web[0]').value;
    const ingress = (sg.ingress as IacValue[])[0] as Record<string, IacValue>;
    expect(isUnknown(ingress.security_groups!)).toBe(true);
    expect(ingress.cidr_blocks).toEqual(['0.0.0.0/0']);
    const flow = byAddress('module.net.module.flow["main"].aws_flow_log.this').value;
    expect((flow.vpc_id as Unknown).refs).toContain('module.net.module.flow.aws_vpc.x');
  });

  it('leaves out null (unset) attributes, and keys after_unknown mentions without marking them unknown', () => {
    const bucket = byAddress('aws_s3_bucket.logs').value;
    expect(Object.keys(bucket).sort()).toEqual([
      'arn',
      'bucket',
      'force_destroy',
      'id',
      'tags',
      'versioning',
    ]);
  });

  it('records the line of each resource object and of each attribute in the JSON', () => {
    const sg = byAddress('aws_security_group.web[0]');
    expect(PLAN.split('\n')[sg.line - 1]).toMatch(/^\s*\{\s*$/);
    expect(PLAN.split('\n')[sg.line]).toContain('"address": "aws_security_group.web[0]"');
    expect(PLAN.split('\n')[sg.endLine - 1]).toMatch(/^\s*\},?\s*$/);
    expect(PLAN.split('\n')[lineOf(sg, ['ingress', 0, 'from_port']) - 1]).toContain('"from_port": 22');
    expect(PLAN.split('\n')[lineOf(sg, ['ingress', 0, 'cidr_blocks', 0]) - 1]).toContain('0.0.0.0/0');
    expect(lineOf(sg, ['vpc_id'])).toBe(sg.line);
  });

  it('reads provider configurations: constants as values, references as Unknowns', () => {
    const aws = byAddress('provider.aws');
    expect(aws.value.region).toBe('eu-west-1');
    const role = ((aws.value.assume_role as IacValue[])[0] as Record<string, IacValue>).role_arn;
    expect(isUnknown(role!)).toBe(true);
  });

  it('reads a plan without planned_values from the after state of its changes, skipping deletions', () => {
    const plan = JSON.stringify({
      format_version: '1.2',
      resource_changes: [
        { address: 'a.keep', type: 'a', name: 'keep', change: { actions: ['update'], after: { x: 1 } } },
        { address: 'a.gone', type: 'a', name: 'gone', change: { actions: ['delete'], after: null } },
      ],
    });
    expect(parse(plan).documents[0]!.resources.map((r) => [r.address, r.value])).toEqual([
      ['a.keep', { x: 1 }],
    ]);
  });

  it('reports invalid JSON with its line and never throws', () => {
    const r = parse('{\n  "format_version": "1.2",\n  "planned_values": {\n    "root_module": [1, 2,\n');
    expect(r.documents).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'syntax-error', line: 5 }),
    ]);
    for (const text of ['', 'null', '"format_version" "planned_values"', '[[[[', `${'['.repeat(100_000)}`])
      expect(() => parse(text)).not.toThrow();
    expect(parse('{"format_version":"1","planned_values":null}').documents[0]!.resources).toEqual([]);
  });
});

describe('JSON with lines', () => {
  it('parses like JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}, "c": []}';
    expect(parseJsonWithLines(text).value).toEqual(JSON.parse(text));
  });

  it('remembers the line of each key and item, and where objects start and end', () => {
    const { value, where } = parseJsonWithLines('{\n  "a": 1,\n  "b": [\n    2,\n\n    3\n  ]\n}');
    const w = where.get(value as object)!;
    expect([w.line, w.endLine, w.lines.get('a'), w.lines.get('b')]).toEqual([1, 8, 2, 3]);
    const b = where.get((value as Record<string, IacValue>).b as object)!;
    expect([b.lines.get(0), b.lines.get(1)]).toEqual([4, 6]);
  });

  it('keeps keys such as __proto__ as data', () => {
    const v = parseJsonWithLines('{"__proto__": {"x": 1}}').value as Record<string, IacValue>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBeNull();
  });

  it('rejects what JSON rejects', () => {
    for (const bad of ['{a: 1}', '[1,]', '{"a" 1}', '"x', '01', 'tru', '{"a":1}x'])
      expect(() => parseJsonWithLines(bad), bad).toThrow();
  });
});
