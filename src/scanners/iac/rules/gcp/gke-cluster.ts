import { blocks, get, type IacResource, isUnknown } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { isFalse, isTrue, lower, TF_GOOGLE, unset } from './values.js';

const CLUSTER = ['google_container_cluster'];
const DOCS = `${TF_GOOGLE}/container_cluster`;
const HARDENING = 'https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster';

const autopilot = (r: IacResource) => isTrue(r.value.enable_autopilot) || isUnknown(r.value.enable_autopilot);

export const gkeLegacyAbac: IacRule = {
  id: 'iac/gcp-gke-legacy-abac',
  title: 'GKE cluster with legacy ABAC authorization',
  description:
    'Legacy attribute-based access control grants broad, statically configured permissions that bypass ' +
    'Kubernetes RBAC; with it enabled, RBAC restrictions no longer hold.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: CLUSTER,
  cis: [],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-285'],
  remediation:
    'Disable legacy ABAC (the default):\n\n```hcl\nresource "google_container_cluster" "main" {\n' +
    '  enable_legacy_abac = false\n}\n```',
  references: [DOCS, `${HARDENING}#leave_abac_disabled_default_for_110`],
  *check(r) {
    if (isTrue(r.value.enable_legacy_abac))
      yield { message: 'legacy ABAC is enabled', at: ['enable_legacy_abac'] };
  },
};

const WORLD = new Set(['0.0.0.0/0', '::/0']);

function* publicControlPlane(r: IacResource): Iterable<Violation> {
  const endpoint = get(r.value, ['private_cluster_config', 0, 'enable_private_endpoint']);
  const config = r.value.master_authorized_networks_config;
  if (
    isTrue(endpoint) ||
    isUnknown(endpoint) ||
    isUnknown(r.value.private_cluster_config) ||
    isUnknown(config)
  )
    return;
  if (unset(config)) {
    yield { message: 'the control plane accepts every address', at: ['master_authorized_networks_config'] };
    return;
  }
  for (const [i, c] of blocks(r.value, 'master_authorized_networks_config').entries())
    for (const [j, cidr] of blocks(c, 'cidr_blocks').entries())
      if (typeof cidr.cidr_block === 'string' && WORLD.has(cidr.cidr_block.trim()))
        yield {
          message: `the control plane authorizes ${cidr.cidr_block}`,
          at: ['master_authorized_networks_config', i, 'cidr_blocks', j, 'cidr_block'],
        };
}

export const gkeMasterAuthorizedNetworks: IacRule = {
  id: 'iac/gcp-gke-control-plane-public',
  title: 'GKE control plane reachable from every address',
  description:
    'Without master authorized networks (or a private endpoint), the Kubernetes API server accepts ' +
    'connections from any address: stolen credentials work from anywhere and API server vulnerabilities are ' +
    'exposed to the internet.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: CLUSTER,
  cis: [],
  nist: ['SC-7', 'AC-17'],
  cwe: ['CWE-284'],
  remediation:
    'Restrict the control plane to known ranges:\n\n```hcl\nresource "google_container_cluster" "main" {\n' +
    '  master_authorized_networks_config {\n    cidr_blocks {\n      cidr_block   = "203.0.113.0/24"\n' +
    '      display_name = "office"\n    }\n  }\n}\n```',
  references: [DOCS, 'https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks'],
  check: publicControlPlane,
};

export const gkePrivateNodes: IacRule = {
  id: 'iac/gcp-gke-public-nodes',
  title: 'GKE cluster nodes have public IP addresses',
  description:
    'Without private nodes every node gets an external IP, so the kubelet and any NodePort or host-network ' +
    'service is one firewall mistake away from the internet. Private nodes only have internal addresses.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: CLUSTER,
  cis: [],
  nist: ['SC-7'],
  cwe: ['CWE-284'],
  remediation:
    'Use private nodes:\n\n```hcl\nresource "google_container_cluster" "main" {\n  private_cluster_config {\n' +
    '    enable_private_nodes    = true\n    enable_private_endpoint = false\n    master_ipv4_cidr_block  = "172.16.0.0/28"\n' +
    '  }\n}\n```',
  references: [DOCS, 'https://cloud.google.com/kubernetes-engine/docs/concepts/private-cluster-concept'],
  *check(r) {
    const config = r.value.private_cluster_config;
    if (isUnknown(config)) return;
    const v = get(r.value, ['private_cluster_config', 0, 'enable_private_nodes']);
    if (unset(v) || isFalse(v))
      yield {
        message: 'nodes get public IP addresses',
        at: ['private_cluster_config', 0, 'enable_private_nodes'],
      };
  },
};

