import { COMPOSE_REFERENCE, composeRule, mounts } from './service.js';

/** Container runtime API sockets: whoever talks to them controls the host. */
const SOCKET = /^\/(var\/)?run\/(docker|containerd\/containerd|crio\/crio|podman\/podman)\.sock$/;

export const composeDockerSocket = composeRule({
  id: 'iac/compose-docker-socket',
  title: 'Docker socket mounted into a service',
  description:
    'The Docker API socket is root on the host: a process that can reach it can start a privileged ' +
    'container mounting the host filesystem. Mounting it (even read-only: `:ro` does not restrict API calls) ' +
    'turns any compromise of the service into a compromise of the host.',
  severity: 'high',
  cis: [],
  nist: ['AC-6', 'SC-39'],
  cwe: ['CWE-250'],
  remediation:
    'Remove the mount; if the service must drive Docker, put a filtering proxy in front of the socket ' +
    '(granting only the API calls it needs) or use a rootless daemon:\n\n```yaml\nservices:\n  app:\n' +
    '    volumes:\n      - ./data:/data\n```',
  references: [
    `${COMPOSE_REFERENCE}#volumes`,
    'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
  ],
  *check(r) {
    for (const m of mounts(r))
      if (m.hostPath && SOCKET.test(m.hostPath.replace(/\/+$/, '')))
        yield {
          message: `mounts the container runtime socket ${m.hostPath}`,
          at: m.at,
          subject: `volume ${m.hostPath}`,
        };
  },
});
