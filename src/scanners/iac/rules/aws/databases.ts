import { isUnknown } from '../../model.js';
import { awsRule, tfDoc } from './define.js';
import { inheritsSettings } from './rds.js';
import { expectFlag, isSet } from './values.js';

export const dynamodbPitr = awsRule({
  id: 'iac/aws-dynamodb-pitr-disabled',
  title: 'DynamoDB table without point-in-time recovery',
  description:
    'Point-in-time recovery keeps continuous backups for 35 days, so a table damaged by a bad write, a ' +
    'bug or a malicious actor can be restored to the second before. Without it only on-demand backups, ' +
    'if any, exist.',
  severity: 'low',
  cis: [],
  nist: ['CP-9'],
  resourceTypes: ['aws_dynamodb_table'],
  remediation:
    'resource "aws_dynamodb_table" "orders" {\n  # ...\n  point_in_time_recovery {\n    enabled = true\n  }\n}',
  references: [
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
    tfDoc('aws_dynamodb_table'),
  ],
  check: (r) =>
    isUnknown(r.value.point_in_time_recovery)
      ? []
      : expectFlag(r, {
          path: ['point_in_time_recovery', 0, 'enabled'],
          want: true,
          byDefault: false,
          why: 'the table cannot be restored to an earlier point in time',
        }),
});

export const dynamodbNotCmk = awsRule({
  id: 'iac/aws-dynamodb-not-kms-encrypted',
  title: 'DynamoDB table encrypted with an AWS owned key',
  description:
    'DynamoDB always encrypts tables; without server_side_encryption enabled the key is owned by AWS ' +
    'and invisible to you. A KMS key (AWS managed or your own) adds CloudTrail records of its use and, ' +
    'with your own key, a key policy that controls who can read the data. Low severity: defence in depth.',
  severity: 'low',
  cis: [],
  nist: ['SC-12', 'SC-28'],
  resourceTypes: ['aws_dynamodb_table'],
  remediation:
    'resource "aws_dynamodb_table" "orders" {\n  # ...\n  server_side_encryption {\n    enabled     = true\n' +
    '    kms_key_arn = aws_kms_key.dynamodb.arn\n  }\n}',
  references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'],
  check: (r) =>
    isUnknown(r.value.server_side_encryption)
      ? []
      : expectFlag(r, {
          path: ['server_side_encryption', 0, 'enabled'],
          want: true,
          byDefault: false,
          why: 'the table is encrypted with a key you cannot control or audit',
        }),
});

const ELASTICACHE_DOCS = 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg';
const REPLICATION_GROUP = ['aws_elasticache_replication_group'];

export const elasticacheAtRest = awsRule({
  id: 'iac/aws-elasticache-not-encrypted-at-rest',
  title: 'ElastiCache replication group not encrypted at rest',
  description:
    'Without at-rest encryption, cached data written to disk (snapshots, swap, backups exported to S3) is ' +
    'stored in clear. It can only be enabled when the group is created. Valkey groups default to ' +
    'encrypted; Redis OSS groups do not.',
  severity: 'medium',
  cis: [],
  nist: ['SC-28'],
  cwe: ['CWE-311'],
  resourceTypes: REPLICATION_GROUP,
  remediation:
    'resource "aws_elasticache_replication_group" "cache" {\n  # ...\n  at_rest_encryption_enabled = true\n  kms_key_id                 = aws_kms_key.cache.arn\n}',
  references: [`${ELASTICACHE_DOCS}/at-rest-encryption.html`, tfDoc('aws_elasticache_replication_group')],
  check: (r) =>
    expectFlag(r, {
      path: ['at_rest_encryption_enabled'],
      want: true,
      byDefault: r.value.engine === 'valkey',
      why: 'cache data is stored unencrypted',
    }),
});

