import { blocks, get, type IacResource, type IacValue, isUnknown, type KeyPath } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { isFalse, isTrue, strings, TF_AZURERM, unset } from './values.js';

const AKS = ['azurerm_kubernetes_cluster'];
const DOCS = `${TF_AZURERM}/kubernetes_cluster`;

export const aksRbacDisabled: IacRule = {
  id: 'iac/azure-aks-rbac-disabled',
  title: 'AKS cluster with Kubernetes RBAC disabled',
  description:
    'Without Kubernetes RBAC every authenticated user and service account can do anything in the cluster; ' +
    'least privilege is impossible. RBAC is on by default and cannot be turned on later without recreating ' +
    'the cluster.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: AKS,
  cis: [],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-285'],
  remediation:
    'Keep RBAC on (the default):\n\n```hcl\nresource "azurerm_kubernetes_cluster" "main" {\n' +
    '  role_based_access_control_enabled = true\n}\n```',
  references: [DOCS, 'https://learn.microsoft.com/en-us/azure/aks/concepts-identity'],
  *check(r) {
    if (isFalse(r.value.role_based_access_control_enabled))
      yield { message: 'Kubernetes RBAC is disabled', at: ['role_based_access_control_enabled'] };
    for (const [i, b] of blocks(r.value, 'role_based_access_control').entries())
      if (isFalse(b.enabled))
        yield { message: 'Kubernetes RBAC is disabled', at: ['role_based_access_control', i, 'enabled'] };
  },
};

const ANYWHERE = new Set(['0.0.0.0/0', '0.0.0.0', '*']);

function* publicApiServer(r: IacResource): Iterable<Violation> {
  const { private_cluster_enabled: isPrivate, api_server_access_profile: profile } = r.value;
  if (isTrue(isPrivate) || isUnknown(isPrivate) || isUnknown(profile)) return;
  const profileRanges: KeyPath = ['api_server_access_profile', 0, 'authorized_ip_ranges'];
  const lists: [IacValue | undefined, KeyPath][] = [
    [r.value.api_server_authorized_ip_ranges, ['api_server_authorized_ip_ranges']],
    [get(r.value, profileRanges), profileRanges],
  ];
  const set = lists.filter(([v]) => !unset(v));
  if (set.length === 0) {
    yield {
      message: 'the API server is public and accepts every address',
      at: ['api_server_access_profile'],
    };
    return;
  }
  for (const [v, at] of set)
    for (const s of strings(v))
      if (ANYWHERE.has(s.value))
        yield {
          message: `the API server accepts ${s.value}`,
          at: [...at, ...(s.index === undefined ? [] : [s.index])],
        };
}

export const aksPublicApiServer: IacRule = {
  id: 'iac/azure-aks-api-server-public',
  title: 'AKS API server reachable from every address',
  description:
    'A public API server without authorized IP ranges can be reached by anyone: leaked kubeconfigs and ' +
    'tokens work from anywhere, and API server vulnerabilities are exposed to the internet. Use a private ' +
    'cluster or restrict the API server to known ranges.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: AKS,
  cis: [],
  nist: ['SC-7', 'AC-17'],
  cwe: ['CWE-284'],
  remediation:
    'Restrict the API server (or set `private_cluster_enabled = true`):\n\n```hcl\n' +
    'resource "azurerm_kubernetes_cluster" "main" {\n  api_server_access_profile {\n' +
    '    authorized_ip_ranges = ["203.0.113.0/24"]\n  }\n}\n```',
  references: [DOCS, 'https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges'],
  check: publicApiServer,
};

export const aksNetworkPolicy: IacRule = {
  id: 'iac/azure-aks-no-network-policy',
  title: 'AKS cluster without a network policy engine',
  description:
    'Without a network policy engine (Azure, Calico or Cilium) Kubernetes NetworkPolicy objects are ignored ' +
    'and every pod can reach every other pod, so one compromised workload can move laterally. The engine can ' +
    'only be chosen when the cluster is created.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: AKS,
  cis: [],
  nist: ['SC-7', 'AC-4'],
  cwe: ['CWE-284'],
  remediation:
    'Choose a network policy engine:\n\n```hcl\nresource "azurerm_kubernetes_cluster" "main" {\n' +
    '  network_profile {\n    network_plugin = "azure"\n    network_policy = "azure" # or "calico", "cilium"\n  }\n}\n```',
  references: [DOCS, 'https://learn.microsoft.com/en-us/azure/aks/use-network-policies'],
  *check(r) {
    if (unset(r.value.network_profile)) {
      yield { message: 'no network profile: network policies are not enforced', at: ['network_profile'] };
      return;
    }
    for (const [i, p] of blocks(r.value, 'network_profile').entries())
      if (unset(p.network_policy))
        yield {
          message: 'no network policy engine: network policies are not enforced',
          at: ['network_profile', i, 'network_policy'],
        };
  },
};

export const aksLocalAccounts: IacRule = {
  id: 'iac/azure-aks-local-accounts',
  title: 'AKS cluster keeps its local admin account',
  description:
    'The local cluster-admin account uses a static certificate that bypasses Entra ID: no MFA, no conditional ' +
    'access, no per-user audit, and it stays valid until the certificate is rotated. `local_account_disabled` ' +
    'defaults to false.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: AKS,
  cis: [],
  nist: ['IA-2', 'AC-2'],
  cwe: ['CWE-287'],
  remediation:
    'Disable local accounts and use Entra ID integration:\n\n```hcl\nresource "azurerm_kubernetes_cluster" "main" {\n' +
    '  local_account_disabled = true\n  azure_active_directory_role_based_access_control {\n' +
    '    azure_rbac_enabled = true\n  }\n}\n```',
  references: [DOCS, 'https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad'],
  *check(r) {
    const v = r.value.local_account_disabled;
    if (unset(v) || isFalse(v))
      yield { message: 'local accounts are enabled', at: ['local_account_disabled'] };
  },
};

export const aksAzurePolicy: IacRule = {
  id: 'iac/azure-aks-no-azure-policy',
  title: 'AKS cluster without the Azure Policy add-on',
  description:
    'The Azure Policy add-on enforces pod security and other guardrails (Gatekeeper) on what is deployed to ' +
    'the cluster, and reports compliance centrally. Without it nothing stops a privileged pod at admission.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: AKS,
  cis: [],
  nist: ['CM-7', 'CM-6'],
  remediation:
    'Enable the add-on:\n\n```hcl\nresource "azurerm_kubernetes_cluster" "main" {\n  azure_policy_enabled = true\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/governance/policy/concepts/policy-for-kubernetes',
  ],
  *check(r) {
    const current = r.value.azure_policy_enabled;
    const legacy = get(r.value, ['addon_profile', 0, 'azure_policy', 0, 'enabled']);
    if (isTrue(current) || isTrue(legacy) || isUnknown(current) || isUnknown(legacy)) return;
    yield { message: 'the Azure Policy add-on is not enabled', at: ['azure_policy_enabled'] };
  },
};
