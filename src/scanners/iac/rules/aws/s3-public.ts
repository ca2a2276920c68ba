import { blocks, get, type IacResource, type IacValue, type KeyPath } from '../../model.js';
import type { Violation } from '../../rule.js';
import { awsRule, tfDoc } from './define.js';
import { configuredElsewhere } from './s3-buckets.js';
import { flag, str, strings } from './values.js';

const PUBLIC_CANNED_ACLS: Readonly<Record<string, string>> = {
  'public-read': 'anyone on the internet can list and read the objects',
  'public-read-write': 'anyone on the internet can list, read, overwrite and delete the objects',
  'authenticated-read': 'any AWS account in the world can list and read the objects',
};

const PUBLIC_GROUPS: Readonly<Record<string, string>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'everyone',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'every AWS account',
};

interface Grant {
  uri: IacValue | undefined;
  permission: string;
  at: KeyPath;
}

function* grantsToPublic(grants: readonly Grant[]): Generator<Violation> {
  for (const g of grants) {
    const who = typeof g.uri === 'string' ? PUBLIC_GROUPS[g.uri] : undefined;
    if (who) yield { message: `ACL grants ${g.permission || 'access'} to ${who}`, at: g.at };
  }
}

/** Grants of the legacy inline `grant { }` (aws_s3_bucket) and of `access_control_policy` (aws_s3_bucket_acl). */
function grantsOf(r: IacResource): Grant[] {
  if (r.type === 'aws_s3_bucket')
    return blocks(r.value, 'grant').map((g, i) => ({
      uri: g.uri,
      permission: strings(g.permissions).join(', '),
      at: ['grant', i, 'uri'],
    }));
  return blocks(r.value, 'access_control_policy').flatMap((policy, i) =>
    blocks(policy, 'grant').flatMap((g, j) =>
      blocks(g, 'grantee').map((grantee, k) => ({
        uri: grantee.uri,
        permission: strings(g.permission).join(''),
        at: ['access_control_policy', i, 'grant', j, 'grantee', k, 'uri'],
      })),
    ),
  );
}

export const s3PublicAcl = awsRule({
  id: 'iac/aws-s3-bucket-public-acl',
  title: 'S3 bucket ACL grants access to everyone',
  description:
    'A canned ACL of public-read, public-read-write or authenticated-read, or a grant to the AllUsers or ' +
    'AuthenticatedUsers group, exposes the bucket to the internet (AuthenticatedUsers means any AWS ' +
    'account, not yours). Public ACLs are the classic cause of S3 data leaks; AWS recommends disabling ' +
    'ACLs altogether (object ownership BucketOwnerEnforced) and granting access with policies.',
  severity: 'high',
  cis: [],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-732'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_acl'],
  remediation:
    'Remove the public ACL and disable ACLs on the bucket:\n\n' +
    'resource "aws_s3_bucket_ownership_controls" "data" {\n  bucket = aws_s3_bucket.data.id\n' +
    '  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
    tfDoc('aws_s3_bucket_acl'),
  ],
  *check(r) {
    const acl = str(r.value.acl);
    const exposure = acl === undefined ? undefined : PUBLIC_CANNED_ACLS[acl];
    if (exposure) yield { message: `acl is "${acl}": ${exposure}`, at: ['acl'] };
    yield* grantsToPublic(grantsOf(r));
  },
});

const BLOCK_FLAGS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

/** The four Block Public Access settings: each one left out is sent as false by the provider. */
function* weakBlockFlags(r: IacResource, scope: string): Generator<Violation> {
  const weak = BLOCK_FLAGS.filter((f) => flag(r.value[f], false) === false);
  if (weak.length === 0) return;
  const explicit = weak.find((f) => get(r.value, [f]) !== undefined);
  yield {
    message: `${weak.join(', ')} ${weak.length === 1 ? 'is' : 'are'} false or not set: ${scope}`,
    ...(explicit ? { at: [explicit] } : {}),
  };
}

const BLOCK_REMEDIATION_TAIL =
  '  block_public_acls       = true\n  block_public_policy     = true\n' +
  '  ignore_public_acls      = true\n  restrict_public_buckets = true\n}';

export const s3PublicAccessBlockDisabled = awsRule({
  id: 'iac/aws-s3-public-access-block-disabled',
  title: 'S3 bucket Block Public Access setting turned off',
  description:
    'S3 Block Public Access is the guard rail that keeps a mistaken ACL or bucket policy from making ' +
    'data public. An aws_s3_bucket_public_access_block resource sends every setting it does not name as ' +
    'false, so declaring it with one or two flags turns the others off, even though S3 enables all four ' +
    'on new buckets.',
  severity: 'medium',
  cis: ['cis-aws:2.1.4'],
  nist: ['AC-3', 'SC-7'],
  cwe: ['CWE-732'],
  resourceTypes: ['aws_s3_bucket_public_access_block'],
  remediation: `Set all four settings to true:\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket = aws_s3_bucket.data.id\n${BLOCK_REMEDIATION_TAIL}`,
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  ],
  check: (r) => weakBlockFlags(r, 'a bucket policy or ACL can make this bucket public'),
});

export const s3AccountPublicAccessBlockDisabled = awsRule({
  id: 'iac/aws-s3-account-public-access-block-disabled',
  title: 'Account-level S3 Block Public Access setting turned off',
  description:
    'The account-level Block Public Access settings apply to every bucket of the account, including ' +
    'buckets created later by other tools or people. Setting them to false (or leaving them out, which ' +
    'the provider sends as false) removes the one control that stops any bucket of the account from ' +
    'being made public.',
  severity: 'medium',
  cis: ['cis-aws:2.1.4'],
  nist: ['AC-3', 'SC-7'],
  cwe: ['CWE-732'],
  resourceTypes: ['aws_s3_account_public_access_block'],
  remediation: `Set all four settings to true:\n\nresource "aws_s3_account_public_access_block" "this" {\n${BLOCK_REMEDIATION_TAIL}`,
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
    tfDoc('aws_s3_account_public_access_block'),
  ],
  check: (r) => weakBlockFlags(r, 'any bucket of the account can be made public'),
});

export const s3NoPublicAccessBlock = awsRule({
  id: 'iac/aws-s3-bucket-no-public-access-block',
  title: 'S3 bucket without a Block Public Access configuration in code',
  description:
    'S3 turns Block Public Access on for buckets created since April 2023, but nothing in this code ' +
    'keeps it on: anyone with s3:PutBucketPublicAccessBlock can switch it off outside review, and ' +
    'buckets created earlier or imported may not have it. Declaring an aws_s3_bucket_public_access_block ' +
    '(or the account-level one) makes the setting part of the reviewed configuration. A public access ' +
    'block whose bucket is a variable or module output counts, since it may be for this bucket.',
  severity: 'low',
  cis: ['cis-aws:2.1.4'],
  nist: ['AC-3', 'CM-6'],
  resourceTypes: ['aws_s3_bucket'],
  remediation: `Declare the bucket's public access block:\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket = aws_s3_bucket.data.id\n${BLOCK_REMEDIATION_TAIL}`,
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    tfDoc('aws_s3_bucket_public_access_block'),
  ],
  *check(r, ctx) {
    if (ctx.ofType('aws_s3_account_public_access_block').length > 0) return;
    if (configuredElsewhere(r, ctx, 'aws_s3_bucket_public_access_block')) return;
    yield { message: 'no aws_s3_bucket_public_access_block for this bucket' };
  },
});
