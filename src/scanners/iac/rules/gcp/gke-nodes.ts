import { blocks, get, type IacObject, type IacResource, type KeyPath } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { flag, isFalse, TF_GOOGLE } from './values.js';

const TYPES = ['google_container_cluster', 'google_container_node_pool'];

/** A node pool: the separate resource, or an inline `node_pool` block of a cluster. */
interface Pool {
  pool: IacObject;
  at: KeyPath;
  subject?: string;
}

function pools(r: IacResource): Pool[] {
  if (r.type === 'google_container_node_pool') return [{ pool: r.value, at: [] }];
  return blocks(r.value, 'node_pool').map((pool, i) => ({
    pool,
    at: ['node_pool', i],
    subject: `node_pool ${typeof pool.name === 'string' ? pool.name : i}`,
  }));
}

export const gkeNodeAutoUpgrade: IacRule = {
  id: 'iac/gcp-gke-node-auto-upgrade-disabled',
  title: 'GKE node pool with auto-upgrade disabled',
  description:
    'Node auto-upgrade keeps node images and the kubelet patched with the control plane; pools left behind ' +
    'accumulate known vulnerabilities and drift out of the supported version skew. It is on by default.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: TYPES,
  cis: [],
  nist: ['SI-2'],
  cwe: ['CWE-1104'],
  remediation:
    'Keep auto-upgrade on:\n\n```hcl\nresource "google_container_node_pool" "main" {\n  management {\n' +
    '    auto_upgrade = true\n    auto_repair  = true\n  }\n}\n```',
  references: [
    `${TF_GOOGLE}/container_node_pool`,
    'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades',
  ],
  *check(r) {
    for (const { pool, at, subject } of pools(r))
      if (isFalse(get(pool, ['management', 0, 'auto_upgrade'])))
        yield {
          message: 'node auto-upgrade is disabled',
          at: [...at, 'management', 0, 'auto_upgrade'],
          ...(subject ? { subject } : {}),
        };
  },
};

/** Every `node_config` of a cluster (default pool and inline pools) or node pool, with its path. */
function nodeConfigs(r: IacResource): { config: IacObject; at: KeyPath; subject?: string }[] {
  const own = blocks(r.value, 'node_config').map((config, i) => ({
    config,
    at: ['node_config', i] as KeyPath,
  }));
  const inline =
    r.type === 'google_container_cluster'
      ? pools(r).flatMap(({ pool, at, subject }) =>
          blocks(pool, 'node_config').map((config, i) => ({
            config,
            at: [...at, 'node_config', i],
            subject,
          })),
        )
      : [];
  return [...own, ...inline];
}

function* legacyEndpoints(r: IacResource): Iterable<Violation> {
  for (const { config, at, subject } of nodeConfigs(r))
    if (flag(get(config, ['metadata', 'disable-legacy-endpoints'])) === false)
      yield {
        message: 'legacy metadata endpoints are enabled',
        at: [...at, 'metadata', 'disable-legacy-endpoints'],
        ...(subject ? { subject } : {}),
      };
}

export const gkeLegacyMetadataEndpoints: IacRule = {
  id: 'iac/gcp-gke-legacy-metadata-endpoints',
  title: 'GKE nodes expose the legacy metadata endpoints',
  description:
    'The v0.1 and v1beta1 metadata endpoints do not require the `Metadata-Flavor: Google` header, so an SSRF ' +
    'in any pod can fetch node credentials and kube-env secrets. GKE disables them by default.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: TYPES,
  cis: [],
  nist: ['CM-7', 'SC-7'],
  cwe: ['CWE-918'],
  remediation:
    'Keep them disabled:\n\n```hcl\nresource "google_container_node_pool" "main" {\n  node_config {\n' +
    '    metadata = {\n      disable-legacy-endpoints = "true"\n    }\n  }\n}\n```',
  references: [
    `${TF_GOOGLE}/container_cluster#metadata`,
    'https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata',
  ],
  check: legacyEndpoints,
};