export const gkeNetworkPolicy: IacRule = {
  id: 'iac/gcp-gke-network-policy-disabled',
  title: 'GKE cluster does not enforce network policies',
  description:
    'Without network policy enforcement (Calico, or GKE Dataplane V2) Kubernetes NetworkPolicy objects are ' +
    'ignored and every pod can reach every other pod, so one compromised workload can move laterally.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: CLUSTER,
  cis: [],
  nist: ['SC-7', 'AC-4'],
  cwe: ['CWE-284'],
  remediation:
    'Use Dataplane V2 (or enable the network policy add-on):\n\n```hcl\nresource "google_container_cluster" "main" {\n' +
    '  datapath_provider = "ADVANCED_DATAPATH"\n}\n```',
  references: [DOCS, 'https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy'],
  *check(r) {
    const datapath = r.value.datapath_provider;
    if (autopilot(r) || lower(datapath) === 'advanced_datapath' || isUnknown(datapath)) return;
    const enabled = get(r.value, ['network_policy', 0, 'enabled']);
    if (isUnknown(enabled) || isUnknown(r.value.network_policy)) return;
    if (!isTrue(enabled)) {
      yield { message: 'network policies are not enforced', at: ['network_policy', 0, 'enabled'] };
      return;
    }
    // Created with network policy, the cluster gets the add-on; explicitly disabled, nothing enforces it.
    const addon = ['addons_config', 0, 'network_policy_config', 0, 'disabled'];
    if (isTrue(get(r.value, addon)))
      yield { message: 'network policy is enabled but its add-on is disabled', at: addon };
  },
};

export const gkeWorkloadIdentity: IacRule = {
  id: 'iac/gcp-gke-workload-identity-disabled',
  title: 'GKE cluster without Workload Identity',
  description:
    'Without Workload Identity, pods use the node service account (often broad) and can read the node ' +
    'metadata, including its credentials. Workload Identity gives each Kubernetes service account its own ' +
    'IAM identity.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: CLUSTER,
  cis: [],
  nist: ['AC-6', 'IA-2'],
  cwe: ['CWE-250'],
  remediation:
    'Enable Workload Identity:\n\n```hcl\nresource "google_container_cluster" "main" {\n' +
    '  workload_identity_config {\n    workload_pool = "${var.project}.svc.id.goog"\n  }\n}\n```',
  references: [DOCS, 'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity'],
  *check(r) {
    if (autopilot(r) || !unset(r.value.workload_identity_config)) return;
    yield { message: 'Workload Identity is not enabled', at: ['workload_identity_config'] };
  },
};

export const gkeShieldedNodes: IacRule = {
  id: 'iac/gcp-gke-shielded-nodes-disabled',
  title: 'GKE cluster with Shielded GKE Nodes disabled',
  description:
    'Shielded GKE Nodes give nodes a verifiable identity and integrity (secure boot, vTPM), which stops a ' +
    'compromised pod from impersonating a node to the control plane. They are on by default.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: CLUSTER,
  cis: [],
  nist: ['SI-7', 'IA-3'],
  remediation:
    'Keep Shielded GKE Nodes on:\n\n```hcl\nresource "google_container_cluster" "main" {\n' +
    '  enable_shielded_nodes = true\n}\n```',
  references: [DOCS, 'https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes'],
  *check(r) {
    if (isFalse(r.value.enable_shielded_nodes))
      yield { message: 'Shielded GKE Nodes are disabled', at: ['enable_shielded_nodes'] };
  },
};

function* legacyAuth(r: IacResource): Iterable<Violation> {
  for (const [i, auth] of blocks(r.value, 'master_auth').entries()) {
    if (typeof auth.username === 'string' && auth.username !== '')
      yield { message: 'basic authentication is enabled', at: ['master_auth', i, 'username'] };
    for (const [j, cert] of blocks(auth, 'client_certificate_config').entries())
      if (isTrue(cert.issue_client_certificate))
        yield {
          message: 'a client certificate is issued',
          at: ['master_auth', i, 'client_certificate_config', j, 'issue_client_certificate'],
        };
  }
}

export const gkeLegacyClientAuth: IacRule = {
  id: 'iac/gcp-gke-legacy-client-auth',
  title: 'GKE cluster with basic authentication or client certificates',
  description:
    'Static passwords (basic auth) and the cluster client certificate are long-lived credentials that cannot ' +
    'be revoked individually and bypass IAM. Authenticate with IAM (OAuth) instead.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: CLUSTER,
  cis: [],
  nist: ['IA-2', 'IA-5'],
  cwe: ['CWE-287'],
  remediation:
    'Do not issue a client certificate nor set a username:\n\n```hcl\nresource "google_container_cluster" "main" {\n' +
    '  master_auth {\n    client_certificate_config {\n      issue_client_certificate = false\n    }\n  }\n}\n```',
  references: [DOCS, `${HARDENING}#restrict_authn_methods`],
  check: legacyAuth,
};
