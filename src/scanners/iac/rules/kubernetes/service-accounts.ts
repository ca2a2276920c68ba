import { bool, get, type IacResource, isUnknown } from '../../model.js';
import type { IacRule, RuleContext } from '../../rule.js';
import { DOC } from './docs.js';
import { type PodView, podOf, WORKLOAD_KINDS } from './pod-spec.js';

/** `serviceAccountName`, its deprecated alias `serviceAccount`, else the namespace's `default`. */
function accountOf(pod: PodView): { name: string; explicit: boolean } | undefined {
  const v = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
  if (isUnknown(v)) return undefined;
  return typeof v === 'string' && v ? { name: v, explicit: true } : { name: 'default', explicit: false };
}

const namespaceOf = (r: IacResource) => {
  const ns = get(r.value, ['metadata', 'namespace']);
  return typeof ns === 'string' && ns ? ns : 'default';
};

/** The ServiceAccount object of the same document, when the manifest ships it. */
function accountObject(ctx: RuleContext, r: IacResource, name: string): IacResource | undefined {
  return ctx
    .ofType('ServiceAccount')
    .find((sa) => get(sa.value, ['metadata', 'name']) === name && namespaceOf(sa) === namespaceOf(r));
}

export const podTokenAutomount: IacRule = {
  id: 'iac/k8s-service-account-token-mounted',
  title: 'Pod mounts the default service account token without needing the API',
  description:
    'Every pod gets a token for its service account mounted unless told otherwise. A pod that runs as the ' +
    'default service account has no reason to call the Kubernetes API, yet anyone who compromises it can ' +
    'use the token against the API server with whatever the default account was granted.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.1.6'],
  nist: ['AC-6', 'IA-5', 'CM-7'],
  remediation:
    'Do not mount the token (or give the pod its own service account when it does use the API):\n\n' +
    '```yaml\nspec:\n  automountServiceAccountToken: false\n```',
  references: [DOC.serviceAccounts, DOC.cis],
  *check(r, ctx) {
    const pod = podOf(r);
    if (!pod) return;
    const setting = pod.spec.automountServiceAccountToken;
    // An explicit value is a decision: false is the fix, true says the pod uses the API.
    if (isUnknown(setting) || bool(setting) !== undefined) return;
    const account = accountOf(pod);
    if (account?.name !== 'default') return;
    const object = accountObject(ctx, r, 'default');
    if (object && bool(object.value.automountServiceAccountToken) === false) return;
    yield {
      message: 'the token of the default service account is mounted (automountServiceAccountToken not false)',
      at: [...pod.specPath, 'automountServiceAccountToken'],
    };
  },
};

export const defaultServiceAccount: IacRule = {
  id: 'iac/k8s-default-service-account',
  title: 'Pod runs as the default service account',
  description:
    "Pods that name no service account share their namespace's default account: a permission granted to " +
    'one of them (often by binding the default account) is granted to all, and their API requests cannot ' +
    'be told apart in audit logs.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.1.5'],
  nist: ['AC-2', 'AC-6'],
  remediation:
    'Give each workload its own service account (without permissions unless it needs them):\n\n' +
    '```yaml\nspec:\n  serviceAccountName: payments-api\n  automountServiceAccountToken: false\n```',
  references: [DOC.serviceAccounts, DOC.cis],
  *check(r) {
    const pod = podOf(r);
    const account = pod && accountOf(pod);
    if (!pod || account?.name !== 'default') return;
    yield {
      message: account.explicit ? 'serviceAccountName: default' : 'no serviceAccountName: runs as default',
      at: [...pod.specPath, 'serviceAccountName'],
    };
  },
};

export const serviceAccountAutomount: IacRule = {
  id: 'iac/k8s-service-account-automount',
  title: 'ServiceAccount has its token mounted into every pod by default',
  description:
    'A ServiceAccount without automountServiceAccountToken: false has its token mounted into every pod ' +
    'that uses it, needed or not. Turning it off on the account and on only in the pods that call the ' +
    'API keeps tokens out of the pods an intruder is most likely to reach.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: ['ServiceAccount'],
  cis: ['cis-kubernetes:5.1.5', 'cis-kubernetes:5.1.6'],
  nist: ['AC-6', 'IA-5'],
  remediation:
    'Turn it off on the account; pods that need the API opt in with `automountServiceAccountToken: true`:\n\n' +
    '```yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\nautomountServiceAccountToken: false\n```',
  references: [DOC.serviceAccounts, DOC.cis],
  *check(r) {
    const v = r.value.automountServiceAccountToken;
    if (isUnknown(v) || bool(v) === false) return;
    yield {
      message:
        v === undefined
          ? 'automountServiceAccountToken is not set (defaults to true)'
          : 'automountServiceAccountToken: true',
      at: ['automountServiceAccountToken'],
    };
  },
};

export const SERVICE_ACCOUNT_RULES: readonly IacRule[] = [
  podTokenAutomount,
  defaultServiceAccount,
  serviceAccountAutomount,
];
