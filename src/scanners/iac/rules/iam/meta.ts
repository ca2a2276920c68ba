import type { Confidence, Severity } from '../../../../core/severity.js';
import type { CheckId } from '../../iam/index.js';

/** The three forms a policy is written in, each with its own rule (and remediation snippet). */
export type PolicyFormat = 'terraform' | 'cloudformation' | 'iam';

export interface CheckMeta {
  check: CheckId;
  /** Rule id after `iac/aws-iam-`. */
  slug: string;
  title: string;
  description: string;
  severity: Severity;
  confidence?: Confidence;
  nist: readonly string[];
  cwe: readonly string[];
  references: readonly string[];
  remediation: Record<PolicyFormat, string>;
}

const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const LEAST_PRIVILEGE = `${DOC}/best-practices.html#grant-least-privilege`;
const TF_DOCUMENT =
  'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document';

export const CHECK_META: readonly CheckMeta[] = [
  {
    check: 'wildcard-action',
    slug: 'wildcard-action',
    title: 'IAM policy allows every action ("*")',
    description:
      'An Allow statement with "Action": "*" grants every action of every AWS service, today and as AWS adds them: with "Resource": "*" it is full administrator access. A leaked credential or a compromised workload holding it controls the account. Grant the specific actions the workload calls.',
    severity: 'high',
    nist: ['AC-6', 'AC-3'],
    cwe: ['CWE-732'],
    references: [LEAST_PRIVILEGE, `${DOC}/reference_policies_elements_action.html`, TF_DOCUMENT],
    remediation: {
      terraform:
        'List the actions the principal needs:\n\n```hcl\ndata "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["s3:GetObject", "s3:PutObject"]\n    resources = ["${aws_s3_bucket.data.arn}/*"]\n  }\n}\n```',
      cloudformation:
        'List the actions the principal needs:\n\n```yaml\nPolicyDocument:\n  Version: "2012-10-17"\n  Statement:\n    - Effect: Allow\n      Action: [s3:GetObject, s3:PutObject]\n      Resource: !Sub "${DataBucket.Arn}/*"\n```',
      iam: 'List the actions the principal needs:\n\n```json\n{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::my-bucket/*"}\n```',
    },
  },
  {
    check: 'wildcard-resource',
    slug: 'wildcard-resource',
    title: 'IAM policy allows write actions on every resource',
    description:
      'An Allow statement grants write or permission-management actions on "Resource": "*", so the principal can change every bucket, table, queue, role or key of the account instead of its own. Read and list actions are not reported (several only exist on "*"), nor are the few write actions AWS offers without resource-level permissions (cloudwatch:PutMetricData, X-Ray and Session Manager channels).',
    severity: 'medium',
    nist: ['AC-6'],
    cwe: ['CWE-732'],
    references: [
      LEAST_PRIVILEGE,
      `${DOC}/reference_policies_elements_resource.html`,
      'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    ],
    remediation: {
      terraform:
        'Name the resources the actions apply to:\n\n```hcl\nstatement {\n  actions   = ["dynamodb:PutItem", "dynamodb:UpdateItem"]\n  resources = [aws_dynamodb_table.orders.arn]\n}\n```',
      cloudformation:
        'Name the resources the actions apply to:\n\n```yaml\n- Effect: Allow\n  Action: [dynamodb:PutItem, dynamodb:UpdateItem]\n  Resource: !GetAtt OrdersTable.Arn\n```',
      iam: 'Name the resources the actions apply to:\n\n```json\n{"Effect": "Allow", "Action": ["dynamodb:PutItem"], "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders"}\n```',
    },
  },
  {
    check: 'service-wildcard',
    slug: 'service-wildcard',
    title: 'IAM policy allows every action of a sensitive service',
    description:
      'An Allow statement grants a whole sensitive service ("iam:*", "s3:*", "kms:*", "sts:*", "ec2:*", "lambda:*", "secretsmanager:*", "ssm:*", "dynamodb:*", "organizations:*"...): besides what the workload needs, that includes deleting data, changing policies, disabling keys or creating credentials, and every action AWS adds to the service later.',
    severity: 'medium',
    nist: ['AC-6'],
    cwe: ['CWE-732'],
    references: [LEAST_PRIVILEGE, `${DOC}/reference_policies_elements_action.html`],
    remediation: {
      terraform:
        'Replace the service wildcard with the actions used:\n\n```hcl\nstatement {\n  actions   = ["kms:Decrypt", "kms:GenerateDataKey"]\n  resources = [aws_kms_key.app.arn]\n}\n```',
      cloudformation:
        'Replace the service wildcard with the actions used:\n\n```yaml\n- Effect: Allow\n  Action: [kms:Decrypt, kms:GenerateDataKey]\n  Resource: !GetAtt AppKey.Arn\n```',
      iam: 'Replace the service wildcard with the actions used:\n\n```json\n{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}\n```',
    },
  },
  {
    check: 'allow-not',
    slug: 'allow-notaction-notresource',
    title: 'IAM policy allows with NotAction or NotResource',
    description:
      '"Effect": "Allow" with "NotAction" grants every action except the listed ones, and with "NotResource" every resource except the listed ones, including actions and resources that appear later. These inverted grants are almost always far broader than intended; AWS recommends them only with Deny.',
    severity: 'medium',
    nist: ['AC-6'],
    cwe: ['CWE-732'],
    references: [
      `${DOC}/reference_policies_elements_notaction.html`,
      `${DOC}/reference_policies_elements_notresource.html`,
    ],
    remediation: {
      terraform:
        'Allow the listed actions and resources (keep `not_actions` for deny statements):\n\n```hcl\nstatement {\n  actions   = ["sqs:SendMessage"]\n  resources = [aws_sqs_queue.jobs.arn]\n}\n```',
      cloudformation:
        'Allow the listed actions and resources (keep NotAction for Deny statements):\n\n```yaml\n- Effect: Allow\n  Action: sqs:SendMessage\n  Resource: !GetAtt JobsQueue.Arn\n```',
      iam: 'Allow the listed actions and resources (keep NotAction for Deny statements):\n\n```json\n{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}\n```',
    },
  },
  {
    check: 'privilege-escalation',
    slug: 'privilege-escalation',
    title: 'IAM policy allows a known privilege-escalation path',
    description:
      'The policy allows a set of actions publicly documented as turning limited access into administrator access: changing its own policies (iam:CreatePolicyVersion, iam:Attach*Policy, iam:Put*Policy), taking over other users (iam:CreateAccessKey, iam:UpdateLoginProfile), or passing a more privileged role to a service that runs code (iam:PassRole with ec2:RunInstances, lambda:CreateFunction, cloudformation:CreateStack, glue:CreateDevEndpoint, ecs:RunTask, sagemaker:CreateNotebookInstance...). Actions are matched through wildcards; an unconditional Deny removes them.',
    severity: 'high',
    confidence: 'medium',
    nist: ['AC-6', 'AC-6(1)'],
    cwe: ['CWE-269'],
    references: [
      `${DOC}/id_roles_use_passrole.html`,
      LEAST_PRIVILEGE,
      'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
    ],
    remediation: {
      terraform:
        'Pass only the role the workload needs, to the one service that uses it:\n\n```hcl\nstatement {\n  actions   = ["iam:PassRole"]\n  resources = [aws_iam_role.task.arn]\n  condition {\n    test     = "StringEquals"\n    variable = "iam:PassedToService"\n    values   = ["ecs-tasks.amazonaws.com"]\n  }\n}\n```',
      cloudformation:
        'Pass only the role the workload needs, to the one service that uses it:\n\n```yaml\n- Effect: Allow\n  Action: iam:PassRole\n  Resource: !GetAtt TaskRole.Arn\n  Condition:\n    StringEquals:\n      iam:PassedToService: ecs-tasks.amazonaws.com\n```',
      iam: 'Pass only the role the workload needs, to the one service that uses it:\n\n```json\n{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/task",\n "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}\n```',
    },
  },
  {
    check: 'public-principal',
    slug: 'public-resource-policy',
    title: 'Resource policy allows any principal',
    description:
      'A bucket, queue, topic, key, secret, repository, domain or function policy allows "Principal": "*" (or {"AWS": "*"}, or everyone but some with NotPrincipal) without a Condition narrowing the caller to an account, organisation, network or source (aws:PrincipalOrgID, aws:SourceArn, aws:SourceAccount, aws:SourceVpce, aws:SourceIp...): anyone on the internet, or any AWS account, can use the resource.',
    severity: 'high',
    nist: ['AC-3', 'AC-6', 'SC-7'],
    cwe: ['CWE-284'],
    references: [
      `${DOC}/reference_policies_elements_principal.html`,
      `${DOC}/reference_policies_condition-keys.html`,
      'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    ],
    remediation: {
      terraform:
        'Name the principals, or narrow the caller with a condition:\n\n```hcl\nstatement {\n  actions   = ["sqs:SendMessage"]\n  resources = [aws_sqs_queue.jobs.arn]\n  principals {\n    type        = "Service"\n    identifiers = ["sns.amazonaws.com"]\n  }\n  condition {\n    test     = "ArnEquals"\n    variable = "aws:SourceArn"\n    values   = [aws_sns_topic.events.arn]\n  }\n}\n```',
      cloudformation:
        'Name the principals, or narrow the caller with a condition:\n\n```yaml\n- Effect: Allow\n  Principal: { Service: sns.amazonaws.com }\n  Action: sqs:SendMessage\n  Resource: !GetAtt JobsQueue.Arn\n  Condition:\n    ArnEquals:\n      aws:SourceArn: !Ref EventsTopic\n```',
      iam: 'Name the principals, or narrow the caller with a condition:\n\n```json\n{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject",\n "Resource": "arn:aws:s3:::my-bucket/*"}\n```',
    },
  },
  {
    check: 'trust-any-account',
    slug: 'trust-any-account',
    title: 'IAM role can be assumed by any AWS account',
    description:
      'The role trust policy allows "Principal": {"AWS": "*"} (or "*", "arn:aws:iam::*:root", or NotPrincipal) without a Condition narrowing the caller (aws:PrincipalOrgID, aws:PrincipalArn...): any identity in any AWS account can assume the role and get its permissions. An sts:ExternalId alone does not narrow it: it is not a secret.',
    severity: 'critical',
    nist: ['AC-3', 'AC-6', 'IA-8'],
    cwe: ['CWE-284'],
    references: [
      `${DOC}/id_roles_create_for-user.html`,
      `${DOC}/reference_policies_elements_principal.html`,
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html',
    ],
    remediation: {
      terraform:
        'Trust the account or role that must assume it:\n\n```hcl\ndata "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::123456789012:role/deployer"]\n    }\n  }\n}\n```',
      cloudformation:
        'Trust the account or role that must assume it:\n\n```yaml\nAssumeRolePolicyDocument:\n  Version: "2012-10-17"\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: arn:aws:iam::123456789012:role/deployer }\n      Action: sts:AssumeRole\n```',
      iam: 'Trust the account or role that must assume it:\n\n```json\n{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/deployer"}, "Action": "sts:AssumeRole"}\n```',
    },
  },
  {
    check: 'oidc-trust-unrestricted',
    slug: 'oidc-trust-unrestricted',
    title: 'IAM role trusts a web identity provider without an audience or subject condition',
    description:
      'A role trusting an OIDC provider for sts:AssumeRoleWithWebIdentity must say which tokens it accepts. Without an "aud" or "sub" condition any identity of the provider can assume it; for GitHub Actions (token.actions.githubusercontent.com), GitLab, Terraform Cloud and EKS the audience is shared, so without a "sub" condition naming the repository, project or service account, any repository on GitHub (or any pod of the cluster) can assume the role.',
    severity: 'critical',
    nist: ['AC-3', 'IA-8', 'AC-6'],
    cwe: ['CWE-863'],
    references: [
      `${DOC}/id_roles_create_for-idp_oidc.html`,
      `${DOC}/reference_policies_iam-condition-keys.html#condition-keys-wif`,
      'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
    ],
    remediation: {
      terraform:
        'Accept only your repository\'s tokens:\n\n```hcl\ncondition {\n  test     = "StringEquals"\n  variable = "token.actions.githubusercontent.com:aud"\n  values   = ["sts.amazonaws.com"]\n}\ncondition {\n  test     = "StringLike"\n  variable = "token.actions.githubusercontent.com:sub"\n  values   = ["repo:my-org/my-repo:ref:refs/heads/main"]\n}\n```',
      cloudformation:
        "Accept only your repository's tokens:\n\n```yaml\nCondition:\n  StringEquals:\n    token.actions.githubusercontent.com:aud: sts.amazonaws.com\n  StringLike:\n    token.actions.githubusercontent.com:sub: repo:my-org/my-repo:ref:refs/heads/main\n```",
      iam: 'Accept only your repository\'s tokens:\n\n```json\n"Condition": {\n  "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},\n  "StringLike": {"token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main"}\n}\n```',
    },
  },
];
