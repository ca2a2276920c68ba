import type { IacRule } from '../../rule.js';
import { CIS_AZURE, TF_AZURERM } from './values.js';

/** Every IPv4 address as a number, so a range can be compared with the whole space. */
function ipv4(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.trim().split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

const WHOLE_INTERNET = 2 ** 32 - 1;

export const databaseFirewallAllIps: IacRule = {
  id: 'iac/azure-database-firewall-all-ips',
  title: 'Database firewall rule allows every IPv4 address',
  description:
    'A server-level firewall rule from 0.0.0.0 to 255.255.255.255 opens the database endpoint to the whole ' +
    'internet, leaving logins as the only protection against password spraying and engine vulnerabilities.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: [
    'azurerm_mssql_firewall_rule',
    'azurerm_sql_firewall_rule',
    'azurerm_postgresql_firewall_rule',
    'azurerm_postgresql_flexible_server_firewall_rule',
    'azurerm_mysql_firewall_rule',
    'azurerm_mysql_flexible_server_firewall_rule',
    'azurerm_mariadb_firewall_rule',
  ],
  cis: ['cis-azure:4.1.2'],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  remediation:
    'Allow only the addresses that need the database:\n\n```hcl\nresource "azurerm_mssql_firewall_rule" "office" {\n' +
    '  server_id        = azurerm_mssql_server.main.id\n  start_ip_address = "203.0.113.10"\n' +
    '  end_ip_address   = "203.0.113.20"\n}\n```',
  references: [
    `${TF_AZURERM}/mssql_firewall_rule`,
    'https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure',
    CIS_AZURE,
  ],
  *check(r) {
    const start = ipv4(r.value.start_ip_address);
    const end = ipv4(r.value.end_ip_address);
    if (start === 0 && end === WHOLE_INTERNET)
      yield { message: 'the firewall rule allows 0.0.0.0 - 255.255.255.255', at: ['end_ip_address'] };
  },
};
