import type { IacRule } from '../rule.js';
import { AWS_RULES } from './aws/index.js';
import { AZURE_RULES } from './azure/index.js';
import { CLOUDFORMATION_RULES } from './cloudformation/index.js';
import { COMPOSE_RULES } from './compose/index.js';
import { DOCKERFILE_RULES } from './dockerfile/index.js';
import { GCP_RULES } from './gcp/index.js';
import { IAM_RULES } from './iam/index.js';
import { KUBERNETES_RULES } from './kubernetes/index.js';

/** Every built-in IaC rule, by platform pack. Adding a rule is adding it to its pack's array. */
export const IAC_RULES: readonly IacRule[] = [
  ...AWS_RULES,
  ...AZURE_RULES,
  ...GCP_RULES,
  ...KUBERNETES_RULES,
  ...DOCKERFILE_RULES,
  ...COMPOSE_RULES,
  ...IAM_RULES,
  ...CLOUDFORMATION_RULES,
];
