import { blocks, type IacObject, type IacResource, type KeyPath } from '../../model.js';
import type { IacRule, RuleContext, Violation } from '../../rule.js';
import { grants, iamTypes, isPublic, roleName } from './iam-grants.js';
import { CIS_GCP, TF_GOOGLE } from './values.js';

/** A dataset access entry (`access` block or `google_bigquery_dataset_access`) naming a public principal. */
function* publicEntry(entry: IacObject, at: KeyPath): Iterable<Violation> {
  for (const key of ['special_group', 'iam_member']) {
    const who = entry[key];
    if (typeof who === 'string' && isPublic(who))
      yield { message: `grants ${roleName(entry.role)} to ${who}`, at: [...at, key], subject: who };
  }
}

function* publicDataset(r: IacResource, ctx: RuleContext): Iterable<Violation> {
  if (r.type === 'google_bigquery_dataset') {
    for (const [i, entry] of blocks(r.value, 'access').entries()) yield* publicEntry(entry, ['access', i]);
  } else if (r.type === 'google_bigquery_dataset_access') {
    yield* publicEntry(r.value, []);
  } else {
    for (const g of grants(r, ctx))
      if (isPublic(g.member))
        yield { message: `grants ${roleName(g.role)} to ${g.member}`, at: g.at, subject: g.member };
  }
}

export const bigqueryPublicDataset: IacRule = {
  id: 'iac/gcp-bigquery-public-dataset',
  title: 'BigQuery dataset or table readable by anyone',
  description:
    'Granting access to allUsers or allAuthenticatedUsers (any Google account) exposes the tables of a ' +
    'dataset to the whole internet; analytics datasets often hold personal or business data.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: [
    'google_bigquery_dataset',
    'google_bigquery_dataset_access',
    ...iamTypes('google_bigquery_dataset'),
    ...iamTypes('google_bigquery_table'),
  ],
  cis: ['cis-gcp:7.1'],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-284'],
  remediation:
    'Grant access to named groups only:\n\n```hcl\nresource "google_bigquery_dataset" "sales" {\n  access {\n' +
    '    role           = "READER"\n    group_by_email = "analysts@example.com" # not allUsers / allAuthenticatedUsers\n' +
    '  }\n}\n```',
  references: [
    `${TF_GOOGLE}/bigquery_dataset`,
    'https://cloud.google.com/bigquery/docs/control-access-to-resources-iam',
    CIS_GCP,
  ],
  check: publicDataset,
};
