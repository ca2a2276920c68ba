import { get } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { cfnDoc, cfnRule, isOff } from './define.js';

const VOLUME = 'AWS::EC2::Volume';

export const ebsVolumeEncrypted = cfnRule({
  id: 'iac/aws-ebs-volume-encrypted-cfn',
  title: 'EBS volume is not encrypted',
  description:
    'Encrypted defaults to false unless the account turned on EBS encryption by default in the region, which the template cannot see: the volume, its snapshots and the data moving between it and the instance are then unencrypted. Volumes created from a snapshot inherit its encryption and are not reported.',
  severity: 'medium',
  resourceTypes: [VOLUME],
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  remediation:
    'Encrypt the volume, with a KMS key:\n\n```yaml\nProperties:\n  Encrypted: true\n  KmsKeyId: !Ref VolumeKey\n```',
  references: [cfnDoc(VOLUME), 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
  *check(r) {
    if (get(r.value, ['SnapshotId']) === undefined && isOff(get(r.value, ['Encrypted'])))
      yield {
        message: 'Encrypted is not true: the volume and its snapshots are unencrypted',
        at: ['Encrypted'],
      };
  },
});

export const STORAGE_RULES: readonly IacRule[] = [ebsVolumeEncrypted];
