import { bool, get, type IacResource } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { cfnDoc, cfnRule, isOff, isOn, text } from './define.js';

const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';

/** Properties through which storage encryption is inherited rather than chosen. */
const INHERITS: Record<string, readonly string[]> = {
  [INSTANCE]: [
    'DBClusterIdentifier',
    'SourceDBInstanceIdentifier',
    'DBSnapshotIdentifier',
    'SourceDBClusterIdentifier',
  ],
  [CLUSTER]: ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'ReplicationSourceIdentifier'],
};

/** Aurora instances take encryption from their cluster; Aurora Serverless v1 is always encrypted. */
function choosesEncryption(r: IacResource): boolean {
  if ((INHERITS[r.type] ?? []).some((p) => get(r.value, [p]) !== undefined)) return false;
  if (r.type === INSTANCE && text(get(r.value, ['Engine']))?.startsWith('aurora')) return false;
  return text(get(r.value, ['EngineMode'])) !== 'serverless';
}

export const rdsStorageEncrypted = cfnRule({
  id: 'iac/aws-rds-storage-encrypted-cfn',
  title: 'RDS database storage is not encrypted',
  description:
    'StorageEncrypted defaults to false: the database files, its automated backups, snapshots and read replicas are stored unencrypted, and encryption cannot be turned on later without copying a snapshot and restoring it.',
  severity: 'high',
  resourceTypes: [INSTANCE, CLUSTER],
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  remediation:
    'Encrypt the storage, with a KMS key:\n\n```yaml\nProperties:\n  StorageEncrypted: true\n  KmsKeyId: !Ref DatabaseKey\n```',
  references: [
    cfnDoc(INSTANCE),
    cfnDoc(CLUSTER),
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  ],
  *check(r) {
    const encrypted = get(r.value, ['StorageEncrypted']);
    // Inherited encryption is not reported unless the template explicitly turns it off.
    if (choosesEncryption(r) ? isOff(encrypted) : bool(encrypted) === false)
      yield {
        message: 'StorageEncrypted is not true: data, backups and snapshots are unencrypted',
        at: ['StorageEncrypted'],
      };
  },
});

export const rdsPubliclyAccessible = cfnRule({
  id: 'iac/aws-rds-publicly-accessible-cfn',
  title: 'RDS database instance is publicly accessible',
  description:
    'PubliclyAccessible: true gives the instance a public DNS name and IP address: with a permissive security group, the database login is open to the internet, where database ports are scanned continuously.',
  severity: 'high',
  resourceTypes: [INSTANCE],
  cis: [],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-668'],
  remediation:
    'Keep the instance private and reach it through the VPC:\n\n```yaml\nProperties:\n  PubliclyAccessible: false\n  DBSubnetGroupName: !Ref PrivateSubnets\n```',
  references: [
    cfnDoc(INSTANCE),
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
  ],
  *check(r) {
    if (isOn(get(r.value, ['PubliclyAccessible'])))
      yield { message: 'PubliclyAccessible is true; set it to false', at: ['PubliclyAccessible'] };
  },
});

export const RDS_RULES: readonly IacRule[] = [rdsStorageEncrypted, rdsPubliclyAccessible];
