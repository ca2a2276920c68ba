import type { IacResource } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { CIS_AZURE, isFalse, isTrue, lower, TF_AZURERM, unset } from './values.js';

/** Single servers (retired by Azure, still in many configurations). */
const SINGLE = ['azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_mariadb_server'];
const FLEXIBLE = ['azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server'];
const CONFIGURATION = [
  'azurerm_postgresql_flexible_server_configuration',
  'azurerm_mysql_flexible_server_configuration',
];

/** A flexible server parameter set by `azurerm_*_flexible_server_configuration`: its lower-cased value when named `name`. */
function parameter(r: IacResource, name: string): string | undefined {
  return CONFIGURATION.includes(r.type) && lower(r.value.name) === name ? lower(r.value.value) : undefined;
}

export const databaseSslDisabled: IacRule = {
  id: 'iac/azure-database-ssl-disabled',
  title: 'PostgreSQL / MySQL / MariaDB server accepts unencrypted connections',
  description:
    'Without SSL enforcement clients may connect in clear text, exposing credentials and query results to ' +
    'anyone on the network path.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: [...SINGLE, ...CONFIGURATION],
  cis: ['cis-azure:4.3.1', 'cis-azure:4.4.1'],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  remediation:
    'Enforce SSL; on flexible servers keep `require_secure_transport` on (the default):\n\n```hcl\n' +
    'resource "azurerm_postgresql_server" "main" {\n  ssl_enforcement_enabled = true\n}\n```',
  references: [
    `${TF_AZURERM}/postgresql_server`,
    `${TF_AZURERM}/postgresql_flexible_server_configuration`,
    'https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking-ssl-tls',
    CIS_AZURE,
  ],
  *check(r) {
    if (isFalse(r.value.ssl_enforcement_enabled))
      yield { message: 'SSL enforcement is disabled', at: ['ssl_enforcement_enabled'] };
    if (lower(r.value.ssl_enforcement) === 'disabled')
      yield { message: 'SSL enforcement is disabled', at: ['ssl_enforcement'] };
    if (parameter(r, 'require_secure_transport') === 'off')
      yield { message: 'require_secure_transport is off', at: ['value'] };
  },
};

const OLD_TLS = new Set(['tls1_0', 'tls1_1', 'tlsenforcementdisabled']);

function* oldTls(r: IacResource): Iterable<Violation> {
  const enforced = r.value.ssl_minimal_tls_version_enforced;
  if (OLD_TLS.has(lower(enforced) ?? ''))
    yield { message: `minimal TLS version is ${enforced}`, at: ['ssl_minimal_tls_version_enforced'] };
  const mysql = parameter(r, 'tls_version');
  if (mysql?.split(',').some((t) => ['tlsv1', 'tlsv1.1'].includes(t.trim())))
    yield { message: `tls_version allows ${r.value.value}`, at: ['value'] };
  const postgres = parameter(r, 'ssl_min_protocol_version');
  if (postgres === 'tlsv1' || postgres === 'tlsv1.1')
    yield { message: `ssl_min_protocol_version is ${r.value.value}`, at: ['value'] };
}

export const databaseMinTls: IacRule = {
  id: 'iac/azure-database-min-tls',
  title: 'PostgreSQL / MySQL / MariaDB server accepts TLS versions older than 1.2',
  description:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses; a database server should refuse ' +
    'them.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: [...SINGLE, ...CONFIGURATION],
  cis: ['cis-azure:4.4.2'],
  nist: ['SC-8', 'SC-13'],
  cwe: ['CWE-327'],
  remediation:
    'Require TLS 1.2 (the default):\n\n```hcl\nresource "azurerm_mysql_server" "main" {\n' +
    '  ssl_minimal_tls_version_enforced = "TLS1_2"\n}\n```',
  references: [
    `${TF_AZURERM}/mysql_server`,
    `${TF_AZURERM}/mysql_flexible_server_configuration`,
    'https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl',
  ],
  check: oldTls,
};

function* publicAccess(r: IacResource): Iterable<Violation> {
  const v = r.value.public_network_access_enabled;
  if (isTrue(v)) yield { message: 'public network access is enabled', at: ['public_network_access_enabled'] };
  else if (lower(r.value.public_network_access) === 'enabled')
    yield { message: 'public network access is enabled', at: ['public_network_access'] };
  // Single servers default to public; flexible servers without a delegated subnet get firewall-only access.
  else if (SINGLE.includes(r.type) && unset(v))
    yield {
      message: 'public_network_access_enabled is not set and defaults to true',
      at: ['public_network_access_enabled'],
    };
}

export const databasePublicAccess: IacRule = {
  id: 'iac/azure-database-public-access',
  title: 'PostgreSQL / MySQL / MariaDB server reachable over its public endpoint',
  description:
    'A database server with public network access answers on a public endpoint; only firewall rules and ' +
    'passwords protect it. Private access (VNet integration or private endpoints) keeps it off the internet.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: [...SINGLE, ...FLEXIBLE],
  cis: [],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  remediation:
    'Disable public network access:\n\n```hcl\nresource "azurerm_postgresql_flexible_server" "main" {\n' +
    '  public_network_access_enabled = false\n  delegated_subnet_id           = azurerm_subnet.db.id\n}\n```',
  references: [
    `${TF_AZURERM}/postgresql_flexible_server`,
    'https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking',
  ],
  check: publicAccess,
};
