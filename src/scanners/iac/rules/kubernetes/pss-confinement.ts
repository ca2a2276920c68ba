import { type IacResource, type IacValue, isUnknown, type KeyPath } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { DOC, PSS_BASELINE } from './docs.js';
import { containersOf, isObject, podOf, WORKLOAD_KINDS } from './pod-spec.js';
import { containerSetting, inherited, perContainer } from './security-context.js';

export const procMountUnmasked: IacRule = {
  id: 'iac/k8s-proc-mount-unmasked',
  title: 'Container asks for an unmasked /proc',
  description:
    "Runtimes mask and make read-only the parts of /proc that expose the node's kernel (/proc/sys, " +
    '/proc/kcore...). procMount: Unmasked removes that protection; it is only meant for nested containers.',
  severity: 'high',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['AC-6', 'SC-39'],
  controls: PSS_BASELINE,
  remediation:
    'Remove `procMount` or set it to Default:\n\n```yaml\nsecurityContext:\n  procMount: Default\n```',
  references: [DOC.pss, DOC.securityContext],
  check: (r) =>
    perContainer(r, (c) => {
      const s = containerSetting(c, 'procMount');
      if (s.value === undefined || s.value === null || isUnknown(s.value) || s.value === 'Default')
        return undefined;
      return { message: `procMount: ${String(s.value)} exposes the unmasked /proc of the node`, at: s.at };
    }),
};

/** SELinux types a container may run as under the baseline standard. */
const SELINUX_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

function judgeSeLinux(v: IacValue): string | undefined {
  if (!isObject(v)) return undefined;
  const bad: string[] = [];
  if (typeof v.type === 'string' && v.type && !SELINUX_TYPES.has(v.type)) bad.push(`type ${v.type}`);
  if (typeof v.user === 'string' && v.user) bad.push(`user ${v.user}`);
  if (typeof v.role === 'string' && v.role) bad.push(`role ${v.role}`);
  return bad.length > 0 ? `custom SELinux ${bad.join(', ')}` : undefined;
}

export const seLinuxOptions: IacRule = {
  id: 'iac/k8s-selinux-custom-options',
  title: 'Pod or container sets a custom SELinux user, role or type',
  description:
    'SELinux confines containers through the container_t type. Setting another type (spc_t, unconfined_t), ' +
    'a user or a role takes the container out of that confinement.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['AC-3', 'AC-6'],
  controls: PSS_BASELINE,
  remediation:
    'Set only the level (MCS categories), or nothing:\n\n' +
    '```yaml\nsecurityContext:\n  seLinuxOptions:\n    level: "s0:c123,c456"\n```',
  references: [DOC.pss, DOC.securityContext],
  check: (r) => inherited(r, { field: ['seLinuxOptions'], judge: judgeSeLinux }),
};

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

/** The deprecated per-container annotations (`<prefix><container name>: value`) whose value `bad` accepts. */
function* annotated(
  r: IacResource,
  prefix: string,
  bad: (v: string) => boolean,
  message: string,
): Generator<Violation> {
  const pod = podOf(r);
  const annotations = pod?.meta.annotations;
  if (!pod || !isObject(annotations)) return;
  for (const c of containersOf(pod)) {
    const v = annotations[`${prefix}${c.name}`];
    if (typeof v === 'string' && bad(v))
      yield { message, at: [...pod.metaPath, 'annotations', `${prefix}${c.name}`], subject: c.subject };
  }
}

