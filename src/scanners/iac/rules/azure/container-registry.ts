import { get, isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { isTrue, lower, TF_AZURERM, unset } from './values.js';

const REGISTRY = ['azurerm_container_registry'];
const DOCS = `${TF_AZURERM}/container_registry`;

export const registryAdminEnabled: IacRule = {
  id: 'iac/azure-acr-admin-enabled',
  title: 'Container registry admin user enabled',
  description:
    'The registry admin user is a single shared account with push and pull rights whose passwords are ' +
    'long-lived and not tied to a person or workload. Use Entra ID identities or scoped tokens instead.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: REGISTRY,
  cis: [],
  nist: ['AC-2', 'IA-2'],
  cwe: ['CWE-798'],
  remediation:
    'Disable the admin user (the default):\n\n```hcl\nresource "azurerm_container_registry" "main" {\n' +
    '  admin_enabled = false\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication',
  ],
  *check(r) {
    if (isTrue(r.value.admin_enabled)) yield { message: 'the admin user is enabled', at: ['admin_enabled'] };
  },
};

export const registryPublicAccess: IacRule = {
  id: 'iac/azure-acr-public-access',
  title: 'Container registry reachable from every network',
  description:
    'A registry with public network access and no network rule set denying by default can be reached from ' +
    'anywhere: leaked credentials let anyone pull private images (and the secrets baked into them) or push ' +
    'poisoned ones. `public_network_access_enabled` defaults to true.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: REGISTRY,
  cis: [],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  remediation:
    'Disable public access and use private endpoints (Premium SKU), or deny by default:\n\n```hcl\n' +
    'resource "azurerm_container_registry" "main" {\n  public_network_access_enabled = false\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-access-selected-networks',
  ],
  *check(r) {
    const enabled = r.value.public_network_access_enabled;
    if (!(unset(enabled) || isTrue(enabled))) return;
    const action = get(r.value, ['network_rule_set', 0, 'default_action']);
    if (lower(action) === 'deny' || isUnknown(action)) return;
    yield {
      message: 'public network access is enabled and not restricted',
      at: ['public_network_access_enabled'],
    };
  },
};
