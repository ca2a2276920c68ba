import { inferKind, knownString, type PolicyKind } from '../../iam/index.js';
import { get, type IacDocument, type IacResource, isUnknown, type KeyPath } from '../../model.js';
import type { RuleContext } from '../../rule.js';
import { type PermissionConditions, permissionStatement } from './permission.js';
import { labelled, type PolicySource, policyAt } from './source.js';
import { policyDocument } from './terraform-document.js';

/** Attributes holding a policy document (jsonencode object or JSON string), by resource type. */
const ATTRIBUTES: Record<string, readonly [string, PolicyKind][]> = {
  aws_iam_policy: [['policy', 'identity']],
  aws_iam_role_policy: [['policy', 'identity']],
  aws_iam_user_policy: [['policy', 'identity']],
  aws_iam_group_policy: [['policy', 'identity']],
  aws_iam_role: [['assume_role_policy', 'trust']],
  aws_s3_bucket_policy: [['policy', 'resource']],
  aws_s3_bucket: [['policy', 'resource']],
  aws_s3_access_point: [['policy', 'resource']],
  aws_sqs_queue_policy: [['policy', 'resource']],
  aws_sqs_queue: [['policy', 'resource']],
  aws_sns_topic_policy: [['policy', 'resource']],
  aws_sns_topic: [['policy', 'resource']],
  aws_kms_key: [['policy', 'resource']],
  aws_ecr_repository_policy: [['policy', 'resource']],
  aws_secretsmanager_secret_policy: [['policy', 'resource']],
  aws_secretsmanager_secret: [['policy', 'resource']],
  aws_efs_file_system_policy: [['policy', 'resource']],
  aws_elasticsearch_domain_policy: [['access_policies', 'resource']],
  aws_opensearch_domain_policy: [['access_policies', 'resource']],
  aws_api_gateway_rest_api_policy: [['policy', 'resource']],
  aws_api_gateway_rest_api: [['policy', 'resource']],
  aws_glue_resource_policy: [['policy', 'resource']],
  aws_cloudwatch_log_destination_policy: [['access_policy', 'resource']],
  aws_cloudwatch_log_resource_policy: [['policy_document', 'resource']],
  aws_ssoadmin_permission_set_inline_policy: [['inline_policy', 'identity']],
};

const DOCUMENT = 'aws_iam_policy_document';
const LAMBDA_PERMISSION = 'aws_lambda_permission';
const PERMISSION_CONDITIONS: PermissionConditions = [
  ['source_arn', 'ArnLike', 'aws:SourceArn'],
  ['source_account', 'StringEquals', 'aws:SourceAccount'],
  ['principal_org_id', 'StringEquals', 'aws:PrincipalOrgID'],
];

/** The Terraform types whose policies can be of `kind`; policy documents are always candidates. */
export function terraformTypes(kinds: readonly PolicyKind[]): string[] {
  const out = Object.entries(ATTRIBUTES)
    .filter(([, attrs]) => attrs.some(([, k]) => kinds.includes(k)))
    .map(([t]) => t);
  if (kinds.includes('identity') && !out.includes('aws_iam_role')) out.push('aws_iam_role');
  if (kinds.includes('resource')) out.push(LAMBDA_PERMISSION);
  return [...out, DOCUMENT];
}

/** Where a resource holds policies: its policy attributes and a role's `inline_policy` blocks. */
function locations(r: IacResource): [KeyPath, PolicyKind, string | undefined][] {
  const out: [KeyPath, PolicyKind, string | undefined][] = (ATTRIBUTES[r.type] ?? []).map(([a, k]) => [
    [a],
    k,
    undefined,
  ]);
  const inline = get(r.value, ['inline_policy']);
  if (r.type === 'aws_iam_role' && Array.isArray(inline))
    inline.forEach((b, i) => {
      out.push([['inline_policy', i, 'policy'], 'identity', `policy ${knownString(get(b, ['name'])) ?? i}`]);
    });
  return out;
}

const usesByDocument = new WeakMap<IacDocument, Map<string, Set<PolicyKind>>>();

/**
 * What each policy document data source is used as, from the resources of its module that refer
 * to it (computed once per module); one used only elsewhere (a module input, an output) is
 * judged by its content.
 */
function usesOf(doc: IacResource, ctx: RuleContext): Set<PolicyKind> {
  let uses = usesByDocument.get(ctx.document);
  if (!uses) {
    const found = new Map<string, Set<PolicyKind>>();
    for (const type of Object.keys(ATTRIBUTES))
      for (const r of ctx.ofType(type))
        for (const [path, kind] of locations(r)) {
          const v = get(r.value, path);
          if (isUnknown(v)) for (const ref of v.refs) found.set(ref, (found.get(ref) ?? new Set()).add(kind));
        }
    uses = found;
    usesByDocument.set(ctx.document, uses);
  }
  return new Set(uses.get(doc.address));
}

function documentSources(r: IacResource, ctx: RuleContext): PolicySource[] {
  if (r.kind !== 'data') return [];
  const policy = policyDocument(r.value);
  const kinds = usesOf(r, ctx);
  if (kinds.size === 0) kinds.add(inferKind(policy));
  return [...kinds].map((kind) => ({ kind, policy, subject: labelled(undefined) }));
}

/**
 * Inline documents only: a reference to a policy document data source is analysed on the data
 * source itself, where its statements have their own lines.
 */
export function terraformPolicies(r: IacResource, ctx: RuleContext): PolicySource[] {
  if (r.type === DOCUMENT) return documentSources(r, ctx);
  if (r.type === LAMBDA_PERMISSION) {
    const s = permissionStatement(
      r.value,
      { principal: 'principal', action: 'action' },
      PERMISSION_CONDITIONS,
    );
    return [{ kind: 'resource', policy: { statements: [s] }, subject: () => undefined }];
  }
  return locations(r).flatMap(([path, kind, label]) => {
    const policy = policyAt(get(r.value, path), path);
    return policy ? [{ kind, policy, subject: labelled(label) }] : [];
  });
}