export const apparmorUnconfined: IacRule = {
  id: 'iac/k8s-apparmor-unconfined',
  title: 'Container runs without AppArmor (unconfined)',
  description:
    "The runtime's default AppArmor profile stops a container from writing to /proc and /sys, mounting, " +
    'and other escape primitives. An unconfined profile removes those barriers.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['AC-3', 'CM-7'],
  controls: PSS_BASELINE,
  remediation:
    'Use the runtime default profile (or a profile loaded on the nodes):\n\n' +
    '```yaml\nsecurityContext:\n  appArmorProfile:\n    type: RuntimeDefault\n```',
  references: [DOC.apparmor, DOC.pss],
  *check(r) {
    yield* inherited(r, {
      field: ['appArmorProfile', 'type'],
      judge: (v) => (v === 'Unconfined' ? 'AppArmor profile Unconfined' : undefined),
    });
    yield* annotated(
      r,
      APPARMOR_ANNOTATION,
      (v) => v === 'unconfined',
      'AppArmor annotation says unconfined',
    );
  },
};

const unconfinedSeccomp = (v: string) => v === 'unconfined';

export const seccompUnconfined: IacRule = {
  id: 'iac/k8s-seccomp-unconfined',
  title: 'Seccomp explicitly disabled (Unconfined)',
  description:
    'Seccomp filters the system calls a container can make; the runtime default blocks the ones behind most ' +
    'kernel container escapes. Unconfined lets the container call anything the kernel offers.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.7.2'],
  nist: ['CM-7', 'SC-39'],
  controls: PSS_BASELINE,
  remediation:
    'Use the runtime default profile:\n\n```yaml\nsecurityContext:\n  seccompProfile:\n    type: RuntimeDefault\n```',
  references: [DOC.seccomp, DOC.pss, DOC.cis],
  *check(r) {
    yield* inherited(r, {
      field: ['seccompProfile', 'type'],
      judge: (v) => (v === 'Unconfined' ? 'seccomp profile Unconfined' : undefined),
    });
    const pod = podOf(r);
    const annotations = pod?.meta.annotations;
    if (pod && isObject(annotations) && annotations[SECCOMP_POD_ANNOTATION] === 'unconfined')
      yield {
        message: 'pod seccomp annotation says unconfined',
        at: [...pod.metaPath, 'annotations', SECCOMP_POD_ANNOTATION],
      };
    yield* annotated(
      r,
      SECCOMP_CONTAINER_ANNOTATION,
      unconfinedSeccomp,
      'seccomp annotation says unconfined',
    );
  },
};

/** Namespaced sysctls every kubelet allows: they cannot affect other pods or the node. */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export const unsafeSysctl: IacRule = {
  id: 'iac/k8s-unsafe-sysctl',
  title: 'Pod sets a sysctl outside the safe set',
  description:
    'Only a few namespaced sysctls are isolated per pod. Others change kernel behaviour for every ' +
    'workload on the node, or can exhaust it, and the baseline standard forbids them.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['CM-7', 'SC-39'],
  controls: PSS_BASELINE,
  remediation:
    'Keep to the safe sysctls, and tune node-wide ones on the nodes themselves:\n\n' +
    '```yaml\nsecurityContext:\n  sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: "1024 65535"\n```',
  references: [DOC.sysctls, DOC.pss],
  *check(r) {
    const pod = podOf(r);
    const list = pod?.spec.securityContext;
    const sysctls = isObject(list) ? list.sysctls : undefined;
    if (!pod || !Array.isArray(sysctls)) return;
    const base: KeyPath = [...pod.specPath, 'securityContext', 'sysctls'];
    for (const [i, s] of sysctls.entries()) {
      // `net/ipv4/tcp_syncookies` is another spelling of `net.ipv4.tcp_syncookies`.
      const name = isObject(s) && typeof s.name === 'string' ? s.name.replace(/\//g, '.') : undefined;
      if (name && !SAFE_SYSCTLS.has(name))
        yield {
          message: `sysctl ${name} is not in the safe set`,
          at: [...base, i, 'name'],
          subject: `sysctl ${name}`,
        };
    }
  },
};

export const PSS_CONFINEMENT_RULES: readonly IacRule[] = [
  procMountUnmasked,
  seLinuxOptions,
  apparmorUnconfined,
  seccompUnconfined,
  unsafeSysctl,
];
