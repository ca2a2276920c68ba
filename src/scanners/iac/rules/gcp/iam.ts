import type { IacResource } from '../../model.js';
import type { IacRule, RuleContext, Violation } from '../../rule.js';
import { type Grant, grants, iamTypes, roleName } from './iam-grants.js';
import { CIS_GCP, TF_GOOGLE } from './values.js';

/** Project, folder and organization IAM resources. */
const HIERARCHY = ['google_project', 'google_folder', 'google_organization'].flatMap(iamTypes);
const REFERENCES = [
  `${TF_GOOGLE}/google_project_iam`,
  'https://cloud.google.com/iam/docs/understanding-roles',
];

/** Reports each grant `matches` selects, one finding per principal. */
function* matching(r: IacResource, ctx: RuleContext, matches: (g: Grant) => boolean): Iterable<Violation> {
  for (const g of grants(r, ctx))
    if (matches(g))
      yield { message: `grants ${roleName(g.role)} to ${g.member}`, at: g.at, subject: g.member };
}

const BASIC_ROLES = new Set(['roles/owner', 'roles/editor']);
const isBasic = (role: unknown) => typeof role === 'string' && BASIC_ROLES.has(role);
const principal = (member: string) => member.slice(0, member.indexOf(':') + 1).toLowerCase();

export const iamBasicRoleToUsers: IacRule = {
  id: 'iac/gcp-iam-basic-role',
  title: 'Owner or Editor basic role granted to users or groups',
  description:
    'The Owner and Editor basic roles grant write access to nearly every service in the project (Owner also ' +
    'to IAM). Granting them to people makes every phished account a full compromise; predefined roles scoped ' +
    'to the job follow least privilege.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: HIERARCHY,
  cis: [],
  nist: ['AC-6', 'AC-2'],
  cwe: ['CWE-250'],
  remediation:
    'Grant a predefined role instead:\n\n```hcl\nresource "google_project_iam_member" "dev" {\n' +
    '  project = var.project\n  role    = "roles/cloudsql.client" # not roles/owner or roles/editor\n' +
    '  member  = "group:developers@example.com"\n}\n```',
  references: [...REFERENCES, 'https://cloud.google.com/iam/docs/roles-overview#basic'],
  check: (r, ctx) =>
    matching(r, ctx, (g) => isBasic(g.role) && ['user:', 'group:', 'domain:'].includes(principal(g.member))),
};

/** Owner, Editor and any *Admin role. */
const isAdmin = (role: unknown) =>
  typeof role === 'string' && (isBasic(role) || /admin$/i.test(role.slice(role.lastIndexOf('.') + 1)));

export const iamServiceAccountAdmin: IacRule = {
  id: 'iac/gcp-iam-service-account-admin',
  title: 'Service account granted an admin, Owner or Editor role',
  description:
    'Workloads run as service accounts; a service account with Owner, Editor or an *Admin role turns any ' +
    'compromise of the workload (or of a leaked key) into control of the whole project.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: HIERARCHY,
  cis: ['cis-gcp:1.5'],
  nist: ['AC-6', 'AC-6(1)'],
  cwe: ['CWE-250'],
  remediation:
    'Grant the service account the narrow roles its workload needs:\n\n```hcl\n' +
    'resource "google_project_iam_member" "app" {\n  project = var.project\n  role    = "roles/storage.objectViewer"\n' +
    '  member  = "serviceAccount:${google_service_account.app.email}"\n}\n```',
  references: [...REFERENCES, CIS_GCP],
  check: (r, ctx) => matching(r, ctx, (g) => isAdmin(g.role) && principal(g.member) === 'serviceaccount:'),
};

const IMPERSONATION = new Set(['roles/iam.serviceaccountuser', 'roles/iam.serviceaccounttokencreator']);

export const iamServiceAccountImpersonation: IacRule = {
  id: 'iac/gcp-iam-project-sa-impersonation',
  title: 'Service Account User or Token Creator granted on the whole project',
  description:
    'Granted at project (or folder, organization) level, Service Account User and Service Account Token ' +
    'Creator let the principal act as every service account in it, including privileged ones. Grant them ' +
    'on the one service account that is needed.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: HIERARCHY,
  cis: ['cis-gcp:1.6'],
  nist: ['AC-6', 'AC-3'],
  cwe: ['CWE-269'],
  remediation:
    'Grant the role on the service account itself:\n\n```hcl\nresource "google_service_account_iam_member" "deployer" {\n' +
    '  service_account_id = google_service_account.app.name\n  role               = "roles/iam.serviceAccountUser"\n' +
    '  member             = "group:deployers@example.com"\n}\n```',
  references: [...REFERENCES, 'https://cloud.google.com/iam/docs/service-account-permissions', CIS_GCP],
  check: (r, ctx) =>
    matching(r, ctx, (g) => typeof g.role === 'string' && IMPERSONATION.has(g.role.toLowerCase())),
};

export const iamServiceAccountKey: IacRule = {
  id: 'iac/gcp-iam-service-account-key',
  title: 'User-managed service account key',
  description:
    'A user-managed key is a long-lived credential that works from anywhere until someone deletes it; keys ' +
    'end up in repositories, laptops and CI logs. Workload identity, attached service accounts and ' +
    'impersonation need no key. Terraform also stores the private key in its state.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['google_service_account_key'],
  cis: ['cis-gcp:1.4'],
  nist: ['IA-5', 'AC-2'],
  cwe: ['CWE-798'],
  remediation:
    'Remove the key and use workload identity federation or an attached service account:\n\n```hcl\n' +
    'resource "google_service_account_iam_member" "ci" {\n  service_account_id = google_service_account.deployer.name\n' +
    '  role               = "roles/iam.workloadIdentityUser"\n' +
    '  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/*"\n}\n```',
  references: [
    `${TF_GOOGLE}/google_service_account_key`,
    'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
    CIS_GCP,
  ],
  *check() {
    yield { message: 'creates a user-managed service account key' };
  },
};
