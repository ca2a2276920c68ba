import type { Violation } from '../../rule.js';
import { awsRule, tfDoc } from './define.js';
import { flag, isSet, num } from './values.js';

const POLICY = ['aws_iam_account_password_policy'];
const PASSWORD_DOCS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html';

export const MIN_PASSWORD_LENGTH = 14;
export const PASSWORD_HISTORY = 24;
export const MAX_PASSWORD_AGE_DAYS = 90;

export const passwordLength = awsRule({
  id: 'iac/aws-iam-password-policy-short',
  title: 'IAM password policy allows passwords shorter than 14 characters',
  description:
    'Length is what makes a password resist guessing and cracking. Without minimum_password_length the ' +
    'policy accepts 6 characters (the API default); CIS asks for at least 14.',
  severity: 'medium',
  cis: ['cis-aws:1.8'],
  nist: ['IA-5(1)'],
  cwe: ['CWE-521'],
  resourceTypes: POLICY,
  remediation:
    'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  # ...\n}',
  references: [PASSWORD_DOCS, tfDoc('aws_iam_account_password_policy')],
  *check(r) {
    const raw = r.value.minimum_password_length;
    const length = num(raw);
    if (!isSet(raw))
      yield { message: 'minimum_password_length is not set: passwords of 6 characters are accepted' };
    else if (length !== undefined && length < MIN_PASSWORD_LENGTH)
      yield { message: `minimum_password_length is ${length}`, at: ['minimum_password_length'] };
  },
});

export const passwordReuse = awsRule({
  id: 'iac/aws-iam-password-policy-reuse',
  title: 'IAM password policy allows password reuse',
  description:
    `Without password_reuse_prevention (or with fewer than ${PASSWORD_HISTORY} remembered passwords) ` +
    'a user can rotate back to a password that has already leaked.',
  severity: 'low',
  cis: ['cis-aws:1.9'],
  nist: ['IA-5(1)'],
  cwe: ['CWE-262'],
  resourceTypes: POLICY,
  remediation:
    'resource "aws_iam_account_password_policy" "strict" {\n  password_reuse_prevention = 24\n  # ...\n}',
  references: [PASSWORD_DOCS],
  *check(r) {
    const raw = r.value.password_reuse_prevention;
    const count = num(raw);
    if (!isSet(raw)) yield { message: 'password_reuse_prevention is not set: old passwords can be reused' };
    else if (count !== undefined && count < PASSWORD_HISTORY)
      yield {
        message: `only the last ${count} password(s) are remembered`,
        at: ['password_reuse_prevention'],
      };
  },
});

const CHARACTER_CLASSES = [
  'require_lowercase_characters',
  'require_uppercase_characters',
  'require_numbers',
  'require_symbols',
];

export const passwordComplexity = awsRule({
  id: 'iac/aws-iam-password-policy-weak-complexity',
  title: 'IAM password policy does not require all character classes',
  description:
    'Requiring lowercase, uppercase, numbers and symbols is still demanded by several frameworks (PCI DSS ' +
    'among them) and by many internal standards, even though NIST SP 800-63B now favours length and ' +
    'breached-password checks over composition rules. Low severity: length (iac/aws-iam-password-policy-' +
    'short) and MFA matter more.',
  severity: 'low',
  cis: [],
  nist: ['IA-5(1)'],
  cwe: ['CWE-521'],
  resourceTypes: POLICY,
  remediation:
    'resource "aws_iam_account_password_policy" "strict" {\n  require_lowercase_characters = true\n' +
    '  require_uppercase_characters = true\n  require_numbers              = true\n  require_symbols              = true\n  # ...\n}',
  references: [PASSWORD_DOCS],
  *check(r): Generator<Violation> {
    const missing = CHARACTER_CLASSES.filter((c) => flag(r.value[c], false) === false);
    if (missing.length === 0) return;
    const explicit = missing.find((c) => isSet(r.value[c]));
    yield { message: `${missing.join(', ')} false or not set`, ...(explicit ? { at: [explicit] } : {}) };
  },
});

