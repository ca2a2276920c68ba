import { bool, get, type IacResource, type IacValue, isUnknown, type KeyPath } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { DOC, PSS_BASELINE } from './docs.js';
import { isObject, podOf, WORKLOAD_KINDS } from './pod-spec.js';
import { containerSetting, inherited, perContainer } from './security-context.js';

const isTrue = (v: IacValue | undefined) => bool(v) === true;

export const privilegedContainer: IacRule = {
  id: 'iac/k8s-privileged-container',
  title: 'Container runs privileged',
  description:
    'A privileged container has every capability and all host devices, without seccomp, AppArmor or ' +
    'SELinux confinement: root in it is root on the node, and escaping to the node takes one mount.',
  severity: 'high',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.2'],
  nist: ['AC-6', 'CM-7', 'SC-39'],
  controls: PSS_BASELINE,
  cwe: ['CWE-250'],
  remediation:
    'Remove `privileged: true`; grant only the capability the workload needs:\n\n' +
    '```yaml\nsecurityContext:\n  privileged: false\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]\n```',
  references: [DOC.pss, DOC.securityContext, DOC.cis],
  check: (r) =>
    perContainer(r, (c) => {
      const s = containerSetting(c, 'privileged');
      return isTrue(s.value) ? { message: 'runs privileged (privileged: true)', at: s.at } : undefined;
    }),
};

/** hostNetwork / hostPID / hostIPC: a pod-level switch that puts the pod in the node's namespace. */
function hostNamespaceRule(
  field: 'hostNetwork' | 'hostPID' | 'hostIPC',
  meta: Pick<IacRule, 'id' | 'title' | 'description' | 'severity' | 'cis'>,
  what: string,
): IacRule {
  return {
    ...meta,
    platform: 'kubernetes',
    resourceTypes: WORKLOAD_KINDS,
    nist: ['SC-39', 'AC-6', 'CM-7'],
    controls: PSS_BASELINE,
    remediation: `Remove \`${field}: true\` (it defaults to false):\n\n\`\`\`yaml\nspec:\n  ${field}: false\n\`\`\``,
    references: [DOC.pss, DOC.cis],
    *check(r) {
      const pod = podOf(r);
      if (pod && isTrue(pod.spec[field]))
        yield { message: `${field}: true: the pod ${what}`, at: [...pod.specPath, field] };
    },
  };
}

export const hostNetwork = hostNamespaceRule(
  'hostNetwork',
  {
    id: 'iac/k8s-host-network',
    title: "Pod shares the node's network namespace",
    description:
      "With hostNetwork the pod sees every interface of the node, can sniff its traffic, reaches services bound to the node's " +
      'loopback (the kubelet, cloud metadata proxies) and is outside every NetworkPolicy.',
    severity: 'high',
    cis: ['cis-kubernetes:5.2.5'],
  },
  "uses the node's network stack",
);

export const hostPid = hostNamespaceRule(
  'hostPID',
  {
    id: 'iac/k8s-host-pid',
    title: "Pod shares the node's process namespace",
    description:
      'With hostPID the containers see every process of the node, can read their environment and memory ' +
      '(with ptrace) and signal them: secrets of other pods and of the kubelet are one /proc read away.',
    severity: 'high',
    cis: ['cis-kubernetes:5.2.3'],
  },
  'sees and can signal every process of the node',
);

export const hostIpc = hostNamespaceRule(
  'hostIPC',
  {
    id: 'iac/k8s-host-ipc',
    title: "Pod shares the node's IPC namespace",
    description:
      'With hostIPC the containers share System V shared memory and message queues with every process ' +
      'of the node, and can read or corrupt what other workloads exchange through them.',
    severity: 'medium',
    cis: ['cis-kubernetes:5.2.4'],
  },
  'shares IPC (shared memory, semaphores) with the node',
);

/** Host directories whose mount hands the node (or its container runtime) to the pod. */
const SENSITIVE_TREES = [
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/root',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio',
  '/run/crio',
  '/var/run/cri-dockerd.sock',
];
const SENSITIVE_EXACT = new Set(['/', '/var', '/run', '/var/run', '/home']);

function isSensitivePath(raw: string): boolean {
  const p = raw.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return SENSITIVE_EXACT.has(p) || SENSITIVE_TREES.some((t) => p === t || p.startsWith(`${t}/`));
}

/** A hostPath volume of a pod, or the hostPath of a PersistentVolume (which pods then mount through a claim). */
interface HostPath {
  name: string;
  path: IacValue | undefined;
  /** Path of the `hostPath` block. */
  at: KeyPath;
  subject?: string;
}

function hostPaths(r: IacResource): HostPath[] {
  if (r.type === 'PersistentVolume') {
    const hp = get(r.value, ['spec', 'hostPath']);
    return isObject(hp) ? [{ name: r.name, path: hp.path, at: ['spec', 'hostPath'] }] : [];
  }
  const pod = podOf(r);
  const list = pod?.spec.volumes;
  if (!pod || !Array.isArray(list)) return [];
  return list.flatMap((v, i) => {
    if (!isObject(v) || !isObject(v.hostPath)) return [];
    const name = String(v.name ?? i);
    return [
      {
        name,
        path: v.hostPath.path,
        at: [...pod.specPath, 'volumes', i, 'hostPath'],
        subject: `volume ${name}`,
      },
    ];
  });
}

