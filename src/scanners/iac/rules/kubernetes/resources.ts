import { get, type IacResource, type IacValue } from '../../model.js';
import type { IacRule, RuleContext } from '../../rule.js';
import { DOC } from './docs.js';
import { isObject, WORKLOAD_KINDS } from './pod-spec.js';
import { perContainer } from './security-context.js';

type Quantity = 'cpu' | 'memory';
type Kind = 'limits' | 'requests';

const namespaceOf = (r: IacResource): string => {
  const ns = get(r.value, ['metadata', 'namespace']);
  return typeof ns === 'string' && ns ? ns : 'default';
};

/**
 * A LimitRange in the same namespace and document gives containers default limits and
 * requests (a default limit is also the default request).
 */
function defaultedByLimitRange(r: IacResource, ctx: RuleContext, kind: Kind, quantity: Quantity): boolean {
  const keys = kind === 'limits' ? ['default'] : ['defaultRequest', 'default'];
  return ctx
    .ofType('LimitRange')
    .filter((lr) => namespaceOf(lr) === namespaceOf(r))
    .some((lr) => {
      const limits = get(lr.value, ['spec', 'limits']);
      return (
        Array.isArray(limits) &&
        limits.some(
          (l: IacValue) =>
            isObject(l) && l.type === 'Container' && keys.some((k) => get(l, [k, quantity]) !== undefined),
        )
      );
    });
}

const WHY: Record<Kind, Record<Quantity, string>> = {
  limits: {
    cpu:
      'Without a CPU limit one container can take every core of its node, starving the other pods and the ' +
      'kubelet: a bug or an attack (crypto mining is the usual one) becomes an outage of the node.',
    memory:
      'Without a memory limit one container can use all of the memory of its node, and the kernel OOM ' +
      'killer then picks victims among the other pods and system daemons.',
  },
  requests: {
    cpu:
      'Without a CPU request the scheduler assumes the container needs nothing: pods land on full nodes ' +
      'and get throttled, and the pod is the first evicted under pressure (BestEffort).',
    memory:
      'Without a memory request the scheduler assumes the container needs no memory: nodes get overcommitted ' +
      'and the pod is the first evicted when memory runs short.',
  },
};

function resourceRule(kind: Kind, quantity: Quantity): IacRule {
  const example = quantity === 'cpu' ? '500m' : '256Mi';
  return {
    id: `iac/k8s-${quantity}-${kind}-missing`,
    title: `Container has no ${quantity === 'cpu' ? 'CPU' : 'memory'} ${kind === 'limits' ? 'limit' : 'request'}`,
    description: WHY[kind][quantity],
    severity: 'low',
    platform: 'kubernetes',
    resourceTypes: WORKLOAD_KINDS,
    cis: [],
    nist: ['SC-5', 'SC-6'],
    cwe: ['CWE-770'],
    remediation:
      `Set \`resources.${kind}.${quantity}\` on every container (or a LimitRange default for the namespace):\n\n` +
      `\`\`\`yaml\nresources:\n  ${kind}:\n    ${quantity}: ${example}\n\`\`\``,
    references: [DOC.resources, DOC.limitRange],
    check: (r, ctx) => {
      if (defaultedByLimitRange(r, ctx, kind, quantity)) return [];
      return perContainer(
        r,
        (c) => {
          const at = [...c.path, 'resources', kind, quantity];
          const v = get(r.value, at);
          if (v !== undefined && v !== null) return undefined;
          return { message: `no ${quantity} ${kind === 'limits' ? 'limit' : 'request'}`, at };
        },
        ['containers', 'initContainers'],
      );
    },
  };
}

export const cpuLimits = resourceRule('limits', 'cpu');
export const memoryLimits = resourceRule('limits', 'memory');
export const cpuRequests = resourceRule('requests', 'cpu');
export const memoryRequests = resourceRule('requests', 'memory');

export const RESOURCE_RULES: readonly IacRule[] = [cpuLimits, memoryLimits, cpuRequests, memoryRequests];
