import { knownString, type PolicyKind } from '../../iam/index.js';
import { get, type IacResource, type IacValue, type KeyPath } from '../../model.js';
import { type PermissionConditions, permissionStatement } from './permission.js';
import { labelled, type PolicySource, policyAt } from './source.js';

/** Properties holding a whole policy document, by resource type. */
const DOCUMENTS: Record<string, readonly [string, PolicyKind][]> = {
  'AWS::IAM::Policy': [['PolicyDocument', 'identity']],
  'AWS::IAM::ManagedPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::RolePolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::UserPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::GroupPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::Role': [['AssumeRolePolicyDocument', 'trust']],
  'AWS::S3::BucketPolicy': [['PolicyDocument', 'resource']],
  'AWS::S3::AccessPoint': [['Policy', 'resource']],
  'AWS::SQS::QueuePolicy': [['PolicyDocument', 'resource']],
  'AWS::SNS::TopicPolicy': [['PolicyDocument', 'resource']],
  'AWS::KMS::Key': [['KeyPolicy', 'resource']],
  'AWS::SecretsManager::ResourcePolicy': [['ResourcePolicy', 'resource']],
  'AWS::ECR::Repository': [['RepositoryPolicyText', 'resource']],
  'AWS::EFS::FileSystem': [['FileSystemPolicy', 'resource']],
  'AWS::OpenSearchService::Domain': [['AccessPolicies', 'resource']],
  'AWS::Elasticsearch::Domain': [['AccessPolicies', 'resource']],
  'AWS::ApiGateway::RestApi': [['Policy', 'resource']],
  'AWS::Logs::Destination': [['DestinationPolicy', 'resource']],
  'AWS::Logs::ResourcePolicy': [['PolicyDocument', 'resource']],
  'AWS::SSO::PermissionSet': [['InlinePolicy', 'identity']],
};

/** Types with a `Policies` list of inline identity policies (SAM functions mix in managed names). */
const INLINE = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'];

const LAMBDA_PERMISSION = 'AWS::Lambda::Permission';

/** The CloudFormation types whose policies can be of `kind`. */
export function cfnTypes(kinds: readonly PolicyKind[]): string[] {
  const out = Object.entries(DOCUMENTS)
    .filter(([, docs]) => docs.some(([, k]) => kinds.includes(k)))
    .map(([t]) => t);
  if (kinds.includes('identity')) out.push(...INLINE.filter((t) => !out.includes(t)));
  if (kinds.includes('resource')) out.push(LAMBDA_PERMISSION);
  return out;
}

/** An inline policy (`{PolicyName, PolicyDocument}`) or, in SAM, a bare document; managed names are skipped. */
function inlinePolicy(p: IacValue, at: KeyPath, index: number): PolicySource[] {
  const wrapped = get(p, ['PolicyDocument']) !== undefined;
  const doc = wrapped ? get(p, ['PolicyDocument']) : get(p, ['Statement']) !== undefined ? p : undefined;
  const policy = policyAt(doc, wrapped ? [...at, 'PolicyDocument'] : at);
  const name = knownString(get(p, ['PolicyName'])) ?? String(index);
  return policy ? [{ kind: 'identity', policy, subject: labelled(`policy ${name}`) }] : [];
}

/** `Policies` is a list, or in SAM possibly one policy. */
function inline(r: IacResource): PolicySource[] {
  const raw = get(r.value, ['Policies']);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return inlinePolicy(raw, ['Policies'], 0);
  return raw.flatMap((p, i) => inlinePolicy(p, ['Policies', i], i));
}

/** Condition keys a Lambda permission's properties stand for. */
const PERMISSION_CONDITIONS: PermissionConditions = [
  ['SourceArn', 'ArnLike', 'aws:SourceArn'],
  ['SourceAccount', 'StringEquals', 'aws:SourceAccount'],
  ['PrincipalOrgID', 'StringEquals', 'aws:PrincipalOrgID'],
];

export function cfnPolicies(r: IacResource): PolicySource[] {
  if (r.type === LAMBDA_PERMISSION) {
    const s = permissionStatement(
      r.value,
      { principal: 'Principal', action: 'Action' },
      PERMISSION_CONDITIONS,
    );
    return [{ kind: 'resource', policy: { statements: [s] }, subject: () => undefined }];
  }
  const out: PolicySource[] = (DOCUMENTS[r.type] ?? []).flatMap(([prop, kind]) => {
    const policy = policyAt(get(r.value, [prop]), [prop]);
    return policy ? [{ kind, policy, subject: labelled(undefined) }] : [];
  });
  if (INLINE.includes(r.type)) out.push(...inline(r));
  return out;
}
