import { get, isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { DOC } from './docs.js';
import { isObject, podOf, WORKLOAD_KINDS } from './pod-spec.js';

export const defaultNamespace: IacRule = {
  id: 'iac/k8s-default-namespace',
  title: 'Workload in the default namespace',
  description:
    'The default namespace is where everything without a home ends up: its RBAC, quotas, network ' +
    'policies and Pod Security level are rarely thought through, and workloads there share them. A ' +
    'manifest without a namespace lands in default unless the deploy command names one.',
  severity: 'low',
  confidence: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.7.4'],
  nist: ['AC-6', 'SC-7'],
  remediation:
    'Name the namespace of the application (or set it once in kustomization.yaml / `helm --namespace`):\n\n' +
    '```yaml\nmetadata:\n  name: api\n  namespace: payments\n```',
  references: [DOC.namespaces, DOC.cis],
  *check(r) {
    const ns = get(r.value, ['metadata', 'namespace']);
    // A core Service shares its kind with Knative's: only objects that run pods are workloads.
    if (isUnknown(ns) || !podOf(r)) return;
    if (ns === undefined || ns === null || ns === '')
      yield {
        message: 'no namespace: it is deployed to default unless one is given',
        at: ['metadata', 'namespace'],
      };
    else if (ns === 'default') yield { message: 'namespace: default', at: ['metadata', 'namespace'] };
  },
};

const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

export const namespacePodSecurity: IacRule = {
  id: 'iac/k8s-namespace-pod-security-missing',
  title: 'Namespace does not enforce a Pod Security level',
  description:
    'Pod Security admission enforces the Pod Security Standards per namespace, through the ' +
    'pod-security.kubernetes.io/enforce label. Without it the cluster default applies, which is ' +
    'privileged (nothing is checked) unless an administrator configured otherwise.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: ['Namespace'],
  cis: [],
  nist: ['CM-6', 'CM-7'],
  remediation:
    'Label the namespace with the level its workloads can meet:\n\n' +
    '```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n  labels:\n' +
    '    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest\n```',
  references: [DOC.psa, DOC.pss],
  *check(r) {
    const labels = get(r.value, ['metadata', 'labels']);
    if (isUnknown(labels)) return;
    if (isObject(labels) && labels[ENFORCE_LABEL] !== undefined) return;
    yield { message: `no ${ENFORCE_LABEL} label`, at: ['metadata', 'labels'] };
  },
};

export const NAMESPACE_RULES: readonly IacRule[] = [defaultNamespace, namespacePodSecurity];
