import { blocks, type IacObject, type KeyPath } from '../../model.js';
import type { RuleContext, Violation } from '../../rule.js';
import { awsRule, tfDoc } from './define.js';
import { expectFlag, flag, isSet } from './values.js';

const EC2_DOCS = 'https://docs.aws.amazon.com/ebs/latest/userguide';

/**
 * Whether the document turns on EBS encryption by default for the account and region: then every
 * new volume is encrypted whatever the resource says. An unknown `enabled` may be on.
 */
const encryptedByDefault = (ctx: RuleContext): boolean =>
  ctx.ofType('aws_ebs_encryption_by_default').some((r) => flag(r.value.enabled, true) !== false);

export const ebsVolumeNotEncrypted = awsRule({
  id: 'iac/aws-ebs-volume-not-encrypted',
  title: 'EBS volume not encrypted',
  description:
    'An unencrypted EBS volume, and every snapshot taken from it, stores data in clear; snapshots are ' +
    'easy to share or copy by mistake. Volumes created from a snapshot inherit its encryption, and an ' +
    'aws_ebs_encryption_by_default resource in the same configuration encrypts every volume: neither is ' +
    'reported.',
  severity: 'high',
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_ebs_volume'],
  remediation:
    'resource "aws_ebs_volume" "data" {\n  # ...\n  encrypted  = true\n  kms_key_id = aws_kms_key.ebs.arn\n}',
  references: [`${EC2_DOCS}/ebs-encryption.html`, tfDoc('aws_ebs_volume')],
  check(r, ctx) {
    if (encryptedByDefault(ctx) || (!isSet(r.value.encrypted) && isSet(r.value.snapshot_id))) return [];
    return expectFlag(r, {
      path: ['encrypted'],
      want: true,
      byDefault: false,
      why: 'the volume stores data in clear',
    });
  },
});

/** The block devices an instance, launch configuration or launch template declares, with their paths. */
function blockDevices(r: {
  type: string;
  value: IacObject;
}): { device: IacObject; at: KeyPath; root: boolean }[] {
  if (r.type === 'aws_launch_template')
    return blocks(r.value, 'block_device_mappings').flatMap((m, i) =>
      blocks(m, 'ebs').map((device, j) => ({
        device,
        at: ['block_device_mappings', i, 'ebs', j],
        root: true,
      })),
    );
  return [
    ...blocks(r.value, 'root_block_device').map((device, i) => ({
      device,
      at: ['root_block_device', i],
      root: true,
    })),
    ...blocks(r.value, 'ebs_block_device').map((device, i) => ({
      device,
      at: ['ebs_block_device', i],
      root: false,
    })),
  ];
}

