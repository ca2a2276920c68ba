import type { IacRule } from '../../rule.js';
import { CLOUDTRAIL_RULES } from './cloudtrail.js';
import { ELB_RULES } from './elb.js';
import { KMS_RULES } from './kms.js';
import { LAMBDA_RULES } from './lambda.js';
import { MESSAGING_RULES } from './messaging.js';
import { RDS_RULES } from './rds.js';
import { S3_RULES } from './s3.js';
import { SECURITY_GROUP_RULES } from './security-groups.js';
import { STORAGE_RULES } from './storage.js';

/** AWS essentials on CloudFormation templates (IAM policies are in the IAM pack). */
export const CLOUDFORMATION_RULES: readonly IacRule[] = [
  ...S3_RULES,
  ...RDS_RULES,
  ...SECURITY_GROUP_RULES,
  ...STORAGE_RULES,
  ...CLOUDTRAIL_RULES,
  ...KMS_RULES,
  ...MESSAGING_RULES,
  ...LAMBDA_RULES,
  ...ELB_RULES,
];
