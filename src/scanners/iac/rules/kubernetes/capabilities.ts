import { get, type IacResource, isUnknown } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { DOC, PSS_BASELINE, PSS_RESTRICTED } from './docs.js';
import { type ContainerView, isWindowsPod, WORKLOAD_KINDS } from './pod-spec.js';
import { containerSetting, perContainer } from './security-context.js';

/** Capabilities the Pod Security Standards baseline still allows a container to add. */
const BASELINE = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Capabilities known to lead from a container to the node (mounts, modules, ptrace, raw I/O, eBPF...). */
const DANGEROUS = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'NET_ADMIN',
  'BPF',
  'PERFMON',
  'DAC_READ_SEARCH',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
]);

/** `cap_sys_admin` and `SYS_ADMIN` are the same capability to the runtime. */
const normalise = (c: string) => c.toUpperCase().replace(/^CAP_/, '');

/** Added capabilities (normalised) with their index in `capabilities.add`. */
function added(c: ContainerView): { cap: string; i: number }[] {
  const list = get(c.value, ['securityContext', 'capabilities', 'add']);
  if (!Array.isArray(list)) return [];
  return list.flatMap((v, i) => (typeof v === 'string' ? [{ cap: normalise(v), i }] : []));
}

/** One finding per container naming the added capabilities `pick` selects, at the first of them. */
function addedCheck(pick: (cap: string) => boolean, what: string, skipWindows = false) {
  return (r: IacResource): Iterable<Violation> =>
    perContainer(r, (c, pod) => {
      if (skipWindows && isWindowsPod(pod)) return undefined;
      const bad = added(c).filter((a) => pick(a.cap));
      const first = bad[0];
      if (!first) return undefined;
      return {
        message: `adds ${bad.map((b) => b.cap).join(', ')} (${what})`,
        at: [...c.path, 'securityContext', 'capabilities', 'add', first.i],
      };
    });
}

export const dangerousCapability: IacRule = {
  id: 'iac/k8s-dangerous-capability',
  title: 'Container adds a capability that gives away the node (SYS_ADMIN, NET_ADMIN, SYS_PTRACE...)',
  description:
    'SYS_ADMIN allows mounts and most of what root can do, SYS_MODULE loads kernel modules, SYS_PTRACE reads ' +
    "other processes' memory, NET_ADMIN rewrites the network, BPF and PERFMON load kernel programs: each is a " +
    'well-known route out of the container.',
  severity: 'high',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.9'],
  nist: ['AC-6', 'CM-7'],
  controls: PSS_BASELINE,
  cwe: ['CWE-250'],
  remediation:
    'Remove the capability; if the workload needs a kernel feature, run that part as a separate, audited ' +
    'node agent:\n\n```yaml\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n```',
  references: [DOC.pss, DOC.securityContext, DOC.cis],
  check: addedCheck((c) => DANGEROUS.has(c), 'a route from the container to the node'),
};

export const addedCapability: IacRule = {
  id: 'iac/k8s-added-capability',
  title: 'Container adds a capability outside the Pod Security baseline',
  description:
    'The baseline Pod Security Standard lets containers add only a short list of capabilities ' +
    '(CHOWN, SETUID, NET_BIND_SERVICE...). Anything else, NET_RAW (packet spoofing) or SYS_TIME for ' +
    'instance, widens what a compromised container can do to its neighbours and the node.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.8', 'cis-kubernetes:5.2.9'],
  nist: ['AC-6', 'CM-7'],
  controls: PSS_BASELINE,
  remediation:
    'Remove the capability from `capabilities.add`:\n\n' +
    '```yaml\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]\n```',
  references: [DOC.pss, DOC.securityContext, DOC.cis],
  check: addedCheck((c) => !BASELINE.has(c) && !DANGEROUS.has(c), 'not allowed by the baseline'),
};

export const restrictedCapability: IacRule = {
  id: 'iac/k8s-capability-not-restricted',
  title: 'Container adds a capability other than NET_BIND_SERVICE',
  description:
    'The restricted Pod Security Standard allows a container to add back only NET_BIND_SERVICE. CHOWN, ' +
    'SETUID, DAC_OVERRIDE and the other baseline capabilities let a process change owners, identities ' +
    'and bypass file permissions inside the container.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.9'],
  nist: ['AC-6'],
  controls: PSS_RESTRICTED,
  remediation:
    'Fix file ownership in the image instead of at run time, and add nothing but NET_BIND_SERVICE:\n\n' +
    '```yaml\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]\n```',
  references: [DOC.pss, DOC.securityContext],
  check: addedCheck(
    (c) => BASELINE.has(c) && c !== 'NET_BIND_SERVICE',
    'the restricted standard allows only NET_BIND_SERVICE',
    true,
  ),
};

export const capabilitiesNotDropped: IacRule = {
  id: 'iac/k8s-capabilities-not-dropped',
  title: 'Container does not drop ALL capabilities',
  description:
    'Container runtimes give every container a default set of capabilities, NET_RAW (ARP and DNS spoofing ' +
    'on the pod network) among them. The restricted standard requires dropping ALL and adding back only ' +
    'what is needed.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.8', 'cis-kubernetes:5.2.10'],
  nist: ['AC-6', 'CM-7'],
  controls: PSS_RESTRICTED,
  remediation: 'Drop every capability:\n\n```yaml\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n```',
  references: [DOC.pss, DOC.securityContext, DOC.cis],
  check: (r) =>
    perContainer(r, (c, pod) => {
      if (isWindowsPod(pod)) return undefined;
      const s = containerSetting(c, 'capabilities', 'drop');
      if (isUnknown(s.value)) return undefined;
      const drop = Array.isArray(s.value) ? s.value : [];
      if (drop.some((d) => typeof d === 'string' && normalise(d) === 'ALL')) return undefined;
      return {
        message: s.value === undefined ? 'drops no capabilities' : 'drops some capabilities but not ALL',
        at: s.at,
      };
    }),
};

export const CAPABILITY_RULES: readonly IacRule[] = [
  dangerousCapability,
  addedCapability,
  restrictedCapability,
  capabilitiesNotDropped,
];
