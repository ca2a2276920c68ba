import { get } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { DOC } from './docs.js';
import { isObject } from './pod-spec.js';

const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];

export const clusterAdminBinding: IacRule = {
  id: 'iac/k8s-cluster-admin-binding',
  title: 'Binding grants cluster-admin',
  description:
    'cluster-admin can do anything to any resource: bound cluster-wide it is full control of the cluster, ' +
    'bound in a namespace full control of that namespace, its Secrets and the service accounts in it. ' +
    'It should be held by a handful of break-glass identities, not by workloads or teams.',
  severity: 'high',
  platform: 'kubernetes',
  resourceTypes: BINDING_KINDS,
  cis: ['cis-kubernetes:5.1.1'],
  nist: ['AC-6', 'AC-6(1)', 'AC-2'],
  cwe: ['CWE-269'],
  remediation:
    'Bind a role with only the permissions needed:\n\n' +
    '```yaml\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\n```',
  references: [DOC.rbacGood, DOC.rbac, DOC.cis],
  *check(r) {
    if (
      get(r.value, ['roleRef', 'kind']) === 'ClusterRole' &&
      get(r.value, ['roleRef', 'name']) === 'cluster-admin'
    )
      yield { message: 'binds cluster-admin', at: ['roleRef', 'name'] };
  },
};

/** Everyone, or everyone who can reach the API server. */
const PUBLIC_SUBJECTS = new Set(['system:anonymous', 'system:unauthenticated', 'system:authenticated']);
/** Built-in roles the API server itself binds to these groups: discovery and version info only. */
const PUBLIC_ROLES = new Set(['system:discovery', 'system:basic-user', 'system:public-info-viewer']);

export const publicBinding: IacRule = {
  id: 'iac/k8s-binding-to-anonymous',
  title: 'Binding grants a role to anonymous or to every authenticated user',
  description:
    'system:anonymous and system:unauthenticated are requests without credentials; system:authenticated ' +
    'is anyone with any valid credential, including every service account of every namespace and, on some ' +
    'managed clusters, any account of the cloud provider. A role bound to them is public.',
  severity: 'high',
  platform: 'kubernetes',
  resourceTypes: BINDING_KINDS,
  cis: [],
  nist: ['AC-3', 'AC-6', 'AC-14'],
  cwe: ['CWE-284'],
  remediation:
    'Bind the role to the groups or service accounts that need it:\n\n' +
    '```yaml\nsubjects:\n  - kind: Group\n    name: payments-oncall\n    apiGroup: rbac.authorization.k8s.io\n```',
  references: [DOC.rbacGood, DOC.rbac],
  *check(r) {
    const role = get(r.value, ['roleRef', 'name']);
    if (typeof role === 'string' && PUBLIC_ROLES.has(role)) return;
    const subjects = r.value.subjects;
    if (!Array.isArray(subjects)) return;
    for (const [i, s] of subjects.entries())
      if (isObject(s) && typeof s.name === 'string' && PUBLIC_SUBJECTS.has(s.name))
        yield {
          message: `grants ${typeof role === 'string' ? role : 'its role'} to ${s.name}`,
          at: ['subjects', i, 'name'],
          subject: `subject ${s.name}`,
        };
  },
};

export const BINDING_RULES: readonly IacRule[] = [clusterAdminBinding, publicBinding];
