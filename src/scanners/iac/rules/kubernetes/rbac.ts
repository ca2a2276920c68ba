import type { IacResource, KeyPath } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { DOC } from './docs.js';
import { isObject } from './pod-spec.js';

const ROLE_KINDS = ['Role', 'ClusterRole'];

/** One entry of a Role's `rules`. */
interface PolicyRule {
  groups: string[];
  resources: string[];
  verbs: string[];
  path: KeyPath;
  subject: string;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

function policyRules(r: IacResource): PolicyRule[] {
  const rules = r.value.rules;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule, i) =>
    isObject(rule)
      ? [
          {
            groups: strings(rule.apiGroups),
            resources: strings(rule.resources),
            verbs: strings(rule.verbs),
            path: ['rules', i],
            subject: `rule ${i}`,
          },
        ]
      : [],
  );
}

/** Resources (`secrets`, `pods/exec`) of an API group the rule grants with one of `verbs`; `*` verbs and groups count. */
function granted(
  rule: PolicyRule,
  group: string,
  resources: readonly string[],
  verbs: readonly string[],
): string[] {
  if (!rule.groups.some((g) => g === group || g === '*')) return [];
  if (!rule.verbs.some((v) => v === '*' || verbs.includes(v))) return [];
  return rule.resources.filter((res) => resources.includes(res));
}

/** One finding per policy rule for which `find` returns a message. */
function perPolicyRule(find: (rule: PolicyRule) => Omit<Violation, 'subject'> | undefined) {
  return function* (r: IacResource): Generator<Violation> {
    for (const rule of policyRules(r)) {
      const v = find(rule);
      if (v) yield { ...v, subject: rule.subject };
    }
  };
}

const RBAC_META = {
  platform: 'kubernetes',
  resourceTypes: ROLE_KINDS,
  references: [DOC.rbacGood, DOC.rbac, DOC.cis],
} as const;

export const rbacWildcard: IacRule = {
  ...RBAC_META,
  id: 'iac/k8s-rbac-wildcard',
  title: 'Role grants `*` verbs, resources or API groups',
  description:
    'A wildcard grants everything that exists now and every resource and verb added later (CRDs included): ' +
    'the role is broader than anyone reviewed, and `*` on `*` is cluster-admin.',
  severity: 'high',
  cis: ['cis-kubernetes:5.1.3'],
  nist: ['AC-6', 'AC-3'],
  cwe: ['CWE-269'],
  remediation:
    'List the verbs, resources and API groups the subject needs:\n\n' +
    '```yaml\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch"]\n```',
  check: perPolicyRule((rule) => {
    const fields = (['verbs', 'resources', 'apiGroups'] as const).filter((f) =>
      (f === 'verbs' ? rule.verbs : f === 'resources' ? rule.resources : rule.groups).includes('*'),
    );
    const first = fields[0];
    return first ? { message: `\`*\` in ${fields.join(', ')}`, at: [...rule.path, first] } : undefined;
  }),
};

export const rbacSecretsRead: IacRule = {
  ...RBAC_META,
  id: 'iac/k8s-rbac-secrets-read',
  title: 'Role can read Secrets (get, list or watch)',
  description:
    'Reading Secrets gives the passwords, keys and service account tokens they hold, and with those the ' +
    'permissions of other workloads. list and watch return the content of every Secret, not only names.',
  severity: 'high',
  cis: ['cis-kubernetes:5.1.2'],
  nist: ['AC-6', 'AC-3', 'SC-28'],
  cwe: ['CWE-269'],
  remediation:
    'Mount the Secret into the pod instead of reading it through the API; if the API is needed, restrict ' +
    'to named Secrets and to get:\n\n```yaml\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n' +
    '    resourceNames: ["payments-tls"]\n    verbs: ["get"]\n```',
  check: perPolicyRule((rule) =>
    granted(rule, '', ['secrets'], ['get', 'list', 'watch']).length > 0
      ? { message: `reads Secrets (${rule.verbs.join(', ')})`, at: [...rule.path, 'resources'] }
      : undefined,
  ),
};

