import { blocks, isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { ipConfiguration, settings } from './sql-settings.js';
import { CIS_GCP, isFalse, isTrue, lower, TF_GOOGLE, unset } from './values.js';

const INSTANCE = ['google_sql_database_instance'];
const DOCS = `${TF_GOOGLE}/sql_database_instance`;
const WORLD = new Set(['0.0.0.0/0', '::/0']);

export const sqlOpenAuthorizedNetwork: IacRule = {
  id: 'iac/gcp-sql-open-authorized-network',
  title: 'Cloud SQL instance authorizes connections from any address',
  description:
    'An authorized network of 0.0.0.0/0 on an instance with a public IP lets the whole internet reach the ' +
    'database engine; only passwords then protect it against brute force and engine vulnerabilities.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: INSTANCE,
  cis: ['cis-gcp:6.5'],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  remediation:
    'Authorize only known ranges, or connect through the Cloud SQL Auth Proxy / private IP:\n\n```hcl\n' +
    'resource "google_sql_database_instance" "main" {\n  settings {\n    ip_configuration {\n' +
    '      authorized_networks {\n        name  = "office"\n        value = "203.0.113.0/24"\n      }\n    }\n  }\n}\n```',
  references: [DOCS, 'https://cloud.google.com/sql/docs/mysql/authorize-networks', CIS_GCP],
  *check(r) {
    const ip = ipConfiguration(r);
    if (!ip || isFalse(ip.value.ipv4_enabled)) return;
    for (const [i, n] of blocks(ip.value, 'authorized_networks').entries())
      if (typeof n.value === 'string' && WORLD.has(n.value.trim()))
        yield { message: `authorizes ${n.value}`, at: [...ip.at, 'authorized_networks', i, 'value'] };
  },
};

export const sqlPublicIp: IacRule = {
  id: 'iac/gcp-sql-public-ip',
  title: 'Cloud SQL instance with a public IP address',
  description:
    'A public IPv4 address puts the database endpoint on the internet; authorized networks and the Auth ' +
    'Proxy limit who gets through, but a private IP keeps it unreachable from outside the VPC. ' +
    '`ipv4_enabled` defaults to true.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: INSTANCE,
  cis: ['cis-gcp:6.6'],
  nist: ['SC-7'],
  cwe: ['CWE-284'],
  remediation:
    'Use a private IP only:\n\n```hcl\nresource "google_sql_database_instance" "main" {\n  settings {\n' +
    '    ip_configuration {\n      ipv4_enabled    = false\n      private_network = google_compute_network.main.id\n' +
    '    }\n  }\n}\n```',
  references: [DOCS, 'https://cloud.google.com/sql/docs/mysql/configure-private-ip', CIS_GCP],
  *check(r) {
    const s = settings(r);
    if (!s || isUnknown(s.value.ip_configuration)) return;
    const ip = ipConfiguration(r);
    const v = ip?.value.ipv4_enabled;
    if (unset(v) || isTrue(v))
      yield {
        message: 'the instance has a public IPv4 address',
        at: [...(ip?.at ?? [...s.at, 'ip_configuration']), 'ipv4_enabled'],
      };
  },
};

export const sqlSslNotRequired: IacRule = {
  id: 'iac/gcp-sql-ssl-not-required',
  title: 'Cloud SQL instance accepts unencrypted connections',
  description:
    'Unless SSL is required, clients may connect in clear text and expose credentials and query results on ' +
    'the network. Without `ssl_mode` (or the older `require_ssl`) Cloud SQL accepts both.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: INSTANCE,
  cis: ['cis-gcp:6.4'],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  remediation:
    'Require encrypted connections:\n\n```hcl\nresource "google_sql_database_instance" "main" {\n  settings {\n' +
    '    ip_configuration {\n      ssl_mode = "ENCRYPTED_ONLY" # or TRUSTED_CLIENT_CERTIFICATE_REQUIRED\n' +
    '    }\n  }\n}\n```',
  references: [DOCS, 'https://cloud.google.com/sql/docs/postgres/configure-ssl-instance', CIS_GCP],
  *check(r) {
    const s = settings(r);
    if (!s || isUnknown(s.value.ip_configuration)) return;
    const ip = ipConfiguration(r);
    const at = ip?.at ?? [...s.at, 'ip_configuration'];
    const mode = ip?.value.ssl_mode;
    const required = ip?.value.require_ssl;
    if (lower(mode) === 'allow_unencrypted_and_encrypted')
      yield { message: 'ssl_mode allows unencrypted connections', at: [...at, 'ssl_mode'] };
    else if (unset(mode) && (unset(required) || isFalse(required)))
      yield { message: 'SSL is not required', at: [...at, unset(required) ? 'ssl_mode' : 'require_ssl'] };
  },
};

export const sqlBackupsDisabled: IacRule = {
  id: 'iac/gcp-sql-backups-disabled',
  title: 'Cloud SQL instance without automated backups',
  description:
    'Without automated backups, data lost to deletion, corruption or ransomware cannot be restored, and ' +
    'point-in-time recovery is impossible. `backup_configuration.enabled` defaults to false.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: INSTANCE,
  cis: ['cis-gcp:6.7'],
  nist: ['CP-9'],
  cwe: ['CWE-693'],
  remediation:
    'Enable automated backups:\n\n```hcl\nresource "google_sql_database_instance" "main" {\n  settings {\n' +
    '    backup_configuration {\n      enabled    = true\n      start_time = "03:00"\n    }\n  }\n}\n```',
  references: [DOCS, 'https://cloud.google.com/sql/docs/mysql/backup-recovery/backups', CIS_GCP],
  *check(r) {
    // Read replicas cannot have backups of their own.
    if (!unset(r.value.master_instance_name)) return;
    const s = settings(r);
    if (!s || isUnknown(s.value.backup_configuration)) return;
    const backup = blocks(s.value, 'backup_configuration')[0];
    const enabled = backup?.enabled;
    if (unset(enabled) || isFalse(enabled))
      yield {
        message: 'automated backups are disabled',
        at: [...s.at, 'backup_configuration', 0, 'enabled'],
      };
  },
};
