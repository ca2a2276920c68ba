import { awsRule, tfDoc } from './define.js';
import { expectFlag, isSet, num, str } from './values.js';

const KMS_DOCS = 'https://docs.aws.amazon.com/kms/latest/developerguide';

export const kmsRotationDisabled = awsRule({
  id: 'iac/aws-kms-key-rotation-disabled',
  title: 'KMS key rotation not enabled',
  description:
    'Automatic rotation replaces the key material of a symmetric KMS key every year (or the period set) ' +
    'while keeping old material for decryption, limiting how much data one key version protects and how ' +
    'long leaked material stays useful. Asymmetric, HMAC and custom key store keys cannot rotate ' +
    'automatically and are not checked.',
  severity: 'medium',
  cis: ['cis-aws:3.6'],
  nist: ['SC-12'],
  cwe: ['CWE-320'],
  resourceTypes: ['aws_kms_key'],
  remediation: 'resource "aws_kms_key" "data" {\n  # ...\n  enable_key_rotation = true\n}',
  references: [`${KMS_DOCS}/rotate-keys.html`, tfDoc('aws_kms_key')],
  check(r) {
    const spec = r.value.customer_master_key_spec ?? r.value.key_spec;
    const symmetric = !isSet(spec) || spec === 'SYMMETRIC_DEFAULT';
    const hmac = str(r.value.key_usage) === 'GENERATE_VERIFY_MAC';
    if (!symmetric || hmac || isSet(r.value.custom_key_store_id)) return [];
    return expectFlag(r, {
      path: ['enable_key_rotation'],
      want: true,
      byDefault: false,
      why: 'the key material is never rotated',
    });
  },
});

export const MIN_DELETION_WINDOW_DAYS = 14;

export const kmsDeletionWindowShort = awsRule({
  id: 'iac/aws-kms-key-deletion-window-short',
  title: 'KMS key deletion window shorter than two weeks',
  description:
    'Deleting a KMS key makes everything encrypted under it unrecoverable. The waiting period (7 to 30 ' +
    'days, 30 by default) is the only chance to notice and cancel a mistaken or malicious deletion; ' +
    `below ${MIN_DELETION_WINDOW_DAYS} days a scheduled deletion can complete between two weekly reviews ` +
    'or before an alert on ScheduleKeyDeletion is handled.',
  severity: 'low',
  cis: [],
  nist: ['SC-12', 'CP-9'],
  resourceTypes: ['aws_kms_key'],
  remediation: 'resource "aws_kms_key" "data" {\n  # ...\n  deletion_window_in_days = 30\n}',
  references: [`${KMS_DOCS}/deleting-keys.html#deleting-keys-scheduling-key-deletion`],
  *check(r) {
    const days = num(r.value.deletion_window_in_days);
    if (days !== undefined && days < MIN_DELETION_WINDOW_DAYS)
      yield { message: `deletion_window_in_days is ${days}`, at: ['deletion_window_in_days'] };
  },
});
