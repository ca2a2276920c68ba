import { bool, get, type IacValue, isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { DOC, PSS_RESTRICTED } from './docs.js';
import { containersOf, isObject, isWindowsPod, podOf, WORKLOAD_KINDS } from './pod-spec.js';
import { containerSetting, inherited, perContainer } from './security-context.js';

export const allowPrivilegeEscalation: IacRule = {
  id: 'iac/k8s-allow-privilege-escalation',
  title: 'Container may gain privileges (allowPrivilegeEscalation not false)',
  description:
    'Unless allowPrivilegeEscalation is false, a process in the container can gain more privileges than its ' +
    'parent through setuid binaries or file capabilities (no_new_privs is not set): a foothold as an ' +
    'unprivileged user becomes root in the container.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.6'],
  nist: ['AC-6', 'AC-6(10)'],
  controls: PSS_RESTRICTED,
  cwe: ['CWE-269'],
  remediation:
    'Set it on every container:\n\n```yaml\nsecurityContext:\n  allowPrivilegeEscalation: false\n```',
  references: [DOC.pss, DOC.securityContext, DOC.cis],
  check: (r) =>
    perContainer(r, (c, pod) => {
      const s = containerSetting(c, 'allowPrivilegeEscalation');
      if (isWindowsPod(pod) || isUnknown(s.value) || bool(s.value) === false) return undefined;
      const message =
        s.value === undefined || s.value === null
          ? 'allowPrivilegeEscalation is not set (it defaults to true)'
          : 'allowPrivilegeEscalation: true';
      return { message, at: s.at };
    }),
};

export const runAsNonRoot: IacRule = {
  id: 'iac/k8s-run-as-non-root',
  title: 'Container is not required to run as a non-root user',
  description:
    'Without runAsNonRoot: true (on the container, or on the pod for all its containers) the container runs ' +
    'as whatever user the image names, root for most images: a compromise of the process is root in the ' +
    'container, one kernel bug away from the node.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.7'],
  nist: ['AC-6', 'AC-6(10)'],
  controls: PSS_RESTRICTED,
  cwe: ['CWE-250'],
  remediation:
    'Require a non-root user for the whole pod (the image must define a numeric non-root USER, or set runAsUser):\n\n' +
    '```yaml\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n```',
  references: [DOC.pss, DOC.securityContext, DOC.cis],
  check: (r) =>
    inherited(r, {
      field: ['runAsNonRoot'],
      judge: (v) => (bool(v) === false ? 'runAsNonRoot: false' : undefined),
      missing: 'runAsNonRoot is set neither on the container nor on the pod',
    }),
};

const isRootUid = (v: IacValue) => v === 0 || v === '0';

export const runAsUserRoot: IacRule = {
  id: 'iac/k8s-run-as-user-root',
  title: 'Container runs as user 0 (root)',
  description:
    'runAsUser: 0 runs the container as root whatever the image says: every file of the container is ' +
    'writable, and any kernel or runtime escape starts as root.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.7'],
  nist: ['AC-6', 'AC-6(10)'],
  controls: PSS_RESTRICTED,
  cwe: ['CWE-250'],
  remediation:
    'Run as a non-root UID:\n\n```yaml\nsecurityContext:\n  runAsNonRoot: true\n  runAsUser: 10001\n```',
  references: [DOC.pss, DOC.securityContext],
  check: (r) =>
    inherited(r, {
      field: ['runAsUser'],
      judge: (v) => (isRootUid(v) ? 'runAsUser: 0 runs it as root' : undefined),
    }),
};

/** The deprecated seccomp annotations still name a profile for pods written before the field existed. */
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

const isSet = (v: IacValue | undefined) => v !== undefined && v !== null;

export const seccompProfileMissing: IacRule = {
  id: 'iac/k8s-seccomp-profile-missing',
  title: 'No seccomp profile (RuntimeDefault or Localhost) for the container',
  description:
    'Without a seccomp profile on the pod or the container, the container runs with every system call ' +
    'allowed, including the rarely used ones behind most kernel escapes. The restricted standard requires ' +
    'RuntimeDefault or a Localhost profile.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.7.2'],
  nist: ['CM-7', 'SC-39'],
  controls: PSS_RESTRICTED,
  remediation:
    'Set the runtime default profile for the whole pod:\n\n' +
    '```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n```',
  references: [DOC.seccomp, DOC.pss, DOC.cis],
  *check(r) {
    const pod = podOf(r);
    if (!pod || isWindowsPod(pod)) return;
    const annotations = isObject(pod.meta.annotations) ? pod.meta.annotations : {};
    if (isSet(get(pod.spec, ['securityContext', 'seccompProfile', 'type']))) return;
    if (isSet(annotations[SECCOMP_POD_ANNOTATION])) return;
    for (const c of containersOf(pod)) {
      const own = containerSetting(c, 'seccompProfile', 'type');
      if (isSet(own.value) || isSet(annotations[`${SECCOMP_CONTAINER_ANNOTATION}${c.name}`])) continue;
      yield { message: 'no seccomp profile on the container or the pod', at: own.at, subject: c.subject };
    }
  },
};

/** Volume types the restricted standard allows: none of them exposes the node. */
const RESTRICTED_VOLUMES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

export const restrictedVolumeType: IacRule = {
  id: 'iac/k8s-restricted-volume-type',
  title: 'Pod uses a volume type outside the restricted list',
  description:
    'The restricted standard allows only volume types that cannot reach the node or arbitrary storage ' +
    '(configMap, secret, emptyDir, projected, downwardAPI, persistentVolumeClaim, csi, ephemeral). In-tree ' +
    'types such as nfs, iscsi, rbd or gitRepo let a pod author reach storage outside the PV/PVC access ' +
    'controls (gitRepo also runs git on the node). hostPath is reported by iac/k8s-host-path-volume.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['AC-6', 'CM-7'],
  controls: PSS_RESTRICTED,
  remediation:
    'Mount external storage through a PersistentVolumeClaim, which an administrator provisions:\n\n' +
    '```yaml\nvolumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data\n```',
  references: [DOC.pss, DOC.volumes],
  *check(r) {
    const pod = podOf(r);
    const volumes = pod?.spec.volumes;
    if (!pod || !Array.isArray(volumes)) return;
    for (const [i, v] of volumes.entries()) {
      if (!isObject(v)) continue;
      const types = Object.keys(v).filter((k) => k !== 'name');
      // A volume with no source is defaulted to emptyDir by the API server.
      const type = types.find((t) => !RESTRICTED_VOLUMES.has(t));
      if (!type || type === 'hostPath' || types.some((t) => RESTRICTED_VOLUMES.has(t))) continue;
      const name = String(v.name ?? i);
      yield {
        message: `volume ${name} is of type ${type}`,
        at: [...pod.specPath, 'volumes', i, type],
        subject: `volume ${name}`,
      };
    }
  },
};

export const PSS_RESTRICTED_RULES: readonly IacRule[] = [
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsUserRoot,
  seccompProfileMissing,
  restrictedVolumeType,
];