export const passwordExpiry = awsRule({
  id: 'iac/aws-iam-password-policy-no-expiry',
  title: 'IAM password policy does not expire passwords within 90 days',
  description:
    'PCI DSS and many internal policies require passwords to be changed at least every 90 days when ' +
    'they are the only factor. NIST SP 800-63B advises against periodic expiry when MFA and breach ' +
    'detection are in place, so treat this as a compliance item (low severity) and prefer enforcing MFA ' +
    'for console users.',
  severity: 'low',
  cis: [],
  nist: ['IA-5(1)'],
  cwe: ['CWE-262'],
  resourceTypes: POLICY,
  remediation: 'resource "aws_iam_account_password_policy" "strict" {\n  max_password_age = 90\n  # ...\n}',
  references: [PASSWORD_DOCS],
  *check(r) {
    const raw = r.value.max_password_age;
    const days = num(raw);
    if (!isSet(raw) || days === 0)
      yield { message: 'passwords never expire', ...(isSet(raw) ? { at: ['max_password_age'] } : {}) };
    else if (days !== undefined && days > MAX_PASSWORD_AGE_DAYS)
      yield { message: `passwords expire after ${days} days`, at: ['max_password_age'] };
  },
});

export const userDirectPolicy = awsRule({
  id: 'iac/aws-iam-user-direct-policy',
  title: 'IAM policy attached directly to a user',
  description:
    'Permissions given to individual users drift: they outlive role changes and are invisible when ' +
    'reviewing groups and roles. Grant them through groups (or better, roles assumed through SSO), so ' +
    'that access follows the job, not the person.',
  severity: 'low',
  cis: ['cis-aws:1.15'],
  nist: ['AC-2', 'AC-6'],
  resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
  remediation:
    'Attach the policy to a group and add the user to it:\n\nresource "aws_iam_group_policy_attachment" "deployers" {\n' +
    '  group      = aws_iam_group.deployers.name\n  policy_arn = aws_iam_policy.deploy.arn\n}\n\n' +
    'resource "aws_iam_user_group_membership" "alice" {\n  user   = aws_iam_user.alice.name\n  groups = [aws_iam_group.deployers.name]\n}',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions',
  ],
  *check(r) {
    if (r.type === 'aws_iam_policy_attachment') {
      const users = r.value.users;
      if (Array.isArray(users) && users.length > 0)
        yield { message: 'the policy is attached to users', at: ['users'] };
      return;
    }
    const kind = r.type === 'aws_iam_user_policy' ? 'an inline policy' : 'a managed policy';
    yield { message: `${kind} is attached to a user`, at: ['user'] };
  },
});

export const credentialInState = awsRule({
  id: 'iac/aws-iam-credential-in-state',
  title: 'IAM access key or console password stored in clear in Terraform state',
  description:
    'Without pgp_key, the secret access key of aws_iam_access_key and the initial password of ' +
    'aws_iam_user_login_profile are written in plain text into the Terraform state, readable by anyone ' +
    'who can read the state backend. Long-lived user access keys are also best avoided altogether in ' +
    'favour of roles.',
  severity: 'medium',
  cis: [],
  nist: ['IA-5', 'SC-28'],
  cwe: ['CWE-312'],
  resourceTypes: ['aws_iam_access_key', 'aws_iam_user_login_profile'],
  remediation:
    'Encrypt the secret for its recipient, or use roles instead of access keys:\n\nresource "aws_iam_access_key" "ci" {\n' +
    '  user    = aws_iam_user.ci.name\n  pgp_key = "keybase:ci_operator"\n}',
  references: [tfDoc('aws_iam_access_key'), tfDoc('aws_iam_user_login_profile')],
  *check(r) {
    if (isSet(r.value.pgp_key)) return;
    const what = r.type === 'aws_iam_access_key' ? 'the secret access key' : 'the generated password';
    yield { message: `no pgp_key: ${what} is stored in clear in the state` };
  },
});
