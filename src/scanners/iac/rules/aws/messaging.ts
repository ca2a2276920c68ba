import { awsRule, tfDoc } from './define.js';
import { flag, isSet } from './values.js';

export const sqsNotEncrypted = awsRule({
  id: 'iac/aws-sqs-queue-not-encrypted',
  title: 'SQS queue not encrypted at rest',
  description:
    'New SQS queues are encrypted with SQS-managed keys (SSE-SQS) unless told otherwise. A queue with ' +
    'sqs_managed_sse_enabled = false and no kms_master_key_id stores its messages unencrypted. Queues ' +
    'that leave both out get SSE-SQS and are not reported.',
  severity: 'medium',
  cis: [],
  nist: ['SC-28'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_sqs_queue'],
  remediation:
    'resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = true\n}',
  references: [
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
    tfDoc('aws_sqs_queue'),
  ],
  *check(r) {
    if (isSet(r.value.kms_master_key_id)) return;
    if (flag(r.value.sqs_managed_sse_enabled, true) === false)
      yield {
        message: 'sqs_managed_sse_enabled is false and no KMS key: messages are stored unencrypted',
        at: ['sqs_managed_sse_enabled'],
      };
  },
});

export const snsNotEncrypted = awsRule({
  id: 'iac/aws-sns-topic-not-encrypted',
  title: 'SNS topic not encrypted at rest',
  description:
    'SNS does not encrypt topics by default: messages waiting for delivery are stored unencrypted unless ' +
    'kms_master_key_id names a KMS key (alias/aws/sns or, better, your own key).',
  severity: 'medium',
  cis: [],
  nist: ['SC-28'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_sns_topic'],
  remediation:
    'resource "aws_sns_topic" "alerts" {\n  name              = "alerts"\n  kms_master_key_id = aws_kms_key.sns.id\n}',
  references: [
    'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
    tfDoc('aws_sns_topic'),
  ],
  *check(r) {
    if (!isSet(r.value.kms_master_key_id))
      yield { message: 'kms_master_key_id is not set: messages are stored unencrypted' };
  },
});
