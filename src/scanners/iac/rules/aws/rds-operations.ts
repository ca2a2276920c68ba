import { awsRule } from './define.js';
import { engineOf, inheritsSettings, RDS_DOCS, supportsIamAuth } from './rds.js';
import { expectFlag, flag, isSet } from './values.js';

export const rdsDeletionProtection = awsRule({
  id: 'iac/aws-rds-deletion-protection-disabled',
  title: 'RDS deletion protection disabled',
  description:
    'Without deletion protection a single API call, a mistaken `terraform destroy` or a resource ' +
    'replacement deletes the database. Protection makes deletion a deliberate two-step change.',
  severity: 'low',
  cis: [],
  nist: ['CP-9', 'CM-3'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  remediation: 'resource "aws_rds_cluster" "app" {\n  # ...\n  deletion_protection = true\n}',
  references: [`${RDS_DOCS}/USER_DeleteInstance.html#USER_DeletionProtection`],
  check: (r) =>
    isSet(r.value.replicate_source_db)
      ? []
      : expectFlag(r, {
          path: ['deletion_protection'],
          want: true,
          byDefault: false,
          why: 'the database can be deleted by a single call',
        }),
});

export const rdsIamAuthDisabled = awsRule({
  id: 'iac/aws-rds-iam-auth-disabled',
  title: 'RDS IAM database authentication disabled',
  description:
    'IAM database authentication replaces long-lived database passwords with 15-minute tokens issued to ' +
    'IAM principals, so access is granted, audited and revoked in IAM. Checked for the MySQL, MariaDB ' +
    '(10.11 and later), PostgreSQL and Aurora engines, which support it.',
  severity: 'low',
  cis: [],
  nist: ['IA-2', 'AC-2'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  remediation: 'resource "aws_db_instance" "app" {\n  # ...\n  iam_database_authentication_enabled = true\n}',
  references: [`${RDS_DOCS}/UsingWithRDS.IAMDBAuth.html`],
  check: (r) =>
    !supportsIamAuth(r) || isSet(r.value.replicate_source_db)
      ? []
      : expectFlag(r, {
          path: ['iam_database_authentication_enabled'],
          want: true,
          byDefault: false,
          why: 'database access relies on static passwords',
        }),
});

export const rdsMultiAzDisabled = awsRule({
  id: 'iac/aws-rds-multi-az-disabled',
  title: 'RDS instance not Multi-AZ',
  description:
    'A single-AZ instance is unavailable during an AZ outage, and its maintenance and instance failures ' +
    'cause downtime that a standby would absorb. Low severity: availability, not confidentiality. Aurora ' +
    'engines get their redundancy from cluster instances and are not checked.',
  severity: 'low',
  cis: [],
  nist: ['CP-10'],
  resourceTypes: ['aws_db_instance'],
  remediation: 'resource "aws_db_instance" "app" {\n  # ...\n  multi_az = true\n}',
  references: [`${RDS_DOCS}/Concepts.MultiAZ.html`],
  check: (r) =>
    engineOf(r)?.startsWith('aurora') || isSet(r.value.replicate_source_db)
      ? []
      : expectFlag(r, {
          path: ['multi_az'],
          want: true,
          byDefault: false,
          why: 'the database runs in one AZ',
        }),
});

export const rdsMinorUpgradeDisabled = awsRule({
  id: 'iac/aws-rds-auto-minor-upgrade-disabled',
  title: 'RDS automatic minor version upgrade disabled',
  description:
    'Minor engine versions carry security fixes. With automatic minor upgrades off, they are applied only ' +
    'when someone remembers to, and known vulnerabilities stay open in the meantime.',
  severity: 'low',
  cis: ['cis-aws:2.3.2'],
  nist: ['SI-2'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'],
  remediation: 'resource "aws_db_instance" "app" {\n  # ...\n  auto_minor_version_upgrade = true\n}',
  references: [`${RDS_DOCS}/USER_UpgradeDBInstance.Maintenance.html`],
  check: (r) =>
    expectFlag(r, {
      path: ['auto_minor_version_upgrade'],
      want: true,
      byDefault: true,
      why: 'engine security fixes are not applied automatically',
    }),
});

export const rdsPerformanceInsightsKms = awsRule({
  id: 'iac/aws-rds-performance-insights-not-cmk',
  title: 'RDS Performance Insights not encrypted with a customer managed key',
  description:
    'Performance Insights stores query text and wait statistics, which can contain literal data from SQL ' +
    'statements. Without performance_insights_kms_key_id it is encrypted with the AWS managed aws/rds key, ' +
    'whose use cannot be restricted by a key policy of your own.',
  severity: 'low',
  cis: [],
  nist: ['SC-12', 'SC-28'],
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'],
  remediation:
    'resource "aws_db_instance" "app" {\n  # ...\n  performance_insights_enabled    = true\n' +
    '  performance_insights_kms_key_id = aws_kms_key.rds.arn\n}',
  references: [`${RDS_DOCS}/USER_PerfInsights.Enabling.html`],
  *check(r) {
    if (flag(r.value.performance_insights_enabled, false) !== true || inheritsSettings(r)) return;
    if (!isSet(r.value.performance_insights_kms_key_id))
      yield {
        message: 'Performance Insights data is encrypted with the AWS managed aws/rds key',
        at: ['performance_insights_enabled'],
      };
  },
});
