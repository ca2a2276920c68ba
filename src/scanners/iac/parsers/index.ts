import { cloudformationParser } from './cloudformation.js';
import { composeParser } from './compose.js';
import { dockerfileParser } from './dockerfile.js';
import { iamJsonParser } from './iam-json.js';
import { kubernetesParser } from './kubernetes.js';
import type { IacParser } from './parser.js';
import { terraformParser } from './terraform/index.js';
import { terraformPlanParser } from './terraform-plan/index.js';

/** Every IaC format Gatehouse reads. Adding a format is adding one parser here. */
export const PARSERS: readonly IacParser[] = [
  kubernetesParser,
  dockerfileParser,
  composeParser,
  cloudformationParser,
  iamJsonParser,
  terraformParser,
  terraformPlanParser,
];

export const claimedByAny = (path: string): boolean => PARSERS.some((p) => p.claims(path));
