import type { IacResource } from '../../model.js';
import { awsRule, tfDoc } from './define.js';
import { expectFlag, isSet, num, str, strings } from './values.js';

/**
 * Databases created from another one (a read replica, a snapshot or point-in-time restore, an
 * Aurora global secondary) inherit storage settings when they are left out, so a missing
 * setting on them says nothing.
 */
const INHERITS = [
  'replicate_source_db',
  'snapshot_identifier',
  'restore_to_point_in_time',
  'replication_source_identifier',
  'global_cluster_identifier',
];
export const inheritsSettings = (r: IacResource): boolean => INHERITS.some((k) => isSet(r.value[k]));

export const RDS_DOCS = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide';

export const rdsStorageNotEncrypted = awsRule({
  id: 'iac/aws-rds-storage-not-encrypted',
  title: 'RDS database storage not encrypted',
  description:
    'Unencrypted RDS and Aurora storage leaves the data, its automated backups, snapshots and read ' +
    'replicas readable by anyone who obtains the underlying volumes or a shared snapshot. Encryption can ' +
    'only be chosen at creation: fixing it later means a snapshot copy and a restore. Replicas and ' +
    'restores that leave the setting out inherit it from their source and are not reported.',
  severity: 'high',
  cis: ['cis-aws:2.3.1'],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  remediation:
    'Encrypt the storage (at creation):\n\nresource "aws_db_instance" "app" {\n  # ...\n' +
    '  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}',
  references: [`${RDS_DOCS}/Overview.Encryption.html`, tfDoc('aws_db_instance')],
  check(r) {
    // kms_key_id without storage_encrypted either fails at apply or encrypts: not a silent gap.
    if (!isSet(r.value.storage_encrypted) && (inheritsSettings(r) || isSet(r.value.kms_key_id))) return [];
    // Aurora Serverless v1 clusters are always encrypted.
    const byDefault = r.type === 'aws_rds_cluster' && r.value.engine_mode === 'serverless';
    return expectFlag(r, {
      path: ['storage_encrypted'],
      want: true,
      byDefault,
      why: 'the database, its backups and snapshots are stored unencrypted',
    });
  },
});

export const rdsPubliclyAccessible = awsRule({
  id: 'iac/aws-rds-publicly-accessible',
  title: 'RDS database publicly accessible',
  description:
    'publicly_accessible = true gives the database a public DNS name resolving to a public IP, so only ' +
    'its security group stands between the internet and the database login. Databases belong in private ' +
    'subnets, reached from the application tier, a bastion or a VPN.',
  severity: 'high',
  cis: ['cis-aws:2.3.3'],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'],
  remediation:
    'Keep the database private:\n\nresource "aws_db_instance" "app" {\n  # ...\n  publicly_accessible = false\n}',
  references: [`${RDS_DOCS}/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding`],
  check: (r) =>
    expectFlag(r, {
      path: ['publicly_accessible'],
      want: false,
      byDefault: false,
      why: 'the database endpoint resolves to a public IP address',
    }),
});

export const rdsSnapshotPublic = awsRule({
  id: 'iac/aws-rds-snapshot-public',
  title: 'RDS snapshot shared publicly',
  description:
    'A DB snapshot shared with "all" can be copied and restored by any AWS account, with all the data ' +
    'it holds. Public snapshots are a recurring source of large breaches; share with named accounts only.',
  severity: 'critical',
  cis: [],
  nist: ['AC-3', 'AC-21'],
  cwe: ['CWE-732'],
  resourceTypes: ['aws_db_snapshot', 'aws_db_cluster_snapshot', 'aws_db_snapshot_copy'],
  remediation:
    'Share with specific accounts:\n\nresource "aws_db_snapshot" "release" {\n  # ...\n' +
    '  shared_accounts = ["123456789012"]\n}',
  references: [`${RDS_DOCS}/USER_ShareSnapshot.html`, tfDoc('aws_db_snapshot')],
  *check(r) {
    if (strings(r.value.shared_accounts).includes('all'))
      yield {
        message: 'shared_accounts includes "all": any AWS account can restore it',
        at: ['shared_accounts'],
      };
  },
});

/** Read replicas have no backups of their own to keep. */
const isReplica = (r: IacResource): boolean => isSet(r.value.replicate_source_db);

export const rdsBackupDisabled = awsRule({
  id: 'iac/aws-rds-backup-disabled',
  title: 'RDS automated backups disabled',
  description:
    'backup_retention_period = 0 turns off automated backups and point-in-time recovery: a dropped table, ' +
    'a corrupting deploy or ransomware cannot be rolled back. Read replicas are not checked.',
  severity: 'medium',
  cis: [],
  nist: ['CP-9', 'CP-10'],
  resourceTypes: ['aws_db_instance'],
  remediation:
    'Keep automated backups:\n\nresource "aws_db_instance" "app" {\n  # ...\n  backup_retention_period = 14\n}',
  references: [`${RDS_DOCS}/USER_WorkingWithAutomatedBackups.html`],
  *check(r) {
    if (!isReplica(r) && num(r.value.backup_retention_period) === 0)
      yield {
        message: 'backup_retention_period is 0: automated backups are off',
        at: ['backup_retention_period'],
      };
  },
});

export const MIN_BACKUP_DAYS = 7;

export const rdsBackupRetentionShort = awsRule({
  id: 'iac/aws-rds-backup-retention-short',
  title: 'RDS backup retention shorter than a week',
  description:
    `Backups kept less than ${MIN_BACKUP_DAYS} days (the API default is 1 day when the attribute is left ` +
    'out) often expire before a silent corruption or an intrusion is noticed. Read replicas are not checked; ' +
    'a retention of 0 is reported by iac/aws-rds-backup-disabled.',
  severity: 'low',
  cis: [],
  nist: ['CP-9'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  remediation:
    'Keep backups at least a week:\n\nresource "aws_rds_cluster" "app" {\n  # ...\n  backup_retention_period = 14\n}',
  references: [
    `${RDS_DOCS}/USER_WorkingWithAutomatedBackups.html#USER_WorkingWithAutomatedBackups.BackupRetention`,
  ],
  *check(r) {
    if (isReplica(r)) return;
    const raw = r.value.backup_retention_period;
    if (!isSet(raw)) {
      if (!inheritsSettings(r))
        yield { message: 'backup_retention_period is not set: backups are kept 1 day' };
      return;
    }
    const days = num(raw);
    if (days !== undefined && days > 0 && days < MIN_BACKUP_DAYS)
      yield { message: `backups are kept ${days} day(s)`, at: ['backup_retention_period'] };
  },
});

export const engineOf = (r: IacResource): string | undefined => str(r.value.engine);

/** RDS for MariaDB offers IAM authentication from 10.11 on; left out, engine_version is a current one. */
function mariadbSupportsIamAuth(version: unknown): boolean {
  if (version === undefined || version === null) return true;
  const m = typeof version === 'string' ? /^(\d+)\.(\d+)/.exec(version) : null;
  return m !== null && Number(m[1]) * 100 + Number(m[2]) >= 1011;
}

/** Whether the database's engine (and, for MariaDB, its version) supports IAM database authentication. */
export function supportsIamAuth(r: IacResource): boolean {
  const engine = engineOf(r);
  if (engine === 'mariadb') return mariadbSupportsIamAuth(r.value.engine_version);
  return engine !== undefined && /^(mysql|postgres|aurora|aurora-mysql|aurora-postgresql)$/.test(engine);
}
