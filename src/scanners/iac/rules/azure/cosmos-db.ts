import { type IacValue, isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { isTrue, TF_AZURERM, unset } from './values.js';

/** A non-empty `ip_range_filter`: a comma-separated string before azurerm v4, a list since; unknown counts. */
function filtersIps(v: IacValue | undefined): boolean {
  if (unset(v)) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return !Array.isArray(v) || v.length > 0;
}

export const cosmosDbPublicAccess: IacRule = {
  id: 'iac/azure-cosmosdb-public-access',
  title: 'Cosmos DB account reachable from every network',
  description:
    'A Cosmos DB account with public network access and neither an IP filter nor virtual network rules ' +
    'accepts requests from any address; its account keys are then the only protection of the data.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: ['azurerm_cosmosdb_account'],
  cis: ['cis-azure:4.5.1'],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  remediation:
    'Disable public access, or limit it to known networks:\n\n```hcl\nresource "azurerm_cosmosdb_account" "main" {\n' +
    '  public_network_access_enabled     = false\n  is_virtual_network_filter_enabled = true\n' +
    '  virtual_network_rule {\n    id = azurerm_subnet.app.id\n  }\n}\n```',
  references: [
    `${TF_AZURERM}/cosmosdb_account`,
    'https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-firewall',
  ],
  *check(r) {
    const { public_network_access_enabled: enabled, is_virtual_network_filter_enabled: vnet } = r.value;
    if (!(unset(enabled) || isTrue(enabled)) || isTrue(vnet) || isUnknown(vnet)) return;
    if (filtersIps(r.value.ip_range_filter)) return;
    yield {
      message: 'public network access without IP or virtual network filtering',
      at: ['public_network_access_enabled'],
    };
  },
};
