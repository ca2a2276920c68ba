import { blocks, type IacObject, type IacResource, type KeyPath } from '../../model.js';
import type { IacRule, RuleContext, Violation } from '../../rule.js';
import { isFalse, lower, strings, TF_AZURERM, unset } from './values.js';

const ANY_IP = new Set(['0.0.0.0/0', '0.0.0.0', '*', 'internet', 'any']);

/** Problems in one set of network rules (an inline `network_rules` block or the separate resource). */
function* openRules(rules: IacObject, at: KeyPath): Iterable<Violation> {
  if (lower(rules.default_action) === 'allow')
    yield {
      message: 'network rules default to Allow: every network can reach the account',
      at: [...at, 'default_action'],
    };
  for (const ip of strings(rules.ip_rules))
    if (ANY_IP.has(ip.value.toLowerCase()))
      yield {
        message: `ip_rules allows ${ip.value}: every address can reach the account`,
        at: [...at, 'ip_rules', ...(ip.index === undefined ? [] : [ip.index])],
      };
}

function hasSeparateRules(r: IacResource, ctx: RuleContext): boolean {
  const type = 'azurerm_storage_account_network_rules';
  return (
    ctx.referencing(r, type, 'storage_account_id').length +
      ctx.referencing(r, type, 'storage_account_name').length >
    0
  );
}

function* checkAccount(r: IacResource, ctx: RuleContext): Iterable<Violation> {
  if (isFalse(r.value.public_network_access_enabled)) return;
  const inline = blocks(r.value, 'network_rules');
  for (const [i, b] of inline.entries()) yield* openRules(b, ['network_rules', i]);
  if (unset(r.value.network_rules) && !hasSeparateRules(r, ctx))
    yield {
      message: 'no network rules: the account accepts connections from every network',
      at: ['network_rules'],
    };
}

export const storageNetworkOpen: IacRule = {
  id: 'iac/azure-storage-network-open',
  title: 'Storage account reachable from every network',
  description:
    'Without network rules, or with their default action set to Allow, a storage account accepts connections ' +
    'from any address on the internet, and only its keys and tokens stand between an attacker and the data. ' +
    'Denying by default and allowing chosen virtual networks and IP ranges limits who can even try.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_storage_account', 'azurerm_storage_account_network_rules'],
  cis: ['cis-azure:3.8'],
  nist: ['SC-7', 'SC-7(5)', 'AC-3'],
  cwe: ['CWE-284'],
  remediation:
    'Deny by default and allow what needs access:\n\n```hcl\nresource "azurerm_storage_account" "logs" {\n' +
    '  network_rules {\n    default_action             = "Deny"\n    bypass                     = ["AzureServices"]\n' +
    '    virtual_network_subnet_ids = [azurerm_subnet.app.id]\n  }\n}\n```',
  references: [
    `${TF_AZURERM}/storage_account`,
    `${TF_AZURERM}/storage_account_network_rules`,
    'https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security',
  ],
  check(r, ctx) {
    return r.type === 'azurerm_storage_account' ? checkAccount(r, ctx) : openRules(r.value, []);
  },
};