export const elasticacheInTransit = awsRule({
  id: 'iac/aws-elasticache-not-encrypted-in-transit',
  title: 'ElastiCache replication group without in-transit encryption',
  description:
    'Without TLS, cache traffic between clients and nodes, and replication between nodes, is in clear ' +
    'text: session data, tokens and cached records can be read by anyone on the network path. It is also ' +
    'required for Redis AUTH tokens to be sent safely.',
  severity: 'medium',
  cis: [],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  resourceTypes: REPLICATION_GROUP,
  remediation:
    'resource "aws_elasticache_replication_group" "cache" {\n  # ...\n  transit_encryption_enabled = true\n}',
  references: [`${ELASTICACHE_DOCS}/in-transit-encryption.html`],
  check: (r) =>
    expectFlag(r, {
      path: ['transit_encryption_enabled'],
      want: true,
      byDefault: false,
      why: 'cache traffic is not encrypted',
    }),
});

const REDSHIFT_DOCS = 'https://docs.aws.amazon.com/redshift/latest/mgmt';

export const redshiftPublic = awsRule({
  id: 'iac/aws-redshift-publicly-accessible',
  title: 'Redshift cluster publicly accessible',
  description:
    'A publicly accessible cluster gets a public IP and endpoint, leaving only its security group and ' +
    'the database login between the internet and the warehouse. Only an explicit true is reported: the ' +
    'default depends on the provider version, and AWS made new clusters private by default in 2025.',
  severity: 'high',
  cis: [],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  resourceTypes: ['aws_redshift_cluster'],
  remediation: 'resource "aws_redshift_cluster" "dw" {\n  # ...\n  publicly_accessible = false\n}',
  references: [`${REDSHIFT_DOCS}/managing-clusters-vpc.html`, tfDoc('aws_redshift_cluster')],
  *check(r) {
    if (r.value.publicly_accessible === true || r.value.publicly_accessible === 'true')
      yield { message: 'publicly_accessible is true', at: ['publicly_accessible'] };
  },
});

export const redshiftNotEncrypted = awsRule({
  id: 'iac/aws-redshift-not-encrypted',
  title: 'Redshift cluster not encrypted',
  description:
    'An unencrypted cluster stores the warehouse data, its snapshots and backups in clear. Only an ' +
    'explicit encrypted = false is reported: the default depends on the provider version, and AWS ' +
    'encrypts new clusters by default since 2025.',
  severity: 'high',
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_redshift_cluster'],
  remediation:
    'resource "aws_redshift_cluster" "dw" {\n  # ...\n  encrypted  = true\n  kms_key_id = aws_kms_key.redshift.arn\n}',
  references: [`${REDSHIFT_DOCS}/working-with-db-encryption.html`],
  *check(r) {
    if (r.value.encrypted === false || r.value.encrypted === 'false')
      yield { message: 'encrypted is false: the warehouse is stored unencrypted', at: ['encrypted'] };
  },
});

export const docdbNotEncrypted = awsRule({
  id: 'iac/aws-docdb-not-encrypted',
  title: 'DocumentDB or Neptune cluster storage not encrypted',
  description:
    'DocumentDB and Neptune clusters are created unencrypted unless storage_encrypted = true, which ' +
    'can only be chosen at creation. Unencrypted clusters store data, backups and snapshots in clear. ' +
    'Clusters restored from a snapshot inherit its encryption and are not reported when the attribute is left out.',
  severity: 'high',
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  resourceTypes: ['aws_docdb_cluster', 'aws_neptune_cluster'],
  remediation:
    'resource "aws_docdb_cluster" "docs" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.docdb.arn\n}',
  references: [
    'https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html',
    'https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html',
  ],
  check: (r) =>
    !isSet(r.value.storage_encrypted) && inheritsSettings(r)
      ? []
      : expectFlag(r, {
          path: ['storage_encrypted'],
          want: true,
          byDefault: false,
          why: 'the cluster, its backups and snapshots are stored unencrypted',
        }),
});
