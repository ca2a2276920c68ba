import { get } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { cfnDoc, cfnRule, isOff, text } from './define.js';

const BUCKET = 'AWS::S3::Bucket';
const S3 = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide';
const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

export const s3PublicAccessBlock = cfnRule({
  id: 'iac/aws-s3-bucket-public-access-block-cfn',
  title: 'S3 bucket turns off a Block Public Access setting',
  description:
    'Block Public Access is what stops a public ACL or bucket policy from exposing the data. Since April 2023 a bucket created without PublicAccessBlockConfiguration gets all four settings on, but a configuration that is written replaces that default: a setting set to false, or left out of it, is off.',
  severity: 'high',
  resourceTypes: [BUCKET],
  cis: [],
  nist: ['AC-3', 'SC-7'],
  cwe: ['CWE-284'],
  remediation:
    'Turn all four settings on:\n\n```yaml\nPublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n  BlockPublicPolicy: true\n  IgnorePublicAcls: true\n  RestrictPublicBuckets: true\n```',
  references: [cfnDoc(BUCKET), `${S3}/access-control-block-public-access.html`],
  *check(r) {
    const config = get(r.value, ['PublicAccessBlockConfiguration']);
    if (config === undefined || typeof config !== 'object' || config === null || Array.isArray(config))
      return;
    const off = FLAGS.filter((f) => isOff(get(config, [f])));
    if (off.length > 0)
      yield {
        message: `Block Public Access ${off.join(', ')} ${off.length > 1 ? 'are' : 'is'} off; set ${off.length > 1 ? 'them' : 'it'} to true`,
        at: ['PublicAccessBlockConfiguration', off[0]!],
      };
  },
});

const PUBLIC_ACLS = new Set(['publicread', 'publicreadwrite', 'authenticatedread']);

export const s3PublicAcl = cfnRule({
  id: 'iac/aws-s3-bucket-public-acl-cfn',
  title: 'S3 bucket has a public canned ACL',
  description:
    'AccessControl PublicRead, PublicReadWrite or AuthenticatedRead lets anyone (or any AWS account) list, read or write the bucket. Grant access through a bucket policy naming the principals, or serve public content through CloudFront with origin access control.',
  severity: 'high',
  resourceTypes: [BUCKET],
  cis: [],
  nist: ['AC-3', 'AC-6', 'SC-7'],
  cwe: ['CWE-284'],
  remediation:
    'Remove the public ACL and keep ACLs disabled:\n\n```yaml\nProperties:\n  OwnershipControls:\n    Rules:\n      - ObjectOwnership: BucketOwnerEnforced\n```',
  references: [cfnDoc(BUCKET), `${S3}/acl-overview.html#canned-acl`],
  *check(r) {
    const acl = get(r.value, ['AccessControl']);
    if (PUBLIC_ACLS.has(text(acl) ?? ''))
      yield { message: `AccessControl ${acl} makes the bucket public; remove it`, at: ['AccessControl'] };
  },
});

export const s3Encryption = cfnRule({
  id: 'iac/aws-s3-bucket-encryption-cfn',
  title: 'S3 bucket does not declare its encryption',
  description:
    'Without BucketEncryption the bucket relies on the SSE-S3 default AWS applies since January 2023: data is encrypted with keys S3 manages, nobody can restrict or audit who decrypts it, and the template does not state the requirement. Declare encryption, with a KMS key when access to the data must be controlled by key policy.',
  severity: 'low',
  resourceTypes: [BUCKET],
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  remediation:
    'Declare default encryption, with a KMS key:\n\n```yaml\nBucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault:\n        SSEAlgorithm: aws:kms\n        KMSMasterKeyID: !Ref DataKey\n      BucketKeyEnabled: true\n```',
  references: [cfnDoc(BUCKET), `${S3}/default-bucket-encryption.html`],
  *check(r) {
    if (get(r.value, ['BucketEncryption']) === undefined)
      yield {
        message: 'no BucketEncryption: only the SSE-S3 default applies; declare encryption with a KMS key',
      };
  },
});

export const S3_RULES: readonly IacRule[] = [s3PublicAccessBlock, s3PublicAcl, s3Encryption];
