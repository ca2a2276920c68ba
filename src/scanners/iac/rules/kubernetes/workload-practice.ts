import { bool, isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { DOC } from './docs.js';
import { isWindowsPod, LONG_RUNNING_KINDS, WORKLOAD_KINDS } from './pod-spec.js';
import { containerSetting, perContainer } from './security-context.js';

export const readOnlyRootFilesystem: IacRule = {
  id: 'iac/k8s-writable-root-filesystem',
  title: "Container's root filesystem is writable",
  description:
    "A writable root filesystem lets an intruder replace the application's binaries and libraries, drop " +
    'tools and persist until the container is recreated. Mount an emptyDir where the application must write.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['CM-5', 'SI-7'],
  remediation:
    'Make the root filesystem read-only and give the application a scratch directory:\n\n' +
    '```yaml\nsecurityContext:\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - name: tmp\n    mountPath: /tmp\n```',
  references: [DOC.securityContext, DOC.checklist],
  check: (r) =>
    perContainer(r, (c, pod) => {
      const s = containerSetting(c, 'readOnlyRootFilesystem');
      if (isWindowsPod(pod) || isUnknown(s.value) || bool(s.value) === true) return undefined;
      return { message: 'readOnlyRootFilesystem is not true', at: s.at };
    }),
};

function probeRule(
  probe: 'livenessProbe' | 'readinessProbe',
  meta: Pick<IacRule, 'id' | 'title' | 'description'>,
) {
  const rule: IacRule = {
    ...meta,
    severity: 'low',
    platform: 'kubernetes',
    resourceTypes: LONG_RUNNING_KINDS,
    cis: [],
    nist: ['CP-10', 'SC-5'],
    remediation: `Declare a ${probe} on every long-running container:\n\n\`\`\`yaml\n${probe}:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 10\n\`\`\``,
    references: [DOC.probes],
    check: (r) =>
      perContainer(
        r,
        (c) =>
          c.value[probe] === undefined || c.value[probe] === null
            ? { message: `no ${probe}`, at: [...c.path, probe] }
            : undefined,
        ['containers'],
      ),
  };
  return rule;
}

export const livenessProbe = probeRule('livenessProbe', {
  id: 'iac/k8s-liveness-probe-missing',
  title: 'Long-running container has no liveness probe',
  description:
    'Without a liveness probe a container that hangs (deadlock, exhausted pool) stays up and keeps its ' +
    'share of traffic until a human notices: an availability problem an attacker can trigger at will.',
});

export const readinessProbe = probeRule('readinessProbe', {
  id: 'iac/k8s-readiness-probe-missing',
  title: 'Long-running container has no readiness probe',
  description:
    'Without a readiness probe a Service sends traffic to the container as soon as it starts and while it ' +
    'is failing, and rollouts proceed even when the new version never becomes ready.',
});

export const WORKLOAD_PRACTICE_RULES: readonly IacRule[] = [
  readOnlyRootFilesystem,
  livenessProbe,
  readinessProbe,
];