export const ec2BlockDeviceNotEncrypted = awsRule({
  id: 'iac/aws-ec2-block-device-not-encrypted',
  title: 'EC2 block device not encrypted',
  description:
    'Volumes declared on an instance, launch configuration or launch template are created unencrypted ' +
    'unless encrypted = true, the source snapshot is encrypted, or EBS encryption by default is on. ' +
    'A root device (and any launch template mapping, which may override the root device) is only ' +
    'reported when encryption is explicitly off, since its encryption otherwise follows the AMI.',
  severity: 'high',
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_instance', 'aws_launch_configuration', 'aws_launch_template'],
  remediation:
    'resource "aws_instance" "app" {\n  # ...\n  root_block_device {\n    encrypted = true\n  }\n' +
    '  ebs_block_device {\n    device_name = "/dev/sdf"\n    volume_size = 100\n    encrypted   = true\n  }\n}',
  references: [
    `${EC2_DOCS}/ebs-encryption.html`,
    'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  ],
  *check(r, ctx): Generator<Violation> {
    if (encryptedByDefault(ctx)) return;
    for (const { device, at, root } of blockDevices(r)) {
      const encrypted = flag(device.encrypted, false);
      const missing = !isSet(device.encrypted);
      if (encrypted !== false || (missing && (root || isSet(device.snapshot_id)))) continue;
      const name = typeof device.device_name === 'string' ? device.device_name : `${at[0]} ${at[1]}`;
      yield {
        message: `${name} is not encrypted${missing ? ' (encrypted not set)' : ''}`,
        at: missing ? at : [...at, 'encrypted'],
        subject: name,
      };
    }
  },
});

export const ebsDefaultEncryptionDisabled = awsRule({
  id: 'iac/aws-ebs-default-encryption-disabled',
  title: 'EBS encryption by default turned off',
  description:
    'EBS encryption by default makes every new volume and snapshot copy in the region encrypted, whoever ' +
    'creates it and however. Turning it off lets unencrypted volumes appear through any tool that forgets ' +
    'the flag.',
  severity: 'medium',
  cis: ['cis-aws:2.2.1'],
  nist: ['SC-28'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_ebs_encryption_by_default'],
  remediation: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}',
  references: ['https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html'],
  check: (r) =>
    expectFlag(r, {
      path: ['enabled'],
      want: true,
      byDefault: true,
      why: 'new volumes are unencrypted unless each one asks for encryption',
    }),
});

export const ec2BlockPublicAccessDisabled = awsRule({
  id: 'iac/aws-ec2-image-snapshot-block-public-access-disabled',
  title: 'Block public access for EBS snapshots or AMIs turned off',
  description:
    'The account-level block public access settings for EBS snapshots and AMIs stop anyone in the ' +
    'account from sharing a snapshot or image with the whole world, where it can be copied with every ' +
    'file, credential and key on its disks. "unblocked" removes that guard.',
  severity: 'medium',
  cis: [],
  nist: ['AC-3', 'AC-21'],
  cwe: ['CWE-732'],
  resourceTypes: ['aws_ebs_snapshot_block_public_access', 'aws_ec2_image_block_public_access'],
  remediation:
    'resource "aws_ebs_snapshot_block_public_access" "this" {\n  state = "block-all-sharing"\n}\n\n' +
    'resource "aws_ec2_image_block_public_access" "this" {\n  state = "block-new-sharing"\n}',
  references: [
    'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html',
  ],
  *check(r) {
    if (r.value.state === 'unblocked')
      yield { message: 'state is "unblocked": public sharing is allowed', at: ['state'] };
  },
});

export const amiPublic = awsRule({
  id: 'iac/aws-ami-public',
  title: 'AMI shared publicly',
  description:
    'An AMI launch permission for the group "all" lets every AWS account launch the image and read its ' +
    'disks, with whatever was baked in: application code, configuration, keys, credentials.',
  severity: 'high',
  cis: [],
  nist: ['AC-3', 'AC-21'],
  cwe: ['CWE-732'],
  resourceTypes: ['aws_ami_launch_permission'],
  remediation:
    'Share with accounts or your organization:\n\nresource "aws_ami_launch_permission" "org" {\n' +
    '  image_id         = aws_ami.app.id\n  organization_arn = data.aws_organizations_organization.this.arn\n}',
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html',
    tfDoc('aws_ami_launch_permission'),
  ],
  *check(r) {
    if (r.value.group === 'all')
      yield { message: 'group is "all": every AWS account can launch the image', at: ['group'] };
  },
});

export const efsNotEncrypted = awsRule({
  id: 'iac/aws-efs-not-encrypted',
  title: 'EFS file system not encrypted at rest',
  description:
    'EFS encryption at rest can only be chosen when the file system is created; the provider leaves it off ' +
    'unless encrypted = true. Unencrypted file systems store data and metadata in clear.',
  severity: 'high',
  cis: ['cis-aws:2.4.1'],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_efs_file_system'],
  remediation:
    'resource "aws_efs_file_system" "shared" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.efs.arn\n}',
  references: [
    'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
    tfDoc('aws_efs_file_system'),
  ],
  check: (r) =>
    expectFlag(r, { path: ['encrypted'], want: true, byDefault: false, why: 'files are stored unencrypted' }),
});
