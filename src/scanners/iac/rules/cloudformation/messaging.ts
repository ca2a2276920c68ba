import { get } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { cfnDoc, cfnRule, isOn } from './define.js';

const QUEUE = 'AWS::SQS::Queue';
const TOPIC = 'AWS::SNS::Topic';

export const sqsQueueKms = cfnRule({
  id: 'iac/aws-sqs-queue-kms-cfn',
  title: 'SQS queue is not encrypted with a KMS key',
  description:
    'Without KmsMasterKeyId, messages are at best encrypted with keys SQS owns (SSE-SQS, the default for new queues): no key policy limits who can read them and no CloudTrail event records their decryption. With SqsManagedSseEnabled: false they are not encrypted at all.',
  severity: 'low',
  resourceTypes: [QUEUE],
  cis: [],
  nist: ['SC-28'],
  cwe: ['CWE-311'],
  remediation:
    'Encrypt with a customer managed key:\n\n```yaml\nProperties:\n  KmsMasterKeyId: !Ref QueueKey\n  KmsDataKeyReusePeriodSeconds: 300\n```',
  references: [
    cfnDoc(QUEUE),
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
  ],
  *check(r) {
    if (get(r.value, ['KmsMasterKeyId']) !== undefined || isOn(get(r.value, ['SqsManagedSseEnabled'])))
      return;
    const off = get(r.value, ['SqsManagedSseEnabled']) !== undefined;
    yield {
      message: off
        ? 'SqsManagedSseEnabled is false and there is no KmsMasterKeyId: messages are stored unencrypted'
        : 'no KmsMasterKeyId: messages are not protected by a key you control; set KmsMasterKeyId',
      at: off ? ['SqsManagedSseEnabled'] : ['KmsMasterKeyId'],
    };
  },
});

export const snsTopicKms = cfnRule({
  id: 'iac/aws-sns-topic-kms-cfn',
  title: 'SNS topic is not encrypted',
  description:
    'SNS topics have no encryption at rest unless KmsMasterKeyId is set: published messages, which often carry application data or alerts with identifiers, are stored unencrypted until delivered.',
  severity: 'medium',
  resourceTypes: [TOPIC],
  cis: [],
  nist: ['SC-28'],
  cwe: ['CWE-311'],
  remediation:
    'Encrypt with a KMS key (the AWS managed `alias/aws/sns` at least):\n\n```yaml\nProperties:\n  KmsMasterKeyId: !Ref TopicKey\n```',
  references: [cfnDoc(TOPIC), 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html'],
  *check(r) {
    if (get(r.value, ['KmsMasterKeyId']) === undefined)
      yield {
        message: 'no KmsMasterKeyId: messages are stored unencrypted; set KmsMasterKeyId',
        at: ['KmsMasterKeyId'],
      };
  },
});

export const MESSAGING_RULES: readonly IacRule[] = [sqsQueueKms, snsTopicKms];
