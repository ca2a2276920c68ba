import { COMPOSE_REFERENCE, composeRule, text } from './service.js';

const NAMESPACES: Record<string, string> = {
  network_mode: 'network',
  pid: 'process',
  ipc: 'IPC',
  userns_mode: 'user',
  uts: 'UTS',
};

export const composeHostNamespace = composeRule({
  id: 'iac/compose-host-namespace',
  title: 'Service shares a host namespace',
  description:
    'Sharing the host network, PID, IPC, UTS or user namespace removes a layer of isolation: with the host ' +
    'network the container reaches every local-only service and bypasses published-port rules; with the host ' +
    'PID namespace it sees (and may signal or ptrace) every host process; with host IPC it reads shared memory ' +
    'of host processes; with the host user namespace root in the container is root on the host.',
  severity: 'high',
  cis: [],
  nist: ['SC-39', 'SC-7'],
  remediation:
    'Drop the setting and publish only the ports the service needs:\n\n```yaml\nservices:\n  app:\n' +
    '    ports:\n      - "127.0.0.1:8080:8080"\n```',
  references: [`${COMPOSE_REFERENCE}#network_mode`, `${COMPOSE_REFERENCE}#pid`, `${COMPOSE_REFERENCE}#ipc`],
  *check(r) {
    for (const [key, name] of Object.entries(NAMESPACES))
      if (text(r.value[key])?.toLowerCase() === 'host')
        yield { message: `${key}: host shares the host's ${name} namespace`, at: [key], subject: key };
  },
});
