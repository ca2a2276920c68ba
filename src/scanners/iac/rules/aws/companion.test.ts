import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../context.js';
import { type IacObject, type IacResource, Positions, Unknown } from '../../model.js';
import { companionOf } from './companion.js';

function resource(address: string, value: IacObject, kind = 'resource'): IacResource {
  const parts = address.replace(/^data\./, '').split('.');
  return {
    platform: 'terraform',
    type: parts[0]!,
    kind,
    name: parts[1]!.replace(/\[.*$/, ''),
    address,
    path: 'main.tf',
    line: 1,
    endLine: 1,
    value,
    positions: new Positions(),
  };
}

function check(resources: IacResource[], target = resources[0]!) {
  const ctx = ruleContext({ platform: 'terraform', path: '.', resources });
  return companionOf(target, ctx, 'aws_s3_bucket_versioning', 'bucket');
}

const ref = (expr: string, ...refs: string[]) => new Unknown(expr, refs);

describe('companionOf', () => {
  it('is named by a reference, also to a count or for_each instance', () => {
    const bucket = resource('aws_s3_bucket.logs[1]', { bucket: 'logs-1' });
    const v = resource('aws_s3_bucket_versioning.logs', {
      bucket: ref('each.value.id', 'aws_s3_bucket.logs'),
    });
    expect(check([bucket, v])).toBe('named');
  });

  it('is named by the literal bucket name', () => {
    const bucket = resource('aws_s3_bucket.logs', { bucket: 'logs' });
    expect(check([bucket, resource('aws_s3_bucket_versioning.x', { bucket: 'logs' })])).toBe('named');
  });

  it('is none when the reference is to another bucket or a data source', () => {
    const bucket = resource('aws_s3_bucket.logs', { bucket: 'logs' });
    const other = resource('aws_s3_bucket.data', { bucket: 'data' });
    const shared = resource('data.aws_s3_bucket.shared', { bucket: 'shared' }, 'data');
    const v1 = resource('aws_s3_bucket_versioning.a', {
      bucket: ref('aws_s3_bucket.data.id', 'aws_s3_bucket.data'),
    });
    const v2 = resource('aws_s3_bucket_versioning.b', {
      bucket: ref('data.aws_s3_bucket.shared.id', 'data.aws_s3_bucket.shared'),
    });
    expect(check([bucket, other, shared, v1, v2])).toBe('none');
    const dangling = resource('aws_s3_bucket_versioning.c', {
      bucket: ref('aws_s3_bucket.gone.id', 'aws_s3_bucket.gone'),
    });
    expect(check([bucket, dangling])).toBe('none');
  });

  it('is maybe for a variable, or for a literal while the bucket name is computed', () => {
    const bucket = resource('aws_s3_bucket.logs', { bucket: 'logs' });
    expect(check([bucket, resource('aws_s3_bucket_versioning.x', { bucket: ref('var.bucket') })])).toBe(
      'maybe',
    );
    const computed = resource('aws_s3_bucket.logs', { bucket: ref('"${var.env}-logs"') });
    expect(check([computed, resource('aws_s3_bucket_versioning.x', { bucket: 'prod-logs' })])).toBe('maybe');
  });

  it('is none for a literal naming another bucket, or when nothing names it', () => {
    const bucket = resource('aws_s3_bucket.logs', { bucket: 'logs' });
    expect(check([bucket, resource('aws_s3_bucket_versioning.x', { bucket: 'other' })])).toBe('none');
    expect(check([bucket])).toBe('none');
  });
});