export const rbacPodExec: IacRule = {
  ...RBAC_META,
  id: 'iac/k8s-rbac-pod-exec',
  title: 'Role can exec or attach into pods',
  description:
    'pods/exec and pods/attach run commands in any pod of the scope: its files, its mounted Secrets and ' +
    "its service account token are then the holder's, and so is every permission they carry.",
  severity: 'high',
  cis: [],
  nist: ['AC-6', 'AC-17'],
  cwe: ['CWE-269'],
  remediation:
    'Grant exec only to break-glass roles bound to people, never to workloads:\n\n' +
    '```yaml\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list"]\n```',
  check: perPolicyRule((rule) => {
    const res = granted(rule, '', ['pods/exec', 'pods/attach'], ['create', 'get']);
    return res.length > 0
      ? { message: `grants ${res.join(', ')}`, at: [...rule.path, 'resources'] }
      : undefined;
  }),
};

/** Resources whose creation is creating pods, by API group. */
const POD_CREATORS: readonly [string, readonly string[]][] = [
  ['', ['pods', 'replicationcontrollers']],
  ['apps', ['deployments', 'daemonsets', 'statefulsets', 'replicasets']],
  ['batch', ['jobs', 'cronjobs']],
];

export const rbacCreatePods: IacRule = {
  ...RBAC_META,
  id: 'iac/k8s-rbac-create-pods',
  title: 'Role can create pods or workloads',
  description:
    'Whoever can create a pod (directly or through a Deployment, Job, DaemonSet...) can run it as any ' +
    'service account of the namespace and mount any of its Secrets: the permission is worth every ' +
    'other permission in the namespace, and node access when Pod Security admission allows it.',
  severity: 'medium',
  cis: ['cis-kubernetes:5.1.4'],
  nist: ['AC-6', 'CM-5'],
  remediation:
    "Leave workload creation to the deployment pipeline's identity; give others read access:\n\n" +
    '```yaml\nrules:\n  - apiGroups: ["", "apps"]\n    resources: ["pods", "deployments"]\n    verbs: ["get", "list", "watch"]\n```',
  check: perPolicyRule((rule) => {
    const res = POD_CREATORS.flatMap(([group, names]) => granted(rule, group, names, ['create']));
    return res.length > 0 ? { message: `creates ${res.join(', ')}`, at: [...rule.path, 'verbs'] } : undefined;
  }),
};

const ESCALATING_VERBS = ['escalate', 'bind', 'impersonate'];

export const rbacEscalate: IacRule = {
  ...RBAC_META,
  id: 'iac/k8s-rbac-escalate-bind-impersonate',
  title: 'Role grants escalate, bind or impersonate',
  description:
    'escalate lets a subject write roles with permissions it does not have, bind lets it bind any role ' +
    '(cluster-admin included) to itself, impersonate lets it act as any user, group or service account: ' +
    'each is a direct path to full control.',
  severity: 'high',
  cis: ['cis-kubernetes:5.1.8'],
  nist: ['AC-6', 'AC-6(1)'],
  cwe: ['CWE-269'],
  remediation:
    'Remove these verbs; role management belongs to cluster administrators:\n\n' +
    '```yaml\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles"]\n    verbs: ["get", "list"]\n```',
  check: perPolicyRule((rule) => {
    const verbs = rule.verbs.filter((v) => ESCALATING_VERBS.includes(v));
    return verbs.length > 0
      ? { message: `grants ${verbs.join(', ')}`, at: [...rule.path, 'verbs'] }
      : undefined;
  }),
};

export const rbacNodesProxy: IacRule = {
  ...RBAC_META,
  id: 'iac/k8s-rbac-nodes-proxy',
  title: 'Role grants nodes/proxy',
  description:
    'nodes/proxy gives direct access to the kubelet API of every node: running commands in any pod on it, ' +
    'bypassing admission control and audit logging of the API server.',
  severity: 'high',
  cis: ['cis-kubernetes:5.1.10'],
  nist: ['AC-6', 'AC-3'],
  cwe: ['CWE-269'],
  remediation:
    'Remove nodes/proxy; monitoring agents can read metrics through `nodes/metrics` or `nodes/stats`:\n\n' +
    '```yaml\nrules:\n  - apiGroups: [""]\n    resources: ["nodes/metrics"]\n    verbs: ["get"]\n```',
  check: perPolicyRule((rule) =>
    rule.groups.some((g) => g === '' || g === '*') &&
    rule.resources.includes('nodes/proxy') &&
    rule.verbs.length > 0
      ? { message: `grants nodes/proxy (${rule.verbs.join(', ')})`, at: [...rule.path, 'resources'] }
      : undefined,
  ),
};

export const RBAC_RULES: readonly IacRule[] = [
  rbacWildcard,
  rbacSecretsRead,
  rbacPodExec,
  rbacCreatePods,
  rbacEscalate,
  rbacNodesProxy,
];
