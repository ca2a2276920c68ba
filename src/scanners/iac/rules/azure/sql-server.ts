import type { IacRule } from '../../rule.js';
import { CIS_AZURE, isFalse, isOldTls, isTrue, lower, TF_AZURERM, text, unset } from './values.js';

const MSSQL = `${TF_AZURERM}/mssql_server`;

export const sqlPublicNetworkAccess: IacRule = {
  id: 'iac/azure-sql-public-network-access',
  title: 'Azure SQL server reachable over its public endpoint',
  description:
    'With public network access enabled (the azurerm default) the server answers on a public endpoint and ' +
    'only its firewall rules and logins protect it. Private endpoints keep database traffic inside the virtual ' +
    'network.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_mssql_server'],
  cis: [],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  remediation:
    'Disable the public endpoint and connect through a private endpoint:\n\n```hcl\n' +
    'resource "azurerm_mssql_server" "main" {\n  public_network_access_enabled = false\n}\n```',
  references: [MSSQL, 'https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings'],
  *check(r) {
    const v = r.value.public_network_access_enabled;
    if (isTrue(v))
      yield { message: 'public network access is enabled', at: ['public_network_access_enabled'] };
    else if (unset(v))
      yield {
        message: 'public_network_access_enabled is not set and defaults to true',
        at: ['public_network_access_enabled'],
      };
  },
};

export const sqlTransparentDataEncryption: IacRule = {
  id: 'iac/azure-sql-tde-disabled',
  title: 'Azure SQL database with transparent data encryption disabled',
  description:
    'Transparent data encryption encrypts database files, backups and logs at rest. Turning it off leaves ' +
    'them readable to anyone who obtains the storage or a backup.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: ['azurerm_mssql_database'],
  cis: ['cis-azure:4.1.5'],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  remediation:
    'Keep TDE on (the default):\n\n```hcl\nresource "azurerm_mssql_database" "app" {\n' +
    '  transparent_data_encryption_enabled = true\n}\n```',
  references: [
    `${TF_AZURERM}/mssql_database`,
    'https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-tde-overview',
    CIS_AZURE,
  ],
  *check(r) {
    if (isFalse(r.value.transparent_data_encryption_enabled))
      yield {
        message: 'transparent data encryption is disabled',
        at: ['transparent_data_encryption_enabled'],
      };
  },
};

export const sqlMinTls: IacRule = {
  id: 'iac/azure-sql-min-tls',
  title: 'Azure SQL server accepts TLS versions older than 1.2',
  description:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses. A server whose minimum TLS version ' +
    'is below 1.2, or disabled, lets clients negotiate them.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_mssql_server', 'azurerm_mssql_managed_instance'],
  cis: [],
  nist: ['SC-8', 'SC-13'],
  cwe: ['CWE-327'],
  remediation:
    'Require TLS 1.2 (the default):\n\n```hcl\nresource "azurerm_mssql_server" "main" {\n' +
    '  minimum_tls_version = "1.2"\n}\n```',
  references: [
    MSSQL,
    `${TF_AZURERM}/mssql_managed_instance`,
    'https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#minimal-tls-version',
  ],
  *check(r) {
    const v = r.value.minimum_tls_version;
    if (isOldTls(v) || lower(v) === 'disabled')
      yield {
        message: `minimum_tls_version is ${text(v)}: TLS 1.2 should be the minimum`,
        at: ['minimum_tls_version'],
      };
  },
};

export const sqlAadAdmin: IacRule = {
  id: 'iac/azure-sql-no-aad-admin',
  title: 'Azure SQL server without a Microsoft Entra ID administrator',
  description:
    'Without an Entra ID (Azure AD) administrator the server can only use SQL logins: shared passwords, no ' +
    'MFA, no central revocation when someone leaves. Entra ID authentication lets database access follow ' +
    'identities and groups.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_mssql_server', 'azurerm_sql_server'],
  cis: ['cis-azure:4.1.4'],
  nist: ['IA-2', 'AC-2'],
  cwe: ['CWE-287'],
  remediation:
    'Name an Entra ID group as administrator:\n\n```hcl\nresource "azurerm_mssql_server" "main" {\n' +
    '  azuread_administrator {\n    login_username = "sql-admins"\n    object_id      = azuread_group.sql_admins.object_id\n' +
    '  }\n}\n```',
  references: [
    MSSQL,
    `${TF_AZURERM}/sql_active_directory_administrator`,
    'https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-aad-configure',
    CIS_AZURE,
  ],
  *check(r, ctx) {
    if (!unset(r.value.azuread_administrator)) return;
    if (ctx.referencing(r, 'azurerm_sql_active_directory_administrator', 'server_name').length > 0) return;
    yield { message: 'no Entra ID administrator is configured', at: ['azuread_administrator'] };
  },
};
