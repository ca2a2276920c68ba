import type { IacResource } from '../../model.js';
import type { IacRule, RuleContext, Violation } from '../../rule.js';
import { grants, iamTypes, isPublic, roleName } from './iam-grants.js';
import { CIS_GCP, isFalse, lower, strings, TF_GOOGLE, unset } from './values.js';

const BUCKET = `${TF_GOOGLE}/storage_bucket`;

export const storageUniformAccess: IacRule = {
  id: 'iac/gcp-storage-uniform-access-disabled',
  title: 'Cloud Storage bucket without uniform bucket-level access',
  description:
    'Without uniform bucket-level access, every object can carry its own ACL, so one object ACL granting ' +
    'allUsers exposes it regardless of the bucket IAM policy, and access reviews must inspect every object. ' +
    '`uniform_bucket_level_access` defaults to false.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['google_storage_bucket'],
  cis: ['cis-gcp:5.2'],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-284'],
  remediation:
    'Enable uniform bucket-level access:\n\n```hcl\nresource "google_storage_bucket" "logs" {\n' +
    '  uniform_bucket_level_access = true\n}\n```',
  references: [BUCKET, 'https://cloud.google.com/storage/docs/uniform-bucket-level-access', CIS_GCP],
  *check(r) {
    const v = r.value.uniform_bucket_level_access;
    if (unset(v) || isFalse(v))
      yield { message: 'uniform bucket-level access is disabled', at: ['uniform_bucket_level_access'] };
  },
};

const PUBLIC_ACLS = new Set(['publicread', 'publicreadwrite', 'authenticatedread']);

/** ACL resources: `entity` (access controls), `role_entity` ("READER:allUsers") and `predefined_acl`. */
function* publicAcl(r: IacResource): Iterable<Violation> {
  if (typeof r.value.entity === 'string' && isPublic(r.value.entity))
    yield { message: `the ACL grants access to ${r.value.entity}`, at: ['entity'] };
  for (const e of strings(r.value.role_entity)) {
    const entity = e.value.slice(e.value.indexOf(':') + 1);
    if (isPublic(entity))
      yield {
        message: `the ACL grants ${e.value}`,
        at: e.index === undefined ? ['role_entity'] : ['role_entity', e.index],
      };
  }
  if (PUBLIC_ACLS.has(lower(r.value.predefined_acl) ?? ''))
    yield {
      message: `predefined_acl ${r.value.predefined_acl} makes the bucket public`,
      at: ['predefined_acl'],
    };
}

function* publicBucket(r: IacResource, ctx: RuleContext): Iterable<Violation> {
  if (!r.type.includes('_iam_')) {
    yield* publicAcl(r);
    return;
  }
  for (const g of grants(r, ctx))
    if (isPublic(g.member))
      yield { message: `grants ${roleName(g.role)} to ${g.member}`, at: g.at, subject: g.member };
}

export const storagePublicAccess: IacRule = {
  id: 'iac/gcp-storage-public-access',
  title: 'Cloud Storage bucket readable by anyone',
  description:
    'Granting a role to allUsers or allAuthenticatedUsers (any Google account), through IAM or ACLs, makes ' +
    'the bucket content available to the whole internet. Public buckets are a leading cause of data leaks.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: [
    ...iamTypes('google_storage_bucket'),
    'google_storage_bucket_acl',
    'google_storage_bucket_access_control',
    'google_storage_default_object_acl',
    'google_storage_default_object_access_control',
  ],
  cis: ['cis-gcp:5.1'],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-284'],
  remediation:
    'Grant roles to named principals only:\n\n```hcl\nresource "google_storage_bucket_iam_member" "reader" {\n' +
    '  bucket = google_storage_bucket.reports.name\n  role   = "roles/storage.objectViewer"\n' +
    '  member = "group:analysts@example.com" # not allUsers / allAuthenticatedUsers\n}\n```',
  references: [
    `${TF_GOOGLE}/storage_bucket_iam`,
    'https://cloud.google.com/storage/docs/access-control/making-data-public',
    CIS_GCP,
  ],
  check: publicBucket,
};

export const storagePublicAccessPrevention: IacRule = {
  id: 'iac/gcp-storage-public-access-prevention',
  title: 'Cloud Storage bucket does not enforce public access prevention',
  description:
    'Public access prevention makes Cloud Storage refuse any IAM grant or ACL to allUsers and ' +
    'allAuthenticatedUsers on the bucket, so a later mistake cannot make it public. The default, `inherited`, ' +
    'only applies it when an organization policy does.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: ['google_storage_bucket'],
  cis: [],
  nist: ['AC-3', 'SC-7'],
  cwe: ['CWE-284'],
  remediation:
    'Enforce it on buckets that are never meant to be public:\n\n```hcl\nresource "google_storage_bucket" "logs" {\n' +
    '  public_access_prevention = "enforced"\n}\n```',
  references: [BUCKET, 'https://cloud.google.com/storage/docs/public-access-prevention'],
  *check(r) {
    const v = r.value.public_access_prevention;
    if (unset(v) || lower(v) === 'inherited')
      yield { message: 'public access prevention is not enforced', at: ['public_access_prevention'] };
  },
};
