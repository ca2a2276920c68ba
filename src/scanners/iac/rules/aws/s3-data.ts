import { blocks, get, type IacResource, isUnknown, type KeyPath } from '../../model.js';
import type { Violation } from '../../rule.js';
import { awsRule, tfDoc } from './define.js';
import { configuredElsewhere, isLogBucket } from './s3-buckets.js';
import { flag, str } from './values.js';

/** The `sse_algorithm` of every rule of a server-side encryption configuration, with its path. */
function algorithms(config: IacResource['value'], prefix: KeyPath) {
  return blocks(config, 'rule').flatMap((rule, i) =>
    blocks(rule, 'apply_server_side_encryption_by_default').map((d, j) => ({
      value: d.sse_algorithm,
      at: [...prefix, 'rule', i, 'apply_server_side_encryption_by_default', j, 'sse_algorithm'] as KeyPath,
    })),
  );
}

function* notKms(found: ReturnType<typeof algorithms>): Generator<Violation> {
  for (const a of found)
    if (a.value === 'AES256')
      yield {
        message: 'sse_algorithm is AES256: objects are encrypted with S3-managed keys, not KMS',
        at: a.at,
      };
}

export const s3NotKmsEncrypted = awsRule({
  id: 'iac/aws-s3-bucket-not-kms-encrypted',
  title: 'S3 bucket default encryption does not use a KMS key',
  description:
    'Since January 2023 S3 encrypts every new object with S3-managed keys (SSE-S3), so a bucket is never ' +
    'unencrypted; what SSE-S3 does not give is control over the key. With SSE-KMS (ideally a customer ' +
    'managed key) reading an object also needs kms:Decrypt, which a key policy can restrict, and every ' +
    'use of the key is logged in CloudTrail. Low severity: this is defence in depth for sensitive data. ' +
    'Buckets that receive S3 access logs or load balancer / CloudFront logs are skipped, as those ' +
    'services only write to SSE-S3 buckets.',
  severity: 'low',
  cis: [],
  nist: ['SC-28', 'SC-12'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration'],
  remediation:
    'Encrypt with a KMS key:\n\n' +
    'resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n' +
    '  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n' +
    '      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n' +
    '    bucket_key_enabled = true\n  }\n}',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
    tfDoc('aws_s3_bucket_server_side_encryption_configuration'),
  ],
  *check(r, ctx) {
    if (r.type === 'aws_s3_bucket_server_side_encryption_configuration') {
      yield* notKms(algorithms(r.value, []));
      return;
    }
    if (isLogBucket(r, ctx)) return;
    const legacy = blocks(r.value, 'server_side_encryption_configuration');
    if (legacy.length > 0) {
      yield* notKms(legacy.flatMap((c, i) => algorithms(c, ['server_side_encryption_configuration', i])));
      return;
    }
    if (configuredElsewhere(r, ctx, 'aws_s3_bucket_server_side_encryption_configuration')) return;
    yield { message: 'no default encryption configuration: objects get S3-managed keys (SSE-S3), not KMS' };
  },
});

export const s3VersioningDisabled = awsRule({
  id: 'iac/aws-s3-bucket-versioning-disabled',
  title: 'S3 bucket versioning not enabled',
  description:
    'Without versioning, an overwrite or delete (a bug, a compromised credential, ransomware) destroys ' +
    'the data for good. Versioning keeps every version of every object so it can be restored, and is a ' +
    'prerequisite for replication, Object Lock and MFA delete.',
  severity: 'low',
  cis: [],
  nist: ['CP-9', 'SI-12'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_versioning'],
  remediation:
    'Enable versioning:\n\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n' +
    '  versioning_configuration {\n    status = "Enabled"\n  }\n}',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    tfDoc('aws_s3_bucket_versioning'),
  ],
  *check(r, ctx) {
    if (r.type === 'aws_s3_bucket_versioning') {
      const at: KeyPath = ['versioning_configuration', 0, 'status'];
      const status = str(get(r.value, at));
      if (status !== undefined && status !== 'Enabled')
        yield { message: `versioning status is ${status}`, at };
      return;
    }
    const legacy = blocks(r.value, 'versioning');
    if (legacy.length > 0) {
      const at: KeyPath = ['versioning', 0, 'enabled'];
      if (flag(get(r.value, at), false) === false)
        yield { message: 'versioning.enabled is false or not set', at };
      return;
    }
    if (configuredElsewhere(r, ctx, 'aws_s3_bucket_versioning')) return;
    yield { message: 'no versioning configuration: overwritten and deleted objects cannot be recovered' };
  },
});

export const s3AccessLoggingDisabled = awsRule({
  id: 'iac/aws-s3-bucket-access-logging-disabled',
  title: 'S3 bucket server access logging not enabled',
  description:
    'Server access logs record every request made to the bucket (who, what object, when, from where). ' +
    'CloudTrail only records object-level operations when data events are configured, so without access ' +
    'logs an investigation cannot tell which objects were read. Buckets that are themselves the ' +
    'destination of access, load balancer or CloudFront logs are skipped: logging them to themselves loops.',
  severity: 'medium',
  cis: [],
  nist: ['AU-2', 'AU-12'],
  resourceTypes: ['aws_s3_bucket'],
  remediation:
    'Send access logs to a dedicated log bucket:\n\nresource "aws_s3_bucket_logging" "data" {\n' +
    '  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n' +
    '  target_prefix = "s3/data/"\n}',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    tfDoc('aws_s3_bucket_logging'),
  ],
  *check(r, ctx) {
    if (blocks(r.value, 'logging').length > 0 || isUnknown(r.value.logging)) return;
    if (configuredElsewhere(r, ctx, 'aws_s3_bucket_logging') || isLogBucket(r, ctx)) return;
    yield { message: 'no access logging configuration for this bucket' };
  },
});

export const s3MfaDeleteDisabled = awsRule({
  id: 'iac/aws-s3-bucket-mfa-delete-disabled',
  title: 'S3 bucket versioning without MFA delete',
  description:
    'With MFA delete, permanently deleting an object version or suspending versioning needs the root ' +
    "user's MFA code, so a stolen access key cannot wipe the bucket's history. It can only be enabled by " +
    'the root user (the provider passes the MFA code in `mfa`), which is why it is reserved for buckets ' +
    'holding records that must survive a compromise (CloudTrail logs, backups). Only buckets with ' +
    'versioning enabled are checked.',
  severity: 'low',
  cis: ['cis-aws:2.1.2'],
  nist: ['AU-9', 'CP-9'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_versioning'],
  remediation:
    'Enable MFA delete (applied with the root user\'s credentials):\n\nresource "aws_s3_bucket_versioning" "trail" {\n' +
    '  bucket = aws_s3_bucket.trail.id\n  mfa    = "${var.root_mfa_serial} ${var.root_mfa_code}"\n' +
    '  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}',
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html'],
  *check(r) {
    if (r.type === 'aws_s3_bucket_versioning') {
      const config = blocks(r.value, 'versioning_configuration')[0];
      if (config?.status !== 'Enabled') return;
      const at: KeyPath = ['versioning_configuration', 0, 'mfa_delete'];
      if (config.mfa_delete === undefined || config.mfa_delete === 'Disabled')
        yield { message: 'versioning is enabled without MFA delete', at };
      return;
    }
    const legacy = blocks(r.value, 'versioning')[0];
    if (!legacy || flag(legacy.enabled, false) !== true) return;
    if (flag(legacy.mfa_delete, false) === false)
      yield { message: 'versioning is enabled without MFA delete', at: ['versioning', 0, 'mfa_delete'] };
  },
});
