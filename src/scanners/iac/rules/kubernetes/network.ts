import { get, type IacObject, type IacResource } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { DOC } from './docs.js';
import { isObject } from './pod-spec.js';

const annotationsOf = (r: IacResource): IacObject => {
  const a = get(r.value, ['metadata', 'annotations']);
  return isObject(a) ? a : {};
};

export const serviceNodePort: IacRule = {
  id: 'iac/k8s-service-nodeport',
  title: 'Service of type NodePort',
  description:
    'A NodePort Service opens the port on every node of the cluster, on every node address: the ' +
    'workload is reachable from wherever the nodes are, around the load balancer and ingress that ' +
    'would filter and log its traffic.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: ['Service'],
  cis: [],
  nist: ['SC-7', 'CM-7'],
  remediation:
    'Use ClusterIP behind an Ingress or a LoadBalancer restricted to known sources:\n\n' +
    '```yaml\nspec:\n  type: ClusterIP\n```',
  references: [DOC.service],
  *check(r) {
    if (get(r.value, ['spec', 'type']) === 'NodePort')
      yield { message: 'type NodePort opens the port on every node', at: ['spec', 'type'] };
  },
};

/** Annotations that make the cloud load balancer private to the VPC/VNet. */
const INTERNAL_LB: readonly [string, RegExp][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', /^true$/i],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/i],
];
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

function sourceRanges(r: IacResource): string[] {
  const field = get(r.value, ['spec', 'loadBalancerSourceRanges']);
  const annotation = annotationsOf(r)[SOURCE_RANGES_ANNOTATION];
  const list = Array.isArray(field) ? field : typeof annotation === 'string' ? annotation.split(',') : [];
  return list.filter((s): s is string => typeof s === 'string').map((s) => s.trim());
}

export const openLoadBalancer: IacRule = {
  id: 'iac/k8s-service-load-balancer-open',
  title: 'LoadBalancer Service open to the internet (no loadBalancerSourceRanges)',
  description:
    'A LoadBalancer Service gets a public address on most clouds; without loadBalancerSourceRanges (or ' +
    'an internal load balancer annotation) anyone on the internet can reach the port, and the workload ' +
    'behind it is exposed to scanning and exploitation.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: ['Service'],
  cis: [],
  nist: ['SC-7', 'AC-4'],
  cwe: ['CWE-284'],
  remediation:
    'Restrict the sources, or make the load balancer internal:\n\n' +
    '```yaml\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 203.0.113.0/24\n```',
  references: [DOC.service],
  *check(r) {
    if (get(r.value, ['spec', 'type']) !== 'LoadBalancer') return;
    const annotations = annotationsOf(r);
    if (INTERNAL_LB.some(([k, re]) => typeof annotations[k] === 'string' && re.test(annotations[k]))) return;
    const ranges = sourceRanges(r);
    if (ranges.length > 0 && !ranges.some((s) => ANYWHERE.has(s))) return;
    yield {
      message:
        ranges.length > 0 ? 'loadBalancerSourceRanges allows any address' : 'no loadBalancerSourceRanges',
      at: ranges.length > 0 ? ['spec', 'loadBalancerSourceRanges'] : ['spec', 'type'],
    };
  },
};

export const serviceExternalIps: IacRule = {
  id: 'iac/k8s-service-external-ips',
  title: 'Service sets externalIPs',
  description:
    'externalIPs make kube-proxy capture traffic for any address the author names, including addresses of ' +
    "other services or of the internet (CVE-2020-8554): a namespace user can intercept other tenants' traffic.",
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: ['Service'],
  cis: [],
  nist: ['SC-7', 'AC-4'],
  cwe: ['CWE-300'],
  remediation:
    'Remove externalIPs and use a LoadBalancer or an Ingress; block the field cluster-wide with the ' +
    'DenyServiceExternalIPs admission plugin:\n\n```yaml\nspec:\n  type: LoadBalancer\n```',
  references: [DOC.service, 'https://github.com/kubernetes/kubernetes/issues/97076'],
  *check(r) {
    const ips = get(r.value, ['spec', 'externalIPs']);
    if (Array.isArray(ips) && ips.length > 0)
      yield { message: `externalIPs ${ips.map(String).join(', ')}`, at: ['spec', 'externalIPs'] };
  },
};

/** Annotations by which cloud ingress controllers terminate TLS without `spec.tls`. */
const CLOUD_TLS = [
  'alb.ingress.kubernetes.io/certificate-arn',
  'networking.gke.io/managed-certificates',
  'ingress.gcp.kubernetes.io/pre-shared-cert',
  'networking.gke.io/pre-shared-cert',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
];

export const ingressWithoutTls: IacRule = {
  id: 'iac/k8s-ingress-without-tls',
  title: 'Ingress serves plain HTTP (no TLS)',
  description:
    'Without a tls section the Ingress serves its hosts over plain HTTP: credentials, session cookies and ' +
    'data cross the network readable and modifiable by anyone on the path.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: ['Ingress'],
  cis: [],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  remediation:
    'Add a certificate (cert-manager can issue it):\n\n' +
    '```yaml\nspec:\n  tls:\n    - hosts: [api.example.com]\n      secretName: api-tls\n```',
  references: [DOC.ingressTls],
  *check(r) {
    const tls = get(r.value, ['spec', 'tls']);
    if (Array.isArray(tls) && tls.length > 0) return;
    const annotations = annotationsOf(r);
    if (CLOUD_TLS.some((k) => annotations[k] !== undefined)) return;
    yield { message: 'no tls section: the hosts are served over HTTP', at: ['spec', 'tls'] };
  },
};

export const NETWORK_RULES: readonly IacRule[] = [
  serviceNodePort,
  openLoadBalancer,
  serviceExternalIps,
  ingressWithoutTls,
];
