/**
 * Terraform rules for the AWS provider (v4/v5: the split S3 bucket resources and the standalone
 * security group rule resources are read as well as the legacy inline blocks).
 *
 * CIS ids follow the CIS Amazon Web Services Foundations Benchmark v3.0.0 numbering (e.g. 3.5 for
 * CloudTrail KMS encryption, 3.7 for VPC flow logs); checks whose only CIS id exists in older
 * versions (CloudTrail to CloudWatch, S3 default encryption, password complexity) carry none.
 */

import type { IacRule } from '../../rule.js';
import { cloudfrontAllowsHttp, cloudfrontOutdatedTls } from './cloudfront.js';
import {
  cloudtrailLoggingDisabled,
  cloudtrailNoCloudwatch,
  cloudtrailNotKms,
  cloudtrailNotMultiRegion,
  cloudtrailValidationDisabled,
} from './cloudtrail.js';
import { ec2PublicIp, imdsv2NotRequired } from './compute.js';
import {
  ecrMutableTags,
  ecrNotKms,
  ecrScanOnPush,
  eksLoggingDisabled,
  eksPublicEndpoint,
  eksSecretsEncryption,
} from './containers.js';
import {
  docdbNotEncrypted,
  dynamodbNotCmk,
  dynamodbPitr,
  elasticacheAtRest,
  elasticacheInTransit,
  redshiftNotEncrypted,
  redshiftPublic,
} from './databases.js';
import {
  credentialInState,
  passwordComplexity,
  passwordExpiry,
  passwordLength,
  passwordReuse,
  userDirectPolicy,
} from './iam.js';
import { kmsDeletionWindowShort, kmsRotationDisabled } from './kms.js';
import {
  lambdaDeprecatedRuntime,
  lambdaEnvSecret,
  lambdaNoDlq,
  lambdaNoTracing,
  lambdaUrlNoAuth,
} from './lambda.js';
import { albDropInvalidHeaders, lbAccessLogs, lbHttpNoRedirect, lbOutdatedTls } from './load-balancers.js';
import { snsNotEncrypted, sqsNotEncrypted } from './messaging.js';
import {
  apiGatewayAccessLogging,
  apiGatewayXray,
  configRecorderNotEnabled,
  configRecorderPartial,
  guarddutyDisabled,
} from './monitoring.js';
import { naclAdminPortsOpen, vpcFlowLogsDisabled } from './network.js';
import {
  opensearchAtRest,
  opensearchHttps,
  opensearchNodeToNode,
  opensearchNotInVpc,
  opensearchOutdatedTls,
} from './opensearch.js';
import {
  rdsBackupDisabled,
  rdsBackupRetentionShort,
  rdsPubliclyAccessible,
  rdsSnapshotPublic,
  rdsStorageNotEncrypted,
} from './rds.js';
import {
  rdsDeletionProtection,
  rdsIamAuthDisabled,
  rdsMinorUpgradeDisabled,
  rdsMultiAzDisabled,
  rdsPerformanceInsightsKms,
} from './rds-operations.js';
import {
  s3AccessLoggingDisabled,
  s3MfaDeleteDisabled,
  s3NotKmsEncrypted,
  s3VersioningDisabled,
} from './s3-data.js';
import {
  s3AccountPublicAccessBlockDisabled,
  s3NoPublicAccessBlock,
  s3PublicAccessBlockDisabled,
  s3PublicAcl,
} from './s3-public.js';
import { secretRotation, ssmSecretNotSecure } from './secrets.js';
import {
  defaultSgHasRules,
  sgAllPortsOpen,
  sgDataStoreOpen,
  sgEgressOpen,
  sgRdpOpen,
  sgRiskyServiceOpen,
  sgSshOpen,
} from './sg-rules.js';
import {
  amiPublic,
  ebsDefaultEncryptionDisabled,
  ebsVolumeNotEncrypted,
  ec2BlockDeviceNotEncrypted,
  ec2BlockPublicAccessDisabled,
  efsNotEncrypted,
} from './storage.js';

export const AWS_RULES: readonly IacRule[] = [
  s3PublicAcl,
  s3PublicAccessBlockDisabled,
  s3AccountPublicAccessBlockDisabled,
  s3NoPublicAccessBlock,
  s3NotKmsEncrypted,
  s3VersioningDisabled,
  s3AccessLoggingDisabled,
  s3MfaDeleteDisabled,
  sgSshOpen,
  sgRdpOpen,
  sgDataStoreOpen,
  sgRiskyServiceOpen,
  sgAllPortsOpen,
  sgEgressOpen,
  defaultSgHasRules,
  vpcFlowLogsDisabled,
  naclAdminPortsOpen,
  rdsStorageNotEncrypted,
  rdsPubliclyAccessible,
  rdsSnapshotPublic,
  rdsBackupDisabled,
  rdsBackupRetentionShort,
  rdsDeletionProtection,
  rdsIamAuthDisabled,
  rdsMultiAzDisabled,
  rdsMinorUpgradeDisabled,
  rdsPerformanceInsightsKms,
  ebsVolumeNotEncrypted,
  ec2BlockDeviceNotEncrypted,
  ebsDefaultEncryptionDisabled,
  ec2BlockPublicAccessDisabled,
  amiPublic,
  efsNotEncrypted,
  imdsv2NotRequired,
  ec2PublicIp,
  kmsRotationDisabled,
  kmsDeletionWindowShort,
  cloudtrailNotMultiRegion,
  cloudtrailValidationDisabled,
  cloudtrailNotKms,
  cloudtrailNoCloudwatch,
  cloudtrailLoggingDisabled,
  guarddutyDisabled,
  configRecorderNotEnabled,
  configRecorderPartial,
  apiGatewayAccessLogging,
  apiGatewayXray,
  passwordLength,
  passwordReuse,
  passwordComplexity,
  passwordExpiry,
  userDirectPolicy,
  credentialInState,
  lambdaUrlNoAuth,
  lambdaNoDlq,
  lambdaNoTracing,
  lambdaEnvSecret,
  lambdaDeprecatedRuntime,
  eksPublicEndpoint,
  eksLoggingDisabled,
  eksSecretsEncryption,
  ecrScanOnPush,
  ecrMutableTags,
  ecrNotKms,
  lbHttpNoRedirect,
  lbOutdatedTls,
  albDropInvalidHeaders,
  lbAccessLogs,
  cloudfrontAllowsHttp,
  cloudfrontOutdatedTls,
  sqsNotEncrypted,
  snsNotEncrypted,
  dynamodbPitr,
  dynamodbNotCmk,
  elasticacheAtRest,
  elasticacheInTransit,
  redshiftPublic,
  redshiftNotEncrypted,
  docdbNotEncrypted,
  opensearchAtRest,
  opensearchNodeToNode,
  opensearchHttps,
  opensearchOutdatedTls,
  opensearchNotInVpc,
  secretRotation,
  ssmSecretNotSecure,
];
