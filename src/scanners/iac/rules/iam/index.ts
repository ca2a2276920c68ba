import { IAM_CHECKS, type IamCheck } from '../../iam/index.js';
import type { IacResource } from '../../model.js';
import { POLICY_DOCUMENT_TYPE } from '../../parsers/iam-json.js';
import type { IacRule, RuleContext, Violation } from '../../rule.js';
import { cfnPolicies, cfnTypes } from './cfn-sources.js';
import { jsonPolicies } from './json-sources.js';
import { CHECK_META, type CheckMeta, type PolicyFormat } from './meta.js';
import type { PolicySource } from './source.js';
import { terraformPolicies, terraformTypes } from './terraform-sources.js';

interface Format {
  suffix: string;
  /** Terraform policies are also written as `data "aws_iam_policy_document"` blocks. */
  kinds?: readonly string[];
  types(check: IamCheck): string[];
  policies(r: IacResource, ctx: RuleContext): PolicySource[];
}

/**
 * One analysis, three rules: Terraform (`iac/aws-iam-<check>`), CloudFormation (`-cfn`) and raw
 * policy JSON files (`-json`), so each platform's findings carry their own remediation snippet.
 */
const FORMATS: Record<PolicyFormat, Format> = {
  terraform: {
    suffix: '',
    kinds: ['resource', 'data'],
    types: (c) => terraformTypes(c.kinds),
    policies: terraformPolicies,
  },
  cloudformation: { suffix: '-cfn', types: (c) => cfnTypes(c.kinds), policies: cfnPolicies },
  iam: { suffix: '-json', types: () => [POLICY_DOCUMENT_TYPE], policies: jsonPolicies },
};

function* violations(check: IamCheck, sources: readonly PolicySource[]): Iterable<Violation> {
  // A policy document used as two kinds of policy is still analysed once per check.
  const seen = new Set<PolicySource['policy']>();
  for (const source of sources) {
    if (!check.kinds.includes(source.kind) || seen.has(source.policy)) continue;
    seen.add(source.policy);
    for (const issue of check.run(source.policy)) {
      const subject = source.subject(issue.statement);
      yield { message: issue.message, at: issue.at, ...(subject ? { subject } : {}) };
    }
  }
}

function rule(meta: CheckMeta, platform: PolicyFormat): IacRule {
  const format = FORMATS[platform];
  const check = IAM_CHECKS[meta.check];
  return {
    id: `iac/aws-iam-${meta.slug}${format.suffix}`,
    title: meta.title,
    description: meta.description,
    severity: meta.severity,
    ...(meta.confidence ? { confidence: meta.confidence } : {}),
    platform,
    resourceTypes: format.types(check),
    ...(format.kinds ? { kinds: format.kinds } : {}),
    cis: [],
    nist: meta.nist,
    cwe: meta.cwe,
    remediation: meta.remediation[platform],
    references: meta.references,
    check: (r, ctx) => violations(check, format.policies(r, ctx)),
  };
}

/** Least-privilege rules on IAM policies wherever they are written. */
export const IAM_RULES: readonly IacRule[] = CHECK_META.flatMap((m) =>
  (['terraform', 'cloudformation', 'iam'] as const).map((p) => rule(m, p)),
);
