import type { IacResource } from '../../model.js';
import type { IacRule, RuleContext, Violation } from '../../rule.js';

export type AwsRuleSpec = Omit<IacRule, 'platform' | 'check'> & {
  check(r: IacResource, ctx: RuleContext): Iterable<Violation>;
};

/**
 * A Terraform AWS rule. It runs on managed resources only: a `data "aws_s3_bucket"` block
 * reads a bucket managed elsewhere, and its settings are not this code's to fix.
 */
export function awsRule(spec: AwsRuleSpec): IacRule {
  return {
    ...spec,
    platform: 'terraform',
    check: (r, ctx) => (r.kind === 'resource' ? spec.check(r, ctx) : []),
  };
}

/** The AWS provider's page for a resource type, e.g. `s3_bucket_versioning`. */
export const tfDoc = (type: string): string =>
  `https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/${type.replace(/^aws_/, '')}`;
