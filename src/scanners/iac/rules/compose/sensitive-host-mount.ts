import { COMPOSE_REFERENCE, composeRule, mounts } from './service.js';

/** Host directories whose content (or write access to it) gives away the host. */
const SENSITIVE = [
  '/etc',
  '/root',
  '/boot',
  '/proc',
  '/sys',
  '/dev',
  '/var/lib/docker',
  '/var/lib/kubelet',
  '/lib/modules',
];
/** Mounting these whole (not a file under them) exposes too much, even read-only. */
const WHOLE = new Set([
  '/',
  '/etc',
  '/root',
  '/boot',
  '/var/run',
  '/run',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/home',
]);
const SOCKET = /\.sock$/;

function risky(path: string, readOnly: boolean): boolean {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (SOCKET.test(p)) return false; // the docker-socket rule's business
  if (WHOLE.has(p)) return true;
  return !readOnly && SENSITIVE.some((d) => p === d || p.startsWith(`${d}/`));
}

export const composeSensitiveHostMount = composeRule({
  id: 'iac/compose-sensitive-host-mount',
  title: 'Sensitive host directory mounted into a service',
  description:
    'Bind-mounting host system directories (/, /etc, /root, /proc, /sys, /dev, /var/lib/docker…) gives the ' +
    'container the host’s credentials, configuration and kernel interfaces: with write access it can add ' +
    'users, change boot or service files and take over the host. Read-only mounts of single files (like ' +
    '/etc/localtime) are fine.',
  severity: 'high',
  cis: [],
  nist: ['AC-6', 'SC-39'],
  cwe: ['CWE-668'],
  remediation:
    'Mount only the application’s own data, read-only where possible:\n\n```yaml\nservices:\n  app:\n' +
    '    volumes:\n      - ./config:/etc/app:ro\n      - /etc/localtime:/etc/localtime:ro\n```',
  references: [`${COMPOSE_REFERENCE}#volumes`],
  *check(r) {
    for (const m of mounts(r))
      if (m.hostPath && risky(m.hostPath, m.readOnly))
        yield {
          message: `mounts the host's ${m.hostPath}${m.readOnly ? ' (read-only)' : ' read-write'}`,
          at: m.at,
          subject: `volume ${m.hostPath}`,
        };
  },
});
