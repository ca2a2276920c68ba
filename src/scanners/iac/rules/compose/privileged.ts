import { bool } from '../../model.js';
import { COMPOSE_REFERENCE, composeRule } from './service.js';

export const composePrivileged = composeRule({
  id: 'iac/compose-privileged',
  title: 'Service runs a privileged container',
  description:
    '`privileged: true` gives the container every capability, all host devices and no seccomp or AppArmor ' +
    'confinement: root in the container is root on the host, a breakout is a single mount away.',
  severity: 'high',
  cis: [],
  nist: ['AC-6', 'SC-39'],
  cwe: ['CWE-250'],
  remediation:
    'Remove `privileged` and grant only the capability the service needs:\n\n```yaml\nservices:\n  app:\n' +
    '    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n```',
  references: [`${COMPOSE_REFERENCE}#privileged`],
  *check(r) {
    if (bool(r.value.privileged) === true) yield { message: 'privileged: true', at: ['privileged'] };
  },
});
