import { blocks } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { CIS_AZURE, isFalse, lower, TF_AZURERM, unset } from './values.js';

const VAULT = `${TF_AZURERM}/key_vault`;

export const keyVaultPurgeProtection: IacRule = {
  id: 'iac/azure-keyvault-purge-protection',
  title: 'Key Vault can be purged: purge protection or soft delete off',
  description:
    'Without purge protection a deleted vault, key or secret can be purged at once, by mistake or by an ' +
    'attacker holding the right role, and everything encrypted with those keys is lost for good. ' +
    '`purge_protection_enabled` defaults to false.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_key_vault'],
  cis: ['cis-azure:8.5'],
  nist: ['CP-9', 'SC-12'],
  cwe: ['CWE-693'],
  remediation:
    'Turn purge protection on (it cannot be turned off again):\n\n```hcl\nresource "azurerm_key_vault" "main" {\n' +
    '  purge_protection_enabled   = true\n  soft_delete_retention_days = 90\n}\n```',
  references: [
    VAULT,
    'https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview',
    CIS_AZURE,
  ],
  *check(r) {
    const purge = r.value.purge_protection_enabled;
    if (unset(purge) || isFalse(purge))
      yield { message: 'purge protection is not enabled', at: ['purge_protection_enabled'] };
    if (isFalse(r.value.soft_delete_enabled))
      yield { message: 'soft delete is disabled', at: ['soft_delete_enabled'] };
  },
};

export const keyVaultSoftDeleteRetention: IacRule = {
  id: 'iac/azure-keyvault-short-soft-delete',
  title: 'Key Vault keeps deleted objects fewer than 90 days',
  description:
    'Soft-deleted vaults, keys and secrets can be recovered during the retention period only. Anything below ' +
    'the 90-day maximum (and default) shortens the time to notice an accidental or malicious deletion.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: ['azurerm_key_vault'],
  cis: [],
  nist: ['CP-9'],
  cwe: ['CWE-693'],
  remediation:
    'Keep the default 90-day retention:\n\n```hcl\nresource "azurerm_key_vault" "main" {\n' +
    '  soft_delete_retention_days = 90\n}\n```',
  references: [VAULT, 'https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview'],
  *check(r) {
    const days = r.value.soft_delete_retention_days;
    if (typeof days === 'number' && days < 90)
      yield { message: `deleted objects are kept ${days} days`, at: ['soft_delete_retention_days'] };
  },
};

export const keyVaultNetworkOpen: IacRule = {
  id: 'iac/azure-keyvault-network-open',
  title: 'Key Vault reachable from every network',
  description:
    'A vault without network ACLs, or whose ACLs default to Allow, accepts requests from any address; a ' +
    'leaked token is then usable from anywhere. Deny by default and allow the networks that need the vault.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_key_vault'],
  cis: [],
  nist: ['SC-7', 'SC-7(5)', 'AC-3'],
  cwe: ['CWE-284'],
  remediation:
    'Deny by default:\n\n```hcl\nresource "azurerm_key_vault" "main" {\n  network_acls {\n' +
    '    default_action             = "Deny"\n    bypass                     = "AzureServices"\n' +
    '    virtual_network_subnet_ids = [azurerm_subnet.app.id]\n  }\n}\n```',
  references: [VAULT, 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security'],
  *check(r) {
    if (isFalse(r.value.public_network_access_enabled)) return;
    if (unset(r.value.network_acls)) {
      yield {
        message: 'no network ACLs: the vault accepts requests from every network',
        at: ['network_acls'],
      };
      return;
    }
    for (const [i, acl] of blocks(r.value, 'network_acls').entries())
      if (lower(acl.default_action) === 'allow')
        yield { message: 'network ACLs default to Allow', at: ['network_acls', i, 'default_action'] };
  },
};

function expirationRule(kind: 'key' | 'secret', cis: readonly string[]): IacRule {
  const type = `azurerm_key_vault_${kind}`;
  return {
    id: `iac/azure-keyvault-${kind}-no-expiration`,
    title: `Key Vault ${kind} without an expiration date`,
    description:
      `A ${kind} that never expires stays valid long after it should have been rotated, and a leaked copy ` +
      'keeps working indefinitely. An expiration date forces rotation and lets Azure alert before it happens.',
    severity: 'medium',
    platform: 'terraform',
    resourceTypes: [type],
    cis,
    nist: ['SC-12', 'IA-5'],
    cwe: ['CWE-324'],
    remediation:
      `Set an expiration date and rotate before it:\n\n\`\`\`hcl\nresource "${type}" "app" {\n` +
      '  expiration_date = "2026-12-31T00:00:00Z"\n}\n```',
    references: [
      `${TF_AZURERM}/key_vault_${kind}`,
      'https://learn.microsoft.com/en-us/azure/key-vault/keys/about-keys',
      CIS_AZURE,
    ],
    *check(r) {
      // A rotation policy with `expire_after` dates every version it creates.
      if (blocks(r.value, 'rotation_policy').some((p) => !unset(p.expire_after))) return;
      if (unset(r.value.expiration_date))
        yield { message: `the ${kind} never expires`, at: ['expiration_date'] };
    },
  };
}

export const keyVaultKeyExpiration = expirationRule('key', ['cis-azure:8.1', 'cis-azure:8.2']);
export const keyVaultSecretExpiration = expirationRule('secret', ['cis-azure:8.3', 'cis-azure:8.4']);