export const hostPathVolume: IacRule = {
  id: 'iac/k8s-host-path-volume',
  title: 'Pod mounts a directory of the node (hostPath)',
  description:
    "A hostPath volume gives the pod a piece of the node's filesystem: it escapes the container's " +
    'isolation, ties the pod to a node, and a writable mount of the wrong directory is a node takeover.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.12'],
  nist: ['AC-6', 'CM-7', 'SC-39'],
  controls: PSS_BASELINE,
  remediation:
    'Use a volume type that does not expose the node (emptyDir, a PersistentVolumeClaim, a ConfigMap):\n\n' +
    '```yaml\nvolumes:\n  - name: cache\n    emptyDir: {}\n```',
  references: [DOC.pss, DOC.volumes, DOC.cis],
  *check(r) {
    for (const v of hostPaths(r))
      yield {
        message: `volume ${v.name} mounts the node's ${typeof v.path === 'string' ? v.path : 'filesystem'}`,
        at: v.at,
        ...(v.subject ? { subject: v.subject } : {}),
      };
  },
};

export const hostPathSensitive: IacRule = {
  id: 'iac/k8s-host-path-sensitive',
  title: 'Pod mounts a sensitive directory or the container runtime socket of the node',
  description:
    'Mounting /, /etc, /proc, /var/lib/kubelet or the Docker/containerd socket from the node (directly, or ' +
    'through a hostPath PersistentVolume) gives the pod ' +
    "the node's credentials, its kubelet certificates, or the power to start privileged containers: " +
    'it is root on the node.',
  severity: 'high',
  platform: 'kubernetes',
  resourceTypes: [...WORKLOAD_KINDS, 'PersistentVolume'],
  cis: ['cis-kubernetes:5.2.12'],
  nist: ['AC-6', 'SC-39'],
  controls: PSS_BASELINE,
  cwe: ['CWE-250'],
  remediation:
    'Do not mount system directories or runtime sockets; if an agent truly needs one, mount the narrowest ' +
    'path read-only and run it in a dedicated, locked-down namespace:\n\n' +
    '```yaml\nvolumeMounts:\n  - name: varlog\n    mountPath: /var/log\n    readOnly: true\n```',
  references: [DOC.volumes, DOC.pss],
  *check(r) {
    for (const v of hostPaths(r))
      if (typeof v.path === 'string' && isSensitivePath(v.path))
        yield {
          message: `${r.type === 'PersistentVolume' ? 'PersistentVolume' : 'volume'} ${v.name} mounts ${v.path} from the node`,
          at: [...v.at, 'path'],
          ...(v.subject ? { subject: v.subject } : {}),
        };
  },
};

export const hostPort: IacRule = {
  id: 'iac/k8s-host-port',
  title: 'Container binds a port on the node (hostPort)',
  description:
    "A hostPort opens the port on the node's own address: it bypasses Services and NetworkPolicies, " +
    'exposes the pod wherever the node is reachable, and limits scheduling to one such pod per node.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.13'],
  nist: ['SC-7', 'CM-7'],
  controls: PSS_BASELINE,
  remediation:
    'Remove `hostPort` and expose the port through a Service:\n\n' +
    '```yaml\nports:\n  - containerPort: 8080\n```',
  references: [DOC.pss, DOC.service, DOC.cis],
  check: (r) =>
    perContainer(r, (c) => {
      const ports = Array.isArray(c.value.ports) ? c.value.ports : [];
      const bound = ports.flatMap((p, i) =>
        isObject(p) && !isUnknown(p.hostPort) && Number(p.hostPort) > 0
          ? [{ i, port: String(p.hostPort) }]
          : [],
      );
      const first = bound[0];
      if (!first) return undefined;
      return {
        message: `binds node port ${bound.map((b) => b.port).join(', ')} (hostPort)`,
        at: [...c.path, 'ports', first.i, 'hostPort'],
      };
    }),
};

export const windowsHostProcess: IacRule = {
  id: 'iac/k8s-windows-host-process',
  title: 'Windows HostProcess container',
  description:
    'A Windows HostProcess container runs directly on the node as a node process, with the access of ' +
    'the user it runs as (often SYSTEM): there is no container isolation at all.',
  severity: 'high',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.2.11'],
  nist: ['AC-6', 'SC-39'],
  controls: PSS_BASELINE,
  cwe: ['CWE-250'],
  remediation:
    'Remove `hostProcess: true`; run node administration outside the cluster workloads:\n\n' +
    '```yaml\nsecurityContext:\n  windowsOptions:\n    hostProcess: false\n```',
  references: [DOC.hostProcess, DOC.pss, DOC.cis],
  check: (r): Iterable<Violation> =>
    inherited(r, {
      field: ['windowsOptions', 'hostProcess'],
      judge: (v) => (isTrue(v) ? 'hostProcess: true runs it as a process of the Windows node' : undefined),
    }),
};

export const PSS_HOST_RULES: readonly IacRule[] = [
  privilegedContainer,
  hostNetwork,
  hostPid,
  hostIpc,
  hostPathVolume,
  hostPathSensitive,
  hostPort,
  windowsHostProcess,
];
