import { blocks, type IacResource, type IacValue, isUnknown } from '../../model.js';
import type { RuleContext } from '../../rule.js';
import { baseAddress, companionOf } from './companion.js';

/**
 * Whether a bucket setting is configured, either by the legacy inline block of `aws_s3_bucket`
 * (provider v3) or by the separate resource that replaced it in v4 (`aws_s3_bucket_versioning`
 * for `versioning { }`). A separate resource that may be for this bucket counts as configured.
 */
export function configuredElsewhere(bucket: IacResource, ctx: RuleContext, companionType: string): boolean {
  return companionOf(bucket, ctx, companionType, 'bucket') !== 'none';
}

/** Whether `value` designates `bucket`: a reference, its name, or its S3 domain name (CloudFront logging). */
function mentions(value: IacValue | undefined, bucket: IacResource): boolean {
  if (isUnknown(value)) return value.refs.some((ref) => baseAddress(ref) === baseAddress(bucket.address));
  const name = bucket.value.bucket;
  if (typeof value !== 'string' || typeof name !== 'string') return false;
  return value === name || value.startsWith(`${name}.s3.`);
}

/** Where log-producing resources name their destination bucket: [type, block (or '' for top level), attribute]. */
const LOG_DESTINATIONS: readonly (readonly [string, string, string])[] = [
  ['aws_s3_bucket_logging', '', 'target_bucket'],
  ['aws_s3_bucket', 'logging', 'target_bucket'],
  ['aws_lb', 'access_logs', 'bucket'],
  ['aws_alb', 'access_logs', 'bucket'],
  ['aws_elb', 'access_logs', 'bucket'],
  ['aws_cloudfront_distribution', 'logging_config', 'bucket'],
];

/**
 * A bucket that receives S3 server access logs or load balancer / CloudFront logs. Those
 * destinations only support SSE-S3, and logging a log bucket into itself loops, so the
 * encryption and access-logging rules leave them alone.
 */
export function isLogBucket(bucket: IacResource, ctx: RuleContext): boolean {
  if (bucket.value.acl === 'log-delivery-write') return true;
  return LOG_DESTINATIONS.some(([type, block, attribute]) =>
    ctx
      .ofType(type)
      .some((r) =>
        block === ''
          ? mentions(r.value[attribute], bucket)
          : blocks(r.value, block).some((b) => mentions(b[attribute], bucket)),
      ),
  );
}
