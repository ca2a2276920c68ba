import { awsRule, tfDoc } from './define.js';
import { expectFlag, flag, isSet } from './values.js';

const CT_DOCS = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide';
const TYPES = ['aws_cloudtrail'];

export const cloudtrailNotMultiRegion = awsRule({
  id: 'iac/aws-cloudtrail-not-multi-region',
  title: 'CloudTrail trail records one region only',
  description:
    'A single-region trail misses API activity in every other region, which is where an attacker ' +
    'with stolen credentials starts instances or hides resources. A multi-region trail also records ' +
    'activity in regions enabled later. Turning off include_global_service_events drops the events of ' +
    'global services (IAM, STS, CloudFront) as well.',
  severity: 'medium',
  cis: ['cis-aws:3.1'],
  nist: ['AU-2', 'AU-12'],
  resourceTypes: TYPES,
  remediation: 'resource "aws_cloudtrail" "main" {\n  # ...\n  is_multi_region_trail = true\n}',
  references: [`${CT_DOCS}/receive-cloudtrail-log-files-from-multiple-regions.html`, tfDoc('aws_cloudtrail')],
  *check(r) {
    yield* expectFlag(r, {
      path: ['is_multi_region_trail'],
      want: true,
      byDefault: false,
      why: 'API activity in other regions is not recorded',
    });
    if (flag(r.value.include_global_service_events, true) === false)
      yield {
        message: 'include_global_service_events is false: IAM, STS and CloudFront events are not recorded',
        at: ['include_global_service_events'],
      };
  },
});

export const cloudtrailValidationDisabled = awsRule({
  id: 'iac/aws-cloudtrail-log-validation-disabled',
  title: 'CloudTrail log file validation disabled',
  description:
    'Log file validation writes signed digest files so that any modification or deletion of a log file ' +
    'can be proven. Without it, an intruder with access to the bucket can edit the trail unnoticed.',
  severity: 'medium',
  cis: ['cis-aws:3.2'],
  nist: ['AU-9', 'SI-7'],
  resourceTypes: TYPES,
  remediation: 'resource "aws_cloudtrail" "main" {\n  # ...\n  enable_log_file_validation = true\n}',
  references: [`${CT_DOCS}/cloudtrail-log-file-validation-intro.html`],
  check: (r) =>
    expectFlag(r, {
      path: ['enable_log_file_validation'],
      want: true,
      byDefault: false,
      why: 'tampering with log files cannot be detected',
    }),
});

export const cloudtrailNotKms = awsRule({
  id: 'iac/aws-cloudtrail-not-kms-encrypted',
  title: 'CloudTrail logs not encrypted with a KMS key',
  description:
    'Trail logs describe the whole account. Encrypted with a KMS key (SSE-KMS), reading them also ' +
    'requires kms:Decrypt on that key, so access to the log bucket alone is not enough, and every ' +
    'decryption is itself logged.',
  severity: 'medium',
  cis: ['cis-aws:3.5'],
  nist: ['AU-9', 'SC-28'],
  resourceTypes: TYPES,
  remediation: 'resource "aws_cloudtrail" "main" {\n  # ...\n  kms_key_id = aws_kms_key.cloudtrail.arn\n}',
  references: [`${CT_DOCS}/encrypting-cloudtrail-log-files-with-aws-kms.html`],
  *check(r) {
    if (!isSet(r.value.kms_key_id))
      yield { message: 'kms_key_id is not set: logs use S3-managed encryption only' };
  },
});

export const cloudtrailNoCloudwatch = awsRule({
  id: 'iac/aws-cloudtrail-no-cloudwatch-logs',
  title: 'CloudTrail trail not sent to CloudWatch Logs',
  description:
    'Delivering the trail to CloudWatch Logs is what makes real-time metric filters and alarms possible ' +
    '(root account use, console sign-in failures, IAM and security group changes). A trail only in S3 ' +
    'is read after the fact, if at all.',
  severity: 'low',
  cis: [],
  nist: ['AU-6', 'SI-4'],
  resourceTypes: TYPES,
  remediation:
    'resource "aws_cloudtrail" "main" {\n  # ...\n  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n' +
    '  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn\n}',
  references: [`${CT_DOCS}/send-cloudtrail-events-to-cloudwatch-logs.html`],
  *check(r) {
    if (!isSet(r.value.cloud_watch_logs_group_arn))
      yield { message: 'cloud_watch_logs_group_arn is not set: events cannot drive alarms' };
  },
});

export const cloudtrailLoggingDisabled = awsRule({
  id: 'iac/aws-cloudtrail-logging-disabled',
  title: 'CloudTrail trail logging turned off',
  description:
    'enable_logging = false creates the trail stopped: it exists, and looks compliant in an inventory, but ' +
    'records nothing.',
  severity: 'high',
  cis: ['cis-aws:3.1'],
  nist: ['AU-2', 'AU-12'],
  resourceTypes: TYPES,
  remediation: 'resource "aws_cloudtrail" "main" {\n  # ...\n  enable_logging = true\n}',
  references: [tfDoc('aws_cloudtrail')],
  check: (r) =>
    expectFlag(r, {
      path: ['enable_logging'],
      want: true,
      byDefault: true,
      why: 'the trail records nothing',
    }),
});
